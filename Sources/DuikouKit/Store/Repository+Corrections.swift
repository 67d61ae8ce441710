#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif

extension Transaction {
    /// Corrects one progress update of a project: a new update with the corrected values takes its
    /// position in the history, and the update it replaces stays, marked superseded. The project's
    /// current state follows the corrected history.
    ///
    /// The corrected history must satisfy the lifecycle and money rules as a whole: a correction
    /// that would move the project back, date an update before the one above it, or lower its
    /// completed investment below an earlier figure is refused, and nothing is written.
    ///
    /// - Returns: the project with its corrected history.
    /// - Throws: ``DuikouError/Code/notFound`` for an unknown project; ``DuikouError/Code/invalidInput``
    ///   for a voided project, a position the history does not have (`seq`), a correction that
    ///   changes nothing, and a corrected history that breaks a rule.
    @discardableResult
    public func correctUpdate(_ correction: UpdateCorrection, ofProject id: UUID) throws -> ProjectHistory {
        try change { connection, now in
            let key = id.key
            try Repository.requireInForce(id, in: connection)
            let history = try Repository.historyInForce(of: key, in: connection)
            guard let index = history.firstIndex(where: { $0.position == correction.sequence }) else {
                throw DuikouError(.invalidInput, "project \(key): seq: \(correction.sequence) is not an update of its history, which runs from 1 to \(history.count)",
                                  field: "seq", recordID: key)
            }
            let original = history[index]
            var corrected = history
            corrected[index].date = correction.date ?? original.date
            corrected[index].status = correction.status ?? original.status
            corrected[index].completed = correction.completed ?? original.completed
            corrected[index].note = correction.note ?? original.note
            guard corrected[index] != original else {
                throw DuikouError(.invalidInput, "project \(key): seq \(correction.sequence): the correction gives the values the update has", field: "seq", recordID: key)
            }
            let state = try Repository.replay(corrected, project: key)
            let next = try connection.queryFirst("SELECT max(seq) AS latest FROM progress_update WHERE project_id = ?", [.text(key)]) {
                try $0.int("latest")
            } ?? 0
            let update = corrected[index]
            try connection.run("""
                INSERT INTO progress_update (project_id, seq, date, status, completed_yuan, note, recorded_at, position, reason)
                VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)
                """, [.text(key), .integer(Int64(next + 1)), .text(update.date.description), .text(update.status.rawValue),
                      .integer(update.completed.yuan), .optional(update.note), .text(now), .integer(Int64(update.position)),
                      .text(correction.reason)], context: "project \(key)")
            try connection.run("UPDATE progress_update SET superseded_at = ?3 WHERE project_id = ?1 AND seq = ?2",
                               [.text(key), .integer(Int64(original.seq)), .text(now)], context: "project \(key)")
            try connection.run("""
                UPDATE project SET status = ?2, status_date = ?3, completed_yuan = ?4, resume_floor = ?5, reached = ?6, first_date = ?7,
                                   changed_at = ?8
                WHERE id = ?1
                """, [.text(key), .text(state.status.rawValue), .text(state.date.description), .integer(state.completed.yuan),
                      .optional(state.resumeFloor?.rawValue), .optional(state.reached?.rawValue), .text(corrected[0].date.description),
                      .text(now)], context: "project \(key)")
            let summary = "corrected update \(correction.sequence) (\(original.describe) → \(update.describe)): \(correction.reason)"
            return ((), AuditNote(.update, "project", key, summary))
        }
        return try projectHistory(id)
    }

    /// Voids a project recorded by mistake, such as a duplicate: it leaves every count, list,
    /// report and search, and stays in the database, shown as voided by ``Snapshot/projectHistory(_:knownOn:)``.
    ///
    /// - Throws: ``DuikouError/Code/notFound`` for an unknown project; ``DuikouError/Code/invalidInput``
    ///   for an empty reason and a project voided already.
    public func voidProject(_ id: UUID, reason: String) throws {
        let reason = try requiredText(reason, field: "reason")
        try change { connection, now in
            let key = id.key
            try Repository.requireInForce(id, in: connection)
            try connection.run("UPDATE project SET voided_at = ?2, void_reason = ?3, changed_at = ?2 WHERE id = ?1",
                               [.text(key), .text(now), .text(reason)], context: "project \(key)")
            return ((), AuditNote(.update, "project", key, "voided: \(reason)"))
        }
    }
}

extension Repository {
    /// Corrects one progress update; see ``Transaction/correctUpdate(_:ofProject:)``.
    @discardableResult
    public func correctUpdate(_ correction: UpdateCorrection, ofProject id: UUID) throws -> ProjectHistory {
        try write { try $0.correctUpdate(correction, ofProject: id) }
    }

    /// Voids a project recorded by mistake; see ``Transaction/voidProject(_:reason:)``.
    public func voidProject(_ id: UUID, reason: String) throws {
        try write { try $0.voidProject(id, reason: reason) }
    }

    /// One update of a history in force: its row (`seq`) and the position it stands at.
    struct HistoryEntry: Equatable {
        let seq: Int
        let position: Int
        var date: LocalDate
        var status: ProjectStatus
        var completed: Money
        var note: String?

        static func == (lhs: HistoryEntry, rhs: HistoryEntry) -> Bool {
            (lhs.date, lhs.status, lhs.completed.yuan, lhs.note) == (rhs.date, rhs.status, rhs.completed.yuan, rhs.note)
        }

        var describe: String { "\(date) \(status.rawValue) \(completed.yuan) 元" }
    }

    /// Refuses a project that does not exist or is voided.
    static func requireInForce(_ id: UUID, in connection: SQLiteConnection) throws {
        guard let voided = try connection.queryFirst("SELECT voided_at FROM project WHERE id = ?", [.text(id.key)], { try $0.optionalText("voided_at") }) else {
            throw DuikouError.missing("project", id.key)
        }
        if let voided {
            throw DuikouError(.invalidInput, "project \(id.key) was voided at \(Timestamp.printed(voided)); a voided project takes no further changes",
                              field: "project", recordID: id.key)
        }
    }

    /// A project's history in force, by position.
    static func historyInForce(of key: String, in connection: SQLiteConnection) throws -> [HistoryEntry] {
        try connection.query("""
            SELECT u.seq, \(UpdateSQL.position("u")) AS position, u.date, u.status, u.completed_yuan, u.note
            FROM progress_update u WHERE u.project_id = ? AND \(UpdateSQL.inForce("u"))
            ORDER BY position
            """, [.text(key)]) { row in
            HistoryEntry(seq: try row.int("seq"), position: try row.int("position"), date: try row.date("date"), status: try row.keyword("status"),
                         completed: try row.money("completed_yuan"), note: try row.optionalText("note"))
        }
    }

    /// The state at the end of a history, or the rule it breaks, naming the update.
    static func replay(_ history: [HistoryEntry], project: String) throws -> ProjectLifecycle.State {
        guard let first = history.first else { throw DuikouError(.corrupt, "project \(project) has no progress update", recordID: project) }
        var state = ProjectLifecycle.State(status: first.status, date: first.date, completed: first.completed)
        for entry in history.dropFirst() {
            do {
                state = try ProjectLifecycle.apply(to: state, status: entry.status, date: entry.date, completed: entry.completed, project: project)
            } catch let error as DuikouError {
                throw DuikouError(.invalidInput, "the corrected history breaks a rule at update \(entry.position): \(error.message)",
                                  field: error.field, recordID: project)
            }
        }
        return state
    }
}
