/// What an annual work plan sets a target for, counted for a pairing and the pairings below it within
/// one calendar year.
public enum PlanMetric: String, Sendable, Hashable, CaseIterable {
    /// Projects whose first update at `signed` or later on track (signed, landed, started, completed,
    /// operating) falls in the year.
    case projectsSigned = "projects_signed"
    /// Projects whose first update at `started` or later on track falls in the year.
    case projectsStarted = "projects_started"
    /// Projects whose first update at `operating` falls in the year.
    case projectsOperating = "projects_operating"
    /// The planned investment of the projects counted in ``projectsSigned``, in yuan.
    case investmentSignedYuan = "investment_signed_yuan"
    /// Completed investment as of the year's last day minus as of the previous year's, over all
    /// projects, in yuan.
    case investmentCompletedYuan = "investment_completed_yuan"
    /// Parks established in the year.
    case parksEstablished = "parks_established"
    /// Seconded persons (人) whose secondment starts in the year.
    case cadresSeconded = "cadres_seconded"
    /// Training participants (人次) of batches starting in the year.
    case cadresTrained = "cadres_trained"

    /// Whether targets and actual figures are amounts of money (yuan) rather than counts.
    public var isMoney: Bool { self == .investmentSignedYuan || self == .investmentCompletedYuan }

    /// The Chinese label.
    public var labelZH: String {
        switch self {
        case .projectsSigned: "签约项目数"
        case .projectsStarted: "开工项目数"
        case .projectsOperating: "投产项目数"
        case .investmentSignedYuan: "签约投资额"
        case .investmentCompletedYuan: "完成投资额"
        case .parksEstablished: "新建合作园区数"
        case .cadresSeconded: "互派挂职干部"
        case .cadresTrained: "培训干部"
        }
    }

    /// The English label.
    public var labelEN: String {
        switch self {
        case .projectsSigned: "Projects signed"
        case .projectsStarted: "Projects started"
        case .projectsOperating: "Projects operating"
        case .investmentSignedYuan: "Investment signed"
        case .investmentCompletedYuan: "Investment completed"
        case .parksEstablished: "Parks established"
        case .cadresSeconded: "Cadres seconded"
        case .cadresTrained: "Cadres trained"
        }
    }

    /// The label in the given language.
    public func label(_ language: Language) -> String {
        language == .zh ? labelZH : labelEN
    }

    /// Reads a metric by its key (`projects_signed`; `projects-signed` and any case also do) or its
    /// Chinese label.
    ///
    /// - Parameters:
    ///   - text: the key or the Chinese label.
    ///   - field: the name of the field being read, used in the error message.
    public init(parsing text: String, field: String = "metric") throws {
        let trimmed = text.trimmingSpaces()
        let key = trimmed.lowercased().replacingEvery("-", with: "_")
        guard let metric = Self(rawValue: key) ?? Self.allCases.first(where: { $0.labelZH == trimmed }) else {
            throw DuikouError.invalid(field, text, "is not a metric; the metrics are: \(Self.allCases.map(\.rawValue).joined(separator: ", "))")
        }
        self = metric
    }

    /// Reads a target for this metric: an amount in the CLI's money syntax (元, 万/万元, 亿/亿元; a bare
    /// number is 万元) for investment metrics, a whole number of 0 or more for the others.
    ///
    /// - Returns: the target in yuan for investment metrics, else the count.
    public func parseTarget(_ text: String, field: String = "target") throws -> Int64 {
        if isMoney { return try Money(parsing: text, field: field).yuan }
        let trimmed = text.trimmingSpaces()
        guard !trimmed.isEmpty, trimmed.utf8.allSatisfy({ $0 >= UInt8(ascii: "0") && $0 <= UInt8(ascii: "9") }) else {
            throw DuikouError.invalid(field, text, "is not a whole number of 0 or more (\(rawValue) counts \(isPersons ? "persons" : "records"))")
        }
        guard let count = Int64(trimmed) else {
            throw DuikouError.invalid(field, text, "is too large")
        }
        return count
    }

    private var isPersons: Bool { self == .cadresSeconded || self == .cadresTrained }
}

/// A target to set in a pairing's annual work plan.
public struct NewPlanTarget: Sendable, Hashable {
    /// The years a plan may cover.
    public static let years = 2000...2100

    /// The pairing whose plan it is; its figures include the pairings below it.
    public var pairing: String
    /// The calendar year.
    public var year: Int
    /// What is counted.
    public var metric: PlanMetric
    /// The target: yuan for investment metrics, else a count.
    public var target: Int64

    /// Creates a target, refusing a year outside 2000–2100 and a negative target.
    public init(pairing: String, year: Int, metric: PlanMetric, target: Int64) throws {
        guard Self.years.contains(year) else {
            throw DuikouError.invalid("year", String(year), "is outside \(Self.years.lowerBound)–\(Self.years.upperBound)")
        }
        guard target >= 0 else {
            throw DuikouError.invalid("target", String(target), "is negative")
        }
        self.pairing = pairing.trimmingSpaces()
        self.year = year
        self.metric = metric
        self.target = target
    }
}

/// A target in force in a pairing's annual work plan, with what it replaced.
public struct PlanTarget: Sendable, Hashable {
    /// The pairing whose plan it is.
    public let pairing: String
    /// The calendar year.
    public let year: Int
    /// What is counted.
    public let metric: PlanMetric
    /// The target: yuan for investment metrics, else a count.
    public let target: Int64
    /// Which setting this is: 1 for the first, 2 once it has been replaced once, and so on.
    public let revision: Int
    /// The target this one replaced, if any.
    public let previous: Int64?
    /// When it was set (UTC, ISO 8601).
    public let setAt: String
}
