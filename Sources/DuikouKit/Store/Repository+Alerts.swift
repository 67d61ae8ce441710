#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif

extension Snapshot {
    /// The early warnings (预警) for projects as of ``AlertQuery/asOf``, each project in its state as of
    /// that date: red first, then the longest-standing, then by project id.
    ///
    /// The projects are read in one pass; only those whose state changed after the date, and those a
    /// rule needs a date of their history for (a long suspension, an old signing), look into their history.
    ///
    /// - Throws: ``DuikouError/Code/notFound`` for an unknown pairing.
    public func alerts(_ query: AlertQuery = AlertQuery()) throws -> [Alert] {
        try Repository.loadAlerts(query, in: connection)
    }
}

extension Repository {
    /// The early warnings; see ``Snapshot/alerts(_:)``.
    public func alerts(_ query: AlertQuery = AlertQuery()) throws -> [Alert] {
        try read { try $0.alerts(query) }
    }

    /// The early warnings; see ``Snapshot/alerts(_:)``.
    public func alerts(_ query: AlertQuery = AlertQuery()) async throws -> [Alert] {
        try await read { try $0.alerts(query) }
    }

    static func loadAlerts(_ query: AlertQuery, in connection: SQLiteConnection) throws -> [Alert] {
        if let pairing = query.pairing { try requirePairing(pairing, in: connection) }
        let asOf = query.asOf
        let limits = query.thresholds
        func before(_ days: Int) -> SQLiteValue { .text(LocalDate(daysSinceEpoch: asOf.daysSinceEpoch - Int64(days)).description) }
        func checks(_ rule: AlertRule) -> SQLiteValue { .integer(query.checks(rule) ? 1 : 0) }
        let values: [SQLiteValue] = [
            .optional(query.pairing), .text(asOf.description), before(limits.stalledDays), before(limits.suspendedDays), before(limits.notLandedDays),
            checks(.stalled), checks(.startOverdue), checks(.completionOverdue), checks(.suspendedLong), checks(.notLanded),
        ]
        var alerts: [Alert] = []
        try connection.each(AlertSQL.candidates, values) { row in
            let project = try row.uuid("id")
            let pairing = try row.text("pairing_id")
            let title = try row.text("title")
            func add(_ rule: AlertRule, _ column: String, level: (Int) -> AlertLevel) throws {
                guard let since = try row.optionalDate(column) else { return }
                let days = Int(asOf.daysSinceEpoch - since.daysSinceEpoch)
                alerts.append(Alert(project: project, pairing: pairing, title: title, rule: rule, level: level(days), since: since, days: days))
            }
            try add(.stalled, "stalled_since") { $0 > limits.stalledRedDays ? .red : .yellow }
            try add(.startOverdue, "start_since") { $0 > limits.overdueRedDays ? .red : .yellow }
            try add(.completionOverdue, "completion_since") { $0 > limits.overdueRedDays ? .red : .yellow }
            try add(.suspendedLong, "suspended_since") { _ in .red }
            try add(.notLanded, "signed_since") { _ in .yellow }
        }
        if query.checks(.notReported) { alerts += try notReportedAlerts(query, in: connection) }
        return Alert.inPrecedence(alerts)
    }

    /// One red `not_reported` alert per project not voided that is in the scope of a round past its
    /// due date and has not reported, counted from the due date of its oldest such round.
    static func notReportedAlerts(_ query: AlertQuery, in connection: SQLiteConnection) throws -> [Alert] {
        let overdue = try overdueUnreported(asOf: query.asOf, pairing: query.pairing, in: connection)
        guard !overdue.isEmpty else { return [] }
        let voided = Set(try connection.query("SELECT id FROM project WHERE voided_at IS NOT NULL", []) { try $0.uuid("id") })
        var seen: Set<UUID> = []
        return overdue.compactMap { entry in
            guard !voided.contains(entry.project), seen.insert(entry.project).inserted else { return nil }
            return Alert(project: entry.project, pairing: entry.pairing, title: entry.title, rule: .notReported, level: .red, since: entry.due,
                         days: Int(query.asOf.daysSinceEpoch - entry.due.daysSinceEpoch), round: entry.round)
        }
    }
}

/// The query behind the early warnings. It takes ?1 pairing, ?2 the as-of date, the dates before
/// which a project is stalled (?3), long suspended (?4) and long signed (?5), and whether each rule is
/// checked: ?6 stalled, ?7 start overdue, ?8 completion overdue, ?9 suspended long, ?10 not landed.
enum AlertSQL {
    /// One row per project for which at least one rule fires, with the date each rule counts from
    /// (NULL where it does not fire). The inner pass reads the project table once (`NOT INDEXED`, as
    /// the progress as of a date does); a project looks into its history only when it changed after
    /// the date, or when it is suspended or signed and old enough for those rules to fire.
    static let candidates = """
        \(ProjectSQL.scope)
        SELECT id, pairing_id, title, stalled_since, start_since, completion_since, suspended_since, signed_since
        FROM (
            SELECT s.id, s.pairing_id, s.title,
                CASE WHEN ?6 AND s.last_date < ?3
                          AND (s.status = 'signed' OR s.status = 'landed' OR s.status = 'started' OR s.status = 'completed')
                     THEN s.last_date END AS stalled_since,
                CASE WHEN ?7 AND s.planned_start < ?2 AND s.status <> 'terminated'
                          AND (s.reached IS NULL OR NOT (s.reached = 'started' OR s.reached = 'completed' OR s.reached = 'operating'))
                     THEN s.planned_start END AS start_since,
                CASE WHEN ?8 AND s.planned_completion < ?2 AND s.status <> 'terminated'
                          AND (s.reached IS NULL OR NOT (s.reached = 'completed' OR s.reached = 'operating'))
                     THEN s.planned_completion END AS completion_since,
                CASE WHEN ?9 AND s.status = 'suspended' AND s.first_date < ?4 THEN (
                    SELECT min(u.date) FROM progress_update u
                    WHERE u.project_id = s.id AND u.status = 'suspended' AND u.date <= ?2 AND \(UpdateSQL.inForce("u"))
                      AND u.position > (SELECT coalesce(max(v.position), 0) FROM progress_update v
                                        WHERE v.project_id = s.id AND v.status <> 'suspended' AND v.date <= ?2 AND \(UpdateSQL.inForce("v")))
                    HAVING min(u.date) < ?4
                ) END AS suspended_since,
                CASE WHEN ?10 AND s.status = 'signed' AND s.first_date < ?5 THEN (
                    SELECT min(u.date) FROM progress_update u WHERE u.project_id = s.id AND u.status = 'signed' AND \(UpdateSQL.inForce("u"))
                    HAVING min(u.date) < ?5
                ) END AS signed_since
            FROM (
                SELECT p.id, p.pairing_id, p.title, p.first_date, p.planned_start, p.planned_completion,
                       \(ProgressSQL.stateAsOf("?2")), \(ProgressSQL.reachedAsOf("?2")),
                       CASE WHEN p.status_date <= ?2 THEN p.status_date ELSE (
                           SELECT max(u.date) FROM progress_update u WHERE u.project_id = p.id AND u.date <= ?2 AND \(UpdateSQL.inForce("u"))
                       ) END AS last_date
                FROM project p NOT INDEXED
                WHERE p.voided_at IS NULL AND p.first_date <= ?2 AND (?1 IS NULL OR p.pairing_id IN scope)
            ) s
        )
        WHERE stalled_since IS NOT NULL OR start_since IS NOT NULL OR completion_since IS NOT NULL
           OR suspended_since IS NOT NULL OR signed_since IS NOT NULL
        """
}
