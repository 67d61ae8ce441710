/// A paired cooperation (对口合作关系) between a Northeast region and an Eastern partner.
public struct Pairing: Sendable, Hashable {
    /// The slug that names the pairing, such as `liaoning-jiangsu`.
    public let id: String
    /// The GB/T 2260 code of the Northeast region.
    public let northeast: String
    /// The GB/T 2260 code of the Eastern partner; `nil` while the pairing is still exploring.
    public let east: String?
    /// Whether the pairing is between provinces or between cities.
    public let level: PairingLevel
    /// Whether the pairing is active, exploring or ended.
    public let status: PairingStatus
    /// The pairing this one sits inside, such as a city pairing inside a provincial one.
    public let parent: String?

    init(unchecked id: String, northeast: String, east: String?, level: PairingLevel, status: PairingStatus, parent: String?) {
        self.id = id
        self.northeast = northeast
        self.east = east
        self.level = level
        self.status = status
        self.parent = parent
    }
}

/// A pairing to be recorded.
public struct NewPairing: Sendable, Hashable {
    /// The slug that will name the pairing: lower-case letters, digits and hyphens.
    public var id: String
    /// The GB/T 2260 code of the Northeast region.
    public var northeast: String
    /// The GB/T 2260 code of the Eastern partner; may be `nil` only while exploring.
    public var east: String?
    /// Province or city; `nil` to take it from the Northeast region (provinces and autonomous
    /// regions pair as provinces, everything else as cities).
    public var level: PairingLevel?
    /// Active unless given; a pairing without an Eastern side must be exploring.
    public var status: PairingStatus
    /// The pairing this one sits inside.
    public var parent: String?

    /// Creates a pairing record, refusing a malformed id and an active or ended pairing without an Eastern side.
    public init(id: String, northeast: String, east: String? = nil, level: PairingLevel? = nil, status: PairingStatus? = nil, parent: String? = nil) throws {
        let slug = id.trimmingSpaces()
        guard !slug.isEmpty, slug.utf8.count <= 64,
              slug.utf8.allSatisfy({ ($0 >= 97 && $0 <= 122) || ($0 >= 48 && $0 <= 57) || $0 == 45 }),
              !slug.hasPrefix("-"), !slug.hasSuffix("-")
        else {
            throw DuikouError.invalid("id", id, "is not a pairing id; use lower-case letters, digits and hyphens, e.g. foshan-jiamusi")
        }
        let east = try optionalText(east, field: "east")
        let status = status ?? (east == nil ? .exploring : .active)
        if east == nil && status != .exploring {
            throw DuikouError(.invalidInput, "pairing \(slug): east: an Eastern region is required unless the status is exploring")
        }
        let parent = try optionalText(parent, field: "parent")
        if parent == slug {
            throw DuikouError.invalid("parent", slug, "is the pairing itself")
        }
        self.id = slug
        self.northeast = northeast.trimmingSpaces()
        self.east = east
        self.level = level
        self.status = status
        self.parent = parent
    }
}

/// Whether a pairing joins provinces or cities.
public enum PairingLevel: String, Keyword {
    /// 省级: provinces (and autonomous regions).
    case province
    /// 市级: cities.
    case city

    /// The Chinese label.
    public var labelZH: String { self == .province ? "省级" : "市级" }

    /// The English label.
    public var labelEN: String { rawValue }
}

/// The state of a pairing.
public enum PairingStatus: String, Keyword {
    /// 合作中: cooperating.
    case active
    /// 探索中: exploring; the Eastern side may still be empty.
    case exploring
    /// 已结束: ended.
    case ended

    /// The Chinese label.
    public var labelZH: String {
        switch self {
        case .active: "合作中"
        case .exploring: "探索中"
        case .ended: "已结束"
        }
    }

    /// The English label.
    public var labelEN: String { rawValue }
}
