import Foundation
import Testing
@testable import DuikouKit

/// Planned milestones and `project plan` revisions: kept in order, append-only, and refused with
/// nothing written when they are wrong.
@Suite struct ProjectPlanTests {
    static func day(_ text: String) throws -> LocalDate { try LocalDate(parsing: text) }

    private func addProject(_ repository: Repository) throws -> Project {
        try repository.addProject(NewProject(pairing: "harbin-shenzhen", task: "2.1", title: "新能源汽车零部件项目", planned: Money(parsing: "12.5亿"),
                                             date: Self.day("2024-03-01"), plannedStart: Self.day("2024-06-01"),
                                             plannedCompletion: Self.day("2025-12-31")))
    }

    @Test func revisionsAreKeptInOrderAndTheProjectFollows() throws {
        let database = try TemporaryDatabase()
        let repository = try database.open()
        let project = try addProject(repository)
        #expect(project.plannedStart == (try Self.day("2024-06-01")))
        let reason = "设备到货推迟, \"二期\"\n🚧"
        let first = try repository.reviseProjectPlan(project.id, NewPlanRevision(plannedCompletion: Self.day("2026-06-30"), reason: reason))
        #expect(first.plannedCompletion == (try Self.day("2026-06-30")))
        #expect(first.plannedStart == project.plannedStart)
        let second = try repository.reviseProjectPlan(project.id, NewPlanRevision(planned: Money(parsing: "15亿"), reason: "追加投资"))
        #expect(second.planned == (try Money(parsing: "15亿")))
        let history = try repository.projectHistory(project.id)
        #expect(history.planRevisions.map(\.sequence) == [1, 2])
        #expect(history.planRevisions[0].reason == reason)
        #expect(history.planRevisions[0].previousPlannedCompletion == (try Self.day("2025-12-31")))
        #expect(history.planRevisions[1].previousPlanned == (try Money(parsing: "12.5亿")))
        #expect(history.planRevisions[1].plannedCompletion == (try Self.day("2026-06-30")))
        #expect(try repository.planRevisions(ofProject: project.id) == history.planRevisions)
        // The progress report's planned sums follow.
        let progress = try repository.progress(ProgressQuery(grouping: .pairing))
        #expect(progress.total.plannedInvestment == (try Money(parsing: "15亿")))
        // JSON carries the milestones and the revisions.
        let decoded = try JSONDecoder().decode(ProjectHistory.self, from: JSONEncoder().encode(history))
        #expect(decoded == history)
    }

    @Test func revisionsAreAppendOnly() throws {
        let database = try TemporaryDatabase()
        let repository = try database.open()
        let project = try addProject(repository)
        try repository.reviseProjectPlan(project.id, NewPlanRevision(plannedStart: Self.day("2024-07-01"), reason: "审批"))
        #expect(throws: (any Error).self) { try tamper(database.path, "UPDATE project_plan_revision SET reason = 'x'") }
        #expect(throws: (any Error).self) { try tamper(database.path, "DELETE FROM project_plan_revision") }
        #expect(throws: (any Error).self) {
            try tamper(database.path, "UPDATE project SET planned_start = '2026-01-01', planned_completion = '2025-01-01'")
        }
        #expect(try repository.planRevisions(ofProject: project.id).map(\.reason) == ["审批"])
    }

    @Test func refusalsWriteNothing() throws {
        let database = try TemporaryDatabase()
        let repository = try database.open()
        let project = try addProject(repository)
        func code(_ body: () throws -> Void) -> DuikouError.Code? {
            do { try body() } catch let error as DuikouError { return error.code } catch { return nil }
            return nil
        }
        #expect(code { _ = try NewPlanRevision(plannedStart: Self.day("2024-07-01"), reason: "  ") } == .invalidInput)
        #expect(code { _ = try NewPlanRevision(reason: "没有改动") } == .invalidInput)
        #expect(code { _ = try NewPlanRevision(plannedStart: Self.day("2025-01-01"), plannedCompletion: Self.day("2024-12-31"), reason: "x") } == .invalidInput)
        #expect(code { try repository.reviseProjectPlan(project.id, NewPlanRevision(plannedStart: Self.day("2026-01-01"), reason: "晚于竣工")) } == .invalidInput)
        #expect(code { try repository.reviseProjectPlan(project.id, NewPlanRevision(plannedStart: Self.day("2024-06-01"), reason: "相同")) } == .invalidInput)
        #expect(code { try repository.reviseProjectPlan(UUID(), NewPlanRevision(plannedStart: Self.day("2024-06-01"), reason: "未知")) } == .notFound)
        #expect(code {
            _ = try NewProject(pairing: "harbin-shenzhen", task: "2.1", title: "x", date: Self.day("2024-01-01"),
                               plannedStart: Self.day("2024-02-01"), plannedCompletion: Self.day("2024-01-31"))
        } == .invalidInput)
        #expect(try repository.planRevisions(ofProject: project.id).isEmpty)
        #expect(try repository.projectHistory(project.id).project == project)
        #expect(try repository.history().count == 1)
    }
}
