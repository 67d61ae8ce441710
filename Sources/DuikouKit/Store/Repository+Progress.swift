extension Snapshot {
    /// How far the cooperation has come, grouped by area, task or pairing, now or as of a date.
    ///
    /// A project counts as of a date when its first update is on or before it, with the status and
    /// completed investment of its latest update on or before it, and the furthest step its history
    /// reached by then. Planned investment sums the projects that are not terminated; completed
    /// investment sums them all. A pairing filter covers the pairing and every pairing below it.
    /// With ``ProgressQuery/countsAlerts``, reports by pairing and by province count the early
    /// warnings (``Snapshot/alerts(_:)``, standard thresholds) of each row's projects as of the date,
    /// or today in China Standard Time, over the records as known on ``ProgressQuery/knownOn`` when
    /// it is given. Counting them reads every project in scope.
    ///
    /// - Throws: ``DuikouError/Code/notFound`` for an unknown pairing or area.
    public func progress(_ query: ProgressQuery = ProgressQuery()) throws -> ProgressReport {
        try Repository.loadProgress(query, in: connection)
    }
}

extension Repository {
    /// How far the cooperation has come; see ``Snapshot/progress(_:)``.
    public func progress(_ query: ProgressQuery = ProgressQuery()) throws -> ProgressReport {
        try read { try $0.progress(query) }
    }

    /// The progress report, read on a connection already inside a transaction.
    static func loadProgress(_ query: ProgressQuery, in connection: SQLiteConnection) throws -> ProgressReport {
        try Self.checkFilter(pairing: query.pairing, area: query.area, task: nil, in: connection)
        let catalogue = try Self.loadCatalogue(connection)
        let asOf: SQLiteValue = .optional(query.asOf?.description)
        let cutoff = query.knownOn.map(Timestamp.end(of:))
        let filters: [SQLiteValue] = [.optional(query.pairing), .optional(query.area)]
        let projectQuery = if let cutoff {
            (ProgressSQL.knownOn, filters + [asOf, .text(cutoff)])
        } else {
            query.asOf == nil ? (ProgressSQL.current, filters) : (ProgressSQL.asOf, filters + [asOf])
        }
        let groups = try connection.query(projectQuery.0, projectQuery.1) { row in
            ProgressGroup(pairing: try row.text("pairing_id"), task: try row.text("task_code"), status: try row.keyword("status"),
                          reached: try row.optionalKeyword("reached"), projects: try row.int("projects"), landmarkProjects: try row.int("landmark_projects"),
                          planned: try row.money("planned_yuan"), completed: try row.money("completed_yuan"))
        }
        var activity: [String: PairingActivity] = [:]
        let pairingValues: [SQLiteValue] = [.optional(query.pairing), asOf, .optional(cutoff)]
        for (pairing, parks) in try connection.query(ProgressSQL.parks, pairingValues, { (try $0.text("pairing_id"), try $0.int("parks")) }) {
            activity[pairing, default: PairingActivity()].parks = parks
        }
        try connection.each(ProgressSQL.exchanges, pairingValues) { row in
            activity[try row.text("pairing_id"), default: PairingActivity()]
                .add(try row.int("participants"), try row.keyword("kind"), try row.keyword("direction"))
        }
        for (pairing, counts) in try Repository.softCooperationActivity(pairing: query.pairing, since: nil, asOf: query.asOf,
                                                                       recordedBefore: cutoff, in: connection) {
            activity[pairing, default: PairingActivity()].softCooperation = counts
        }
        if query.countsAlerts && query.grouping.countsPairingActivity {
            let alertQuery = AlertQuery(asOf: query.asOf ?? .today(), pairing: query.pairing, knownOn: query.knownOn)
            for (pairing, counts) in try countAlerts(alertQuery, in: connection) {
                activity[pairing, default: PairingActivity()].alertsRed = counts.red
                activity[pairing, default: PairingActivity()].alertsYellow = counts.yellow
            }
        }
        let scope = query.pairing.map { catalogue.subtree(ofPairing: $0) } ?? catalogue.pairings.map(\.id)
        return try ProgressReport(query: query, catalogue: catalogue, scope: scope, groups: groups, activity: activity)
    }
}

/// The grouped queries behind a progress report. Projects take ?1 pairing, ?2 area, ?3 as-of date;
/// parks and exchanges take ?1 pairing, ?2 as-of date.
enum ProgressSQL {
    /// Read from the summary that triggers keep as projects change (V004_progress_summary.sql), so
    /// that the report costs the same however many projects there are.
    static let current = """
        \(ProjectSQL.scope)
        SELECT s.pairing_id, s.task_code, s.status, nullif(s.reached, '') AS reached, s.projects, s.landmark_projects,
               CASE WHEN s.status <> 'terminated' THEN s.planned_yuan ELSE 0 END AS planned_yuan, s.completed_yuan
        FROM progress_summary s
        WHERE s.projects > 0 AND (?1 IS NULL OR s.pairing_id IN scope) AND (?2 IS NULL OR substr(s.task_code, 1, 1) = ?2)
        """

    /// One pass over the projects: a project whose latest update is on or before the date counts with
    /// its current state; only those that changed after it look their state up in the history.
    /// `NOT INDEXED`: left to itself, SQLite walks the (pairing, task) index to get the groups in order
    /// and then looks every row up in the table, which took twice as long as reading the table and
    /// sorting the groups.
    static let asOf = """
        \(ProjectSQL.scope)
        SELECT pairing_id, task_code, status, reached, count(*) AS projects, sum(landmark) AS landmark_projects,
               coalesce(sum(CASE WHEN status <> 'terminated' THEN planned_yuan END), 0) AS planned_yuan,
               sum(completed_yuan) AS completed_yuan
        FROM (
            SELECT p.pairing_id, p.task_code, p.landmark, p.planned_yuan, \(stateAsOf("?3")), \(reachedAsOf("?3"))
            FROM project p NOT INDEXED
            WHERE p.voided_at IS NULL AND p.first_date <= ?3 AND (?1 IS NULL OR p.pairing_id IN scope) AND (?2 IS NULL OR substr(p.task_code, 1, 1) = ?2)
        )
        GROUP BY pairing_id, task_code, status, reached
        """

    /// As ``asOf`` (?3 the date, or NULL for the latest), with the history as it was known at the
    /// instant ?4, the end of a day in China Standard Time: updates recorded before it and not
    /// superseded before it, projects recorded before it and not voided before it, planned
    /// investment before any later plan revision. A project whose
    /// history has not changed since ?4 and whose latest update is on or before the date counts
    /// with its current state; only the others look into their history.
    static let knownOn = """
        \(ProjectSQL.scope)
        SELECT pairing_id, task_code, status, reached, count(*) AS projects, sum(landmark) AS landmark_projects,
               coalesce(sum(CASE WHEN status <> 'terminated' THEN planned_yuan END), 0) AS planned_yuan,
               sum(completed_yuan) AS completed_yuan
        FROM (
            SELECT p.pairing_id, p.task_code, p.landmark, \(PlanRevisionSQL.known("planned_yuan", of: "p", at: "?4")) AS planned_yuan,
                   CASE WHEN \(unchangedSince) THEN p.status ELSE (
                       SELECT u.status FROM progress_update u WHERE u.project_id = p.id AND \(knownUpdate)
                       ORDER BY \(UpdateSQL.position("u")) DESC LIMIT 1
                   ) END AS status,
                   CASE WHEN \(unchangedSince) THEN p.completed_yuan ELSE (
                       SELECT u.completed_yuan FROM progress_update u WHERE u.project_id = p.id AND \(knownUpdate)
                       ORDER BY \(UpdateSQL.position("u")) DESC LIMIT 1
                   ) END AS completed_yuan,
                   CASE WHEN \(unchangedSince) THEN p.reached ELSE (
                       SELECT u.status FROM progress_update u
                       WHERE u.project_id = p.id AND \(knownUpdate) AND u.status <> 'suspended' AND u.status <> 'terminated'
                       ORDER BY \(UpdateSQL.position("u")) DESC LIMIT 1
                   ) END AS reached
            FROM project p NOT INDEXED
            WHERE p.recorded_at < ?4 AND (p.voided_at IS NULL OR p.voided_at >= ?4)
              AND (?1 IS NULL OR p.pairing_id IN scope) AND (?2 IS NULL OR substr(p.task_code, 1, 1) = ?2)
        )
        WHERE status IS NOT NULL
        GROUP BY pairing_id, task_code, status, reached
        """

    /// Project `p` is as it was known at ?4 and stands, as of ?3, where it stands now.
    private static let unchangedSince = "(p.changed_at < ?4 AND (?3 IS NULL OR p.status_date <= ?3))"

    /// Update `u` was in force at ?4 and is dated on or before ?3.
    private static let knownUpdate = "\(UpdateSQL.inForce("u", at: "?4")) AND (?3 IS NULL OR u.date <= ?3)"

    /// The `status` and `completed_yuan` of project `p` as of the date bound to `date` (a parameter
    /// such as `?3`): its current state when its latest update is on or before the date, none (NULL)
    /// when its first is after it, else the state of its latest update on or before it.
    static func stateAsOf(_ date: String) -> String {
        """
        CASE WHEN p.status_date <= \(date) THEN p.status WHEN p.first_date > \(date) THEN NULL ELSE (
            SELECT u.status FROM progress_update u WHERE u.project_id = p.id AND u.date <= \(date) AND \(UpdateSQL.inForce("u"))
            ORDER BY \(UpdateSQL.position("u")) DESC LIMIT 1
        ) END AS status,
        CASE WHEN p.status_date <= \(date) THEN p.completed_yuan WHEN p.first_date > \(date) THEN NULL ELSE (
            SELECT u.completed_yuan FROM progress_update u WHERE u.project_id = p.id AND u.date <= \(date) AND \(UpdateSQL.inForce("u"))
            ORDER BY \(UpdateSQL.position("u")) DESC LIMIT 1
        ) END AS completed_yuan
        """
    }

    /// The furthest step project `p` reached by the date bound to `date`: its `reached` when its
    /// latest update is on or before the date, else the step of its latest on-track update on or
    /// before it (on-track steps only move forward, so that is the furthest).
    static func reachedAsOf(_ date: String) -> String {
        """
        CASE WHEN p.status_date <= \(date) THEN p.reached ELSE (
            SELECT u.status FROM progress_update u
            WHERE u.project_id = p.id AND u.date <= \(date) AND u.status <> 'suspended' AND u.status <> 'terminated' AND \(UpdateSQL.inForce("u"))
            ORDER BY \(UpdateSQL.position("u")) DESC LIMIT 1
        ) END AS reached
        """
    }

    /// Parks established on or before the as-of date (or of unknown date) count; known on a day, the
    /// parks recorded before its end (?3).
    static let parks = """
        \(ProjectSQL.scope)
        SELECT k.pairing_id, count(*) AS parks FROM park k
        WHERE (?1 IS NULL OR k.pairing_id IN scope) AND (?2 IS NULL OR k.established IS NULL OR k.established <= ?2)
          AND (?3 IS NULL OR k.recorded_at < ?3)
        GROUP BY k.pairing_id
        """

    /// Exchanges that started on or before the as-of date count.
    static let exchanges = """
        \(ProjectSQL.scope)
        SELECT e.pairing_id, e.kind, e.direction, sum(e.participants) AS participants FROM exchange e
        WHERE (?1 IS NULL OR e.pairing_id IN scope) AND (?2 IS NULL OR e.start_date <= ?2) AND (?3 IS NULL OR e.recorded_at < ?3)
        GROUP BY e.pairing_id, e.kind, e.direction
        """
}
