extension Repository {
    /// The round the report shows (see ``CooperationReport/round``): of the rounds that started on
    /// or before `date`, cover the pairing or a pairing below it (any pairing when `nil`) and were
    /// opened by the instant `knownAt` (now when `nil`), the one open then whose period ends latest,
    /// else the closed one whose period ends latest; for the pairings in scope only.
    ///
    /// An open round's status is worked out as of `date`: a project has reported by an update
    /// dated in the period or recorded while the round was open, and the round is late when `date`
    /// is past its due date. Known at an instant, a round closed after it is still open, and its
    /// status is that of the records as they were known then.
    static func reportRound(asOf date: LocalDate, pairing: String?, knownAt cutoff: String?, in connection: SQLiteConnection) throws -> RoundStatus? {
        let chosen = try connection.queryFirst(ReportRoundSQL.latest, [.optional(pairing), .text(date.description), .optional(cutoff)]) { row in
            (period: try ReportingPeriod(parsing: try row.text("period")), open: try row.bool("open_then"))
        }
        guard let chosen else { return nil }
        guard chosen.open else { return try loadRoundStatus(chosen.period, pairing: pairing, in: connection) }
        let round = try requireRound(chosen.period, in: connection)
        guard let cutoff else { return try liveRoundStatus(round, pairing: pairing, today: date, in: connection) }
        return try knownRoundStatus(round, pairing: pairing, today: date, knownAt: cutoff, in: connection)
    }

    /// A round's status worked out as ``liveRoundStatus(_:pairing:today:in:)`` does, from the records
    /// as they were known at the instant `knownAt`: projects recorded before it and not voided
    /// before it, their updates in force then, the updates recorded while the round was open and
    /// before it.
    static func knownRoundStatus(
        _ round: ReportingRound, pairing: String?, today: LocalDate, knownAt cutoff: String, in connection: SQLiteConnection
    ) throws -> RoundStatus {
        let period = round.period
        let values: [SQLiteValue] = [
            .optional(pairing), .text(period.description), .text(period.start.description), .text(period.end.description),
            .text(period.dayBeforeStart.description), .text(cutoff),
        ]
        let catalogue = try loadCatalogue(connection)
        let inScope = Set(pairing.map { catalogue.subtree(ofPairing: $0) } ?? catalogue.pairings.map(\.id))
        return try openRoundStatus(round, pairings: round.pairings.filter(inScope.contains), today: today, query: ReportRoundSQL.knownOn, values,
                                   in: connection)
    }
}

/// The queries behind the report's round.
enum ReportRoundSQL {
    /// The round to show: ?1 a pairing filter (with the pairings below it), ?2 the report's date,
    /// ?3 the instant the database is read as known at (NULL for now). `open_then` says whether the
    /// round was open at ?3 (or is open now).
    static let latest = """
        \(ProjectSQL.scope)
        SELECT r.period, (r.state = 'open' OR (?3 IS NOT NULL AND r.closed_at >= ?3)) AS open_then
        FROM round r
        WHERE r.start_date <= ?2 AND (?3 IS NULL OR r.opened_at < ?3)
          AND (?1 IS NULL OR EXISTS (SELECT 1 FROM round_pairing x WHERE x.period = r.period AND x.pairing_id IN scope))
        ORDER BY open_then DESC, r.end_date DESC, r.start_date DESC, r.period
        LIMIT 1
        """

    /// As ``RoundSQL/live``, with the records as known at the instant ?6: ?1 a pairing filter, ?2
    /// the period, ?3 its start, ?4 its end, ?5 the day before it starts. A project is in scope when
    /// its first update then is on or before the period's end and its state then as of ?5 is neither
    /// terminated nor operating; it has reported when its latest update then is inside the period,
    /// or later with an update recorded by then dated inside it, or when an update was recorded
    /// while the round was open and before ?6 (a `CASE`, for the reason ``RoundSQL/live`` gives).
    static let knownOn = """
        \(ProjectSQL.scope),
        known AS MATERIALIZED (
            SELECT p.id, p.pairing_id, p.title, p.rowid AS position,
                   (SELECT min(f.date) FROM progress_update f WHERE f.project_id = p.id AND \(UpdateSQL.inForce("f", at: "?6"))) AS first_date,
                   (SELECT u.date FROM progress_update u WHERE u.project_id = p.id AND \(UpdateSQL.inForce("u", at: "?6"))
                    ORDER BY \(UpdateSQL.position("u")) DESC LIMIT 1) AS last_date,
                   (SELECT u.status FROM progress_update u WHERE u.project_id = p.id AND u.date <= ?5 AND \(UpdateSQL.inForce("u", at: "?6"))
                    ORDER BY \(UpdateSQL.position("u")) DESC LIMIT 1) AS status
            FROM project p
            WHERE p.pairing_id IN (SELECT r.pairing_id FROM round_pairing r WHERE r.period = ?2 AND (?1 IS NULL OR r.pairing_id IN scope))
              AND \(UpdateSQL.projectKnown("p", at: "?6"))
        ),
        scoped AS MATERIALIZED (
            SELECT k.id, k.pairing_id, k.title, k.first_date, k.position,
                   CASE WHEN k.last_date >= ?3 AND k.last_date <= ?4 THEN 1
                        WHEN k.last_date > ?4 AND EXISTS (
                            SELECT 1 FROM progress_update u WHERE u.project_id = k.id AND u.date >= ?3 AND u.date <= ?4 AND u.recorded_at < ?6
                        ) THEN 1
                        WHEN EXISTS (
                            SELECT 1 FROM progress_update u WHERE u.project_id = k.id AND u.recorded_at < ?6
                              AND u.recorded_at >= (SELECT opened_at FROM round WHERE period = ?2)
                        ) THEN 1
                        ELSE 0 END AS reported
            FROM known k
            WHERE k.first_date <= ?4 AND (k.status IS NULL OR (k.status <> 'terminated' AND k.status <> 'operating'))
        )
        SELECT 0 AS kind, pairing_id, NULL AS id, NULL AS title, count(*) AS in_scope, sum(reported) AS reported,
               NULL AS first_date, NULL AS position
        FROM scoped GROUP BY pairing_id
        UNION ALL
        SELECT 1 AS kind, pairing_id, id, title, NULL, NULL, first_date, position FROM scoped WHERE NOT reported
        ORDER BY kind, first_date, position
        """
}
