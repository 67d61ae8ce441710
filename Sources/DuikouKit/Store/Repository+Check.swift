#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif

extension Repository {
    /// Checks the database: SQLite's integrity and foreign keys, then Duikou's own invariants —
    /// every project's history is lawful under ``ProjectLifecycle`` and numbered without gaps, so are
    /// the revisions of every plan target and the entries of the audit log, the sums reports take
    /// fit in 64 bits, each
    /// project's current state is its latest update's, the progress summary equals the projects, and
    /// the search index agrees with its documents.
    ///
    /// A damaged file does not make it throw: what SQLite reports is a problem in the result.
    public func check() throws -> CheckReport {
        var report = try read { connection in
            var report = CheckReport()
            Self.checkStep("SQLite integrity", &report) {
                try connection.query("PRAGMA integrity_check", [], { $0.text(0) }).filter { $0 != "ok" }.map { "integrity: \($0)" }
            }
            Self.checkStep("foreign keys", &report) {
                try connection.query("PRAGMA foreign_key_check", [], { row in
                    "foreign key: \(row.text(0)) row \(row.int64(1)) refers to a missing \(row.text(2))"
                })
            }
            Self.checkStep("project histories", &report) { try Self.checkHistories(connection) }
            Self.checkStep("totals", &report) {
                do {
                    try Totals.check(connection)
                    try Totals.checkParticipants(connection)
                    return []
                } catch let error as DuikouError where error.code == .invalidInput {
                    return ["totals: \(error.message)"]
                }
            }
            Self.checkStep("audit log", &report) {
                try connection.query("""
                    SELECT count(*), coalesce(max(seq), 0) FROM audit_event HAVING count(*) <> coalesce(max(seq), 0)
                    """) { row in
                    "audit log: \(row.int(0)) entries numbered up to \(row.int(1)); \(row.int(1) - row.int(0)) entries are missing"
                }
            }
            Self.checkStep("plan targets", &report) {
                try connection.query("""
                    SELECT pairing_id, year, metric, count(*), max(seq) FROM plan_target
                    GROUP BY pairing_id, year, metric HAVING count(*) <> max(seq)
                    """) { row in
                    "plan target \(row.text(0)) \(row.int(1)) \(row.text(2)): \(row.int(3)) revisions numbered up to \(row.int(4)); revisions are missing"
                }
            }
            Self.checkStep("progress summary", &report) {
                let differing = try connection.queryFirst("""
                    SELECT count(*) FROM (
                        SELECT pairing_id, task_code, status, projects, landmark_projects, planned_yuan, completed_yuan
                        FROM progress_summary WHERE projects > 0
                        EXCEPT
                        SELECT pairing_id, task_code, status, count(*), sum(landmark), coalesce(sum(planned_yuan), 0), sum(completed_yuan)
                        FROM project GROUP BY pairing_id, task_code, status)
                    """) { $0.int(0) } ?? 0
                let groups = try connection.queryFirst("SELECT count(*) FROM progress_summary WHERE projects > 0") { $0.int(0) } ?? 0
                let expected = try connection.queryFirst("SELECT count(*) FROM (SELECT 1 FROM project GROUP BY pairing_id, task_code, status)") { $0.int(0) } ?? 0
                guard differing > 0 || groups != expected else { return [] }
                return ["progress summary: \(differing) of \(groups) rows differ from the projects (\(expected) groups); reports by area, task and pairing are wrong until it is rebuilt"]
            }
            return report
        }
        // FTS5's own check is an INSERT command, so it runs in a write transaction that is rolled back
        // (and is left out when the database is open read-only).
        if !readOnly {
            let search: [String] = try tentativeWrite { connection, _ in
                var found: [String] = []
                do {
                    try connection.run("INSERT INTO record_search (record_search, rank) VALUES ('integrity-check', 1)")
                } catch let error as DuikouError {
                    found.append("search index: \(error.message)")
                }
                return (found, false, nil)
            }
            report.checks.append("search index")
            search.forEach { report.report($0) }
        }
        return report
    }

    /// Runs one check, turning an error SQLite raises on a damaged file into a problem.
    private static func checkStep(_ name: String, _ report: inout CheckReport, _ body: () throws -> [String]) {
        report.checks.append(name)
        do {
            try body().forEach { report.report($0) }
        } catch {
            report.report("\(name): could not be checked: \((error as? DuikouError)?.message ?? String(describing: error))")
        }
    }

    /// Replays every project's history under the lifecycle rules and compares the end with the project's current state.
    private static func checkHistories(_ connection: SQLiteConnection) throws -> [String] {
        var problems: [String] = []
        struct Replay {
            var id = ""
            var state: ProjectLifecycle.State?
            var firstDate: LocalDate?
            var sequence = 0
            var broken = false
        }
        var current: [String: (state: ProjectLifecycle.State, firstDate: LocalDate)] = [:]
        try connection.each("SELECT id, status, status_date, completed_yuan, resume_floor, first_date FROM project") { row in
            current[row.text(0)] = (
                ProjectLifecycle.State(status: try stored(ProjectStatus.self, row.text(1)), date: try storedDate(row.text(2)),
                                       completed: Money(uncheckedYuan: row.int64(3)),
                                       resumeFloor: try row.optionalText(4).map { try stored(ProjectStatus.self, $0) }),
                try storedDate(row.text(5)))
        }
        var replay = Replay()
        func finish(_ replay: Replay, _ problems: inout [String]) {
            guard !replay.id.isEmpty else { return }
            guard let recorded = current.removeValue(forKey: replay.id) else {
                problems.append("project \(replay.id): has progress updates but no project row")
                return
            }
            guard !replay.broken, let state = replay.state else { return }
            if state != recorded.state || replay.firstDate != recorded.firstDate {
                problems.append("project \(replay.id): current state (\(recorded.state.status.rawValue), \(recorded.state.date), \(recorded.state.completed.yuan) 元) is not its latest update's (\(state.status.rawValue), \(state.date), \(state.completed.yuan) 元)")
            }
        }
        try connection.each("SELECT project_id, seq, date, status, completed_yuan FROM progress_update ORDER BY project_id, seq") { row in
            let id = row.text(0)
            if id != replay.id {
                finish(replay, &problems)
                replay = Replay(id: id)
            }
            let sequence = row.int(1)
            let date = try storedDate(row.text(2))
            let status = try stored(ProjectStatus.self, row.text(3))
            let completed = Money(uncheckedYuan: row.int64(4))
            guard !replay.broken else { return }
            guard sequence == replay.sequence + 1 else {
                problems.append("project \(id): update \(sequence) follows update \(replay.sequence); history has a gap")
                replay.broken = true
                return
            }
            replay.sequence = sequence
            if let state = replay.state {
                do {
                    replay.state = try ProjectLifecycle.apply(to: state, status: status, date: date, completed: completed, project: id)
                } catch let error as DuikouError {
                    problems.append("update \(sequence): \(error.message)")
                    replay.broken = true
                }
            } else {
                replay.state = ProjectLifecycle.State(status: status, date: date, completed: completed)
                replay.firstDate = date
            }
        }
        finish(replay, &problems)
        for id in current.keys.sorted() {
            problems.append("project \(id): has no progress update")
        }
        return problems
    }
}
