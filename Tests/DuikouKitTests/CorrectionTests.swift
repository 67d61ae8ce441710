import Foundation
import Synchronization
import Testing
@testable import DuikouKit

/// Corrections supersede, voids withdraw, and `--known-on` gives every earlier answer again.
@Suite struct CorrectionTests {
    private let db: TemporaryDatabase
    private let repo: Repository
    private let clock = RecordingClock()

    init() throws {
        db = try TemporaryDatabase()
        var options = Repository.Options()
        let clock = clock
        options.clock = { clock.now }
        repo = try db.open(options)
    }

    private func day(_ text: String) throws -> LocalDate { try LocalDate(parsing: text) }

    private func project(_ title: String, _ date: String, status: ProjectStatus = .signed, planned: String = "5亿",
                         pairing: String = "harbin-shenzhen") throws -> UUID {
        try repo.addProject(NewProject(pairing: pairing, task: "2.2", title: title, planned: Money(parsing: planned), status: status,
                                       date: day(date))).id
    }

    // MARK: - Corrections

    @Test func aSlipOfTenThousandIsCorrectedAndTheOriginalStays() throws {
        let id = try project("新能源汽车零部件项目", "2024-01-10")
        try repo.recordUpdate(NewProgressUpdate(date: day("2024-03-01"), status: .started, completed: Money(parsing: "2.1亿")), toProject: id)
        // A lower amount is refused as an update…
        #expect(throws: DuikouError.self) {
            try repo.recordUpdate(NewProgressUpdate(date: day("2024-04-01"), completed: Money(parsing: "2100万")), toProject: id)
        }
        // …and accepted as a correction of the update that was keyed wrongly.
        let history = try repo.correctUpdate(UpdateCorrection(sequence: 2, completed: Money(parsing: "2100万"), reason: "万/亿 录错"), ofProject: id)
        #expect(history.project.completed.yuan == 21_000_000)
        #expect(history.updates.map(\.sequence) == [1, 2])
        #expect(history.updates.last?.reason == "万/亿 录错")
        #expect(history.superseded.count == 1)
        #expect(history.superseded.first?.completed.yuan == 210_000_000)
        #expect(history.superseded.first?.supersededAt != nil)
        #expect(try repo.progress().total.completedInvestment.yuan == 21_000_000)
        #expect(try repo.progress(ProgressQuery(asOf: day("2024-06-30"))).total.completedInvestment.yuan == 21_000_000)
        #expect(try repo.history().last?.summary.contains("万/亿 录错") == true)
        // The next update follows the corrected figure.
        try repo.recordUpdate(NewProgressUpdate(date: day("2024-05-01"), completed: Money(parsing: "3000万")), toProject: id)
        #expect(try repo.projectHistory(id).updates.map(\.sequence) == [1, 2, 3])
        #expect(try repo.check().isSound)
    }

    @Test func aStageKeyedTooFarIsCorrectedBack() throws {
        let id = try project("五常大米“产地仓”", "2023-05-01")
        try repo.recordUpdate(NewProgressUpdate(date: day("2023-09-01"), status: .operating), toProject: id)
        let history = try repo.correctUpdate(UpdateCorrection(sequence: 2, status: .started, reason: "投产录成开工"), ofProject: id)
        #expect(history.project.status == .started)
        let report = try repo.progress()
        #expect(report.total.byStatus[.started] == 1 && report.total.byStatus[.operating] == 0)
        #expect(report.total.reached[.operating] == 0 && report.total.reached[.started] == 1)
        #expect(try repo.check().isSound)
    }

    @Test func aCorrectionThatBreaksTheHistoryIsRefusedAndWritesNothing() throws {
        let id = try project("乙", "2024-01-10")
        try repo.recordUpdate(NewProgressUpdate(date: day("2024-03-01"), status: .started, completed: Money(parsing: "1亿")), toProject: id)
        try repo.recordUpdate(NewProgressUpdate(date: day("2024-06-01"), status: .completed, completed: Money(parsing: "3亿")), toProject: id)
        let before = try repo.projectHistory(id)
        let entries = try repo.history().count
        let refusals: [(UpdateCorrection, String?)] = [
            (try UpdateCorrection(sequence: 9, completed: .zero, reason: "不存在"), "seq"),
            (try UpdateCorrection(sequence: 2, date: day("2024-07-01"), reason: "晚于下一条"), "date"),
            (try UpdateCorrection(sequence: 2, completed: Money(parsing: "5亿"), reason: "高于下一条"), "completed"),
            (try UpdateCorrection(sequence: 3, status: .signed, reason: "倒退"), "status"),
            (try UpdateCorrection(sequence: 2, completed: Money(parsing: "1亿"), reason: "没有变化"), "seq"),
        ]
        for (correction, field) in refusals {
            let error = #expect(throws: DuikouError.self) { try repo.correctUpdate(correction, ofProject: id) }
            #expect(error?.code == .invalidInput, "\(correction)")
            #expect(error?.field == field, "\(correction): \(error?.message ?? "")")
        }
        #expect(throws: DuikouError.self) { try UpdateCorrection(sequence: 2, completed: .zero, reason: "  ") }
        #expect(throws: DuikouError.self) { try UpdateCorrection(sequence: 0, completed: .zero, reason: "零") }
        #expect(throws: DuikouError.self) { try UpdateCorrection(sequence: 1, reason: "什么都没给") }
        #expect(try repo.projectHistory(id) == before)
        #expect(try repo.history().count == entries)
        let unknown = #expect(throws: DuikouError.self) {
            try repo.correctUpdate(UpdateCorrection(sequence: 1, completed: .zero, reason: "x"), ofProject: UUID())
        }
        #expect(unknown?.code == .notFound)
    }

    @Test func theAppendOnlyTriggerStillRefusesRewritingAnUpdate() throws {
        let id = try project("丙", "2024-01-10")
        #expect(throws: (any Error).self) { try tamper(db.path, "UPDATE progress_update SET status = 'operating' WHERE project_id = '\(id.key)'") }
        #expect(throws: (any Error).self) { try tamper(db.path, "DELETE FROM progress_update WHERE project_id = '\(id.key)'") }
    }

    @Test func twoReportersCorrectingAndUpdatingAtOnceLoseNothing() throws {
        let ids = try (0..<12).map { try project("并发项目 \($0)", "2024-01-10") }
        for id in ids {
            try repo.recordUpdate(NewProgressUpdate(date: day("2024-02-01"), status: .started, completed: Money(parsing: "1亿")), toProject: id)
        }
        let (first, other) = (repo, try db.open())
        let june = try day("2024-06-01")
        let failures = Mutex<[String]>([])
        DispatchQueue.concurrentPerform(iterations: 2) { reporter in
            for (index, id) in ids.enumerated() {
                do {
                    if reporter == 0 {
                        try first.correctUpdate(UpdateCorrection(sequence: 2, completed: Money(parsing: "1000万"), reason: "万/亿 录错 \(index)"), ofProject: id)
                    } else {
                        try other.recordUpdate(NewProgressUpdate(date: june, note: "月报 \(index)"), toProject: id)
                    }
                } catch {
                    failures.withLock { $0.append("\(reporter) \(index): \(error)") }
                }
            }
        }
        #expect(failures.withLock { $0 } == [])
        for id in ids {
            let history = try repo.projectHistory(id)
            #expect(history.updates.map(\.sequence) == [1, 2, 3])
            #expect(history.updates[1].completed.yuan == 10_000_000)
            #expect(history.updates[2].note?.hasPrefix("月报") == true)
            #expect(history.superseded.count == 1)
        }
        // An update that left its completed investment out copied the figure of its moment: 1000万
        // when the correction came first, 1亿 when the update did. Either way the total is the sum
        // of the histories' last figures, and nothing is lost.
        let last = try ids.map { try repo.projectHistory($0).updates[2].completed.yuan }
        #expect(last.allSatisfy { $0 == 10_000_000 || $0 == 100_000_000 })
        #expect(try repo.progress().total.completedInvestment.yuan == last.reduce(0, +))
        #expect(try repo.check().isSound)
    }

    // MARK: - Voids

    @Test func aVoidedProjectLeavesEveryCountListAndSearchButStaysShown() throws {
        let park = try repo.addPark(NewPark(pairing: "harbin-shenzhen", name: "深圳（哈尔滨）产业园区"))
        let kept = try repo.addProject(NewProject(pairing: "harbin-shenzhen", task: "2.2", title: "保留的项目", park: park.id,
                                                  planned: Money(parsing: "3亿"), date: day("2024-01-10"))).id
        let duplicate = try repo.addProject(NewProject(pairing: "harbin-shenzhen", task: "2.2", title: "重复录入的项目 🚧", park: park.id,
                                                       planned: Money(parsing: "3亿"), date: day("2024-01-10"))).id
        try repo.voidProject(duplicate, reason: "重复录入，见保留的项目")
        #expect(try repo.progress().total.projects == 1)
        #expect(try repo.progress(ProgressQuery(asOf: day("2024-12-31"))).total.projects == 1)
        #expect(try repo.projects().map(\.id) == [kept])
        #expect(try repo.projects(ProjectFilter(asOf: day("2024-12-31"))).map(\.id) == [kept])
        #expect(try repo.search("重复录入").isEmpty)
        #expect(try repo.parks().first?.projects == 1)
        #expect(try repo.planActuals(pairing: "harbin-shenzhen", year: 2024)[.projectsSigned] == 1)
        let shown = try repo.projectHistory(duplicate)
        #expect(shown.voided?.reason == "重复录入，见保留的项目")
        let twice = #expect(throws: DuikouError.self) { try repo.voidProject(duplicate, reason: "再次") }
        #expect(twice?.code == .invalidInput)
        #expect(throws: DuikouError.self) { try repo.recordUpdate(NewProgressUpdate(date: day("2024-05-01"), status: .landed), toProject: duplicate) }
        #expect(throws: DuikouError.self) { try repo.voidProject(kept, reason: "") }
        #expect(throws: (any Error).self) { try tamper(db.path, "UPDATE project SET voided_at = NULL, void_reason = NULL WHERE id = '\(duplicate.key)'") }
        #expect(try repo.check().isSound)
    }

    @Test func mergeCarriesVoidsAndTheCorrectedHistory() throws {
        let id = try project("两地都有的项目", "2024-01-10")
        try repo.recordUpdate(NewProgressUpdate(date: day("2024-03-01"), status: .started, completed: Money(parsing: "2.1亿")), toProject: id)
        try repo.correctUpdate(UpdateCorrection(sequence: 2, completed: Money(parsing: "2100万"), reason: "万/亿 录错"), ofProject: id)
        let other = try TemporaryDatabase()
        let theirs = try other.open()
        let first = try theirs.merge(from: db.path)
        #expect(first[.project].added == 1)
        // The history in force travels: their copy starts from the corrected figure.
        #expect(try theirs.projectHistory(id).updates.map(\.completed.yuan) == [0, 21_000_000])
        try repo.voidProject(id, reason: "重复录入")
        let second = try theirs.merge(from: db.path)
        #expect(second[.project].updated == 1)
        #expect(try theirs.projectHistory(id).voided?.reason == "重复录入")
        #expect(try theirs.progress().total.projects == 0)
        #expect(try theirs.merge(from: db.path).changesAnything == false)
        #expect(try theirs.check().isSound)
    }

    // MARK: - Known on a date

    @Test func everyEarlierAnswerIsReproducedUnchangedWhateverIsRecordedLater() throws {
        // 1 July: two projects signed in the first half year.
        clock.set("2025-07-01T02:00:00.000Z")
        let a = try project("甲", "2025-03-01")
        let b = try project("乙", "2025-04-01", planned: "2亿")
        // 10 July (Beijing), the figures sent upward: a started in June with 1亿.
        clock.set("2025-07-10T01:30:00.000Z")
        try repo.recordUpdate(NewProgressUpdate(date: day("2025-06-15"), status: .started, completed: Money(parsing: "1亿")), toProject: a)
        let query = { (knownOn: String?) in
            try ProgressQuery(grouping: .pairing, asOf: self.day("2025-06-30"), knownOn: knownOn.map(self.day))
        }
        let sentOn10July = try repo.progress(try query(nil))
        #expect(sentOn10July.total.projects == 2)
        #expect(sentOn10July.total.completedInvestment.yuan == 100_000_000)
        // 20 July: a correction (1亿 was 1000万), a void (b was a duplicate), a late project dated in May,
        // and an update dated in June recorded late.
        clock.set("2025-07-20T03:00:00.000Z")
        try repo.correctUpdate(UpdateCorrection(sequence: 2, completed: Money(parsing: "1000万"), reason: "万/亿 录错"), ofProject: a)
        try repo.voidProject(b, reason: "重复录入")
        _ = try project("丙", "2025-05-01", planned: "8亿")
        // 07:30 on 21 July in Beijing is still 20 July in UTC: it belongs to 21 July.
        clock.set("2025-07-20T23:30:00.000Z")
        try repo.recordUpdate(NewProgressUpdate(date: day("2025-06-20"), completed: Money(parsing: "2000万")), toProject: a)

        let knownOn10July = try repo.progress(try query("2025-07-10"))
        #expect(knownOn10July == sentOn10July)
        #expect(try repo.progress(try query("2025-07-10")).json.text() == sentOn10July.json.text())
        let knownOn20July = try repo.progress(try query("2025-07-20"))
        #expect(knownOn20July.total.projects == 2)
        #expect(knownOn20July.total.completedInvestment.yuan == 10_000_000)
        #expect(try repo.progress(try query(nil)).total.completedInvestment.yuan == 20_000_000)
        #expect(knownOn20July.total.plannedInvestment.yuan == 13 * 100_000_000)
        let now = try repo.progress(try query(nil))
        #expect(try repo.progress(try query("2025-07-21")) == now)
        #expect(try repo.progress(try query("2025-06-30")).total.projects == 0)
        // Without a date, as known on a day: the latest state then.
        #expect(try repo.progress(ProgressQuery(knownOn: day("2025-07-10"))).total.byStatus[.started] == 1)
        #expect(try repo.progress(ProgressQuery(knownOn: day("2025-07-01"))).total.byStatus[.signed] == 2)

        // The project list as known on 10 July: a and b, a started with 1亿, no 丙.
        let listed = try repo.projects(ProjectFilter(asOf: day("2025-06-30"), knownOn: day("2025-07-10")))
        #expect(listed.map(\.title) == ["甲", "乙"])
        #expect(listed.first?.status == .started && listed.first?.completed.yuan == 100_000_000)
        #expect(try repo.projects(ProjectFilter(knownOn: day("2025-07-21"))).map(\.title) == (try repo.projects()).map(\.title))
        #expect(try repo.projects(ProjectFilter(knownOn: day("2025-06-30"))).isEmpty)

        // The evaluation as known on 10 July: the target set on 20 July and the later records do not count.
        clock.set("2025-07-09T02:00:00.000Z")
        try repo.setTarget(NewPlanTarget(pairing: "harbin-shenzhen", year: 2025, metric: .investmentCompletedYuan, target: 200_000_000))
        clock.set("2025-07-20T05:00:00.000Z")
        try repo.setTarget(NewPlanTarget(pairing: "harbin-shenzhen", year: 2025, metric: .investmentCompletedYuan, target: 20_000_000))
        let then = try repo.evaluate(year: 2025, pairing: "harbin-shenzhen", knownOn: day("2025-07-10"))
        #expect(then.rows.map(\.target) == [200_000_000])
        #expect(then.rows.map(\.actual) == [100_000_000])
        let evaluatedNow = try repo.evaluate(year: 2025, pairing: "harbin-shenzhen")
        #expect(evaluatedNow.rows.map(\.target) == [20_000_000])
        #expect(evaluatedNow.rows.map(\.actual) == [20_000_000])
    }
}

/// The recording time a test sets, as stored (UTC).
final class RecordingClock: Sendable {
    private let current = Mutex("2025-01-01T00:00:00.000Z")

    var now: String { current.withLock { $0 } }

    func set(_ instant: String) { current.withLock { $0 = instant } }
}
