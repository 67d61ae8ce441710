/// What the HTML report is made from: the state of the cooperation as of one date, read from the
/// database in one transaction, so that every section agrees with every other.
///
/// Get one from ``Snapshot/cooperationReport(asOf:year:pairing:knownOn:)`` and render it with
/// ``html(_:redactingPeople:)``; ``Snapshot/htmlReport(_:)`` does both.
public struct CooperationReport: Sendable, Hashable {
    /// The date the report describes: the date asked for, else the date of the latest progress
    /// update in scope; `nil` only when no progress update is recorded at all.
    public let asOf: LocalDate?
    /// The year whose work-plan targets are set against what was achieved: the year asked for,
    /// else the year of ``asOf``.
    public let year: Int?
    /// The pairing the report is about, with the pairings below it; `nil` for all pairings. Every
    /// other part of the report covers these pairings only.
    public let pairing: String?
    /// Whether the database holds `duikou demo`'s illustrative sample data; the report says so.
    public let isSampleData: Bool
    /// The regions, pairings, areas and tasks that name the rows.
    public let catalogue: Catalogue
    /// Progress by task area as of ``asOf``; its total carries the parks and exchanges too.
    public let byArea: ProgressReport
    /// Progress by pairing as of ``asOf``, each pairing counting its own records (with those of
    /// the pairings below it in each row's ``ProgressRow/subtree``).
    public let byPairing: ProgressReport
    /// Progress by Northeast province as of ``asOf``, each counting every pairing whose Northeast
    /// region is the province or lies inside it.
    public let byProvince: ProgressReport
    /// Completed investment at the end of each year, from the first year with a progress update
    /// through the year of ``asOf`` (whose figure is as of ``asOf`` itself).
    public let investmentByYear: [YearEndInvestment]
    /// The targets of the annual work plans of ``year`` set against what was achieved; empty when
    /// no target is set.
    public let planAgainstActual: [Evaluation.Row]
    /// The parks established on or before ``asOf`` (or of unknown date), with the roll-up of their
    /// projects as of ``asOf``.
    public let parks: [Park]
    /// The cadre exchanges that started on or before ``asOf``, by start date.
    public let exchanges: [CadreExchange]
    /// The reform measures copied from the East and adopted on or before ``asOf``, by date. Their
    /// counts, with the meetings and the funding, are in the progress reports' ``ProgressFigures/softCooperation``.
    public let reformMeasures: [ReformMeasure]
    /// The landmark (标志性) projects as they stood on ``asOf``: by pairing, then largest planned
    /// investment first.
    public let landmarkProjects: [Project]
    /// The early warnings (预警) as of ``asOf`` with the standard thresholds, red first, then the
    /// longest-standing; empty when ``asOf`` is `nil`.
    public let alerts: [Alert]
    /// The latest reporting round (调度) that started on or before ``asOf`` and covers a pairing in
    /// scope: the open one if a round is open, else the latest closed one, for the pairings in scope
    /// only. An open round is worked out as of ``asOf`` (late when ``asOf`` is past its due date); a
    /// closed one is as it was frozen. `nil` when there is none, or when ``asOf`` is `nil`.
    public let round: RoundStatus?

    /// Creates a report from what the store read.
    ///
    /// - Parameter planAgainstActual: the rows of the "plan against actual" section, one per
    ///   target set for `year`; the report sorts them by pairing and metric.
    init(
        asOf: LocalDate?, year: Int?, pairing: String?, isSampleData: Bool, catalogue: Catalogue, byArea: ProgressReport,
        byPairing: ProgressReport, byProvince: ProgressReport, investmentByYear: [YearEndInvestment], planAgainstActual: [Evaluation.Row],
        parks: [Park], exchanges: [CadreExchange], reformMeasures: [ReformMeasure], landmarkProjects: [Project], alerts: [Alert],
        round: RoundStatus?
    ) {
        self.alerts = alerts
        self.round = round
        self.asOf = asOf
        self.year = year
        self.pairing = pairing
        self.isSampleData = isSampleData
        self.catalogue = catalogue
        self.byArea = byArea
        self.byPairing = byPairing
        self.byProvince = byProvince
        self.investmentByYear = investmentByYear
        let pairingOrder = Dictionary(catalogue.pairings.enumerated().map { ($0.element.id, $0.offset) }, uniquingKeysWith: { first, _ in first })
        let metricOrder = Dictionary(uniqueKeysWithValues: PlanMetric.allCases.enumerated().map { ($0.element, $0.offset) })
        self.planAgainstActual = planAgainstActual.sorted {
            (pairingOrder[$0.pairing] ?? Int.max, $0.pairing, metricOrder[$0.metric] ?? 0)
                < (pairingOrder[$1.pairing] ?? Int.max, $1.pairing, metricOrder[$1.metric] ?? 0)
        }
        self.parks = parks
        self.exchanges = exchanges
        self.reformMeasures = reformMeasures
        self.landmarkProjects = landmarkProjects.sorted {
            let planned = ($0.planned?.yuan ?? 0, $1.planned?.yuan ?? 0)
            return (pairingOrder[$0.pairing] ?? Int.max, $0.pairing, -planned.0, $0.title, $0.id.uuidString)
                < (pairingOrder[$1.pairing] ?? Int.max, $1.pairing, -planned.1, $1.title, $1.id.uuidString)
        }
    }
}

/// Completed investment at the end of one year.
public struct YearEndInvestment: Sendable, Hashable {
    /// The year.
    public let year: Int
    /// The day the figure stands on: the year's last day, or the report's as-of date in its last year.
    public let date: LocalDate
    /// The cumulative completed investment of all projects on ``date``: for each project, the
    /// completed investment of its latest progress update on or before it.
    public let cumulative: Money
    /// How much ``cumulative`` grew since the end of the year before.
    public let increase: Money
}

/// How the HTML report is made: as of which date, as known on which day, for which pairing and plan
/// year, in which language.
public struct HTMLReportOptions: Sendable, Hashable {
    /// The date the report describes; `nil` for the date of the latest progress update.
    public var asOf: LocalDate?
    /// The year of the work-plan targets to set against what was achieved; `nil` for the year of the as-of date.
    public var year: Int?
    /// The language of headings, labels and the names of areas, tasks, statuses and pairings.
    public var language: Language
    /// Leave the names of seconded persons out.
    public var redactPeople: Bool
    /// Report on this pairing and the pairings below it only; `nil` for all pairings.
    public var pairing: String?
    /// Report as the database stood at the end of this day in China Standard Time; `nil` for now.
    public var knownOn: LocalDate?

    /// Creates options: as of the latest update, its year, all pairings, as the database stands now,
    /// in Chinese, with names shown unless said otherwise.
    public init(
        asOf: LocalDate? = nil, year: Int? = nil, language: Language = .zh, redactPeople: Bool = false, pairing: String? = nil,
        knownOn: LocalDate? = nil
    ) {
        self.asOf = asOf
        self.year = year
        self.language = language
        self.redactPeople = redactPeople
        self.pairing = pairing
        self.knownOn = knownOn
    }
}
