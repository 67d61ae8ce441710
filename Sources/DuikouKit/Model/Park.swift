#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif

/// A co-built industrial park (共建园区) to be recorded.
public struct NewPark: Sendable, Hashable {
    /// The park's id; a new random UUID unless given.
    public var id: UUID
    /// The id of the pairing the park belongs to.
    public var pairing: String
    /// The park's name, such as `深圳（哈尔滨）产业园区`.
    public var name: String
    /// Joint, branch or enclave.
    public var kind: ParkKind
    /// The GB/T 2260 code of the region hosting the park.
    public var hostRegion: String?
    /// The Eastern partner running or backing the park.
    public var partner: String?
    /// When the park was established (agreement signed).
    public var established: LocalDate?
    /// The planned area (规划面积).
    public var plannedArea: LandArea?
    /// How benefits such as tax and GDP are shared (利益分享).
    public var benefitSharing: String?

    /// Creates a park record; the name must not be empty. Text is kept as given, trimmed; a NUL byte
    /// or more than 1 MiB in a field is refused.
    public init(
        id: UUID = UUID(), pairing: String, name: String, kind: ParkKind = .joint, hostRegion: String? = nil,
        partner: String? = nil, established: LocalDate? = nil, plannedArea: LandArea? = nil, benefitSharing: String? = nil
    ) throws {
        self.id = id
        self.pairing = pairing.trimmingSpaces()
        self.name = try requiredText(name, field: "name")
        self.kind = kind
        self.hostRegion = try optionalText(hostRegion, field: "host_region")
        self.partner = try optionalText(partner, field: "partner")
        self.established = established
        self.plannedArea = plannedArea
        self.benefitSharing = try optionalText(benefitSharing, field: "benefit_sharing")
    }
}

/// A recorded park with the roll-up of the projects sitting in it.
public struct Park: Sendable, Hashable {
    /// The park's id.
    public let id: UUID
    /// The id of the pairing the park belongs to.
    public let pairing: String
    /// The park's name.
    public let name: String
    /// Joint, branch or enclave.
    public let kind: ParkKind
    /// The GB/T 2260 code of the host region.
    public let hostRegion: String?
    /// The Eastern partner.
    public let partner: String?
    /// When the park was established.
    public let established: LocalDate?
    /// The planned area.
    public let plannedArea: LandArea?
    /// How benefits are shared.
    public let benefitSharing: String?
    /// How many projects sit in the park.
    public let projects: Int
    /// The planned investment of its projects that are not terminated.
    public let plannedInvestment: Money
    /// The completed investment of all its projects.
    public let completedInvestment: Money
}

/// The kind of a park.
public enum ParkKind: String, Keyword {
    /// 共建园区: a park built jointly.
    case joint
    /// 分园区: a branch of an Eastern park.
    case branch
    /// 飞地: an enclave.
    case enclave

    /// The Chinese label.
    public var labelZH: String {
        switch self {
        case .joint: "共建园区"
        case .branch: "分园区"
        case .enclave: "飞地"
        }
    }

    /// The English label.
    public var labelEN: String { rawValue }

    /// `共建` is accepted for joint.
    public static var synonyms: [String: ParkKind] { ["共建": .joint, "分园": .branch, "飞地园区": .enclave] }
}
