/// Where a cooperation project stands.
///
/// The on-track steps run in order from ``planned`` to ``operating``; ``suspended`` and
/// ``terminated`` are off track. ``ProjectLifecycle`` says which moves between them are lawful.
public enum ProjectStatus: String, Keyword {
    /// 谋划: being conceived.
    case planned
    /// 洽谈: under negotiation.
    case negotiating
    /// 签约: an agreement is signed.
    case signed
    /// 落地: the company is registered or the site fixed.
    case landed
    /// 开工: construction has started (在建 while not yet completed).
    case started
    /// 竣工: construction is completed.
    case completed
    /// 投产: in production or operation.
    case operating
    /// 停建/缓建: suspended; it may resume at or past the step it left.
    case suspended
    /// 终止: terminated; final.
    case terminated

    /// The on-track steps, in lifecycle order.
    public static let onTrack: [ProjectStatus] = [.planned, .negotiating, .signed, .landed, .started, .completed, .operating]

    /// The position of an on-track step in the lifecycle, or `nil` when off track.
    public var step: Int? { Self.onTrack.firstIndex(of: self) }

    /// Whether the status is one of the on-track steps.
    public var isOnTrack: Bool { step != nil }

    /// Whether the project has reached `other` on track (signed counts as reached by operating).
    public func hasReached(_ other: ProjectStatus) -> Bool {
        guard let mine = step, let theirs = other.step else { return false }
        return mine >= theirs
    }

    /// The further along of two on-track steps; an off-track status or `nil` counts as no step.
    static func furthest(_ first: ProjectStatus?, _ second: ProjectStatus?) -> ProjectStatus? {
        let steps = [first, second].compactMap { $0 }.filter(\.isOnTrack)
        return steps.max { ($0.step ?? 0) < ($1.step ?? 0) }
    }

    /// The Chinese label.
    public var labelZH: String {
        switch self {
        case .planned: "谋划"
        case .negotiating: "洽谈"
        case .signed: "签约"
        case .landed: "落地"
        case .started: "开工"
        case .completed: "竣工"
        case .operating: "投产"
        case .suspended: "停建"
        case .terminated: "终止"
        }
    }

    /// The English label.
    public var labelEN: String { rawValue }

    /// `缓建` for suspended and `在建` for started are accepted too.
    public static var synonyms: [String: ProjectStatus] { ["缓建": .suspended, "在建": .started] }
}
