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
    /// Seconded persons (人) whose secondment starts in the year, in both directions.
    case cadresSeconded = "cadres_seconded"
    /// Seconded persons (人) whose secondment to the East (`to-east`) starts in the year.
    case cadresSecondedToEast = "cadres_seconded_to_east"
    /// Seconded persons (人) whose secondment to the Northeast (`to-northeast`) starts in the year.
    case cadresSecondedToNortheast = "cadres_seconded_to_northeast"
    /// Training participants (人次) of batches starting in the year, in both directions.
    case cadresTrained = "cadres_trained"
    /// Training participants (人次) of batches in the East (`to-east`) starting in the year.
    case cadresTrainedToEast = "cadres_trained_to_east"
    /// Training participants (人次) of batches in the Northeast (`to-northeast`) starting in the year.
    case cadresTrainedToNortheast = "cadres_trained_to_northeast"
    /// Reform policies copied from the East (复制推广改革举措), summed over the measures adopted in the year.
    case reformsCopied = "reforms_copied"
    /// Joint meetings, leaders' visits and matchmaking events (联席会议、高层互访、对接活动) held in the year.
    case meetingsHeld = "meetings_held"

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
        case .cadresSecondedToEast: "赴东部挂职干部"
        case .cadresSecondedToNortheast: "赴东北挂职干部"
        case .cadresTrained: "培训干部"
        case .cadresTrainedToEast: "赴东部培训干部"
        case .cadresTrainedToNortheast: "赴东北培训干部"
        case .reformsCopied: "复制推广改革政策"
        case .meetingsHeld: "会议及互访"
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
        case .cadresSecondedToEast: "Cadres seconded to the East"
        case .cadresSecondedToNortheast: "Cadres seconded to the Northeast"
        case .cadresTrained: "Cadres trained"
        case .cadresTrainedToEast: "Cadres trained in the East"
        case .cadresTrainedToNortheast: "Cadres trained in the Northeast"
        case .reformsCopied: "Reform policies copied"
        case .meetingsHeld: "Meetings and visits held"
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
            throw DuikouError.invalid(field, text, "is not a whole number of 0 or more (\(rawValue) counts \(counted))")
        }
        guard let count = Int64(trimmed) else {
            throw DuikouError.invalid(field, text, "is too large")
        }
        return count
    }

    /// What a count of the metric counts, in the words of an error message.
    private var counted: String {
        switch self {
        case .cadresSeconded, .cadresSecondedToEast, .cadresSecondedToNortheast: "persons"
        case .cadresTrained, .cadresTrainedToEast, .cadresTrainedToNortheast: "person-times"
        default: "records"
        }
    }
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
    /// How much the target counts in the pairing's score; `nil` keeps the weight of the target in
    /// force, or gives a new target the weight 1.
    public var weight: PlanWeight?

    /// Creates a target, refusing a year outside 2000–2100 and a negative target.
    ///
    /// - Parameters:
    ///   - pairing: the pairing whose plan it is.
    ///   - year: the calendar year, 2000–2100.
    ///   - metric: what is counted.
    ///   - target: yuan for investment metrics, else a count of 0 or more.
    ///   - weight: how much the target counts in the pairing's score; `nil` keeps the weight of the
    ///     target in force, or gives a new target ``PlanWeight/one``.
    public init(pairing: String, year: Int, metric: PlanMetric, target: Int64, weight: PlanWeight? = nil) throws {
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
        self.weight = weight
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
    /// How much the target counts in the pairing's score.
    public let weight: PlanWeight
    /// The target this one replaced, if any.
    public let previous: Int64?
    /// When it was set: ISO 8601 in China Standard Time with its offset, such as
    /// `2026-12-01T00:15:02.123+08:00`.
    public let setAt: String
}
