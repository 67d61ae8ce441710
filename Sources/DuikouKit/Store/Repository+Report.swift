extension Snapshot {
    /// Everything the HTML report shows, read in one transaction so that its sections agree.
    ///
    /// - Parameters:
    ///   - asOf: the date to describe; `nil` for the date of the latest progress update in scope
    ///     (never the clock, so that the same database always gives the same report).
    ///   - year: the year of the work-plan targets to set against what was achieved; `nil` for the
    ///     year of the as-of date.
    ///   - pairing: report on this pairing and the pairings below it only: every figure, table and
    ///     list leaves the other pairings out, and the provinces are those of the pairings in scope.
    ///   - knownOn: report as the database stood at the end of this day in China Standard Time:
    ///     projects, updates, corrections, voids, plan revisions, parks, exchanges, reform measures,
    ///     meetings, funding, targets and rounds recorded later are left out, so that the report made
    ///     on that day is made again, byte for byte, early warnings included.
    /// - Throws: ``DuikouError/Code/invalidInput`` for a year outside 2000–2100;
    ///   ``DuikouError/Code/notFound`` for an unknown pairing.
    public func cooperationReport(asOf: LocalDate? = nil, year: Int? = nil, pairing: String? = nil, knownOn: LocalDate? = nil) throws -> CooperationReport {
        if let year { try Repository.checkPlanYear(year) }
        let connection = try connection
        if let pairing { try Repository.requirePairing(pairing, in: connection) }
        let cutoff = knownOn.map(Timestamp.end(of:))
        let latest = try connection.queryFirst(ReportSQL.latestUpdate, [.optional(pairing), .optional(cutoff)]) {
            try $0.optionalDate("latest")
        }.flatMap { $0 }
        let date = asOf ?? latest
        let catalogue = try Repository.loadCatalogue(connection)
        let sample = try connection.queryFirst(ReportSQL.meta, [.text(SampleData.noteKey)]) { try $0.text("value") } == SampleData.note
        var parks = try Repository.loadParks(pairing: pairing, id: nil, recordedBefore: cutoff, in: connection)
        var exchanges = try Repository.loadExchanges(pairing: pairing, id: nil, recordedBefore: cutoff, in: connection)
        var reforms = try Repository.loadReforms(pairing: pairing, id: nil, recordedBefore: cutoff, in: connection)
        var landmarks: [Project] = []
        var investment: [YearEndInvestment] = []
        var alerts: [Alert] = []
        var round: RoundStatus?
        if let date {
            alerts = try Repository.loadAlerts(AlertQuery(asOf: date, pairing: pairing, knownOn: knownOn), in: connection)
            parks = try Repository.parks(parks, asOf: date, knownAt: cutoff, in: connection)
            exchanges = exchanges.filter { $0.start <= date }
            reforms = reforms.filter { $0.date <= date }
            landmarks = try connection.query(ReportSQL.landmarkProjects, [.optional(pairing), .text(date.description), .optional(cutoff)],
                                             ProjectSQL.project)
            investment = try Repository.investmentByYear(asOf: date, pairing: pairing, knownAt: cutoff, in: connection)
            round = try Repository.reportRound(asOf: date, pairing: pairing, knownAt: cutoff, in: connection)
        }
        let planYear = year ?? date?.year
        var plan: [Evaluation.Row] = []
        if let planYear, NewPlanTarget.years.contains(planYear) {
            plan = try Repository.loadEvaluation(year: planYear, pairing: pairing, knownOn: knownOn, in: connection).rows
        }
        let progress = { (grouping: ProgressGrouping) in
            try Repository.loadProgress(ProgressQuery(pairing: pairing, grouping: grouping, asOf: date, knownOn: knownOn,
                                                      countsAlerts: grouping.countsPairingActivity), in: connection)
        }
        return CooperationReport(
            asOf: date, year: planYear, pairing: pairing, isSampleData: sample, catalogue: catalogue,
            byArea: try progress(.area), byPairing: try progress(.pairing), byProvince: try progress(.province),
            investmentByYear: investment, planAgainstActual: plan, parks: parks, exchanges: exchanges,
            reformMeasures: reforms, landmarkProjects: landmarks, alerts: alerts, round: round)
    }

    /// The HTML report: ``cooperationReport(asOf:year:pairing:knownOn:)`` rendered by ``CooperationReport/html(_:redactingPeople:)``.
    ///
    /// - Throws: ``DuikouError/Code/invalidInput`` for a year outside 2000–2100;
    ///   ``DuikouError/Code/notFound`` for an unknown pairing.
    public func htmlReport(_ options: HTMLReportOptions = HTMLReportOptions()) throws -> String {
        try cooperationReport(asOf: options.asOf, year: options.year, pairing: options.pairing, knownOn: options.knownOn)
            .html(options.language, redactingPeople: options.redactPeople)
    }

    /// Completed investment at the end of each year, from the first year with a progress update
    /// through the year of `asOf`, whose figure is as of `asOf` itself.
    ///
    /// Each figure sums, over all projects, the completed investment of the project's latest
    /// progress update on or before the day; years without updates carry the figure before them.
    public func completedInvestmentByYear(asOf: LocalDate) throws -> [YearEndInvestment] {
        try Repository.investmentByYear(asOf: asOf, pairing: nil, knownAt: nil, in: connection)
    }
}

extension Repository {
    /// Everything the HTML report shows; see ``Snapshot/cooperationReport(asOf:year:pairing:knownOn:)``.
    public func cooperationReport(asOf: LocalDate? = nil, year: Int? = nil, pairing: String? = nil, knownOn: LocalDate? = nil) throws -> CooperationReport {
        try read { try $0.cooperationReport(asOf: asOf, year: year, pairing: pairing, knownOn: knownOn) }
    }

    /// The HTML report; see ``Snapshot/htmlReport(_:)``.
    public func htmlReport(_ options: HTMLReportOptions = HTMLReportOptions()) throws -> String {
        try read { try $0.htmlReport(options) }
    }

    /// Completed investment at the end of each year; see ``Snapshot/completedInvestmentByYear(asOf:)``.
    public func completedInvestmentByYear(asOf: LocalDate) throws -> [YearEndInvestment] {
        try read { try $0.completedInvestmentByYear(asOf: asOf) }
    }

    /// Completed investment at the end of each year, of the projects of `pairing` and the pairings
    /// below it (all when `nil`), as known at the instant `knownAt` (now when `nil`).
    static func investmentByYear(asOf: LocalDate, pairing: String?, knownAt cutoff: String?, in connection: SQLiteConnection) throws -> [YearEndInvestment] {
        let increases = try connection.query(ReportSQL.increaseByYear, [.optional(pairing), .text(asOf.description), .optional(cutoff)]) {
            (try $0.int("year"), try $0.int64("increase"))
        }
        guard let first = increases.first?.0, first <= asOf.year else { return [] }
        let byYear = Dictionary(increases, uniquingKeysWith: +)
        var cumulative = Money.zero
        var result: [YearEndInvestment] = []
        for year in first...asOf.year {
            let increase = try Money(yuan: byYear[year] ?? 0)
            cumulative = try Money.sum(cumulative, increase)
            let date = year == asOf.year ? asOf : try LocalDate.endOfYear(year)
            result.append(YearEndInvestment(year: year, date: date, cumulative: cumulative, increase: increase))
        }
        return result
    }

    /// The parks established on or before `date` (or of unknown date), with their projects rolled up
    /// as of `date`, as known at the instant `knownAt` (now when `nil`).
    static func parks(_ parks: [Park], asOf date: LocalDate, knownAt cutoff: String?, in connection: SQLiteConnection) throws -> [Park] {
        let query = cutoff.map { (ReportSQL.parkRollupsKnownOn, [SQLiteValue.text(date.description), .text($0)]) }
            ?? (ReportSQL.parkRollups, [.text(date.description)])
        let rollups = try connection.query(query.0, query.1) { row in
            (try row.text("park_id"), (projects: try row.int("projects"), planned: try row.money("planned_yuan"), completed: try row.money("completed_yuan")))
        }
        let byPark = Dictionary(rollups, uniquingKeysWith: { first, _ in first })
        return parks.filter { $0.established.map { $0 <= date } ?? true }.map { park in
            let rollup = byPark[park.id.key] ?? (projects: 0, planned: .zero, completed: .zero)
            return Park(
                id: park.id, pairing: park.pairing, name: park.name, kind: park.kind, hostRegion: park.hostRegion, partner: park.partner,
                established: park.established, plannedArea: park.plannedArea, benefitSharing: park.benefitSharing,
                projects: rollup.projects, plannedInvestment: rollup.planned, completedInvestment: rollup.completed)
        }
    }
}

/// The queries behind the HTML report. A pairing (?1 where taken) covers the pairings below it and
/// is NULL for all; an instant the database is read as known at is the end of a day in China
/// Standard Time, NULL for now.
enum ReportSQL {
    /// The date of the latest update in force of the projects of the pairing ?1, as known at the instant ?2.
    static let latestUpdate = """
        \(ProjectSQL.scope)
        SELECT max(u.date) AS latest FROM progress_update u JOIN project p ON p.id = u.project_id
        WHERE \(UpdateSQL.inForce("u", knownAt: "?2")) AND \(UpdateSQL.projectKnown("p", at: "?2")) AND (?1 IS NULL OR p.pairing_id IN scope)
        """

    static let meta = "SELECT value FROM duikou_meta WHERE key = ?1"

    /// How much the completed investment of the projects of the pairing ?1 grew in each year, up to
    /// ?2, as known at the instant ?3: each update adds what it
    /// raised its project's cumulative figure by. Histories are dated in order, so the sum up to a
    /// year's end is, project by project, the figure of the latest update on or before it.
    static let increaseByYear = """
        \(ProjectSQL.scope)
        SELECT CAST(substr(date, 1, 4) AS INTEGER) AS year, sum(increase) AS increase
        FROM (
            SELECT u.date, u.completed_yuan - coalesce(lag(u.completed_yuan) OVER (PARTITION BY u.project_id ORDER BY \(UpdateSQL.position("u"))), 0) AS increase
            FROM progress_update u JOIN project p ON p.id = u.project_id
            WHERE u.date <= ?2 AND \(UpdateSQL.inForce("u", knownAt: "?3")) AND \(UpdateSQL.projectKnown("p", at: "?3"))
              AND (?1 IS NULL OR p.pairing_id IN scope)
        )
        GROUP BY year
        ORDER BY year
        """

    /// The landmark projects of the pairing ?1 recorded by ?2, each with the state of its latest
    /// update on or before it, as known at the instant ?3.
    static let landmarkProjects = """
        \(ProjectSQL.scope)
        SELECT \(PlanRevisionSQL.projectColumns(knownAt: "?3")), u.status, u.date AS status_date, u.completed_yuan,
               CASE WHEN ?3 IS NULL THEN p.first_date ELSE (
                   SELECT min(f.date) FROM progress_update f WHERE f.project_id = p.id AND \(UpdateSQL.inForce("f", at: "?3"))
               ) END AS first_date
        FROM project p
        JOIN progress_update u ON u.project_id = p.id AND \(UpdateSQL.inForce("u", knownAt: "?3"))
            AND \(UpdateSQL.position("u")) = (SELECT max(\(UpdateSQL.position("x"))) FROM progress_update x
                                               WHERE x.project_id = p.id AND x.date <= ?2 AND \(UpdateSQL.inForce("x", knownAt: "?3")))
        WHERE p.landmark = 1 AND \(UpdateSQL.projectKnown("p", at: "?3")) AND (?1 IS NULL OR p.pairing_id IN scope)
        ORDER BY first_date, p.rowid
        """

    /// Projects in parks as of ?1 (the same rule as ``ProgressSQL/asOf``), rolled up by park.
    static let parkRollups = """
        SELECT park_id, count(*) AS projects, coalesce(sum(CASE WHEN status <> 'terminated' THEN planned_yuan END), 0) AS planned_yuan,
               sum(completed_yuan) AS completed_yuan
        FROM (
            SELECT p.park_id, p.planned_yuan, \(ProgressSQL.stateAsOf("?1"))
            FROM project p
            WHERE p.park_id IS NOT NULL AND p.voided_at IS NULL AND p.first_date <= ?1
        )
        GROUP BY park_id
        """

    /// As ``parkRollups``, as known at the instant ?2: the projects recorded before it and not
    /// voided before it, with the updates in force then and the planned investment before any later
    /// plan revision.
    static let parkRollupsKnownOn = """
        SELECT park_id, count(*) AS projects, coalesce(sum(CASE WHEN status <> 'terminated' THEN planned_yuan END), 0) AS planned_yuan,
               sum(completed_yuan) AS completed_yuan
        FROM (
            SELECT p.park_id, \(PlanRevisionSQL.known("planned_yuan", of: "p", at: "?2")) AS planned_yuan,
                   (SELECT u.status FROM progress_update u WHERE u.project_id = p.id AND u.date <= ?1 AND \(UpdateSQL.inForce("u", at: "?2"))
                    ORDER BY \(UpdateSQL.position("u")) DESC LIMIT 1) AS status,
                   (SELECT u.completed_yuan FROM progress_update u WHERE u.project_id = p.id AND u.date <= ?1 AND \(UpdateSQL.inForce("u", at: "?2"))
                    ORDER BY \(UpdateSQL.position("u")) DESC LIMIT 1) AS completed_yuan
            FROM project p
            WHERE p.park_id IS NOT NULL AND \(UpdateSQL.projectKnown("p", at: "?2"))
        )
        WHERE status IS NOT NULL
        GROUP BY park_id
        """
}
