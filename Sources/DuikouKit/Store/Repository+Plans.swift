extension Transaction {
    /// Sets a target in a pairing's annual work plan. A target set before for the same pairing, year
    /// and metric is replaced, and the replaced one is kept as an earlier revision; setting the target
    /// and weight in force again changes nothing. A target given without a weight keeps the weight
    /// of the target in force (1 for a new target).
    ///
    /// - Returns: the target now in force.
    /// - Throws: ``DuikouError/Code/notFound`` for an unknown pairing.
    @discardableResult
    public func setTarget(_ target: NewPlanTarget) throws -> PlanTarget {
        try change { connection, now in
            try Repository.requirePairing(target.pairing, for: "plan target", in: connection)
            let key: [SQLiteValue] = [.text(target.pairing), .integer(Int64(target.year)), .text(target.metric.rawValue)]
            let current = try connection.queryFirst("""
                \(PlanSQL.select) WHERE t.pairing_id = ?1 AND t.year = ?2 AND t.metric = ?3 AND \(PlanSQL.inForce)
                """, key + [.null], PlanSQL.target)
            let weight = target.weight ?? current?.weight ?? .one
            if let current, current.target == target.target, current.weight == weight { return (current, nil) }
            let seq = (current?.revision ?? 0) + 1
            try connection.run(
                "INSERT INTO plan_target (pairing_id, year, metric, seq, target, weight_thousandths, set_at) VALUES (?, ?, ?, ?, ?, ?, ?)",
                key + [.integer(Int64(seq)), .integer(target.target), .integer(weight.thousandths), .text(now)],
                context: "plan target \(target.pairing) \(target.year) \(target.metric.rawValue)")
            let recorded = PlanTarget(pairing: target.pairing, year: target.year, metric: target.metric, target: target.target,
                                      revision: seq, weight: weight, previous: current?.target, setAt: Timestamp.printed(now))
            let value = { (target: Int64, weight: PlanWeight) in "\(Repository.planValue(target, recorded.metric)), weight \(weight)" }
            let was = current.map { " (was \(value($0.target, $0.weight)))" } ?? ""
            let summary = "\(target.year) \(target.metric.rawValue): \(value(target.target, weight))\(was)"
            return (recorded, AuditNote(.plan, "plan-target", "\(target.pairing)/\(target.year)/\(target.metric.rawValue)", summary))
        }
    }
}

extension Snapshot {
    /// The targets in force, by pairing (in catalogue order), year and metric.
    ///
    /// - Parameters:
    ///   - year: only this year's targets.
    ///   - pairing: only the targets of this pairing and the pairings below it.
    ///   - revisions: every setting of each target, oldest first, instead of only the one in force.
    /// - Throws: ``DuikouError/Code/notFound`` for an unknown pairing.
    public func planTargets(year: Int? = nil, pairing: String? = nil, revisions: Bool = false) throws -> [PlanTarget] {
        let connection = try connection
        if let pairing { try Repository.requirePairing(pairing, in: connection) }
        return try Repository.loadTargets(year: year, pairing: pairing, revisions: revisions, in: connection)
    }

    /// Evaluates the year's targets: for each target in force, the actual figure of its pairing and
    /// the pairings below it within the calendar year (see ``PlanMetric`` for each definition).
    ///
    /// A year without targets gives an evaluation without rows.
    ///
    /// - Parameters:
    ///   - year: the calendar year of the targets.
    ///   - pairing: only the targets of this pairing and the pairings below it.
    ///   - knownOn: evaluate as the database stood at the end of this day in China Standard Time:
    ///     targets, updates, corrections, voids and records of later are left out.
    /// - Throws: ``DuikouError/Code/invalidInput`` for a year outside 2000–2100;
    ///   ``DuikouError/Code/notFound`` for an unknown pairing.
    public func evaluate(year: Int, pairing: String? = nil, knownOn: LocalDate? = nil) throws -> Evaluation {
        try Repository.checkPlanYear(year)
        let connection = try connection
        if let pairing { try Repository.requirePairing(pairing, in: connection) }
        return try Repository.loadEvaluation(year: year, pairing: pairing, knownOn: knownOn, in: connection)
    }

    /// The actual figures of every metric for a pairing and the pairings below it within a calendar
    /// year, whether or not targets were set.
    ///
    /// - Throws: ``DuikouError/Code/invalidInput`` for a year outside 2000–2100;
    ///   ``DuikouError/Code/notFound`` for an unknown pairing.
    public func planActuals(pairing: String, year: Int) throws -> [PlanMetric: Int64] {
        try Repository.checkPlanYear(year)
        let connection = try connection
        try Repository.requirePairing(pairing, in: connection)
        return try Repository.actuals(pairing: pairing, year: year, in: connection)
    }
}

extension Repository {
    /// Sets a target in a pairing's annual work plan; see ``Transaction/setTarget(_:)``.
    @discardableResult
    public func setTarget(_ target: NewPlanTarget) throws -> PlanTarget {
        try write { try $0.setTarget(target) }
    }

    /// The targets in force; see ``Snapshot/planTargets(year:pairing:revisions:)``.
    public func planTargets(year: Int? = nil, pairing: String? = nil, revisions: Bool = false) throws -> [PlanTarget] {
        try read { try $0.planTargets(year: year, pairing: pairing, revisions: revisions) }
    }

    /// Evaluates the year's targets; see ``Snapshot/evaluate(year:pairing:knownOn:)``.
    public func evaluate(year: Int, pairing: String? = nil, knownOn: LocalDate? = nil) throws -> Evaluation {
        try read { try $0.evaluate(year: year, pairing: pairing, knownOn: knownOn) }
    }

    /// The actual figures of every metric; see ``Snapshot/planActuals(pairing:year:)``.
    public func planActuals(pairing: String, year: Int) throws -> [PlanMetric: Int64] {
        try read { try $0.planActuals(pairing: pairing, year: year) }
    }

    static func loadEvaluation(year: Int, pairing: String?, knownOn: LocalDate? = nil, in connection: SQLiteConnection) throws -> Evaluation {
        let cutoff = knownOn.map(Timestamp.end(of:))
        let targets = try loadTargets(year: year, pairing: pairing, revisions: false, knownAt: cutoff, in: connection)
        var actuals: [String: [PlanMetric: Int64]] = [:]
        var rows: [Evaluation.Row] = []
        for target in targets {
            if actuals[target.pairing] == nil {
                actuals[target.pairing] = try Self.actuals(pairing: target.pairing, year: year, knownAt: cutoff, in: connection)
            }
            rows.append(Evaluation.Row(pairing: target.pairing, metric: target.metric, target: target.target,
                                       actual: actuals[target.pairing]?[target.metric] ?? 0, weight: target.weight))
        }
        return Evaluation(year: year, rows: rows)
    }

    static func checkPlanYear(_ year: Int) throws {
        guard NewPlanTarget.years.contains(year) else {
            throw DuikouError.invalid("year", String(year), "is outside \(NewPlanTarget.years.lowerBound)–\(NewPlanTarget.years.upperBound)")
        }
    }

    static func actuals(pairing: String, year: Int, knownAt cutoff: String? = nil, in connection: SQLiteConnection) throws -> [PlanMetric: Int64] {
        let values: [SQLiteValue] = [.text(pairing), .text("\(year)-01-01"), .text("\(year)-12-31"), .text("\(year - 1)-12-31"), .optional(cutoff)]
        let figures = try connection.queryFirst(PlanSQL.actuals, values) { row in
            try PlanMetric.allCases.map { ($0, try row.int64($0.rawValue)) }
        } ?? []
        return Dictionary(uniqueKeysWithValues: figures)
    }

    static func loadTargets(
        year: Int?, pairing: String?, revisions: Bool, knownAt cutoff: String? = nil, in connection: SQLiteConnection
    ) throws -> [PlanTarget] {
        let targets = try connection.query("""
            \(ProjectSQL.scope)
            \(PlanSQL.select)
            WHERE (?1 IS NULL OR t.pairing_id IN scope) AND (?2 IS NULL OR t.year = ?2) AND (?4 IS NULL OR t.set_at < ?4)
              AND (?3 OR \(PlanSQL.inForce))
            ORDER BY (SELECT rowid FROM pairing WHERE id = t.pairing_id), t.year, t.metric, t.seq
            """, [.optional(pairing), .optional(year.map(Int64.init)), .integer(revisions ? 1 : 0), .optional(cutoff)], PlanSQL.target)
        let order = Dictionary(uniqueKeysWithValues: PlanMetric.allCases.enumerated().map { ($1, $0) })
        return targets.enumerated().sorted { first, second in
            let (a, b) = (first.element, second.element)
            if a.pairing != b.pairing || a.year != b.year { return first.offset < second.offset }
            if a.metric != b.metric { return order[a.metric, default: 0] < order[b.metric, default: 0] }
            return a.revision < b.revision
        }.map(\.element)
    }

    /// A target or actual figure as text: an amount for investment metrics, else the count.
    static func planValue(_ value: Int64, _ metric: PlanMetric) -> String {
        metric.isMoney ? Money(uncheckedYuan: value).description : String(value)
    }
}

/// The SQL of plans and their evaluation.
enum PlanSQL {
    /// A target revision from a row of ``select``.
    static func target(_ row: Row) throws -> PlanTarget {
        PlanTarget(pairing: try row.text("pairing_id"), year: try row.int("year"), metric: try row.keyword("metric"),
                   target: try row.int64("target"), revision: try row.int("seq"),
                   weight: try PlanWeight(thousandths: try row.int64("weight_thousandths")), previous: try row.optionalInt64("previous"),
                   setAt: Timestamp.printed(try row.text("set_at")))
    }

    /// The same pairing, year and metric as the target `t`.
    static let sameKey = "x.pairing_id = t.pairing_id AND x.year = t.year AND x.metric = t.metric"

    /// Target revisions `t`, each with the target it replaced.
    static let select = """
        SELECT t.pairing_id, t.year, t.metric, t.target, t.seq, t.weight_thousandths,
               (SELECT x.target FROM plan_target x WHERE \(sameKey) AND x.seq = t.seq - 1) AS previous, t.set_at
        FROM plan_target t
        """

    /// Whether `t` is the revision in force: the latest, or the latest set before the instant ?4
    /// when it is not NULL.
    static let inForce = "t.seq = (SELECT max(x.seq) FROM plan_target x WHERE \(sameKey) AND (?4 IS NULL OR x.set_at < ?4))"

    /// Every metric for the pairing ?1 and the pairings below it, for the year from ?2 to ?3; ?4 is the
    /// previous year's last day; ?5, when not NULL, the instant the database is read as known at. A step is reached on the date of the project's first update at that
    /// step or later on track; completed investment as of a day is that of the project's latest update
    /// on or before it. Secondments count persons and training counts person-times, never added
    /// together, in both directions and in each. Reform measures count their policies, by the date
    /// adopted; meetings and visits count one each, by their date.
    static let actuals = """
        \(ProjectSQL.scope),
        exchanged AS (
            SELECT coalesce(sum(CASE WHEN e.kind = 'secondment' THEN e.participants END), 0) AS seconded,
                   coalesce(sum(CASE WHEN e.kind = 'secondment' AND e.direction = 'to-east' THEN e.participants END), 0) AS seconded_to_east,
                   coalesce(sum(CASE WHEN e.kind = 'secondment' AND e.direction = 'to-northeast' THEN e.participants END), 0) AS seconded_to_northeast,
                   coalesce(sum(CASE WHEN e.kind = 'training' THEN e.participants END), 0) AS trained,
                   coalesce(sum(CASE WHEN e.kind = 'training' AND e.direction = 'to-east' THEN e.participants END), 0) AS trained_to_east,
                   coalesce(sum(CASE WHEN e.kind = 'training' AND e.direction = 'to-northeast' THEN e.participants END), 0) AS trained_to_northeast
            FROM exchange e
            WHERE e.pairing_id IN scope AND e.start_date BETWEEN ?2 AND ?3 AND (?5 IS NULL OR e.recorded_at < ?5)
        ),
        reached AS (
            SELECT \(PlanRevisionSQL.known("planned_yuan", of: "p", at: "?5")) AS planned_yuan,
                   (SELECT min(u.date) FROM progress_update u WHERE u.project_id = p.id AND \(UpdateSQL.inForce("u", knownAt: "?5")) AND (u.status = 'signed'
                        OR u.status = 'landed' OR u.status = 'started' OR u.status = 'completed' OR u.status = 'operating')) AS signed_on,
                   (SELECT min(u.date) FROM progress_update u WHERE u.project_id = p.id AND \(UpdateSQL.inForce("u", knownAt: "?5")) AND (u.status = 'started'
                        OR u.status = 'completed' OR u.status = 'operating')) AS started_on,
                   (SELECT min(u.date) FROM progress_update u WHERE u.project_id = p.id AND \(UpdateSQL.inForce("u", knownAt: "?5")) AND u.status = 'operating') AS operating_on,
                   coalesce((SELECT u.completed_yuan FROM progress_update u WHERE u.project_id = p.id AND u.date <= ?3 AND \(UpdateSQL.inForce("u", knownAt: "?5"))
                             ORDER BY \(UpdateSQL.position("u")) DESC LIMIT 1), 0) AS completed_at_end,
                   coalesce((SELECT u.completed_yuan FROM progress_update u WHERE u.project_id = p.id AND u.date <= ?4 AND \(UpdateSQL.inForce("u", knownAt: "?5"))
                             ORDER BY \(UpdateSQL.position("u")) DESC LIMIT 1), 0) AS completed_before
            FROM project p
            WHERE p.pairing_id IN scope AND \(UpdateSQL.projectKnown("p", at: "?5")) AND p.first_date <= ?3
        )
        SELECT coalesce(sum(signed_on BETWEEN ?2 AND ?3), 0) AS projects_signed,
               coalesce(sum(started_on BETWEEN ?2 AND ?3), 0) AS projects_started,
               coalesce(sum(operating_on BETWEEN ?2 AND ?3), 0) AS projects_operating,
               coalesce(sum(CASE WHEN signed_on BETWEEN ?2 AND ?3 THEN planned_yuan END), 0) AS investment_signed_yuan,
               coalesce(sum(completed_at_end - completed_before), 0) AS investment_completed_yuan,
               (SELECT count(*) FROM park k WHERE k.pairing_id IN scope AND k.established BETWEEN ?2 AND ?3 AND (?5 IS NULL OR k.recorded_at < ?5)) AS parks_established,
               (SELECT seconded FROM exchanged) AS cadres_seconded,
               (SELECT seconded_to_east FROM exchanged) AS cadres_seconded_to_east,
               (SELECT seconded_to_northeast FROM exchanged) AS cadres_seconded_to_northeast,
               (SELECT trained FROM exchanged) AS cadres_trained,
               (SELECT trained_to_east FROM exchanged) AS cadres_trained_to_east,
               (SELECT trained_to_northeast FROM exchanged) AS cadres_trained_to_northeast,
               (SELECT coalesce(sum(r.policies), 0) FROM reform r WHERE r.pairing_id IN scope AND r.date BETWEEN ?2 AND ?3 AND (?5 IS NULL OR r.recorded_at < ?5)) AS reforms_copied,
               (SELECT count(*) FROM meeting m WHERE m.pairing_id IN scope AND m.date BETWEEN ?2 AND ?3 AND (?5 IS NULL OR m.recorded_at < ?5)) AS meetings_held
        FROM reached
        """
}
