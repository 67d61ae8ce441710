#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif

extension Transaction {
    /// Revises a project's planned figures (planned investment, planned start, planned completion):
    /// the figures given replace the current ones, and the revision is kept with its reason, what the
    /// figures were before, and when it was recorded. Revisions are never rewritten.
    ///
    /// - Returns: the project with its new planned figures.
    /// - Throws: ``DuikouError/Code/notFound`` for an unknown project; ``DuikouError/Code/invalidInput``
    ///   when the planned completion would come before the planned start, or nothing would change.
    @discardableResult
    public func reviseProjectPlan(_ id: UUID, _ revision: NewPlanRevision) throws -> Project {
        try change { connection, now in
            let before = try Repository.loadProject(id, in: connection)
            let planned = revision.planned ?? before.planned
            let start = revision.plannedStart ?? before.plannedStart
            let completion = revision.plannedCompletion ?? before.plannedCompletion
            try PlannedMilestones.check(start: start, completion: completion)
            guard planned != before.planned || start != before.plannedStart || completion != before.plannedCompletion else {
                throw DuikouError(.invalidInput, "project \(DuikouError.quoted(before.title)): the plan already has these figures; nothing to revise",
                                  recordID: id.key)
            }
            try connection.run("""
                INSERT INTO project_plan_revision (project_id, seq, planned_yuan, planned_start, planned_completion, previous_planned_yuan,
                                                   previous_planned_start, previous_planned_completion, reason, recorded_at)
                VALUES (?1, (SELECT coalesce(max(seq), 0) + 1 FROM project_plan_revision WHERE project_id = ?1), ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)
                """, [
                    .text(id.key), .optional(planned?.yuan), .optional(start?.description), .optional(completion?.description),
                    .optional(before.planned?.yuan), .optional(before.plannedStart?.description), .optional(before.plannedCompletion?.description),
                    .text(revision.reason), .text(now),
                ], context: "project \(id.key): plan revision")
            try connection.run(
                "UPDATE project SET planned_yuan = ?2, planned_start = ?3, planned_completion = ?4 WHERE id = ?1",
                [.text(id.key), .optional(planned?.yuan), .optional(start?.description), .optional(completion?.description)],
                context: "project \(id.key)")
            let revised = try Repository.loadProject(id, in: connection)
            return (revised, AuditNote(.plan, "project", id.key, "\(revised.title): plan revised, \(Repository.describePlan(before)) → \(Repository.describePlan(revised)); reason: \(revision.reason)"))
        }
    }
}

extension Snapshot {
    /// Every revision of a project's planned figures, oldest first.
    ///
    /// - Throws: ``DuikouError/Code/notFound`` for an unknown project.
    public func planRevisions(ofProject id: UUID) throws -> [PlanRevision] {
        let connection = try connection
        _ = try Repository.loadProject(id, in: connection)
        return try Repository.loadPlanRevisions(id, in: connection)
    }
}

extension Repository {
    /// Revises a project's planned figures; see ``Transaction/reviseProjectPlan(_:_:)``.
    @discardableResult
    public func reviseProjectPlan(_ id: UUID, _ revision: NewPlanRevision) throws -> Project {
        try write { try $0.reviseProjectPlan(id, revision) }
    }

    /// Every revision of a project's planned figures; see ``Snapshot/planRevisions(ofProject:)``.
    public func planRevisions(ofProject id: UUID) throws -> [PlanRevision] {
        try read { try $0.planRevisions(ofProject: id) }
    }

    /// A project's planned figures in the words of the audit log: `12.5亿元, 2025-03-01 to 2026-12-31`.
    static func describePlan(_ project: Project) -> String {
        "\(project.planned?.description ?? "-"), \(project.plannedStart?.description ?? "-") to \(project.plannedCompletion?.description ?? "-")"
    }

    /// A project's plan revisions, oldest first; only those recorded before the instant
    /// `recordedBefore` (a stored timestamp) when it is given.
    static func loadPlanRevisions(_ id: UUID, recordedBefore cutoff: String? = nil, in connection: SQLiteConnection) throws -> [PlanRevision] {
        try connection.query("""
            SELECT seq, planned_yuan, planned_start, planned_completion, previous_planned_yuan, previous_planned_start,
                   previous_planned_completion, reason, recorded_at
            FROM project_plan_revision WHERE project_id = ?1 AND (?2 IS NULL OR recorded_at < ?2) ORDER BY seq
            """, [.text(id.key), .optional(cutoff)]
        ) { row in
            PlanRevision(
                sequence: try row.int("seq"), planned: try row.optionalMoney("planned_yuan"), plannedStart: try row.optionalDate("planned_start"),
                plannedCompletion: try row.optionalDate("planned_completion"), previousPlanned: try row.optionalMoney("previous_planned_yuan"),
                previousPlannedStart: try row.optionalDate("previous_planned_start"),
                previousPlannedCompletion: try row.optionalDate("previous_planned_completion"),
                reason: try row.text("reason"), recordedAt: Timestamp.printed(try row.text("recorded_at")))
        }
    }
}

extension Repository {
    /// Revises a project's planned figures; see ``Transaction/reviseProjectPlan(_:_:)``.
    @discardableResult
    public func reviseProjectPlan(_ id: UUID, _ revision: NewPlanRevision) async throws -> Project {
        try await write { try $0.reviseProjectPlan(id, revision) }
    }

    /// Every revision of a project's planned figures; see ``Snapshot/planRevisions(ofProject:)``.
    public func planRevisions(ofProject id: UUID) async throws -> [PlanRevision] {
        try await read { try $0.planRevisions(ofProject: id) }
    }
}
