import DuikouDemo
import DuikouKit
import Foundation

/// The reference workload: N projects that look like real ones, built deterministically from a
/// seeded `SeededGenerator` (the demo's), so that every path and every run inserts exactly the
/// same records.
///
/// Besides the `NewProject` values it keeps the text the raw SQLite path binds (the lower-case id
/// and the ISO date), computed once here, so that the raw baseline times SQLite and nothing else.
struct Workload: Sendable {
    /// The projects, in insertion order.
    let projects: [NewProject]
    /// The lower-case text id of each project, as DuikouKit stores it.
    let keys: [String]
    /// The ISO date of each project's first update.
    let dates: [String]
    /// A date midway through the data, for the report as of a past date.
    let asOf: LocalDate

    /// The seed every run uses.
    static let seed: UInt64 = 0x4455_494B_4F55_2017

    /// The statuses projects cycle over: signed … operating, and some suspended or terminated.
    /// 23 entries, prime to the 8 pairings and 18 tasks, so that the combinations vary.
    static let statusCycle: [ProjectStatus] = [
        .signed, .landed, .started, .completed, .operating, .started, .signed, .landed, .suspended, .operating,
        .started, .completed, .signed, .landed, .started, .operating, .terminated, .completed, .signed, .landed,
        .started, .suspended, .operating,
    ]

    /// Builds `count` projects.
    init(count: Int) throws {
        var random = SeededGenerator(seed: Self.seed)
        var projects: [NewProject] = []
        var keys: [String] = []
        var dates: [String] = []
        projects.reserveCapacity(count)
        keys.reserveCapacity(count)
        dates.reserveCapacity(count)
        for index in 0..<count {
            let pairing = WordLists.pairings[index % WordLists.pairings.count]
            let status = Self.statusCycle[index % Self.statusCycle.count]
            let id = Self.uuid(&random)
            let date = try Self.date(&random)
            let plannedWan = Self.plannedWan(&random)
            let northeast = random.pick(pairing.northeast)
            let east = random.pick(pairing.east)
            let key = id.uuidString.lowercased()
            projects.append(try NewProject(
                id: id, pairing: pairing.id, task: WordLists.tasks[index % WordLists.tasks.count],
                title: Self.title(northeast, &random),
                description: Self.description(northeast: northeast, east: east, plannedWan: plannedWan, &random),
                northeastParty: northeast + random.pick(WordLists.northeastParties),
                eastParty: east + random.pick(WordLists.eastNames) + random.pick(WordLists.eastSuffixes),
                landmark: plannedWan >= 500_000 || random.pick(0...11) == 0,
                planned: try Money(yuan: Int64(plannedWan) * 10_000),
                status: status, date: date,
                completed: try Money(yuan: Int64(Self.completedWan(plannedWan, status, &random)) * 10_000)
            ))
            keys.append(key)
            dates.append(date.description)
        }
        self.projects = projects
        self.keys = keys
        self.dates = dates
        asOf = try LocalDate(year: 2021, month: 6, day: 30)
    }

    /// A version-4 UUID from the generator's bits.
    static func uuid(_ random: inout SeededGenerator) -> UUID {
        let high = random.next()
        let low = random.next()
        var bytes = [UInt8](repeating: 0, count: 16)
        for offset in 0..<8 {
            bytes[offset] = UInt8(truncatingIfNeeded: high >> (56 - 8 * offset))
            bytes[8 + offset] = UInt8(truncatingIfNeeded: low >> (56 - 8 * offset))
        }
        bytes[6] = (bytes[6] & 0x0F) | 0x40
        bytes[8] = (bytes[8] & 0x3F) | 0x80
        return UUID(uuid: (bytes[0], bytes[1], bytes[2], bytes[3], bytes[4], bytes[5], bytes[6], bytes[7],
                           bytes[8], bytes[9], bytes[10], bytes[11], bytes[12], bytes[13], bytes[14], bytes[15]))
    }

    /// A date from 2017-01-01 to 2024-12-31.
    static func date(_ random: inout SeededGenerator) throws -> LocalDate {
        let year = random.pick(2017...2024)
        let month = random.pick(1...12)
        let lengths = [31, year % 4 == 0 ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31]
        return try LocalDate(year: year, month: month, day: random.pick(1...lengths[month - 1]))
    }

    /// A planned investment from 0.5亿 to 80亿 in whole 万元, small projects more common than large ones.
    static func plannedWan(_ random: inout SeededGenerator) -> Int {
        switch random.pick(0...9) {
        case 0...3: random.pick(5_000...20_000)
        case 4...6: random.pick(20_000...100_000)
        case 7...8: random.pick(100_000...300_000)
        default: random.pick(300_000...800_000)
        }
    }

    /// The completed investment in 万元, at most the planned one, as far along as the status says.
    static func completedWan(_ plannedWan: Int, _ status: ProjectStatus, _ random: inout SeededGenerator) -> Int {
        let percent: Int
        switch status {
        case .planned, .negotiating, .signed: percent = 0
        case .landed: percent = random.pick(0...5)
        case .started: percent = random.pick(5...60)
        case .completed: percent = random.pick(70...100)
        case .operating: percent = random.pick(85...100)
        case .suspended: percent = random.pick(5...50)
        case .terminated: percent = random.pick(0...30)
        }
        return plannedWan * percent / 100
    }

    /// A title of about 20 characters: 大庆智能机器人产业园建设项目（一期）.
    static func title(_ place: String, _ random: inout SeededGenerator) -> String {
        var title = place + random.pick(WordLists.qualifiers) + random.pick(WordLists.industries) + random.pick(WordLists.kinds)
        if title.count < 20 { title += random.pick(WordLists.phases) }
        return title
    }

    /// A description of about 60 characters.
    static func description(northeast: String, east: String, plannedWan: Int, _ random: inout SeededGenerator) -> String {
        let yi = Double(plannedWan) / 10_000
        return "由\(east)企业与\(northeast)合作建设，总投资\(String(format: "%.1f", yi))亿元，"
            + "建设年产\(random.pick(2...80))\(random.pick(WordLists.outputUnits))\(random.pick(WordLists.industries))生产线，"
            + "达产后年产值约\(random.pick(5...120))亿元，新增就业\(random.pick(2...30) * 100)人。"
    }
}
