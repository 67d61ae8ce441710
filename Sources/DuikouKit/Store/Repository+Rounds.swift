#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif

extension Transaction {
    /// Opens a reporting round over `period`, due on `due` (default: the 10th day after the period
    /// ends), covering `pairings` and every pairing below them (default: every active pairing).
    ///
    /// - Throws: ``DuikouError/Code/invalidInput`` for a due date before the period starts or no
    ///   pairing to cover; ``DuikouError/Code/constraint`` when a round over the period exists
    ///   (open, or closed: a closed round is never reopened); ``DuikouError/Code/notFound`` for an
    ///   unknown pairing.
    @discardableResult
    public func openRound(_ period: ReportingPeriod, due: LocalDate? = nil, pairings: [String] = []) throws -> ReportingRound {
        try change { connection, now in
            let due = due ?? period.defaultDue
            guard due >= period.start else {
                throw DuikouError.invalid("due", due.description, "is before the period \(period) starts (\(period.start))")
            }
            if let state = try connection.queryFirst("SELECT state FROM round WHERE period = ?", [.text(period.description)], { try $0.text("state") }) {
                let why = state == "open" ? "is already open" : "is closed, and a closed round is never reopened"
                throw DuikouError(.constraint, "round \(DuikouError.quoted(period.description)) \(why)", field: "period", recordID: period.description)
            }
            for pairing in pairings { try Repository.requirePairing(pairing, in: connection) }
            try connection.run("INSERT INTO round (period, start_date, end_date, due_date, state, opened_at) VALUES (?, ?, ?, ?, 'open', ?)",
                               [.text(period.description), .text(period.start.description), .text(period.end.description),
                                .text(due.description), .text(now)], context: "round \(period)")
            if pairings.isEmpty {
                try connection.run("INSERT INTO round_pairing (period, pairing_id) SELECT ?, id FROM pairing WHERE status = 'active' ORDER BY rowid",
                                   [.text(period.description)], context: "round \(period)")
            } else {
                for pairing in pairings {
                    try connection.run("""
                        \(ProjectSQL.scope)
                        INSERT OR IGNORE INTO round_pairing (period, pairing_id) SELECT ?2, id FROM scope
                        """, [.text(pairing), .text(period.description)], context: "round \(period)")
                }
            }
            let round = try Repository.loadRounds(period: period, in: connection)[0]
            guard !round.pairings.isEmpty else {
                throw DuikouError(.invalidInput, "round \(DuikouError.quoted(period.description)): no active pairing to cover", field: "pairing")
            }
            return (round, AuditNote(.add, "round", period.description,
                                     "\(period) (\(period.start) to \(period.end), due \(due)): \(round.pairings.count) pairings"))
        }
    }

    /// Closes the round over `period` and freezes it: its status and the progress by pairing as of
    /// the period's end, as they stand now, are stored with it and never change afterwards.
    ///
    /// - Returns: the status as frozen.
    /// - Throws: ``DuikouError/Code/notFound`` for a period with no round;
    ///   ``DuikouError/Code/constraint`` when the round is closed already.
    @discardableResult
    public func closeRound(_ period: ReportingPeriod) throws -> RoundStatus {
        try change { connection, now in
            let round = try Repository.requireRound(period, in: connection)
            guard round.state == .open else {
                throw DuikouError(.constraint, "round \(DuikouError.quoted(period.description)) is closed already", field: "period", recordID: period.description)
            }
            let status = try Repository.liveRoundStatus(round, pairing: nil, today: LocalDate.today(), in: connection)
            let key = SQLiteValue.text(period.description)
            for entry in status.pairings {
                try connection.run("UPDATE round_pairing SET in_scope = ?3, reported = ?4, late = ?5 WHERE period = ?1 AND pairing_id = ?2",
                                   [key, .text(entry.pairing), .integer(Int64(entry.inScope)), .integer(Int64(entry.reported)),
                                    .integer(entry.late ? 1 : 0)], context: "round \(period)")
            }
            var position: Int64 = 0
            for entry in status.pairings {
                for id in entry.notReported {
                    position += 1
                    try connection.run("INSERT INTO round_unreported (period, project_id, pairing_id, title, position) VALUES (?, ?, ?, ?, ?)",
                                       [key, .text(id.key), .text(entry.pairing), .text(status.titles[id] ?? ""), .integer(position)],
                                       context: "round \(period)")
                }
            }
            let progress = try Repository.loadProgress(ProgressQuery(grouping: .pairing, asOf: period.end), in: connection)
            let json = String(decoding: try JSONEncoder().encode(progress), as: UTF8.self)
            try connection.run("UPDATE round SET state = 'closed', closed_at = ?2, progress_json = ?3 WHERE period = ?1",
                               [key, .text(now), .text(json)], context: "round \(period)")
            let frozen = try Repository.loadRoundStatus(period, pairing: nil, in: connection)
            return (frozen, AuditNote(.update, "round", period.description, "\(period) closed: \(frozen.reported) of \(frozen.inScope) reported"))
        }
    }
}

extension Snapshot {
    /// Every reporting round, the earliest period first.
    public func rounds() throws -> [ReportingRound] {
        try Repository.loadRounds(period: nil, in: try connection)
    }

    /// Where the round over `period` stands (default: the open round whose period ends latest), for
    /// `pairing` and the pairings below it (default: all the round's pairings).
    ///
    /// A project is in scope when it belongs to one of the round's pairings, its first update is on
    /// or before the period's end, and as of the day before the period starts it was neither
    /// terminated nor operating. It has reported when it has an update dated inside the period or
    /// recorded while the round was open. A closed round answers with what was frozen when it closed.
    ///
    /// - Throws: ``DuikouError/Code/notFound`` for a period with no round, no open round when
    ///   `period` is `nil`, or an unknown pairing.
    public func roundStatus(period: ReportingPeriod? = nil, pairing: String? = nil) throws -> RoundStatus {
        let connection = try connection
        try Repository.checkFilter(pairing: pairing, area: nil, task: nil, in: connection)
        let period = try period ?? Repository.latestOpenRound(in: connection)
        return try Repository.loadRoundStatus(period, pairing: pairing, in: connection)
    }

    /// The progress by pairing as of the end of the closed round over `period`, as it stood when the
    /// round closed.
    ///
    /// - Throws: ``DuikouError/Code/notFound`` for a period with no round;
    ///   ``DuikouError/Code/invalidInput`` for a round still open (its progress is frozen when it closes).
    public func roundProgress(period: ReportingPeriod) throws -> ProgressReport {
        let connection = try connection
        _ = try Repository.requireRound(period, in: connection)
        guard let json = try connection.queryFirst("SELECT progress_json FROM round WHERE period = ?", [.text(period.description)], {
            try $0.optionalText("progress_json")
        }) ?? nil else {
            throw DuikouError(.invalidInput, "round \(DuikouError.quoted(period.description)) is open; its progress is frozen when it closes", field: "period")
        }
        do {
            return try JSONDecoder().decode(ProgressReport.self, from: Data(json.utf8))
        } catch {
            throw DuikouError(.corrupt, "round \(DuikouError.quoted(period.description)): the frozen progress cannot be read: \(error)")
        }
    }
}

extension Repository {
    /// Opens a reporting round; see ``Transaction/openRound(_:due:pairings:)``.
    @discardableResult
    public func openRound(_ period: ReportingPeriod, due: LocalDate? = nil, pairings: [String] = []) throws -> ReportingRound {
        try write { try $0.openRound(period, due: due, pairings: pairings) }
    }

    /// Closes and freezes a reporting round; see ``Transaction/closeRound(_:)``.
    @discardableResult
    public func closeRound(_ period: ReportingPeriod) throws -> RoundStatus {
        try write { try $0.closeRound(period) }
    }

    /// Every reporting round; see ``Snapshot/rounds()``.
    public func rounds() throws -> [ReportingRound] {
        try read { try $0.rounds() }
    }

    /// Where a round stands; see ``Snapshot/roundStatus(period:pairing:)``.
    public func roundStatus(period: ReportingPeriod? = nil, pairing: String? = nil) throws -> RoundStatus {
        try read { try $0.roundStatus(period: period, pairing: pairing) }
    }

    /// The frozen progress of a closed round; see ``Snapshot/roundProgress(period:)``.
    public func roundProgress(period: ReportingPeriod) throws -> ProgressReport {
        try read { try $0.roundProgress(period: period) }
    }

    /// Opens a reporting round; see ``Transaction/openRound(_:due:pairings:)``.
    @discardableResult
    public func openRound(_ period: ReportingPeriod, due: LocalDate? = nil, pairings: [String] = []) async throws -> ReportingRound {
        try await write { try $0.openRound(period, due: due, pairings: pairings) }
    }

    /// Closes and freezes a reporting round; see ``Transaction/closeRound(_:)``.
    @discardableResult
    public func closeRound(_ period: ReportingPeriod) async throws -> RoundStatus {
        try await write { try $0.closeRound(period) }
    }

    /// Every reporting round; see ``Snapshot/rounds()``.
    public func rounds() async throws -> [ReportingRound] {
        try await read { try $0.rounds() }
    }

    /// Where a round stands; see ``Snapshot/roundStatus(period:pairing:)``.
    public func roundStatus(period: ReportingPeriod? = nil, pairing: String? = nil) async throws -> RoundStatus {
        try await read { try $0.roundStatus(period: period, pairing: pairing) }
    }

    /// The frozen progress of a closed round; see ``Snapshot/roundProgress(period:)``.
    public func roundProgress(period: ReportingPeriod) async throws -> ProgressReport {
        try await read { try $0.roundProgress(period: period) }
    }

    /// The projects that, on `asOf`, are in the scope of a round past its due date and have not
    /// reported (the `not_reported` early warning, red), of `pairing` and the pairings below it when
    /// given. A round counts when it was open on `asOf` (opened by the end of that day, closed after
    /// it or not at all) and due before it; an open round's projects are as they stand now, a closed
    /// round's as frozen when it closed. Rounds oldest first, pairings in catalogue order.
    ///
    /// Read as known at the instant `knownAt`, a round opened later does not count, and one open at
    /// that instant (closed later or not at all) is worked out from the records as known then.
    static func overdueUnreported(asOf: LocalDate, pairing: String? = nil, knownAt cutoff: String? = nil, in connection: SQLiteConnection) throws
        -> [(project: UUID, pairing: String, title: String, round: String, due: LocalDate)] {
        let endOfDay = Timestamp.end(of: asOf)
        let rounds = try connection.query("""
            SELECT period, (?3 IS NOT NULL AND (closed_at IS NULL OR closed_at >= ?3)) AS open_then FROM round
            WHERE due_date < ?1 AND opened_at < ?2 AND (closed_at IS NULL OR closed_at >= ?2) AND (?3 IS NULL OR opened_at < ?3)
            ORDER BY start_date, period
            """, [.text(asOf.description), .text(endOfDay), .optional(cutoff)]) { (try $0.text("period"), try $0.bool("open_then")) }
        var found: [(project: UUID, pairing: String, title: String, round: String, due: LocalDate)] = []
        for (text, openThen) in rounds {
            let period = try ReportingPeriod(parsing: text)
            let round = try requireRound(period, in: connection)
            if round.state == .open && cutoff == nil {
                let values: [SQLiteValue] = [
                    .optional(pairing), .text(text), .text(period.start.description), .text(period.end.description),
                    .text(period.dayBeforeStart.description),
                ]
                try connection.each(RoundSQL.unreported, values) { row in
                    found.append((project: try row.uuid("id"), pairing: try row.text("pairing_id"), title: try row.text("title"), round: text,
                                  due: round.due))
                }
                continue
            }
            let status = if let cutoff, openThen {
                try knownRoundStatus(round, pairing: pairing, today: asOf, knownAt: cutoff, in: connection)
            } else {
                try loadRoundStatus(period, pairing: pairing, in: connection)
            }
            for entry in status.pairings {
                found += entry.notReported.map { (project: $0, pairing: entry.pairing, title: status.titles[$0] ?? "", round: text, due: status.due) }
            }
        }
        return found
    }

    static func requireRound(_ period: ReportingPeriod, in connection: SQLiteConnection) throws -> ReportingRound {
        guard let round = try loadRounds(period: period, in: connection).first else {
            throw DuikouError.missing("round", period.description)
        }
        return round
    }

    static func latestOpenRound(in connection: SQLiteConnection) throws -> ReportingPeriod {
        guard let text = try connection.queryFirst(
            "SELECT period FROM round WHERE state = 'open' ORDER BY end_date DESC, start_date DESC LIMIT 1", [], { try $0.text("period") })
        else {
            throw DuikouError(.notFound, "no round is open", field: "period")
        }
        return try ReportingPeriod(parsing: text)
    }

    static func loadRounds(period: ReportingPeriod?, in connection: SQLiteConnection) throws -> [ReportingRound] {
        var pairings: [String: [String]] = [:]
        try connection.each(
            "SELECT r.period, r.pairing_id FROM round_pairing r JOIN pairing g ON g.id = r.pairing_id WHERE ?1 IS NULL OR r.period = ?1 ORDER BY g.rowid",
            [.optional(period?.description)]) { row in
            pairings[try row.text("period"), default: []].append(try row.text("pairing_id"))
        }
        return try connection.query("""
            SELECT period, due_date, state, opened_at, closed_at FROM round WHERE ?1 IS NULL OR period = ?1
            ORDER BY start_date, end_date DESC, period
            """, [.optional(period?.description)]) { row in
            let text = try row.text("period")
            return ReportingRound(period: try ReportingPeriod(parsing: text), due: try row.date("due_date"), state: try row.keyword("state"),
                                  openedAt: Timestamp.printed(try row.text("opened_at")),
                                  closedAt: try row.optionalText("closed_at").map(Timestamp.printed), pairings: pairings[text] ?? [])
        }
    }

    /// A round's status: frozen when it is closed, else worked out now.
    static func loadRoundStatus(_ period: ReportingPeriod, pairing: String?, in connection: SQLiteConnection) throws -> RoundStatus {
        let round = try requireRound(period, in: connection)
        guard round.state == .closed else {
            return try liveRoundStatus(round, pairing: pairing, today: LocalDate.today(), in: connection)
        }
        let key = SQLiteValue.text(period.description)
        var unreported: [String: [UUID]] = [:]
        var titles: [UUID: String] = [:]
        try connection.each("""
            \(ProjectSQL.scope)
            SELECT project_id, pairing_id, title FROM round_unreported WHERE period = ?2 AND (?1 IS NULL OR pairing_id IN scope) ORDER BY position
            """, [.optional(pairing), key]) { row in
            let id = try row.uuid("project_id")
            unreported[try row.text("pairing_id"), default: []].append(id)
            titles[id] = try row.text("title")
        }
        let entries = try connection.query("""
            \(ProjectSQL.scope)
            SELECT r.pairing_id, r.in_scope, r.reported, r.late FROM round_pairing r JOIN pairing g ON g.id = r.pairing_id
            WHERE r.period = ?2 AND (?1 IS NULL OR r.pairing_id IN scope) ORDER BY g.rowid
            """, [.optional(pairing), key]) { row in
            let id = try row.text("pairing_id")
            return RoundPairingStatus(pairing: id, inScope: try row.int("in_scope"), reported: try row.int("reported"),
                                      notReported: unreported[id] ?? [], late: try row.bool("late"))
        }
        return RoundStatus(period: period, due: round.due, state: .closed, pairings: entries, titles: titles)
    }

    /// An open round's status, worked out from the projects in one set-based query.
    static func liveRoundStatus(_ round: ReportingRound, pairing: String?, today: LocalDate, in connection: SQLiteConnection) throws -> RoundStatus {
        let period = round.period
        let pairings = try connection.query("""
            \(ProjectSQL.scope)
            SELECT r.pairing_id FROM round_pairing r JOIN pairing g ON g.id = r.pairing_id
            WHERE r.period = ?2 AND (?1 IS NULL OR r.pairing_id IN scope) ORDER BY g.rowid
            """, [.optional(pairing), .text(period.description)]) { try $0.text("pairing_id") }
        let values: [SQLiteValue] = [
            .optional(pairing), .text(period.description), .text(period.start.description), .text(period.end.description),
            .text(period.dayBeforeStart.description),
        ]
        return try openRoundStatus(round, pairings: pairings, today: today, query: RoundSQL.live, values, in: connection)
    }

    /// An open round's status for `pairings`, from `query`'s rows: one per pairing (`kind` 0, with
    /// `in_scope` and `reported`), then one per project not reported (`kind` 1, with `id` and
    /// `title`), oldest first. A pairing is late when `today` is past the due date and it has
    /// projects not reported.
    static func openRoundStatus(_ round: ReportingRound, pairings: [String], today: LocalDate, query: String, _ values: [SQLiteValue],
                                in connection: SQLiteConnection) throws -> RoundStatus {
        var counts: [String: (inScope: Int, reported: Int)] = [:]
        var unreported: [String: [UUID]] = [:]
        var titles: [UUID: String] = [:]
        try connection.each(query, values) { row in
            let pairingID = try row.text("pairing_id")
            if try row.int("kind") == 0 {
                counts[pairingID] = (try row.int("in_scope"), try row.int("reported"))
            } else {
                let id = try row.uuid("id")
                unreported[pairingID, default: []].append(id)
                titles[id] = try row.text("title")
            }
        }
        let late = today > round.due
        let entries = pairings.map { id in
            let figures = counts[id] ?? (0, 0)
            let missing = unreported[id] ?? []
            return RoundPairingStatus(pairing: id, inScope: figures.inScope, reported: figures.reported, notReported: missing,
                                      late: late && !missing.isEmpty)
        }
        return RoundStatus(period: round.period, due: round.due, state: .open, pairings: entries, titles: titles)
    }
}

/// The queries behind an open round's status.
enum RoundSQL {
    /// Takes ?1 a pairing filter (with the pairings below it), ?2 the period, ?3 its start, ?4 its
    /// end and ?5 the day before it starts. The projects in scope are worked out once
    /// (`MATERIALIZED`, without their titles) and answered as one row per pairing (`kind` 0: how many
    /// in scope, how many reported) followed by one row per project not reported (`kind` 1, with its
    /// title read by rowid), oldest first.
    static let live = """
        \(scoped(materialized: true))
        SELECT 0 AS kind, pairing_id, NULL AS id, NULL AS title, count(*) AS in_scope, sum(reported) AS reported,
               NULL AS first_date, NULL AS position
        FROM scoped GROUP BY pairing_id
        UNION ALL
        SELECT 1 AS kind, s.pairing_id, p.id, p.title, NULL, NULL, s.first_date, s.position
        FROM scoped s JOIN project p ON p.rowid = s.position WHERE NOT s.reported
        ORDER BY kind, first_date, position
        """

    /// The projects of ``live`` that have not reported, alone (the `not_reported` early warning):
    /// pairings in catalogue order, then oldest first; the projects in scope are read in one pass and
    /// neither kept nor counted.
    static let unreported = """
        \(scoped(materialized: false))
        SELECT s.pairing_id, p.id, p.title
        FROM scoped s JOIN project p ON p.rowid = s.position JOIN pairing g ON g.id = s.pairing_id
        WHERE NOT s.reported
        ORDER BY g.rowid, s.first_date, s.position
        """

    /// The `WITH` clause of the projects in the round's scope, with whether each has reported.
    ///
    /// One pass over the projects (`NOT INDEXED`: reading the table beats a lookup per row through
    /// the pairing index). Update dates never go back, so a project whose latest update
    /// (`status_date`) is inside the period has reported by date, one whose latest is before it has
    /// not, and only one updated after the period looks its history up; only a project whose history
    /// changed since the round opened (`changed_at`) looks for an update recorded since. The tests
    /// are a `CASE`, not `OR`ed terms: SQLite runs a correlated subquery of an `OR` for every row,
    /// even when an earlier term has decided, and a `CASE` stops at its first true branch.
    private static func scoped(materialized: Bool) -> String {
        """
        \(ProjectSQL.scope),
        opened(at) AS (SELECT opened_at FROM round WHERE period = ?2),
        scoped AS \(materialized ? "MATERIALIZED" : "NOT MATERIALIZED") (
            SELECT s.pairing_id, s.first_date, s.position, s.reported FROM (
                SELECT p.pairing_id, p.first_date, p.rowid AS position, \(ProgressSQL.stateAsOf("?5")),
                       CASE WHEN p.status_date >= ?3 AND p.status_date <= ?4 THEN 1
                            WHEN p.status_date > ?4 AND EXISTS (
                                SELECT 1 FROM progress_update u WHERE u.project_id = p.id AND u.date >= ?3 AND u.date <= ?4
                            ) THEN 1
                            WHEN p.changed_at >= (SELECT at FROM opened) AND EXISTS (
                                SELECT 1 FROM progress_update u WHERE u.project_id = p.id AND u.recorded_at >= (SELECT at FROM opened)
                            ) THEN 1
                            ELSE 0 END AS reported
                FROM project p NOT INDEXED
                WHERE p.pairing_id IN (SELECT r.pairing_id FROM round_pairing r WHERE r.period = ?2 AND (?1 IS NULL OR r.pairing_id IN scope))
                  AND p.voided_at IS NULL AND p.first_date <= ?4
            ) s
            WHERE coalesce(s.status, '') <> 'terminated' AND coalesce(s.status, '') <> 'operating'
        )
        """
    }
}
