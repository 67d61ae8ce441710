#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif

/// A rule of the early warnings (预警). Each is checked per project as of a date.
///
/// New rules may be added as new cases; embedders that switch over the rules should keep a `default` branch.
public enum AlertRule: String, Sendable, Hashable, CaseIterable, Keyword {
    /// Signed, landed, started or completed, with no progress update for more than
    /// ``AlertThresholds/stalledDays`` (yellow) or ``AlertThresholds/stalledRedDays`` (red) days.
    case stalled
    /// The planned start has passed and the project has not started: yellow, red after
    /// ``AlertThresholds/overdueRedDays`` days.
    case startOverdue = "start_overdue"
    /// The planned completion has passed and the project is neither completed nor operating: yellow,
    /// red after ``AlertThresholds/overdueRedDays`` days.
    case completionOverdue = "completion_overdue"
    /// Suspended for more than ``AlertThresholds/suspendedDays`` days: red.
    case suspendedLong = "suspended_long"
    /// Signed more than ``AlertThresholds/notLandedDays`` days ago and not landed: yellow.
    case notLanded = "not_landed"
    /// In the scope of a reporting round past its due date and not reported for it: red.
    case notReported = "not_reported"

    /// The rule's name in Chinese.
    public var labelZH: String {
        switch self {
        case .stalled: "长期无进展"
        case .startOverdue: "逾期未开工"
        case .completionOverdue: "逾期未竣工"
        case .suspendedLong: "长期停建"
        case .notLanded: "签约未落地"
        case .notReported: "逾期未报送"
        }
    }

    /// The rule's name in English.
    public var labelEN: String {
        switch self {
        case .stalled: "stalled"
        case .startOverdue: "start overdue"
        case .completionOverdue: "completion overdue"
        case .suspendedLong: "suspended long"
        case .notLanded: "not landed"
        case .notReported: "not reported"
        }
    }
}

/// How serious a warning is: red (红灯) before yellow (黄灯).
public enum AlertLevel: String, Sendable, Hashable, CaseIterable, Keyword {
    /// 红灯: act now.
    case red
    /// 黄灯: watch.
    case yellow

    /// 红灯 or 黄灯.
    public var labelZH: String { self == .red ? "红灯" : "黄灯" }

    /// Red or yellow.
    public var labelEN: String { self == .red ? "red" : "yellow" }
}

/// The day counts at which the rules fire. A rule fires when the days since its date are MORE than
/// its threshold (181 days for 180); an overdue milestone turns yellow the day after it passes.
public struct AlertThresholds: Sendable, Hashable {
    /// Days without an update before a project is stalled (yellow); 180 by default.
    public let stalledDays: Int
    /// Days without an update before a stalled project turns red; 365 by default.
    public let stalledRedDays: Int
    /// Days past a planned start or completion before the warning turns red; 90 by default.
    public let overdueRedDays: Int
    /// Days suspended before a red warning; 180 by default.
    public let suspendedDays: Int
    /// Days since signing without landing before a yellow warning; 365 by default.
    public let notLandedDays: Int

    /// The longest threshold accepted, about a century.
    public static let maximumDays = 36_500

    /// Creates thresholds.
    ///
    /// - Throws: ``DuikouError/Code/invalidInput`` naming the field for a negative count or one above
    ///   ``maximumDays``, and for a red threshold of stalled projects below the yellow one.
    public init(stalledDays: Int = 180, stalledRedDays: Int = 365, overdueRedDays: Int = 90, suspendedDays: Int = 180, notLandedDays: Int = 365) throws {
        for (field, days) in [("stalled_days", stalledDays), ("stalled_red_days", stalledRedDays), ("overdue_red_days", overdueRedDays),
                              ("suspended_days", suspendedDays), ("not_landed_days", notLandedDays)]
        where days < 0 || days > Self.maximumDays {
            throw DuikouError.invalid(field, String(days), "is not a number of days from 0 to \(Self.maximumDays)")
        }
        guard stalledRedDays >= stalledDays else {
            throw DuikouError.invalid("stalled_red_days", String(stalledRedDays), "is below the yellow threshold (\(stalledDays) days)")
        }
        self.stalledDays = stalledDays
        self.stalledRedDays = stalledRedDays
        self.overdueRedDays = overdueRedDays
        self.suspendedDays = suspendedDays
        self.notLandedDays = notLandedDays
    }

    /// The level of a warning of `rule` that has stood for `days`: stalled and overdue projects turn
    /// red past their red thresholds, a long suspension and a missed round are red, a signing not
    /// landed is yellow.
    func level(of rule: AlertRule, afterDays days: Int) -> AlertLevel {
        switch rule {
        case .stalled: days > stalledRedDays ? .red : .yellow
        case .startOverdue, .completionOverdue: days > overdueRedDays ? .red : .yellow
        case .suspendedLong, .notReported: .red
        case .notLanded: .yellow
        }
    }

    /// The defaults: 180 and 365 days for stalled projects, 90 for overdue milestones, 180 suspended, 365 not landed.
    public static let standard = AlertThresholds(unchecked: 180, 365, 90, 180, 365)

    private init(unchecked stalled: Int, _ stalledRed: Int, _ overdueRed: Int, _ suspended: Int, _ notLanded: Int) {
        (stalledDays, stalledRedDays, overdueRedDays, suspendedDays, notLandedDays) = (stalled, stalledRed, overdueRed, suspended, notLanded)
    }
}

/// Which warnings to list.
public struct AlertQuery: Sendable, Hashable {
    /// The date the projects are judged on, each in its state as of that date.
    public var asOf: LocalDate
    /// Only projects of this pairing and the pairings below it.
    public var pairing: String?
    /// Only these rules; empty means every rule.
    public var rules: Set<AlertRule>
    /// When the rules fire.
    public var thresholds: AlertThresholds
    /// Judge the records as they stood at the end of this day (China Standard Time): projects,
    /// updates, corrections, voids, plan revisions and rounds recorded later are left out, so the
    /// warnings listed on that day come out again unchanged. `nil` judges the records as they stand.
    public var knownOn: LocalDate?

    /// Creates a query; by default every rule, every pairing, as of today in China Standard Time,
    /// over the records as they stand.
    public init(asOf: LocalDate = .today(), pairing: String? = nil, rules: Set<AlertRule> = [], thresholds: AlertThresholds = .standard,
                knownOn: LocalDate? = nil) {
        self.asOf = asOf
        self.pairing = pairing
        self.rules = rules
        self.thresholds = thresholds
        self.knownOn = knownOn
    }

    /// Whether the query checks `rule`.
    func checks(_ rule: AlertRule) -> Bool { rules.isEmpty || rules.contains(rule) }
}

/// One early warning: a rule that fires for a project as of a date.
public struct Alert: Sendable, Hashable {
    /// The project's id.
    public let project: UUID
    /// The id of the project's pairing.
    public let pairing: String
    /// The rule that fired.
    public let rule: AlertRule
    /// Red or yellow.
    public let level: AlertLevel
    /// The date the rule counts from: the latest update (stalled), the planned start or completion
    /// (overdue), the start of the suspension, the signing (not landed), or the due date of the
    /// reporting round (not reported).
    public let since: LocalDate
    /// Days from ``since`` to the date of the query.
    public let days: Int
    /// What is wrong, in Chinese.
    public let messageZH: String
    /// What is wrong, in English.
    public let messageEN: String
    /// The project's title, for tables; `nil` when the alert was decoded from JSON, which leaves it out.
    public let title: String?

    /// Creates an alert with its messages worded from the rule, the date, the days and, for
    /// `not_reported`, the round's period.
    init(project: UUID, pairing: String, title: String?, rule: AlertRule, level: AlertLevel, since: LocalDate, days: Int, round: String? = nil) {
        self.project = project
        self.pairing = pairing
        self.title = title
        self.rule = rule
        self.level = level
        self.since = since
        self.days = days
        (messageZH, messageEN) = Self.messages(rule, since: since, days: days, round: round ?? "")
    }

    static func messages(_ rule: AlertRule, since: LocalDate, days: Int, round: String) -> (String, String) {
        switch rule {
        case .stalled: ("\(days)天无进展更新（最近一次 \(since)）", "no progress update for \(days) days (last on \(since))")
        case .startOverdue: ("计划开工日期 \(since) 已过\(days)天，尚未开工", "planned start \(since) passed \(days) days ago; not started")
        case .completionOverdue: ("计划竣工日期 \(since) 已过\(days)天，尚未竣工", "planned completion \(since) passed \(days) days ago; not completed")
        case .suspendedLong: ("停建已\(days)天（自 \(since)）", "suspended for \(days) days (since \(since))")
        case .notLanded: ("签约已\(days)天，尚未落地（签约于 \(since)）", "signed \(days) days ago (on \(since)); not landed")
        case .notReported: ("\(round) 调度截止 \(since) 已过\(days)天，尚未报送", "round \(round) was due \(since), \(days) days ago; not reported")
        }
    }

    /// `alerts` red first, then the longest-standing, then by project id and rule.
    ///
    /// Each alert's place is worked out once (the id as two integers, whose order is that of its
    /// lower-case text), so that sorting a few hundred thousand alerts compares numbers, not text.
    static func inPrecedence(_ alerts: [Alert]) -> [Alert] {
        let keys = alerts.map(PrecedenceKey.init)
        return alerts.indices.sorted { keys[$0] < keys[$1] }.map { alerts[$0] }
    }
}

/// Where an alert comes in ``Alert/inPrecedence(_:)``.
private struct PrecedenceKey: Comparable {
    let yellow: Bool
    let days: Int
    let high: UInt64
    let low: UInt64
    let rule: Int

    /// The rules in the order of their names.
    static let ruleOrder = Dictionary(uniqueKeysWithValues: AlertRule.allCases.sorted { $0.rawValue < $1.rawValue }.enumerated().map { ($1, $0) })

    init(_ alert: Alert) {
        yellow = alert.level == .yellow
        days = alert.days
        (high, low) = withUnsafeBytes(of: alert.project.uuid) { bytes in
            (bytes.prefix(8).reduce(UInt64(0)) { $0 << 8 | UInt64($1) }, bytes.suffix(8).reduce(UInt64(0)) { $0 << 8 | UInt64($1) })
        }
        rule = Self.ruleOrder[alert.rule] ?? 0
    }

    static func < (a: PrecedenceKey, b: PrecedenceKey) -> Bool {
        (a.yellow ? 1 : 0, -a.days, a.high, a.low, a.rule) < (b.yellow ? 1 : 0, -b.days, b.high, b.low, b.rule)
    }
}
