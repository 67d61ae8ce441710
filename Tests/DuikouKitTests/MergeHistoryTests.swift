import Foundation
import Testing
@testable import DuikouKit

/// Merge carries whole histories: corrections with their reasons, the originals they superseded,
/// unchanged reports, voids and plan revisions, each with the time it was recorded; into an empty
/// database, into one holding the beginning of the history, twice, and refused where the two
/// histories went different ways.
@Suite struct MergeHistoryTests {
    private let source: TemporaryDatabase
    private let target: TemporaryDatabase
    private let theirs: Repository
    private let ours: Repository
    private let clock = RecordingClock()

    /// Reasons as people type them: Chinese, emoji, quotes, commas and a line break.
    private static let slipReason = "万/亿 录错，\"2.1亿\" 应为 2100万, 见附件 📎\n第二行：核对人 王科长"
    private static let stageReason = "投产录成开工 🚧, 'operating' → started"
    private static let planReason = "设备到货推迟, \"二期\" 🚚\n追加说明"

    init() throws {
        source = try TemporaryDatabase()
        target = try TemporaryDatabase()
        var options = Repository.Options()
        let clock = clock
        options.clock = { clock.now }
        theirs = try source.open(options)
        ours = try target.open(options)
    }

    private func day(_ text: String) throws -> LocalDate { try LocalDate(parsing: text) }

    private func add(_ title: String, _ date: String, planned: String = "5亿", start: String? = nil, completion: String? = nil,
                     in repository: Repository? = nil) throws -> UUID {
        try (repository ?? theirs).addProject(NewProject(
            pairing: "harbin-shenzhen", task: "2.2", title: title, planned: Money(parsing: planned), date: day(date),
            plannedStart: start.map { try day($0) }, plannedCompletion: completion.map { try day($0) })).id
    }

    private func update(_ id: UUID, _ date: String, status: ProjectStatus? = nil, completed: String? = nil, note: String? = nil,
                        in repository: Repository? = nil) throws {
        try (repository ?? theirs).recordUpdate(
            NewProgressUpdate(date: day(date), status: status, completed: completed.map { try Money(parsing: $0) }, note: note), toProject: id)
    }

    private func merge() throws -> MergeReport { try ours.merge(from: source.path) }

    /// The project as `project show --format json` prints it.
    private func shown(_ id: UUID, in repository: Repository) throws -> Data {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        return try encoder.encode(repository.projectHistory(id))
    }

    /// A database with every kind of history: a 万/亿 slip corrected, a stage keyed wrongly
    /// corrected, an unchanged report, a void and two plan revisions, recorded on different days.
    private func populate() throws -> (slip: UUID, stage: UUID, duplicate: UUID, planned: UUID) {
        clock.set("2025-01-02T02:00:00.000Z")
        let slip = try add("新能源汽车零部件项目", "2024-01-10")
        let stage = try add("五常大米“产地仓”", "2023-05-01")
        let duplicate = try add("重复录入的项目", "2024-02-01")
        let planned = try add("智能装备, \"二期\" 🤖", "2024-03-01", planned: "12.5亿", start: "2024-06-01", completion: "2025-12-31")
        clock.set("2025-01-05T03:00:00.000Z")
        try update(slip, "2024-03-01", status: .started, completed: "2.1亿")
        try update(stage, "2023-09-01", status: .operating, note: "投产, 见\n简报")
        clock.set("2025-01-10T04:00:00.000Z")
        try theirs.correctUpdate(UpdateCorrection(sequence: 2, completed: Money(parsing: "2100万"), reason: Self.slipReason), ofProject: slip)
        try theirs.correctUpdate(UpdateCorrection(sequence: 2, status: .started, reason: Self.stageReason), ofProject: stage)
        try theirs.reviseProjectPlan(planned, NewPlanRevision(plannedCompletion: day("2026-06-30"), reason: Self.planReason))
        clock.set("2025-01-15T05:00:00.000Z")
        try theirs.recordUpdate(NewProgressUpdate(unchangedOn: day("2024-06-30"), note: "无变化 ✅"), toProject: slip)
        try theirs.voidProject(duplicate, reason: "重复录入, 见\"保留\"的项目 🗑")
        try theirs.reviseProjectPlan(planned, NewPlanRevision(planned: Money(parsing: "15亿"), plannedStart: day("2024-09-01"), reason: "追加投资，改期"))
        return (slip, stage, duplicate, planned)
    }

    /// The answers `--known-on` gives on each of the recording days and between them.
    private func knownOnAnswers(_ repository: Repository) throws -> [String] {
        try ["2025-01-01", "2025-01-02", "2025-01-05", "2025-01-09", "2025-01-10", "2025-01-15", "2025-02-01"].map { text in
            let known = try day(text)
            let progress = try repository.progress(ProgressQuery(grouping: .pairing, knownOn: known)).total
            let listed = try repository.projects(ProjectFilter(knownOn: known))
                .map { "\($0.id.key) \($0.status.rawValue) \($0.completed.yuan) \($0.statusDate)" }
            return "\(text): \(progress.projects) \(ProjectStatus.allCases.map { progress.byStatus[$0] ?? 0 }) \(progress.completedInvestment.yuan) \(listed)"
        }
    }

    // MARK: - Into an empty database

    @Test func everyProjectShowsTheSameAfterAMergeIntoAnEmptyDatabase() throws {
        let ids = try populate()
        clock.set("2025-03-01T00:00:00.000Z")

        let report = try merge()

        #expect(report.conflicts.isEmpty)
        #expect(report[.project] == MergeReport.Counts(added: 4, updated: 1))  // the void is an update of the project added
        #expect(report[.progressUpdate] == MergeReport.Counts(added: 3 + 2 + 1 + 1))  // originals, superseded ones included
        #expect(report[.correction] == MergeReport.Counts(added: 2))
        #expect(report[.planRevision] == MergeReport.Counts(added: 2))
        for id in [ids.slip, ids.stage, ids.duplicate, ids.planned] {
            #expect(try ours.projectHistory(id) == (try theirs.projectHistory(id)))
            #expect(try shown(id, in: ours) == (try shown(id, in: theirs)))
        }
        let slip = try ours.projectHistory(ids.slip)
        #expect(slip.updates.map(\.completed.yuan) == [0, 21_000_000, 21_000_000])
        #expect(slip.updates[1].reason == Self.slipReason)
        #expect(slip.updates[2].unchanged)
        #expect(slip.superseded.map(\.completed.yuan) == [210_000_000])
        #expect(slip.superseded.first?.supersededAt == slip.updates[1].recordedAt)
        #expect(try ours.projectHistory(ids.stage).project.status == .started)
        let planned = try ours.projectHistory(ids.planned)
        #expect(planned.planRevisions.map(\.reason) == [Self.planReason, "追加投资，改期"])
        #expect(planned.project.planned?.yuan == 1_500_000_000)
        #expect(planned.project.plannedCompletion == (try day("2026-06-30")))
        #expect(try ours.projectHistory(ids.duplicate).voided?.reason == "重复录入, 见\"保留\"的项目 🗑")
        // Known on any day, the merged database answers as theirs did.
        #expect(try knownOnAnswers(ours) == (try knownOnAnswers(theirs)))
        #expect(try ours.progress() == (try theirs.progress()))
        #expect(try ours.check().isSound)
        // The merge is one entry of the audit log, naming what it carried.
        let logged = try #require(try ours.history().last)
        #expect(logged.action == .merge)
        #expect(logged.summary.contains("2 corrections"))
        #expect(logged.summary.contains("2 plan revisions"))

        // A second merge changes nothing and says so.
        let again = try merge()
        #expect(!again.changesAnything)
        #expect(again.conflicts.isEmpty)
        #expect(again[.correction] == MergeReport.Counts(identical: 2))
        #expect(again[.planRevision] == MergeReport.Counts(identical: 2))
        #expect(again[.progressUpdate] == MergeReport.Counts(identical: 7))
        #expect(try ours.history().count == 1)
        for id in [ids.slip, ids.stage, ids.duplicate, ids.planned] {
            #expect(try shown(id, in: ours) == (try shown(id, in: theirs)))
        }
        #expect(try ours.check().isSound)
    }

    @Test func aDryRunCountsWhatWouldBeCarriedAndWritesNothing() throws {
        _ = try populate()
        let report = try ours.merge(from: source.path, options: MergeOptions(dryRun: true))
        #expect(report[.correction].added == 2)
        #expect(report[.planRevision].added == 2)
        #expect(try ours.projects().isEmpty)
        #expect(try ours.history().isEmpty)
    }

    // MARK: - Into a database holding the beginning of the history

    @Test func laterCorrectionsOfUpdatesWeHoldAreCarried() throws {
        clock.set("2025-01-02T02:00:00.000Z")
        let slip = try add("新能源汽车零部件项目", "2024-01-10")
        let planned = try add("智能装备", "2024-03-01", start: "2024-06-01")
        try update(slip, "2024-03-01", status: .started, completed: "2.1亿")
        #expect(try merge().changesAnything)

        // Then they correct the update we hold, report unchanged and revise the plan.
        clock.set("2025-01-10T04:00:00.000Z")
        try theirs.correctUpdate(UpdateCorrection(sequence: 2, completed: Money(parsing: "2100万"), reason: Self.slipReason), ofProject: slip)
        try theirs.recordUpdate(NewProgressUpdate(unchangedOn: day("2024-06-30")), toProject: slip)
        try theirs.reviseProjectPlan(planned, NewPlanRevision(plannedStart: day("2024-08-01"), reason: Self.planReason))
        clock.set("2025-02-01T00:00:00.000Z")

        let report = try merge()

        #expect(report.conflicts.isEmpty)
        #expect(report[.correction] == MergeReport.Counts(added: 1))
        #expect(report[.progressUpdate] == MergeReport.Counts(added: 1, identical: 3))
        #expect(report[.planRevision] == MergeReport.Counts(added: 1))
        #expect(report[.project] == MergeReport.Counts(identical: 2))
        for id in [slip, planned] {
            #expect(try shown(id, in: ours) == (try shown(id, in: theirs)))
        }
        #expect(try ours.projectHistory(slip).project.completed.yuan == 21_000_000)
        #expect(try ours.projectHistory(planned).project.plannedStart == (try day("2024-08-01")))
        #expect(try knownOnAnswers(ours) == (try knownOnAnswers(theirs)))
        #expect(try ours.check().isSound)

        let again = try merge()
        #expect(!again.changesAnything)
        #expect(again.conflicts.isEmpty)
        #expect(try ours.check().isSound)
    }

    @Test func preferTheirsTakesTheirFieldsButNotOlderPlannedFigures() throws {
        clock.set("2025-01-02T02:00:00.000Z")
        let id = try add("智能装备", "2024-03-01", start: "2024-06-01")
        _ = try merge()
        // We revise the plan (ours is newer); they rename the project.
        try ours.reviseProjectPlan(id, NewPlanRevision(plannedStart: day("2024-08-01"), reason: Self.planReason))
        try tamper(source.path, "UPDATE project SET title = '智能装备（二期）, \"改名\"' WHERE id = '\(id.key)'")

        let report = try ours.merge(from: source.path, options: MergeOptions(preference: .theirs))

        #expect(report[.project] == MergeReport.Counts(updated: 1, conflicts: 1))
        #expect(report.conflicts.first?.differences.map(\.field) == ["title"])
        let project = try ours.projectHistory(id).project
        #expect(project.title == "智能装备（二期）, \"改名\"")
        #expect(project.plannedStart == (try day("2024-08-01")))
        #expect(try ours.planRevisions(ofProject: id).count == 1)
        #expect(try ours.check().isSound)
    }

    @Test func theirCorrectionIsCarriedPastAnUpdateOfOurOwn() throws {
        clock.set("2025-01-02T02:00:00.000Z")
        let id = try add("新能源汽车零部件项目", "2024-01-10")
        try update(id, "2024-03-01", status: .started, completed: "2.1亿")
        _ = try merge()
        clock.set("2025-01-05T00:00:00.000Z")
        try update(id, "2024-09-30", completed: "2.5亿", note: "三季度", in: ours)
        clock.set("2025-01-10T00:00:00.000Z")
        try theirs.correctUpdate(UpdateCorrection(sequence: 2, completed: Money(parsing: "2100万"), reason: Self.slipReason), ofProject: id)

        let report = try merge()

        #expect(report.conflicts.isEmpty)
        #expect(report[.correction] == MergeReport.Counts(added: 1))
        let history = try ours.projectHistory(id)
        #expect(history.updates.map(\.completed.yuan) == [0, 21_000_000, 250_000_000])
        #expect(history.updates[1].reason == Self.slipReason)
        #expect(history.superseded.map(\.completed.yuan) == [210_000_000])
        #expect(history.project.completed.yuan == 250_000_000)
        #expect(try ours.check().isSound)
        #expect(try !merge().changesAnything)
    }

    @Test func ourCorrectionStaysAndTheirLaterUpdateIsAppended() throws {
        clock.set("2025-01-02T02:00:00.000Z")
        let id = try add("新能源汽车零部件项目", "2024-01-10")
        try update(id, "2024-03-01", status: .started, completed: "2.1亿")
        _ = try merge()
        clock.set("2025-01-05T00:00:00.000Z")
        try ours.correctUpdate(UpdateCorrection(sequence: 2, completed: Money(parsing: "2100万"), reason: "我方更正"), ofProject: id)
        try update(id, "2024-12-31", status: .completed, completed: "2.6亿")

        let report = try merge()

        #expect(report.conflicts.isEmpty)
        #expect(report[.progressUpdate] == MergeReport.Counts(added: 1, identical: 2))
        let history = try ours.projectHistory(id)
        #expect(history.updates.map(\.completed.yuan) == [0, 21_000_000, 260_000_000])
        #expect(history.updates[1].reason == "我方更正")
        #expect(history.project.status == .completed)
        #expect(try ours.check().isSound)
        #expect(try !merge().changesAnything)
    }

    @Test func anUpdateWeHoldWithTheirCorrectedValuesIsTheSame() throws {
        // As a merge that carried histories in force only left it: their corrected figure, as a plain update.
        clock.set("2025-01-02T02:00:00.000Z")
        let id = try add("新能源汽车零部件项目", "2024-01-10")
        try ours.addProject(NewProject(id: id, pairing: "harbin-shenzhen", task: "2.2", title: "新能源汽车零部件项目", planned: Money(parsing: "5亿"),
                                       date: day("2024-01-10")))
        try update(id, "2024-03-01", status: .started, completed: "2.1亿")
        try update(id, "2024-03-01", status: .started, completed: "2100万", in: ours)
        try theirs.correctUpdate(UpdateCorrection(sequence: 2, completed: Money(parsing: "2100万"), reason: Self.slipReason), ofProject: id)
        let before = try shown(id, in: ours)

        let report = try merge()

        #expect(report.conflicts.isEmpty)
        #expect(!report.changesAnything)
        #expect(report[.progressUpdate] == MergeReport.Counts(identical: 2))
        #expect(report[.correction] == MergeReport.Counts(identical: 1))
        #expect(try shown(id, in: ours) == before)
    }

    // MARK: - Histories that went different ways

    @Test func aCorrectionOfAnUpdateWeCorrectedOtherwiseIsAConflictAndNothingIsWritten() throws {
        clock.set("2025-01-02T02:00:00.000Z")
        let id = try add("新能源汽车零部件项目", "2024-01-10")
        let planned = try add("智能装备", "2024-03-01", start: "2024-06-01")
        try update(id, "2024-03-01", status: .started, completed: "2.1亿")
        _ = try merge()
        clock.set("2025-01-05T00:00:00.000Z")
        try ours.correctUpdate(UpdateCorrection(sequence: 2, completed: Money(parsing: "2000万"), reason: "我方: 2000万"), ofProject: id)
        try ours.reviseProjectPlan(planned, NewPlanRevision(plannedStart: day("2024-07-01"), reason: "我方改期"))
        try theirs.correctUpdate(UpdateCorrection(sequence: 2, completed: Money(parsing: "2100万"), reason: Self.slipReason), ofProject: id)
        try theirs.reviseProjectPlan(planned, NewPlanRevision(plannedStart: day("2024-08-01"), reason: Self.planReason))
        let before = try [shown(id, in: ours), shown(planned, in: ours)]

        for preference in MergePreference.allCases {
            let report = try ours.merge(from: source.path, options: MergeOptions(preference: preference))
            #expect(!report.changesAnything || preference == .theirs)
            let correction = try #require(report.conflicts.first { $0.kind == .correction })
            #expect(correction.id == id.key)
            #expect(correction.resolution == .keptOurs)
            #expect(correction.differences == [.init(field: "completed_investment_yuan", ours: "20000000", theirs: "21000000")])
            #expect(correction.reason?.contains(Self.slipReason) == true)
            let revision = try #require(report.conflicts.first { $0.kind == .planRevision })
            #expect(revision.id == planned.key)
            #expect(revision.differences.map(\.field) == ["planned_start", "reason"])
            #expect(report[.correction].conflicts == 1)
            #expect(report[.planRevision].conflicts == 1)
            #expect(try [shown(id, in: ours), shown(planned, in: ours)] == before || preference == .theirs)
            #expect(try ours.projectHistory(id).updates.map(\.completed.yuan) == [0, 20_000_000])
            #expect(try ours.planRevisions(ofProject: planned).map(\.reason) == ["我方改期"])
            #expect(try ours.check().isSound)
        }
    }

    @Test func aCorrectionTheLifecycleRefusesHereIsAConflict() throws {
        clock.set("2025-01-02T02:00:00.000Z")
        let id = try add("新能源汽车零部件项目", "2024-01-10")
        try update(id, "2024-03-01", status: .started, completed: "1亿")
        _ = try merge()
        clock.set("2025-01-05T00:00:00.000Z")
        try update(id, "2024-09-30", completed: "1.5亿", in: ours)
        // Their correction raises update 2 above our later figure: our history would go down.
        try theirs.correctUpdate(UpdateCorrection(sequence: 2, completed: Money(parsing: "2亿"), reason: "漏记"), ofProject: id)
        let before = try shown(id, in: ours)

        let report = try merge()

        let conflict = try #require(report.conflicts.first)
        #expect(conflict.kind == .correction)
        #expect(conflict.id == id.key)
        #expect(report[.correction] == MergeReport.Counts(conflicts: 1))
        #expect(!report.changesAnything)
        #expect(try shown(id, in: ours) == before)
        #expect(try ours.check().isSound)
    }

    @Test func aVoidedProjectOfOursTakesNoCorrectionOfTheirs() throws {
        clock.set("2025-01-02T02:00:00.000Z")
        let id = try add("新能源汽车零部件项目", "2024-01-10")
        try update(id, "2024-03-01", status: .started, completed: "2.1亿")
        _ = try merge()
        try ours.voidProject(id, reason: "重复")
        try theirs.correctUpdate(UpdateCorrection(sequence: 2, completed: Money(parsing: "2100万"), reason: Self.slipReason), ofProject: id)

        let report = try merge()

        #expect(report.conflicts.map(\.kind) == [.correction])
        #expect(report.conflicts.first?.reason?.contains("voided") == true)
        #expect(try ours.projectHistory(id).superseded.isEmpty)
        #expect(try ours.check().isSound)
    }

    @Test func theReportCountsCorrectionsAndPlanRevisionsInJSONAndTables() throws {
        _ = try populate()
        let report = try merge()
        let json = report.json.text(pretty: false)
        #expect(json.contains("\"corrections\":{\"added\":2,\"identical\":0,\"updated\":0,\"conflicts\":0}"))
        #expect(json.contains("\"plan_revisions\":{\"added\":2,\"identical\":0,\"updated\":0,\"conflicts\":0}"))
        #expect(json.contains("\"progress_updates\":"))
        let decoded = try JSONDecoder().decode(MergeReport.self, from: Data(json.utf8))
        #expect(decoded[.correction] == report[.correction])
        #expect(decoded[.planRevision] == report[.planRevision])
        let table = report.table(.en)
        #expect(table.contains("correction "))
        #expect(table.contains("plan revision "))
        #expect(report.table(.zh).contains("更正"))
        #expect(report.table(.zh).contains("计划调整"))
    }
}
