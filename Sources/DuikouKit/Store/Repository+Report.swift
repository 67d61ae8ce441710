extension Snapshot {
    /// Everything the HTML report shows, read in one transaction so that its sections agree.
    ///
    /// - Parameters:
    ///   - asOf: the date to describe; `nil` for the date of the latest progress update (never the
    ///     clock, so that the same database always gives the same report).
    ///   - year: the year of the work-plan targets to set against what was achieved; `nil` for the
    ///     year of the as-of date.
    /// - Throws: ``DuikouError/Code/invalidInput`` for a year outside 2000–2100.
    public func cooperationReport(asOf: LocalDate? = nil, year: Int? = nil) throws -> CooperationReport {
        if let year { try Repository.checkPlanYear(year) }
        let connection = try connection
        let latest = try connection.queryFirst(ReportSQL.latestUpdate) { try $0.optionalDate("latest") }.flatMap { $0 }
        let date = asOf ?? latest
        let catalogue = try Repository.loadCatalogue(connection)
        let sample = try connection.queryFirst(ReportSQL.meta, [.text(SampleData.noteKey)]) { try $0.text("value") } == SampleData.note
        var parks = try Repository.loadParks(pairing: nil, id: nil, in: connection)
        var exchanges = try Repository.loadExchanges(pairing: nil, id: nil, in: connection)
        var reforms = try Repository.loadReforms(pairing: nil, id: nil, in: connection)
        var landmarks: [Project] = []
        var investment: [YearEndInvestment] = []
        var alerts: [Alert] = []
        if let date {
            alerts = try Repository.loadAlerts(AlertQuery(asOf: date), in: connection)
            parks = try Repository.parks(parks, asOf: date, in: connection)
            exchanges = exchanges.filter { $0.start <= date }
            reforms = reforms.filter { $0.date <= date }
            landmarks = try connection.query(ReportSQL.landmarkProjects, [.text(date.description)], ProjectSQL.project)
            investment = try Repository.investmentByYear(asOf: date, in: connection)
        }
        let planYear = year ?? date?.year
        var plan: [Evaluation.Row] = []
        if let planYear, NewPlanTarget.years.contains(planYear) {
            plan = try Repository.loadEvaluation(year: planYear, pairing: nil, in: connection).rows
        }
        return CooperationReport(
            asOf: date, year: planYear, isSampleData: sample, catalogue: catalogue,
            byArea: try Repository.loadProgress(ProgressQuery(grouping: .area, asOf: date), in: connection),
            byPairing: try Repository.loadProgress(ProgressQuery(grouping: .pairing, asOf: date, countsAlerts: true), in: connection),
            byProvince: try Repository.loadProgress(ProgressQuery(grouping: .province, asOf: date, countsAlerts: true), in: connection),
            investmentByYear: investment, planAgainstActual: plan, parks: parks, exchanges: exchanges,
            reformMeasures: reforms, landmarkProjects: landmarks, alerts: alerts)
    }

    /// The HTML report: ``cooperationReport(asOf:year:)`` rendered by ``CooperationReport/html(_:redactingPeople:)``.
    public func htmlReport(_ options: HTMLReportOptions = HTMLReportOptions()) throws -> String {
        try cooperationReport(asOf: options.asOf, year: options.year).html(options.language, redactingPeople: options.redactPeople)
    }

    /// Completed investment at the end of each year, from the first year with a progress update
    /// through the year of `asOf`, whose figure is as of `asOf` itself.
    ///
    /// Each figure sums, over all projects, the completed investment of the project's latest
    /// progress update on or before the day; years without updates carry the figure before them.
    public func completedInvestmentByYear(asOf: LocalDate) throws -> [YearEndInvestment] {
        try Repository.investmentByYear(asOf: asOf, in: connection)
    }
}

extension Repository {
    /// Everything the HTML report shows; see ``Snapshot/cooperationReport(asOf:year:)``.
    public func cooperationReport(asOf: LocalDate? = nil, year: Int? = nil) throws -> CooperationReport {
        try read { try $0.cooperationReport(asOf: asOf, year: year) }
    }

    /// The HTML report; see ``Snapshot/htmlReport(_:)``.
    public func htmlReport(_ options: HTMLReportOptions = HTMLReportOptions()) throws -> String {
        try read { try $0.htmlReport(options) }
    }

    /// Completed investment at the end of each year; see ``Snapshot/completedInvestmentByYear(asOf:)``.
    public func completedInvestmentByYear(asOf: LocalDate) throws -> [YearEndInvestment] {
        try read { try $0.completedInvestmentByYear(asOf: asOf) }
    }

    static func investmentByYear(asOf: LocalDate, in connection: SQLiteConnection) throws -> [YearEndInvestment] {
        let increases = try connection.query(ReportSQL.increaseByYear, [.text(asOf.description)]) { (try $0.int("year"), try $0.int64("increase")) }
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

    /// The parks established on or before `date` (or of unknown date), with their projects rolled up as of `date`.
    static func parks(_ parks: [Park], asOf date: LocalDate, in connection: SQLiteConnection) throws -> [Park] {
        let rollups = try connection.query(ReportSQL.parkRollups, [.text(date.description)]) { row in
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

/// The queries behind the HTML report; ?1 is the as-of date where one is taken.
enum ReportSQL {
    static let latestUpdate = """
        SELECT max(u.date) AS latest FROM progress_update u JOIN project p ON p.id = u.project_id
        WHERE \(UpdateSQL.inForce("u")) AND p.voided_at IS NULL
        """

    static let meta = "SELECT value FROM duikou_meta WHERE key = ?1"

    /// How much the completed investment grew in each year, up to ?1: each update adds what it
    /// raised its project's cumulative figure by. Histories are dated in order, so the sum up to a
    /// year's end is, project by project, the figure of the latest update on or before it.
    static let increaseByYear = """
        SELECT CAST(substr(date, 1, 4) AS INTEGER) AS year, sum(increase) AS increase
        FROM (
            SELECT u.date, u.completed_yuan - coalesce(lag(u.completed_yuan) OVER (PARTITION BY u.project_id ORDER BY \(UpdateSQL.position("u"))), 0) AS increase
            FROM progress_update u JOIN project p ON p.id = u.project_id
            WHERE u.date <= ?1 AND \(UpdateSQL.inForce("u")) AND p.voided_at IS NULL
        )
        GROUP BY year
        ORDER BY year
        """

    /// The landmark projects recorded by ?1, each with the state of its latest update on or before it.
    static let landmarkProjects = """
        SELECT \(ProjectSQL.columns), u.status, u.date AS status_date, p.first_date, u.completed_yuan
        FROM project p
        JOIN progress_update u ON u.project_id = p.id AND \(UpdateSQL.inForce("u"))
            AND \(UpdateSQL.position("u")) = (SELECT max(\(UpdateSQL.position("x"))) FROM progress_update x
                                               WHERE x.project_id = p.id AND x.date <= ?1 AND \(UpdateSQL.inForce("x")))
        WHERE p.landmark = 1 AND p.voided_at IS NULL
        ORDER BY p.first_date, p.rowid
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
}
