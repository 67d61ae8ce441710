import Foundation
import Testing
@testable import DuikouKit

/// Early warnings: each rule at the edges of its bands, the order, thresholds, the pairing filter,
/// as-of dates and the JSON and CSV forms.
@Suite struct AlertTests {
    static let asOf = try! LocalDate(parsing: "2025-06-30")

    /// The date `days` before the as-of date.
    static func ago(_ days: Int) -> LocalDate { LocalDate(daysSinceEpoch: asOf.daysSinceEpoch - Int64(days)) }

    @discardableResult
    static func add(
        _ repository: Repository, _ title: String, pairing: String = "harbin-shenzhen", status: ProjectStatus = .signed, on date: LocalDate,
        plannedStart: LocalDate? = nil, plannedCompletion: LocalDate? = nil
    ) throws -> UUID {
        try repository.addProject(NewProject(pairing: pairing, task: "2.1", title: title, status: status, date: date,
                                             plannedStart: plannedStart, plannedCompletion: plannedCompletion)).id
    }

    static func alerts(_ repository: Repository, _ rule: AlertRule? = nil, asOf: LocalDate = asOf, pairing: String? = nil,
                       thresholds: AlertThresholds = .standard) throws -> [Alert] {
        try repository.alerts(AlertQuery(asOf: asOf, pairing: pairing, rules: rule.map { [$0] } ?? [], thresholds: thresholds))
    }

    @Test func stalledAtTheEdgesOfItsBands() throws {
        let database = try TemporaryDatabase()
        let repository = try database.open()
        var ids: [Int: UUID] = [:]
        for days in [180, 181, 365, 366] {
            ids[days] = try Self.add(repository, "停滞 \(days)", status: .started, on: Self.ago(days))
        }
        let alerts = try Self.alerts(repository, .stalled)
        #expect(alerts.map(\.days) == [366, 365, 181])
        #expect(alerts.map(\.level) == [.red, .yellow, .yellow])
        #expect(alerts.map(\.project) == [ids[366], ids[365], ids[181]])
        #expect(alerts[0].since == Self.ago(366))
        // A later update restarts the count; planned, operating and terminated projects never stall.
        try repository.recordUpdate(NewProgressUpdate(date: Self.ago(10), note: "现场检查"), toProject: #require(ids[366]))
        try Self.add(repository, "谋划", status: .planned, on: Self.ago(900))
        try Self.add(repository, "投产", status: .operating, on: Self.ago(900))
        try Self.add(repository, "终止", status: .terminated, on: Self.ago(900))
        #expect(try Self.alerts(repository, .stalled).map(\.days) == [365, 181])
    }

    @Test func overdueMilestonesAtTheEdgesOfTheirBands() throws {
        let database = try TemporaryDatabase()
        let repository = try database.open()
        let start = Self.ago(1000)
        for days in [0, 1, 90, 91] {
            try Self.add(repository, "开工 \(days)", on: start, plannedStart: Self.ago(days))
            try Self.add(repository, "竣工 \(days)", status: .started, on: start, plannedCompletion: Self.ago(days))
        }
        let starts = try Self.alerts(repository, .startOverdue)
        #expect(starts.map(\.days) == [91, 90, 1])
        #expect(starts.map(\.level) == [.red, .yellow, .yellow])
        let completions = try Self.alerts(repository, .completionOverdue)
        #expect(completions.map(\.days) == [91, 90, 1])
        #expect(completions.map(\.level) == [.red, .yellow, .yellow])
        #expect(completions.allSatisfy { $0.messageZH.contains("计划竣工日期") && $0.messageEN.contains("planned completion") })
        // Started (or suspended after starting) clears start_overdue; completed clears completion_overdue.
        let late = try Self.add(repository, "逾期后开工", on: start, plannedStart: Self.ago(200), plannedCompletion: Self.ago(100))
        #expect(try Self.alerts(repository, .startOverdue).contains { $0.project == late })
        try repository.recordUpdate(NewProgressUpdate(date: Self.ago(50), status: .started), toProject: late)
        try repository.recordUpdate(NewProgressUpdate(date: Self.ago(40), status: .suspended), toProject: late)
        #expect(try !Self.alerts(repository, .startOverdue).contains { $0.project == late })
        #expect(try Self.alerts(repository, .completionOverdue).contains { $0.project == late && $0.level == .red })
        try repository.recordUpdate(NewProgressUpdate(date: Self.ago(5), status: .completed), toProject: late)
        #expect(try !Self.alerts(repository, .completionOverdue).contains { $0.project == late })
    }

    @Test func suspendedLongCountsFromTheStartOfTheSuspension() throws {
        let database = try TemporaryDatabase()
        let repository = try database.open()
        var ids: [Int: UUID] = [:]
        for days in [180, 181] {
            let id = try Self.add(repository, "停建 \(days)", status: .started, on: Self.ago(800))
            try repository.recordUpdate(NewProgressUpdate(date: Self.ago(days), status: .suspended), toProject: id)
            // A note while suspended does not restart the count.
            try repository.recordUpdate(NewProgressUpdate(date: Self.ago(3), note: "仍在停建"), toProject: id)
            ids[days] = id
        }
        // Resumed and suspended again: the count starts at the second suspension.
        let again = try Self.add(repository, "再次停建", status: .started, on: Self.ago(900))
        try repository.recordUpdate(NewProgressUpdate(date: Self.ago(800), status: .suspended), toProject: again)
        try repository.recordUpdate(NewProgressUpdate(date: Self.ago(700), status: .started), toProject: again)
        try repository.recordUpdate(NewProgressUpdate(date: Self.ago(200), status: .suspended), toProject: again)
        let alerts = try Self.alerts(repository, .suspendedLong)
        #expect(alerts.map(\.project) == [again, ids[181]])
        #expect(alerts.map(\.days) == [200, 181])
        #expect(alerts.allSatisfy { $0.level == .red })
        #expect(alerts[0].since == Self.ago(200))
    }

    @Test func notLandedCountsFromTheSigning() throws {
        let database = try TemporaryDatabase()
        let repository = try database.open()
        let landed = try Self.add(repository, "已落地", on: Self.ago(500))
        try repository.recordUpdate(NewProgressUpdate(date: Self.ago(400), status: .landed), toProject: landed)
        let signed365 = try Self.add(repository, "签约 365", on: Self.ago(365))
        let signed366 = try Self.add(repository, "签约 366", on: Self.ago(366))
        let negotiated = try Self.add(repository, "洽谈后签约", status: .negotiating, on: Self.ago(600))
        try repository.recordUpdate(NewProgressUpdate(date: Self.ago(400), status: .signed), toProject: negotiated)
        let alerts = try Self.alerts(repository, .notLanded)
        #expect(alerts.map(\.project) == [negotiated, signed366])
        #expect(alerts.map(\.since) == [Self.ago(400), Self.ago(366)])
        #expect(alerts.allSatisfy { $0.level == .yellow })
        #expect(!alerts.contains { $0.project == signed365 || $0.project == landed })
    }

    @Test func redComesFirstThenTheLongestStanding() throws {
        let database = try TemporaryDatabase()
        let repository = try database.open()
        try Self.add(repository, "黄 900", on: Self.ago(900))             // stalled red 900 and not_landed yellow 900
        try Self.add(repository, "红 400", status: .landed, on: Self.ago(400)) // stalled red 400
        try Self.add(repository, "黄 200", status: .landed, on: Self.ago(200)) // stalled yellow 200
        let alerts = try Self.alerts(repository)
        #expect(alerts.map(\.level) == [.red, .red, .yellow, .yellow])
        #expect(alerts.map(\.days) == [900, 400, 900, 200])
        #expect(alerts.map(\.rule) == [.stalled, .stalled, .notLanded, .stalled])
    }

    @Test func thresholdsAreOptions() throws {
        let database = try TemporaryDatabase()
        let repository = try database.open()
        try Self.add(repository, "30 天", status: .landed, on: Self.ago(31))
        #expect(try Self.alerts(repository).isEmpty)
        let tight = try AlertThresholds(stalledDays: 30, stalledRedDays: 30)
        #expect(try Self.alerts(repository, thresholds: tight).map(\.level) == [.red])
        #expect(try Self.alerts(repository, thresholds: AlertThresholds(stalledDays: 30)).map(\.level) == [.yellow])
        for bad in [{ try AlertThresholds(stalledDays: -1) }, { try AlertThresholds(stalledDays: 400) },
                    { try AlertThresholds(overdueRedDays: AlertThresholds.maximumDays + 1) }] {
            #expect(throws: DuikouError.self) { _ = try bad() }
            do { _ = try bad() } catch let error as DuikouError { #expect(error.code == .invalidInput) }
        }
    }

    @Test func pairingFilterTakesThePairingsBelow() throws {
        let database = try TemporaryDatabase()
        let repository = try database.open()
        try repository.addRegion(Region(code: "440600", nameZH: "佛山市", nameEN: "Foshan", level: .prefectureCity, side: .east))
        try repository.addRegion(Region(code: "230800", nameZH: "佳木斯市", nameEN: "Jiamusi", level: .prefectureCity, side: .northeast))
        try repository.addPairing(NewPairing(id: "foshan-jiamusi", northeast: "230800", east: "440600", parent: "heilongjiang-guangdong"))
        let inParent = try Self.add(repository, "上级", pairing: "heilongjiang-guangdong", on: Self.ago(400))
        let inChild = try Self.add(repository, "下级", pairing: "foshan-jiamusi", on: Self.ago(400))
        try Self.add(repository, "其他", pairing: "jilin-zhejiang", on: Self.ago(400))
        #expect(Set(try Self.alerts(repository, .stalled, pairing: "heilongjiang-guangdong").map(\.project)) == [inParent, inChild])
        #expect(try Self.alerts(repository, .stalled, pairing: "foshan-jiamusi").map(\.project) == [inChild])
        #expect(try Self.alerts(repository).count == 6)
        #expect(throws: DuikouError.self) { try Self.alerts(repository, pairing: "nowhere") }
    }

    @Test func asOfUsesEachProjectsStateThen() throws {
        let database = try TemporaryDatabase()
        let repository = try database.open()
        let id = try Self.add(repository, "後来开工", on: Self.ago(500), plannedStart: Self.ago(300))
        try repository.recordUpdate(NewProgressUpdate(date: Self.ago(100), status: .started), toProject: id)
        // Now: started 100 days ago, nothing fires.
        #expect(try Self.alerts(repository).isEmpty)
        // 150 days ago: signed 350 days before, no update for 350 days, planned start 150 days past.
        let then = Self.ago(150)
        let alerts = try Self.alerts(repository, asOf: then)
        #expect(alerts.map(\.rule) == [.startOverdue, .stalled])
        #expect(alerts.map(\.level) == [.red, .yellow])
        #expect(alerts.map(\.days) == [150, 350])
        // Before the project was recorded there is nothing to warn about.
        #expect(try Self.alerts(repository, asOf: Self.ago(501)).isEmpty)
    }

    @Test func jsonAndCSVShapes() throws {
        let database = try TemporaryDatabase()
        let repository = try database.open()
        let title = "模具\"基地\", 第一期\n🏭"
        let id = try Self.add(repository, title, on: Self.ago(400))
        let alerts = try Self.alerts(repository)
        let listing = Listing.alerts(alerts, catalogue: try repository.catalogue())
        guard case .array(let rows) = listing.json, case .object(let members) = rows.first else {
            Issue.record("not an array of objects")
            return
        }
        #expect(members.map(\.0) == ["project", "pairing", "rule", "level", "since", "days", "message_zh", "message_en"])
        let data = try JSONEncoder().encode(alerts)
        let decoded = try JSONDecoder().decode([Alert].self, from: data)
        #expect(decoded.map(\.project) == [id, id])
        #expect(decoded.map(\.rule) == alerts.map(\.rule))
        #expect(decoded.map(\.messageZH) == alerts.map(\.messageZH))
        let object = try #require(try JSONSerialization.jsonObject(with: data) as? [[String: Any]])
        #expect(Set(object[0].keys) == ["project", "pairing", "rule", "level", "since", "days", "message_zh", "message_en"])
        let csv = listing.csv
        #expect(csv.hasPrefix("project,pairing,rule,level,since,days,message_zh,message_en\r\n"))
        #expect(listing.table.contains("模具"))
        #expect(csv.components(separatedBy: "\r\n").count == 4)
    }
}
