#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif
import DuikouKit

/// Illustrative sample data built on the real pairings, tasks and named parks of the plan.
///
/// The projects, amounts and exchanges are invented (标注：示例数据，虚构), shaped after the public
/// figures in the plan's reference notes so that reports look like the real thing. The same data
/// comes out on every run, and a database that holds it is marked as DuikouKit's `SampleData`.
public enum DemoData {
    /// What a demo database holds.
    public struct Summary: Sendable, Hashable {
        /// Projects recorded.
        public let projects: Int
        /// Progress updates recorded, the first updates included.
        public let updates: Int
        /// Parks recorded.
        public let parks: Int
        /// Cadre exchanges recorded.
        public let exchanges: Int
        /// Reform measures copied from the East.
        public let reforms: Int
        /// Meetings and visits.
        public let meetings: Int
        /// Funding records.
        public let funding: Int
        /// Plan targets set, for ``planYear``.
        public let targets: Int
    }

    /// The year the sample work plans set targets for: the last whole year of the sample data.
    public static let planYear = 2024

    /// Creates a demo database at `path`, or rebuilds one made by an earlier demo.
    ///
    /// The data is written to a temporary file beside `path` and moved into place when complete,
    /// so that a failure leaves nothing half-written.
    ///
    /// - Parameters:
    ///   - path: the database file to create or rebuild.
    ///   - identity: who writes the data, for the audit log.
    /// - Returns: the repository, open on `path`, and what it holds.
    /// - Throws: `DuikouError` with code `invalidInput` when `path` holds a database with other
    ///   data: the demo never writes into it.
    public static func create(at path: String, identity: AuditIdentity = AuditIdentity(command: "demo")) throws -> (Repository, Summary) {
        let fileManager = FileManager.default
        if fileManager.fileExists(atPath: path) {
            try refuseOtherData(at: path)
        }
        let temporary = path + ".building-\(ProcessInfo.processInfo.processIdentifier)"
        removeDatabase(at: temporary)
        let summary: Summary
        do {
            let repository = try Repository(path: temporary, options: Repository.Options(identity: identity))
            summary = try populate(repository)
        } catch {
            removeDatabase(at: temporary)
            throw error
        }
        removeDatabase(at: path)
        do {
            try fileManager.moveItem(atPath: temporary, toPath: path)
        } catch {
            removeDatabase(at: temporary)
            throw DuikouError(.io, "cannot move the demo database into place at \(String(reflecting: path)): \(error)")
        }
        return (try Repository(path: path), summary)
    }

    private static func refuseOtherData(at path: String) throws {
        let existing = try Repository(path: path)
        if try !existing.isSampleData, try !existing.isEmpty {
            throw DuikouError(.invalidInput, "\(String(reflecting: path)) holds other data; the demo writes only into a new database or an earlier demo's",
                              field: "database", recordID: path)
        }
    }

    private static func removeDatabase(at path: String) {
        for suffix in ["", "-wal", "-shm"] {
            try? FileManager.default.removeItem(atPath: path + suffix)
        }
    }

    /// Fills an empty repository with the sample data and marks it as DuikouKit's `SampleData`.
    ///
    /// ``create(at:identity:)`` builds a whole demo database; this fills one an embedder has opened
    /// already, such as a test's. The repository must hold none of the records the demo adds.
    ///
    /// - Returns: what was written.
    public static func populate(_ repository: Repository) throws -> Summary {
        var random = SeededGenerator(seed: 2017_0307)
        for city in DemoCatalogue.cities {
            try repository.addRegion(Region(code: city.code, nameZH: city.zh, nameEN: city.en, level: .prefectureCity, side: city.side))
        }
        for pairing in DemoCatalogue.cityPairings {
            _ = try repository.addPairing(NewPairing(id: pairing.id, northeast: pairing.northeast, east: pairing.east, parent: pairing.parent))
        }
        let parks = try DemoCatalogue.parks.map { park in
            try repository.addPark(NewPark(
                id: random.uuid(), pairing: park.pairing, name: park.name, kind: park.kind, hostRegion: park.host,
                partner: park.partner, established: LocalDate(parsing: park.established),
                plannedArea: LandArea(parsingKm2: park.areaKm2), benefitSharing: park.benefitSharing))
        }
        var projects: [NewProject] = []
        var updates: [(project: UUID, update: NewProgressUpdate)] = []
        var budgets = Dictionary(uniqueKeysWithValues: parks.map { park in
            (park.id, (park.plannedArea?.squareMetres ?? 0) * DemoCatalogue.parkYuanPerKm2 / 1_000_000)
        })
        for plan in DemoCatalogue.pairingPlans {
            for _ in 0..<plan.projects {
                let story = try DemoProjectStory.make(
                    for: plan, parks: parks.filter { $0.pairing == plan.pairing }, budgets: &budgets, using: &random)
                projects.append(story.project)
                updates += story.updates.map { (project: story.project.id, update: $0) }
            }
        }
        try repository.addProjects(projects)
        try repository.recordUpdates(updates)
        let exchanges = try DemoCatalogue.exchanges(using: &random)
        for exchange in exchanges { try repository.addExchange(exchange) }
        let soft = try DemoSoftCooperation.records(
            for: DemoCatalogue.pairingPlans, catalogue: try repository.catalogue(), projects: projects, using: &random)
        try repository.write { transaction in
            for reform in soft.reforms { try transaction.addReform(reform) }
            for meeting in soft.meetings { try transaction.addMeeting(meeting) }
            for funding in soft.funding { try transaction.addFunding(funding) }
        }
        let targets = try setPlanTargets(in: repository, using: &random)
        try repository.markAsSampleData()
        return Summary(projects: projects.count, updates: projects.count + updates.count, parks: parks.count,
                       exchanges: exchanges.count, reforms: soft.reforms.count, meetings: soft.meetings.count,
                       funding: soft.funding.count, targets: targets)
    }

    /// Sets invented targets for ``planYear`` near each pairing's actual figures, some above and some
    /// below, so that the evaluation has targets met and missed.
    private static func setPlanTargets(in repository: Repository, using random: inout SeededGenerator) throws -> Int {
        let metrics: [PlanMetric] = [.projectsSigned, .projectsStarted, .investmentSignedYuan, .investmentCompletedYuan, .cadresSecondedToEast,
                                     .reformsCopied, .meetingsHeld]
        var count = 0
        for plan in DemoCatalogue.pairingPlans where !plan.exploring {
            let actuals = try repository.planActuals(pairing: plan.pairing, year: planYear)
            for metric in metrics {
                let actual = actuals[metric] ?? 0
                let percent = Int64.random(in: 80...125, using: &random)
                // Round money targets to 万元 and keep at least one of anything counted.
                let target = metric.isMoney ? actual / 100 * percent / 10_000 * 10_000 : max(1, (actual * percent + 50) / 100)
                try repository.setTarget(NewPlanTarget(pairing: plan.pairing, year: planYear, metric: metric, target: target))
                count += 1
            }
        }
        return count
    }
}
