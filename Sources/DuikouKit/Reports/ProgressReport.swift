/// How a progress report groups projects.
public enum ProgressGrouping: String, Keyword {
    /// By task area, `1`…`4`.
    case area
    /// By task, `1.1`…`4.4`.
    case task
    /// By pairing; each row counts the pairing's own records only.
    case pairing

    /// The Chinese label.
    public var labelZH: String {
        switch self {
        case .area: "任务方面"
        case .task: "任务"
        case .pairing: "对口合作关系"
        }
    }

    /// The English label.
    public var labelEN: String { rawValue }
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

    /// Creates a query; by area, over everything, as things stand now unless said otherwise.
    public init(pairing: String? = nil, area: String? = nil, grouping: ProgressGrouping = .area, asOf: LocalDate? = nil) {
        self.pairing = pairing
        self.area = area
        self.grouping = grouping
        self.asOf = asOf
    }
}

/// The counts and sums for one row of a progress report, or for its total.
public struct ProgressFigures: Sendable, Hashable {
    /// How many projects.
    public internal(set) var projects = 0
    /// How many of them are landmark projects.
    public internal(set) var landmarkProjects = 0
    /// How many projects are in each status; every status is present.
    public internal(set) var byStatus: [ProjectStatus: Int] = Dictionary(uniqueKeysWithValues: ProjectStatus.allCases.map { ($0, 0) })
    /// The planned investment of the projects that are not terminated.
    public internal(set) var plannedInvestment = Money.zero
    /// The completed investment of all the projects.
    public internal(set) var completedInvestment = Money.zero
    /// Co-built parks (only in reports by pairing).
    public internal(set) var parks = 0
    /// Seconded cadres, persons (人) (only in reports by pairing).
    public internal(set) var secondments = 0
    /// Training participants, person-times (人次) (only in reports by pairing).
    public internal(set) var trainees = 0

    /// Projects signed or further along on track: the base of the rates.
    public var signedOrLater: Int {
        ProjectStatus.onTrack.filter { $0.hasReached(.signed) }.reduce(0) { $0 + (byStatus[$1] ?? 0) }
    }

    /// Projects at `status` or further along on track.
    public func reached(_ status: ProjectStatus) -> Int {
        ProjectStatus.onTrack.filter { $0.hasReached(status) }.reduce(0) { $0 + (byStatus[$1] ?? 0) }
    }

    /// 落地率: landed or further, over signed or further; `nil` when nothing is signed.
    public var landedRate: Double? { Self.ratio(reached(.landed), signedOrLater) }
    /// 开工率: started or further, over signed or further.
    public var startedRate: Double? { Self.ratio(reached(.started), signedOrLater) }
    /// 投产率: operating, over signed or further.
    public var operatingRate: Double? { Self.ratio(reached(.operating), signedOrLater) }
    /// Completed investment over planned investment; `nil` when nothing is planned.
    public var investmentCompletionRate: Double? {
        plannedInvestment.yuan == 0 ? nil : Double(completedInvestment.yuan) / Double(plannedInvestment.yuan)
    }

    static func ratio(_ part: Int, _ whole: Int) -> Double? { whole == 0 ? nil : Double(part) / Double(whole) }

    mutating func add(_ group: ProgressGroup) throws {
        projects += group.projects
        landmarkProjects += group.landmarkProjects
        byStatus[group.status, default: 0] += group.projects
        plannedInvestment = try Money.sum(plannedInvestment, group.planned)
        completedInvestment = try Money.sum(completedInvestment, group.completed)
    }

    mutating func add(_ other: ProgressFigures) throws {
        projects += other.projects
        landmarkProjects += other.landmarkProjects
        for (status, count) in other.byStatus { byStatus[status, default: 0] += count }
        plannedInvestment = try Money.sum(plannedInvestment, other.plannedInvestment)
        completedInvestment = try Money.sum(completedInvestment, other.completedInvestment)
        parks += other.parks
        secondments += other.secondments
        trainees += other.trainees
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

/// Projects of one pairing and task in one status: what the store hands the report to fold.
struct ProgressGroup {
    let pairing: String
    let task: String
    let status: ProjectStatus
    let projects: Int
    let landmarkProjects: Int
    let planned: Money
    let completed: Money
}

/// Parks and exchanges of one pairing.
struct PairingActivity {
    var parks = 0
    var secondments = 0
    var trainees = 0
}

extension ProgressReport {
    /// Folds the store's groups into rows for every area, task or pairing in scope.
    init(query: ProgressQuery, catalogue: Catalogue, scope: [String], groups: [ProgressGroup], activity: [String: PairingActivity]) throws {
        var rows: [ProgressRow]
        let key: (ProgressGroup) -> String
        switch query.grouping {
        case .area:
            rows = catalogue.areas.filter { query.area == nil || $0.code == query.area }.map {
                ProgressRow(key: $0.code, nameZH: $0.nameZH, nameEN: $0.nameEN, figures: ProgressFigures())
            }
            key = { String($0.task.prefix(1)) }
        case .task:
            rows = catalogue.tasks.filter { query.area == nil || $0.areaCode == query.area }.map {
                ProgressRow(key: $0.code, nameZH: $0.nameZH, nameEN: $0.nameEN, figures: ProgressFigures())
            }
            key = { $0.task }
        case .pairing:
            let inScope = Set(scope)
            rows = catalogue.pairings.filter { inScope.contains($0.id) }.map {
                var figures = ProgressFigures()
                let pairingActivity = activity[$0.id] ?? PairingActivity()
                figures.parks = pairingActivity.parks
                figures.secondments = pairingActivity.secondments
                figures.trainees = pairingActivity.trainees
                return ProgressRow(key: $0.id, nameZH: catalogue.name(ofPairing: $0.id, .zh), nameEN: catalogue.name(ofPairing: $0.id, .en), figures: figures)
            }
            key = { $0.pairing }
        }
        let index = Dictionary(uniqueKeysWithValues: rows.enumerated().map { ($0.element.key, $0.offset) })
        for group in groups {
            guard let position = index[key(group)] else { continue }
            try rows[position].figures.add(group)
        }
        var total = ProgressFigures()
        for row in rows { try total.add(row.figures) }
        if query.grouping != .pairing {
            for pairingActivity in activity.values {
                total.parks += pairingActivity.parks
                total.secondments += pairingActivity.secondments
                total.trainees += pairingActivity.trainees
            }
        }
        self.init(asOf: query.asOf, grouping: query.grouping, rows: rows, total: total)
    }
}
