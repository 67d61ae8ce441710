import Foundation
import Testing
@testable import DuikouKit

/// `project show --known-on D`: a project as the database stood at the end of day D (China Standard
/// Time), before later updates, corrections, plan revisions and voids.
@Suite struct ProjectKnownOnTests {
    let db: TemporaryDatabase
    let repo: Repository
    private let clock = RecordingClock()

    init() throws {
        db = try TemporaryDatabase()
        var options = Repository.Options()
        let clock = clock
        options.clock = { clock.now }
        repo = try db.open(options)
    }

    private func day(_ text: String) throws -> LocalDate { try LocalDate(parsing: text) }

    @Test func aProjectIsShownAsItWasKnownOnEachDay() throws {
        // 1 July: recorded, signed in March, planned 5亿 from 2025-09-01 to 2027-06-30.
        clock.set("2025-07-01T02:00:00.000Z")
        let id = try repo.addProject(NewProject(
            pairing: "harbin-shenzhen", task: "2.2", title: "新能源 \"电池\", 项目 🎉", planned: Money(parsing: "5亿"), date: day("2025-03-01"),
            plannedStart: day("2025-09-01"), plannedCompletion: day("2027-06-30"))).id
        // 5 July: started in June with 2.1亿 (a slip: 2100万).
        clock.set("2025-07-05T02:00:00.000Z")
        try repo.recordUpdate(NewProgressUpdate(date: day("2025-06-15"), status: .started, completed: Money(parsing: "2.1亿")), toProject: id)
        let on5July = try repo.projectHistory(id)
        // 10 July: the slip is corrected, the plan revised.
        clock.set("2025-07-10T03:00:00.000Z")
        try repo.correctUpdate(UpdateCorrection(sequence: 2, completed: Money(parsing: "2100万"), reason: "万/亿 录错"), ofProject: id)
        try repo.reviseProjectPlan(id, NewPlanRevision(planned: Money(parsing: "8亿"), plannedStart: day("2025-06-01"), reason: "追加投资"))
        let on10July = try repo.projectHistory(id)
        // 20 July (Beijing; still 19 July in UTC at 23:00): a new update, then the project is voided as a duplicate.
        clock.set("2025-07-19T23:00:00.000Z")
        try repo.recordUpdate(NewProgressUpdate(date: day("2025-07-18"), completed: Money(parsing: "3000万")), toProject: id)
        try repo.voidProject(id, reason: "重复录入")

        #expect(try repo.projectHistory(id, knownOn: day("2025-07-05")) == on5July)
        #expect(try repo.projectHistory(id, knownOn: day("2025-07-19")) == on10July)

        let before = try repo.projectHistory(id, knownOn: day("2025-07-09"))
        #expect(before.project.planned?.yuan == 500_000_000)
        #expect(try before.project.plannedStart == day("2025-09-01") && before.project.plannedCompletion == day("2027-06-30"))
        #expect(before.project.status == .started && before.project.completed.yuan == 210_000_000)
        #expect(before.updates.map(\.completed.yuan) == [0, 210_000_000] && before.updates.allSatisfy { $0.reason == nil })
        #expect(before.superseded.isEmpty && before.planRevisions.isEmpty && before.voided == nil)
        #expect(before.json.text() == on5July.json.text())

        let after = try repo.projectHistory(id, knownOn: day("2025-07-10"))
        #expect(try after.project.planned?.yuan == 800_000_000 && after.project.plannedStart == day("2025-06-01"))
        #expect(after.project.completed.yuan == 21_000_000)
        #expect(after.updates.map(\.completed.yuan) == [0, 21_000_000])
        #expect(after.superseded.map(\.completed.yuan) == [210_000_000])
        #expect(after.planRevisions.map(\.previousPlanned?.yuan) == [500_000_000])
        #expect(after.voided == nil)

        let now = try repo.projectHistory(id)
        #expect(now.voided?.reason == "重复录入" && now.updates.count == 3)
        #expect(try repo.projectHistory(id, knownOn: day("2025-07-20")) == now)
        #expect(try repo.projectHistory(id, knownOn: day("2030-01-01")) == now)
    }

    @Test func aProjectNotYetRecordedOnTheDayIsNotFound() throws {
        clock.set("2025-07-01T15:59:59.999Z")
        let id = try repo.addProject(NewProject(pairing: "harbin-shenzhen", task: "2.2", title: "项目", date: day("2025-03-01"))).id
        // Recorded at 23:59:59.999 in Beijing on 1 July: known on 1 July, not on 30 June.
        #expect(try repo.projectHistory(id, knownOn: day("2025-07-01")).updates.count == 1)
        let error = #expect(throws: DuikouError.self) { try repo.projectHistory(id, knownOn: day("2025-06-30")) }
        #expect(error?.code == .notFound)
        #expect(error?.field == "known_on")
        let unknown = #expect(throws: DuikouError.self) { try repo.projectHistory(UUID(), knownOn: day("2025-07-01")) }
        #expect(unknown?.code == .notFound)
    }

    @Test func theAsyncTwinsAgree() async throws {
        clock.set("2025-07-01T02:00:00.000Z")
        let id = try await repo.addProject(NewProject(pairing: "harbin-shenzhen", task: "2.2", title: "项目", date: day("2025-03-01"))).id
        clock.set("2025-07-03T02:00:00.000Z")
        try await repo.recordUpdate(NewProgressUpdate(date: day("2025-06-01"), status: .landed), toProject: id)
        let knownOn = try day("2025-07-02")
        let (history, report) = try synchronously(id, knownOn)
        let known = try await repo.projectHistory(id, knownOn: knownOn)
        #expect(known == history && known.project.status == .signed)
        let asyncReport = try await repo.cooperationReport(pairing: "harbin-shenzhen", knownOn: knownOn)
        #expect(asyncReport == report && asyncReport.byArea.total.byStatus[.signed] == 1)
    }

    private func synchronously(_ id: UUID, _ knownOn: LocalDate) throws -> (ProjectHistory, CooperationReport) {
        (try repo.projectHistory(id, knownOn: knownOn), try repo.cooperationReport(pairing: "harbin-shenzhen", knownOn: knownOn))
    }
}
