/// One of the plan's four task areas (方面), such as `2` 加快产业结构调整.
public struct TaskArea: Sendable, Hashable {
    /// The area's code, `1`…`4`.
    public let code: String
    /// The Chinese name.
    public let nameZH: String
    /// The English name.
    public let nameEN: String
    /// How sure the wording is.
    public let basis: TaskBasis

    /// The name in the given language.
    public func name(_ language: Language) -> String { language == .zh ? nameZH : nameEN }
}

/// One of the plan's eighteen tasks (任务), such as `2.1` 推进装备制造等优势产业合作.
public struct CooperationTask: Sendable, Hashable {
    /// The task's code, `1.1`…`4.4`; its first digit is its area.
    public let code: String
    /// The code of the area the task belongs to.
    public let areaCode: String
    /// The Chinese name.
    public let nameZH: String
    /// The English name.
    public let nameEN: String
    /// How sure the wording is.
    public let basis: TaskBasis

    /// The name in the given language.
    public func name(_ language: Language) -> String { language == .zh ? nameZH : nameEN }
}

/// How the wording of an area or task was established.
public enum TaskBasis: String, Keyword {
    /// Read in the plan itself.
    case verified
    /// The field it covers is in the plan's official interpretation; the heading is reconstructed.
    case fieldVerified = "field-verified"
    /// Inferred from the plan's structure.
    case inferred

    /// The Chinese label.
    public var labelZH: String {
        switch self {
        case .verified: "已核实"
        case .fieldVerified: "领域已核实"
        case .inferred: "推断"
        }
    }

    /// The English label.
    public var labelEN: String { rawValue }
}
