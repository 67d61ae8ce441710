#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif

extension Snapshot {
    /// Checks the database: SQLite's integrity and foreign keys, then Duikou's own invariants —
    /// every project's history is lawful under ``ProjectLifecycle`` and numbered without gaps, so are
    /// the revisions of every plan target and the entries of the audit log, each alias names one
    /// pairing only, the sums reports take (investment, funding, participants) fit in 64 bits, every
    /// reform measure is adopted by a Northeast region inside its pairing's Northeast region, every
    /// record's rowid fits its band of the search index, each project's current state is its latest
    /// update's, the progress summary equals the projects, and the search index agrees with its documents.
    ///
    /// A damaged file does not make it throw: what SQLite reports is a problem in the result. The
    /// search index is checked by a ``Transaction`` (FTS5's check is a write, rolled back), not by a
    /// read-only snapshot.
    public func check() throws -> CheckReport {
        let connection = try connection
        var report = CheckReport()
        Repository.checkStep("SQLite integrity", &report) {
            try connection.query("PRAGMA integrity_check", [], { try $0.text("integrity_check") }).filter { $0 != "ok" }.map { "integrity: \($0)" }
        }
        Repository.checkStep("foreign keys", &report) {
            try connection.query("PRAGMA foreign_key_check", [], { row in
                "foreign key: \(try row.text("table")) row \(try row.int64("rowid")) refers to a missing \(try row.text("parent"))"
            })
        }
        Repository.checkStep("project histories", &report) { try Repository.checkHistories(connection) }
        Repository.checkStep("totals", &report) {
            do {
                try Totals.check(connection)
                try Totals.checkParticipants(connection)
                return []
            } catch let error as DuikouError where error.code == .invalidInput {
                return ["totals: \(error.message)"]
            }
        }
        Repository.checkStep("audit log", &report) {
            try connection.query("""
                SELECT count(*) AS entries, coalesce(max(seq), 0) AS last FROM audit_event HAVING count(*) <> coalesce(max(seq), 0)
                """) { row in
                let (entries, last) = (try row.int("entries"), try row.int("last"))
                return "audit log: \(entries) entries numbered up to \(last); \(last - entries) entries are missing"
            }
        }
        Repository.checkStep("plan targets", &report) {
            try connection.query("""
                SELECT pairing_id, year, metric, count(*) AS revisions, max(seq) AS last FROM plan_target
                GROUP BY pairing_id, year, metric HAVING count(*) <> max(seq)
                """) { row in
                "plan target \(try row.text("pairing_id")) \(try row.int("year")) \(try row.text("metric")): \(try row.int("revisions")) revisions numbered up to \(try row.int("last")); revisions are missing"
            }
        }
        Repository.checkStep("pairing aliases", &report) { try Repository.loadCatalogue(connection).aliasConflicts() }
        Repository.checkStep("reform measures", &report) { try Repository.adoptingRegionProblems(in: connection) }
        Repository.checkStep("search rowids", &report) { try Repository.searchBandProblems(in: connection) }
        Repository.checkStep("corrections", &report) {
            try connection.query("""
                SELECT o.project_id, \(UpdateSQL.position("o")) AS position FROM progress_update o
                WHERE o.superseded_at IS NOT NULL AND NOT EXISTS (
                    SELECT 1 FROM progress_update c
                    WHERE c.project_id = o.project_id AND \(UpdateSQL.position("c")) = \(UpdateSQL.position("o")) AND c.seq > o.seq
                      AND c.reason IS NOT NULL AND c.recorded_at = o.superseded_at)
                """) { row in
                "project \(try row.text("project_id")): update \(try row.int("position")) is marked superseded, but no correction recorded then stands in its place"
            }
        }
        Repository.checkStep("progress summary", &report) {
            let differing = try connection.queryFirst("""
                SELECT count(*) AS differing FROM (
                    SELECT pairing_id, task_code, status, reached, projects, landmark_projects, planned_yuan, completed_yuan
                    FROM progress_summary WHERE projects > 0
                    EXCEPT
                    SELECT pairing_id, task_code, status, coalesce(reached, ''), count(*), sum(landmark), coalesce(sum(planned_yuan), 0), sum(completed_yuan)
                    FROM project WHERE voided_at IS NULL GROUP BY pairing_id, task_code, status, coalesce(reached, ''))
                """) { try $0.int("differing") } ?? 0
            let groups = try connection.queryFirst("SELECT count(*) AS n FROM progress_summary WHERE projects > 0") { try $0.int("n") } ?? 0
            let expected = try connection.queryFirst("SELECT count(*) AS n FROM (SELECT 1 FROM project WHERE voided_at IS NULL GROUP BY pairing_id, task_code, status, coalesce(reached, ''))") { try $0.int("n") } ?? 0
            guard differing > 0 || groups != expected else { return [] }
            return ["progress summary: \(differing) of \(groups) rows differ from the projects (\(expected) groups); reports by area, task and pairing are wrong until it is rebuilt"]
        }
        try checkSearchIndex(&report)
        return report
    }
}

extension Repository {
    /// Checks the database; see ``Snapshot/check()``. The search index is checked too, unless the
    /// database is open read-only.
    public func check() throws -> CheckReport {
        var report = try read { try $0.check() }
        if !readOnly {
            try write { try $0.checkSearchIndex(&report) }
        }
        return report
    }

    /// FTS5's own check of the search index, an INSERT command, run inside a savepoint that is rolled back.
    static func checkSearchIndex(_ report: inout CheckReport, in transaction: Transaction) throws {
        let problems: [String] = try transaction.tentativeChange { connection, _ in
            var found: [String] = []
            do {
                try connection.run("INSERT INTO record_search (record_search, rank) VALUES ('integrity-check', 1)")
            } catch let error as DuikouError {
                found.append("search index: \(error.message)")
            }
            return (found, false, nil)
        }
        report.checks.append("search index")
        problems.forEach { report.report($0) }
    }

    /// The tables whose largest rowid leaves their band of search-index rowids (2^56 wide; see
    /// ``SearchSource``), where the index would take one record for another. SQLite gives a new row
    /// the largest rowid plus one, so only a row written with a huge rowid by another program gets there.
    static func searchBandProblems(in connection: SQLiteConnection) throws -> [String] {
        try SearchSource.all.compactMap { source in
            let largest = try connection.queryFirst("SELECT coalesce(max(rowid), 0) AS largest FROM \(source.table)") { try $0.int64("largest") } ?? 0
            guard largest >= SearchSource.band else { return nil }
            return "search: \(source.table) row \(largest) is beyond \(SearchSource.band - 1), the most the search index can tell apart from other records; search may show the wrong record for it"
        }
    }

    /// Runs one check, turning an error SQLite raises on a damaged file into a problem.
    static func checkStep(_ name: String, _ report: inout CheckReport, _ body: () throws -> [String]) {
        report.checks.append(name)
        do {
            try body().forEach { report.report($0) }
        } catch {
            report.report("\(name): could not be checked: \((error as? DuikouError)?.message ?? String(describing: error))")
        }
    }

    /// A project's state as a problem names it.
    private static func describe(_ state: ProjectLifecycle.State) -> String {
        "\(state.status.rawValue), \(state.date), \(state.completed.yuan) 元, reached \(state.reached?.rawValue ?? "no step")"
    }

    /// Replays every project's history under the lifecycle rules and compares the end with the project's current state.
    static func checkHistories(_ connection: SQLiteConnection) throws -> [String] {
        var problems: [String] = []
        struct Replay {
            var id = ""
            var state: ProjectLifecycle.State?
            var firstDate: LocalDate?
            var sequence = 0
            var broken = false
        }
        var current: [String: (state: ProjectLifecycle.State, firstDate: LocalDate)] = [:]
        try connection.each("SELECT id, status, status_date, completed_yuan, resume_floor, reached, first_date FROM project") { row in
            current[try row.text("id")] = (
                ProjectLifecycle.State(status: try row.keyword("status"), date: try row.date("status_date"), completed: try row.money("completed_yuan"),
                                       resumeFloor: try row.optionalKeyword("resume_floor"), reached: try row.optionalKeyword("reached")),
                try row.date("first_date"))
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
                problems.append("project \(replay.id): current state (\(Self.describe(recorded.state))) is not its latest update's (\(Self.describe(state)))")
            }
        }
        try connection.each("""
            SELECT u.project_id, \(UpdateSQL.position("u")) AS seq, u.date, u.status, u.completed_yuan FROM progress_update u
            WHERE \(UpdateSQL.inForce("u")) ORDER BY u.project_id, seq
            """) { row in
            let id = try row.text("project_id")
            if id != replay.id {
                finish(replay, &problems)
                replay = Replay(id: id)
            }
            let sequence = try row.int("seq")
            let date = try row.date("date")
            let status: ProjectStatus = try row.keyword("status")
            let completed = try row.money("completed_yuan")
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
