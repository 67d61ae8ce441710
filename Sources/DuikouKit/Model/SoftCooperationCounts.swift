/// What a pairing did of the plan's soft cooperation over a span of dates: reform measures copied
/// and the policies they adopted, meetings and visits by kind, and funding by source.
///
/// ``Snapshot/softCooperationActivity(pairing:since:asOf:)`` gives one per pairing.
public struct SoftCooperationCounts: Sendable, Hashable {
    /// Reform measures copied (复制推广改革举措).
    public var reforms: Int
    /// The policies those measures adopted (政策数), added up.
    public var policies: Int
    /// Meetings and visits of each kind; every kind is present, zero when none.
    public var meetings: [MeetingKind: Int]
    /// Funding from each source; every source is present, zero when none.
    public var funding: [FundingSource: Money]

    /// Creates counts; a kind or source left out counts zero.
    public init(reforms: Int = 0, policies: Int = 0, meetings: [MeetingKind: Int] = [:], funding: [FundingSource: Money] = [:]) {
        self.reforms = reforms
        self.policies = policies
        self.meetings = Dictionary(uniqueKeysWithValues: MeetingKind.allCases.map { ($0, meetings[$0] ?? 0) })
        self.funding = Dictionary(uniqueKeysWithValues: FundingSource.allCases.map { ($0, funding[$0] ?? .zero) })
    }

    /// Meetings and visits of every kind.
    ///
    /// - Throws: ``DuikouError/Code/invalidInput`` when the sum would exceed what 64 bits hold
    ///   (never for counts read from a database).
    public var meetingCount: Int {
        get throws { try MeetingKind.allCases.reduce(0) { try Self.sum($0, meetings[$1] ?? 0, "meetings") } }
    }

    /// Funding from every source.
    ///
    /// - Throws: ``DuikouError/Code/invalidInput`` when the sum would exceed what 64 bits hold. Never
    ///   for counts read from a database: every write checks that all of its funding adds up.
    public var fundingTotal: Money {
        get throws {
            Money(uncheckedYuan: try FundingSource.allCases.reduce(Int64(0)) { try Self.sum($0, (funding[$1] ?? .zero).yuan, "funding") })
        }
    }

    private static func sum<N: FixedWidthInteger>(_ a: N, _ b: N, _ field: String) throws -> N {
        let (total, overflow) = a.addingReportingOverflow(b)
        guard !overflow else { throw DuikouError(.invalidInput, "\(field): \(a) and \(b) add up to more than 64 bits hold", field: field) }
        return total
    }

    /// Adds `other`'s figures to these, as for a pairing and the pairings inside it.
    ///
    /// - Throws: ``DuikouError/Code/invalidInput`` when a sum would exceed what 64 bits hold.
    public mutating func add(_ other: SoftCooperationCounts) throws {
        reforms = try Self.sum(reforms, other.reforms, "reforms")
        policies = try Self.sum(policies, other.policies, "policies")
        for kind in MeetingKind.allCases {
            meetings[kind] = try Self.sum(meetings[kind] ?? 0, other.meetings[kind] ?? 0, "meetings")
        }
        for source in FundingSource.allCases {
            funding[source] = Money(uncheckedYuan: try Self.sum((funding[source] ?? .zero).yuan, (other.funding[source] ?? .zero).yuan, "funding"))
        }
    }
}
