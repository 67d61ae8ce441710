/// One target of a pairing's annual work plan (年度工作计划) set against what was achieved in the
/// year: a row of the report's "plan against actual" section, as `duikou evaluate` computes it.
public struct PlanAgainstActualRow: Sendable, Hashable {
    /// The id of the pairing the target is set for.
    public let pairing: String
    /// The metric: `projects_signed`, `projects_started`, `projects_operating`,
    /// `investment_signed_yuan`, `investment_completed_yuan`, `parks_established`,
    /// `cadres_seconded` or `cadres_trained`.
    public let metric: String
    /// The target: yuan for the `_yuan` metrics, else a count.
    public let target: Int64
    /// What was achieved, in the target's unit.
    public let actual: Int64
    /// `actual / target`; `nil` when the target is 0.
    public let ratio: Double?
    /// Whether the target was met.
    public let met: Bool

    /// Creates a row.
    public init(pairing: String, metric: String, target: Int64, actual: Int64, ratio: Double?, met: Bool) {
        self.pairing = pairing
        self.metric = metric
        self.target = target
        self.actual = actual
        self.ratio = ratio
        self.met = met
    }
}

/// How the report names the plan metrics and writes their values.
enum PlanMetricWording {
    private static let metrics: [(key: String, zh: String, en: String, unitZH: String, unitEN: String)] = [
        ("projects_signed", "签约项目", "Projects signed", "个", "projects"),
        ("projects_started", "开工项目", "Projects started", "个", "projects"),
        ("projects_operating", "投产项目", "Projects operating", "个", "projects"),
        ("investment_signed_yuan", "签约项目计划投资", "Investment signed", "亿元", "100m yuan"),
        ("investment_completed_yuan", "完成投资", "Investment completed", "亿元", "100m yuan"),
        ("parks_established", "新设园区", "Parks established", "个", "parks"),
        ("cadres_seconded", "挂职干部", "Cadres seconded", "人", "persons"),
        ("cadres_trained", "培训干部", "Cadres trained", "人次", "person-times"),
    ]

    /// The metric's position in the list above; unknown metrics come last.
    static func order(_ metric: String) -> Int {
        metrics.firstIndex { $0.key == metric } ?? metrics.count
    }

    /// The metric's name, or its key when it is not known.
    static func name(_ metric: String, _ language: Language) -> String {
        guard let known = metrics.first(where: { $0.key == metric }) else { return metric }
        return language == .zh ? known.zh : known.en
    }

    /// A target or actual value with its unit: `12.50 亿元` for yuan, `3 个` for counts.
    static func value(_ value: Int64, metric: String, _ language: Language) -> String {
        let known = metrics.first { $0.key == metric }
        let unit = known.map { language == .zh ? $0.unitZH : $0.unitEN }
        if metric.hasSuffix("_yuan") {
            return MoneyText.yi(Money(uncheckedYuan: value)) + " " + (unit ?? (language == .zh ? "亿元" : "100m yuan"))
        }
        let number = value >= 0 ? MoneyText.grouped(value) : String(value)
        return unit.map { "\(number) \($0)" } ?? number
    }
}
