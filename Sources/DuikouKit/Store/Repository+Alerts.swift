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
    /// Known on a day (``AlertQuery/knownOn``), a project whose history changed after that day reads
    /// its history as it stood then, and its planned dates from before any later revision.
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
        var alerts: [Alert] = []
        try eachCandidate(query, in: connection) { row, found in
            let project = try row.uuid("id")
            let pairing = try row.text("pairing_id")
            let title = try row.text("title")
            for (rule, since, days, level) in found {
                alerts.append(Alert(project: project, pairing: pairing, title: title, rule: rule, level: level, since: since, days: days))
            }
        }
        if query.checks(.notReported) { alerts += try notReportedAlerts(query, in: connection) }
        return Alert.inPrecedence(alerts)
    }

    /// The red and yellow warnings of ``loadAlerts(_:in:)`` counted by pairing, without wording,
    /// sorting or keeping them.
    static func countAlerts(_ query: AlertQuery, in connection: SQLiteConnection) throws -> [String: (red: Int, yellow: Int)] {
        var counts: [String: (red: Int, yellow: Int)] = [:]
        func count(_ pairing: String, _ level: AlertLevel) {
            switch level {
            case .red: counts[pairing, default: (0, 0)].red += 1
            case .yellow: counts[pairing, default: (0, 0)].yellow += 1
            }
        }
        try eachCandidate(query, in: connection) { row, found in
            let pairing = try row.text("pairing_id")
            for finding in found { count(pairing, finding.level) }
        }
        if query.checks(.notReported) {
            for alert in try notReportedAlerts(query, in: connection) { count(alert.pairing, alert.level) }
        }
        return counts
    }

    /// Runs the candidates query of `query` and calls `body` with each row and the rules that fire
    /// for it: the rule, the date it counts from, the days since, and the level.
    private static func eachCandidate(
        _ query: AlertQuery, in connection: SQLiteConnection,
        _ body: (Row, [(rule: AlertRule, since: LocalDate, days: Int, level: AlertLevel)]) throws -> Void
    ) throws {
        if let pairing = query.pairing { try requirePairing(pairing, in: connection) }
        let asOf = query.asOf
        let limits = query.thresholds
        func before(_ days: Int) -> SQLiteValue { .text(LocalDate(daysSinceEpoch: asOf.daysSinceEpoch - Int64(days)).description) }
        func checks(_ rule: AlertRule) -> SQLiteValue { .integer(query.checks(rule) ? 1 : 0) }
        let cutoff = query.knownOn.map(Timestamp.end(of:))
        var values: [SQLiteValue] = [
            .optional(query.pairing), .text(asOf.description), before(limits.stalledDays), before(limits.suspendedDays), before(limits.notLandedDays),
            checks(.stalled), checks(.startOverdue), checks(.completionOverdue), checks(.suspendedLong), checks(.notLanded),
        ]
        if let cutoff { values.append(.text(cutoff)) }
        let columns: [(AlertRule, String)] = [
            (.stalled, "stalled_since"), (.startOverdue, "start_since"), (.completionOverdue, "completion_since"),
            (.suspendedLong, "suspended_since"), (.notLanded, "signed_since"),
        ]
        try connection.each(cutoff == nil ? AlertSQL.candidates : AlertSQL.candidatesKnown, values) { row in
            var found: [(rule: AlertRule, since: LocalDate, days: Int, level: AlertLevel)] = []
            for (rule, column) in columns {
                guard let since = try row.optionalDate(column) else { continue }
                let days = Int(asOf.daysSinceEpoch - since.daysSinceEpoch)
                found.append((rule, since, days, limits.level(of: rule, afterDays: days)))
            }
            try body(row, found)
        }
    }

    /// One red `not_reported` alert per project not voided that is in the scope of a round past its
    /// due date and has not reported, counted from the due date of its oldest such round.
    static func notReportedAlerts(_ query: AlertQuery, in connection: SQLiteConnection) throws -> [Alert] {
        let overdue = try overdueUnreported(asOf: query.asOf, pairing: query.pairing, knownAt: query.knownOn.map(Timestamp.end(of:)), in: connection)
        guard !overdue.isEmpty else { return [] }
        let voided = Set(try connection.query("SELECT id FROM project p WHERE NOT \(UpdateSQL.projectKnown("p", at: "?1"))",
                                              [.optional(query.knownOn.map(Timestamp.end(of:)))]) { try $0.uuid("id") })
        var seen: Set<UUID> = []
        return overdue.compactMap { entry in
            guard !voided.contains(entry.project), seen.insert(entry.project).inserted else { return nil }
            return Alert(project: entry.project, pairing: entry.pairing, title: entry.title, rule: .notReported, level: .red, since: entry.due,
                         days: Int(query.asOf.daysSinceEpoch - entry.due.daysSinceEpoch), round: entry.round)
        }
    }
}

/// The queries behind the early warnings. They take ?1 pairing, ?2 the as-of date, the dates before
/// which a project is stalled (?3), long suspended (?4) and long signed (?5), whether each rule is
/// checked: ?6 stalled, ?7 start overdue, ?8 completion overdue, ?9 suspended long, ?10 not landed,
/// and, known on a day, ?11 the instant the records are read as known at.
enum AlertSQL {
    /// One row per project for which at least one rule fires, with the date each rule counts from
    /// (NULL where it does not fire). The inner pass reads the project table once (`NOT INDEXED`, as
    /// the progress as of a date does); a project looks into its history only when it changed after
    /// the date, or when it is suspended or signed and old enough for those rules to fire.
    static let candidates = rules(over: """
        SELECT p.id, p.pairing_id, p.title, p.first_date, p.planned_start, p.planned_completion,
               \(ProgressSQL.stateAsOf("?2")), \(ProgressSQL.reachedAsOf("?2")),
               CASE WHEN p.status_date <= ?2 THEN p.status_date ELSE (
                   SELECT max(u.date) FROM progress_update u WHERE u.project_id = p.id AND u.date <= ?2 AND \(UpdateSQL.inForce("u"))
               ) END AS last_date
        FROM project p NOT INDEXED
        WHERE p.voided_at IS NULL AND p.first_date <= ?2 AND (?1 IS NULL OR p.pairing_id IN scope)
        """, inForce: UpdateSQL.inForce)

    /// ``candidates`` over the records as known at ?11: projects recorded and not voided by then, a
    /// project whose history changed since (`changed_at`) read from its updates in force then, and
    /// the planned dates from before any revision recorded since.
    static let candidatesKnown = rules(over: """
        SELECT k.* FROM (
            SELECT p.id, p.pairing_id, p.title,
                   CASE WHEN p.changed_at < ?11 THEN p.first_date ELSE (
                       SELECT min(u.date) FROM progress_update u WHERE u.project_id = p.id AND \(UpdateSQL.inForce("u", at: "?11"))
                   ) END AS first_date,
                   \(PlanRevisionSQL.known("planned_start", of: "p", at: "?11")) AS planned_start,
                   \(PlanRevisionSQL.known("planned_completion", of: "p", at: "?11")) AS planned_completion,
                   CASE WHEN p.changed_at < ?11 AND p.status_date <= ?2 THEN p.status ELSE (
                       SELECT u.status FROM progress_update u WHERE u.project_id = p.id AND u.date <= ?2 AND \(UpdateSQL.inForce("u", at: "?11"))
                       ORDER BY \(UpdateSQL.position("u")) DESC LIMIT 1
                   ) END AS status,
                   CASE WHEN p.changed_at < ?11 AND p.status_date <= ?2 THEN p.reached ELSE (
                       SELECT u.status FROM progress_update u
                       WHERE u.project_id = p.id AND u.date <= ?2 AND u.status <> 'suspended' AND u.status <> 'terminated'
                         AND \(UpdateSQL.inForce("u", at: "?11"))
                       ORDER BY \(UpdateSQL.position("u")) DESC LIMIT 1
                   ) END AS reached,
                   CASE WHEN p.changed_at < ?11 AND p.status_date <= ?2 THEN p.status_date ELSE (
                       SELECT max(u.date) FROM progress_update u WHERE u.project_id = p.id AND u.date <= ?2 AND \(UpdateSQL.inForce("u", at: "?11"))
                   ) END AS last_date
            FROM project p NOT INDEXED
            WHERE \(UpdateSQL.projectKnown("p", at: "?11")) AND (?1 IS NULL OR p.pairing_id IN scope)
        ) k
        WHERE k.first_date <= ?2
        """, inForce: { UpdateSQL.inForce($0, at: "?11") })

    /// The rules over `states`, a query of one row per project with its `id`, `pairing_id`, `title`,
    /// `first_date`, planned dates, and `status`, `reached` and `last_date` as of ?2; `inForce` says
    /// which updates of a history count.
    private static func rules(over states: String, inForce: (String) -> String) -> String {
        """
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
                    WHERE u.project_id = s.id AND u.status = 'suspended' AND u.date <= ?2 AND \(inForce("u"))
                      AND \(UpdateSQL.position("u")) > (
                          SELECT coalesce(max(\(UpdateSQL.position("v"))), 0) FROM progress_update v
                          WHERE v.project_id = s.id AND v.status <> 'suspended' AND v.date <= ?2 AND \(inForce("v")))
                    HAVING min(u.date) < ?4
                ) END AS suspended_since,
                CASE WHEN ?10 AND s.status = 'signed' AND s.first_date < ?5 THEN (
                    SELECT min(u.date) FROM progress_update u WHERE u.project_id = s.id AND u.status = 'signed' AND \(inForce("u"))
                    HAVING min(u.date) < ?5
                ) END AS signed_since
            FROM (
        \(states)
            ) s
        )
        WHERE stalled_since IS NOT NULL OR start_since IS NOT NULL OR completion_since IS NOT NULL
           OR suspended_since IS NOT NULL OR signed_since IS NOT NULL
        """
    }
}
