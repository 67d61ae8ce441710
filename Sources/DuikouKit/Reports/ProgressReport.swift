/// How a progress report groups projects.
public enum ProgressGrouping: String, Keyword {
    /// By task area, `1`…`4`.
    case area
    /// By task, `1.1`…`4.4`.
    case task
    /// By pairing; each row counts the pairing's own records, and its ``ProgressRow/subtree``
    /// those of the pairing and every pairing below it.
    case pairing
    /// By Northeast province-level region (key: its 6-digit code), each row counting every pairing
    /// whose Northeast region is that province or lies inside it.
    case province

    /// The Chinese label.
    public var labelZH: String {
        switch self {
        case .area: "任务方面"
        case .task: "任务"
        case .pairing: "对口合作关系"
        case .province: "省区"
        }
    }

    /// The English label.
    public var labelEN: String { rawValue }

    /// Whether rows count parks, exchanges and early warnings, which belong to pairings rather than to tasks.
    public var countsPairingActivity: Bool { self == .pairing || self == .province }
}

/// What a progress report covers.
public struct ProgressQuery: Sendable, Hashable {
    /// Only this pairing and the pairings below it.
    public var pairing: String?
    /// Only this task area.
    public var area: String?
    /// How rows are grouped.
    public var grouping: ProgressGrouping
    /// Projects as they stood on this date (the latest update on or before it); `nil` for now.
    public var asOf: LocalDate?
    /// Answer as the database stood at the end of this day in China Standard Time: what was
    /// recorded later (updates, corrections, voids, records) is left out, so the figures reported
    /// that day come out again. `nil` for everything recorded.
    public var knownOn: LocalDate?
    /// Count the red and yellow early warnings of each row, in reports by pairing and by province.
    /// Off by default: it reads every project in scope, where the rest of a report of now reads a
    /// summary of a few hundred rows.
    public var countsAlerts: Bool

    /// Creates a query; by area, over everything, as things stand now unless said otherwise.
    public init(pairing: String? = nil, area: String? = nil, grouping: ProgressGrouping = .area, asOf: LocalDate? = nil, knownOn: LocalDate? = nil,
                countsAlerts: Bool = false) {
        self.pairing = pairing
        self.area = area
        self.grouping = grouping
        self.asOf = asOf
        self.knownOn = knownOn
        self.countsAlerts = countsAlerts
    }
}

/// The counts and sums for one row of a progress report, or for its total.
public struct ProgressFigures: Sendable, Hashable {
    /// The steps whose reach ``reached`` counts, and the rates are built on.
    public static let reachedSteps: [ProjectStatus] = [.signed, .landed, .started, .completed, .operating]

    /// How many projects.
    public internal(set) var projects = 0
    /// How many of them are landmark projects.
    public internal(set) var landmarkProjects = 0
    /// How many projects are in each status; every status is present.
    public internal(set) var byStatus: [ProjectStatus: Int] = Dictionary(uniqueKeysWithValues: ProjectStatus.allCases.map { ($0, 0) })
    /// For each of ``reachedSteps``, how many projects' histories have reached it (or a later step),
    /// whatever their status now: a project landed in 2019 and suspended in 2021 has reached
    /// ``ProjectStatus/landed``. Every step of ``reachedSteps`` is present.
    public internal(set) var reached: [ProjectStatus: Int] = Dictionary(uniqueKeysWithValues: Self.reachedSteps.map { ($0, 0) })
    /// The planned investment of the projects that are not terminated.
    public internal(set) var plannedInvestment = Money.zero
    /// The completed investment of all the projects, terminated ones included.
    public internal(set) var completedInvestment = Money.zero
    /// The part of ``completedInvestment`` that terminated projects had completed.
    public internal(set) var terminatedCompletedInvestment = Money.zero
    /// Co-built parks (in reports by pairing and by province).
    public internal(set) var parks = 0
    /// Northeast cadres seconded to the East, persons (人).
    public internal(set) var secondmentsToEast = 0
    /// Eastern cadres seconded to the Northeast, persons (人).
    public internal(set) var secondmentsToNortheast = 0
    /// Northeast participants of training in the East, person-times (人次).
    public internal(set) var traineesToEast = 0
    /// Eastern participants of training in the Northeast, person-times (人次).
    public internal(set) var traineesToNortheast = 0
    /// The plan's soft cooperation (in reports by pairing and by province): reform measures copied
    /// and their policies, meetings and visits by kind, funding by source, dated on or before the
    /// report's date.
    public internal(set) var softCooperation = SoftCooperationCounts()
    /// Red early warnings (红灯) of the projects, as of the report's date or today in China Standard
    /// Time (in reports by pairing and by province; zero in the others).
    public internal(set) var alertsRed = 0
    /// Yellow early warnings (黄灯) of the projects, as ``alertsRed``.
    public internal(set) var alertsYellow = 0

    /// Seconded cadres both ways, persons (人).
    public var secondments: Int { secondmentsToEast + secondmentsToNortheast }
    /// Training participants both ways, person-times (人次).
    public var trainees: Int { traineesToEast + traineesToNortheast }

    /// 落地率: projects that have reached 落地 over those that have reached 签约; `nil` when none has.
    public var landedRate: Double? { Self.ratio(reached[.landed] ?? 0, reached[.signed] ?? 0) }
    /// 开工率: projects that have reached 开工 over those that have reached 签约.
    public var startedRate: Double? { Self.ratio(reached[.started] ?? 0, reached[.signed] ?? 0) }
    /// 投产率: projects that have reached 投产 over those that have reached 签约.
    public var operatingRate: Double? { Self.ratio(reached[.operating] ?? 0, reached[.signed] ?? 0) }
    /// 投资完成率: completed over planned investment, both over the projects that are not
    /// terminated; `nil` when nothing is planned.
    public var investmentCompletionRate: Double? {
        guard plannedInvestment.yuan != 0 else { return nil }
        return Double(completedInvestment.yuan - terminatedCompletedInvestment.yuan) / Double(plannedInvestment.yuan)
    }

    static func ratio(_ part: Int, _ whole: Int) -> Double? { whole == 0 ? nil : Double(part) / Double(whole) }

    mutating func add(_ group: ProgressGroup) throws {
        projects += group.projects
        landmarkProjects += group.landmarkProjects
        byStatus[group.status, default: 0] += group.projects
        if let furthest = group.reached {
            for step in Self.reachedSteps where furthest.hasReached(step) { reached[step, default: 0] += group.projects }
        }
        plannedInvestment = try Money.sum(plannedInvestment, group.planned)
        completedInvestment = try Money.sum(completedInvestment, group.completed)
        if group.status == .terminated {
            terminatedCompletedInvestment = try Money.sum(terminatedCompletedInvestment, group.completed)
        }
    }

    mutating func add(_ activity: PairingActivity) throws {
        parks += activity.parks
        secondmentsToEast += activity.secondmentsToEast
        secondmentsToNortheast += activity.secondmentsToNortheast
        traineesToEast += activity.traineesToEast
        traineesToNortheast += activity.traineesToNortheast
        alertsRed += activity.alertsRed
        alertsYellow += activity.alertsYellow
        try softCooperation.add(activity.softCooperation)
    }

    mutating func add(_ other: ProgressFigures) throws {
        projects += other.projects
        landmarkProjects += other.landmarkProjects
        for (status, count) in other.byStatus { byStatus[status, default: 0] += count }
        for (step, count) in other.reached { reached[step, default: 0] += count }
        plannedInvestment = try Money.sum(plannedInvestment, other.plannedInvestment)
        completedInvestment = try Money.sum(completedInvestment, other.completedInvestment)
        terminatedCompletedInvestment = try Money.sum(terminatedCompletedInvestment, other.terminatedCompletedInvestment)
        parks += other.parks
        secondmentsToEast += other.secondmentsToEast
        secondmentsToNortheast += other.secondmentsToNortheast
        traineesToEast += other.traineesToEast
        traineesToNortheast += other.traineesToNortheast
        alertsRed += other.alertsRed
        alertsYellow += other.alertsYellow
        try softCooperation.add(other.softCooperation)
    }
}

/// One row of a progress report: an area, a task or a pairing.
public struct ProgressRow: Sendable, Hashable {
    /// The area code, task code or pairing id.
    public let key: String
    /// The Chinese name.
    public let nameZH: String
    /// The English name.
    public let nameEN: String
    /// The row's figures.
    public internal(set) var figures: ProgressFigures
    /// In a report by pairing: the figures of the pairing and every pairing below it (equal to
    /// ``figures`` for a pairing without any); `nil` in other reports.
    public internal(set) var subtree: ProgressFigures?

    /// The name in the given language.
    public func name(_ language: Language) -> String { language == .zh ? nameZH : nameEN }
}

/// How far the cooperation has come: projects by status, landmark projects and investment, grouped
/// by area, task or pairing, as things stand now or as of a date.
public struct ProgressReport: Sendable, Hashable {
    /// The date the report describes, or `nil` for now.
    public let asOf: LocalDate?
    /// How rows are grouped.
    public let grouping: ProgressGrouping
    /// Every area, task or pairing in scope, with zeros where nothing is recorded.
    public let rows: [ProgressRow]
    /// The sum of the rows.
    public let total: ProgressFigures
}

/// Projects of one pairing and task in one status, whose histories reached the same furthest
/// step: what the store hands the report to fold.
struct ProgressGroup {
    let pairing: String
    let task: String
    let status: ProjectStatus
    let reached: ProjectStatus?
    let projects: Int
    let landmarkProjects: Int
    let planned: Money
    let completed: Money
}

/// Parks, exchanges, soft cooperation and early warnings of one pairing.
struct PairingActivity {
    var alertsRed = 0
    var alertsYellow = 0
    var softCooperation = SoftCooperationCounts()
    var parks = 0
    var secondmentsToEast = 0
    var secondmentsToNortheast = 0
    var traineesToEast = 0
    var traineesToNortheast = 0

    mutating func add(_ participants: Int, _ kind: ExchangeKind, _ direction: ExchangeDirection) {
        switch (kind, direction) {
        case (.secondment, .toEast): secondmentsToEast += participants
        case (.secondment, .toNortheast): secondmentsToNortheast += participants
        case (.training, .toEast): traineesToEast += participants
        case (.training, .toNortheast): traineesToNortheast += participants
        }
    }
}

extension ProgressReport {
    /// Folds the store's groups into rows for every area, task, pairing or province in scope.
    ///
    /// - Parameter scope: the pairings the report covers: the filter's pairing and every pairing
    ///   below it, or every pairing.
    init(query: ProgressQuery, catalogue: Catalogue, scope: [String], groups: [ProgressGroup], activity: [String: PairingActivity]) throws {
        var rows: [ProgressRow]
        let key: (String, String) -> String?
        let row = { (key: String, nameZH: String, nameEN: String) in ProgressRow(key: key, nameZH: nameZH, nameEN: nameEN, figures: ProgressFigures()) }
        switch query.grouping {
        case .area:
            rows = catalogue.areas.filter { query.area == nil || $0.code == query.area }.map { row($0.code, $0.nameZH, $0.nameEN) }
            key = { _, task in String(task.prefix(1)) }
        case .task:
            rows = catalogue.tasks.filter { query.area == nil || $0.areaCode == query.area }.map { row($0.code, $0.nameZH, $0.nameEN) }
            key = { _, task in task }
        case .pairing:
            let inScope = Set(scope)
            rows = catalogue.pairings.filter { inScope.contains($0.id) }.map {
                row($0.id, catalogue.name(ofPairing: $0.id, .zh), catalogue.name(ofPairing: $0.id, .en))
            }
            key = { pairing, _ in pairing }
        case .province:
            let provinces = Set(scope.compactMap { catalogue.province(ofPairing: $0)?.code })
            rows = catalogue.northeastProvinces.filter { query.pairing == nil || provinces.contains($0.code) }.map { row($0.code, $0.nameZH, $0.nameEN) }
            key = { pairing, _ in catalogue.province(ofPairing: pairing)?.code }
        }
        let index = Dictionary(uniqueKeysWithValues: rows.enumerated().map { ($0.element.key, $0.offset) })
        for group in groups {
            guard let rowKey = key(group.pairing, group.task), let position = index[rowKey] else { continue }
            try rows[position].figures.add(group)
        }
        var total = ProgressFigures()
        for row in rows { try total.add(row.figures) }
        for (pairing, pairingActivity) in activity {
            if query.grouping.countsPairingActivity {
                guard let rowKey = key(pairing, ""), let position = index[rowKey] else { continue }
                try rows[position].figures.add(pairingActivity)
            }
            try total.add(pairingActivity)
        }
        if query.grouping == .pairing {
            let own = Dictionary(uniqueKeysWithValues: rows.map { ($0.key, $0.figures) })
            for position in rows.indices {
                var subtree = ProgressFigures()
                for pairing in catalogue.subtree(ofPairing: rows[position].key) {
                    if let figures = own[pairing] { try subtree.add(figures) }
                }
                rows[position].subtree = subtree
            }
        }
        self.init(asOf: query.asOf, grouping: query.grouping, rows: rows, total: total)
    }
}
