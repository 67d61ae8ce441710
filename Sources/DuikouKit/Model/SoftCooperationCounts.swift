/// What a pairing did of the plan's soft cooperation over a span of dates: reform measures copied
/// and the policies they adopted, meetings and visits by kind, and funding by source.
///
/// ``Snapshot/softCooperationActivity(pairing:since:asOf:)`` gives one per pairing. Every count is
/// zero or more, and the meetings of all kinds and the funding of all sources add up within 64 bits.
public struct SoftCooperationCounts: Sendable, Hashable {
    /// Reform measures copied (复制推广改革举措).
    public internal(set) var reforms: Int
    /// The policies those measures adopted (政策数), added up.
    public internal(set) var policies: Int
    /// Meetings and visits of each kind; every kind is present, zero when none.
    public internal(set) var meetings: [MeetingKind: Int]
    /// Funding from each source; every source is present, zero when none.
    public internal(set) var funding: [FundingSource: Money]

    /// No activity: every count zero.
    public init() {
        reforms = 0
        policies = 0
        meetings = Dictionary(uniqueKeysWithValues: MeetingKind.allCases.map { ($0, 0) })
        funding = Dictionary(uniqueKeysWithValues: FundingSource.allCases.map { ($0, .zero) })
    }

    /// Creates counts; a kind or source left out counts zero.
    ///
    /// - Throws: ``DuikouError/Code/invalidInput`` for a negative count, and for meetings or funding
    ///   that add up beyond what 64 bits hold.
    public init(reforms: Int, policies: Int, meetings: [MeetingKind: Int] = [:], funding: [FundingSource: Money] = [:]) throws {
        self.init()
        for (field, count) in [("reforms", reforms), ("policies", policies)] + meetings.map({ ("meetings", $0.value) }) where count < 0 {
            throw DuikouError.invalid(field, String(count), "is negative; counts are zero or more")
        }
        self.reforms = reforms
        self.policies = policies
        self.meetings.merge(meetings) { $1 }
        self.funding.merge(funding) { $1 }
        _ = try Self.sum(self.meetings.values.map(Int64.init), "meetings")
        _ = try Self.sum(self.funding.values.map(\.yuan), "funding")
    }

    /// Meetings and visits of every kind.
    public var meetingCount: Int { meetings.values.reduce(0, &+) }

    /// Funding from every source.
    public var fundingTotal: Money { Money(uncheckedYuan: funding.values.reduce(0) { $0 &+ $1.yuan }) }

    /// Adds `other`'s figures to these, as for a pairing and the pairings inside it.
    ///
    /// - Throws: ``DuikouError/Code/invalidInput`` when a sum would exceed what 64 bits hold; the
    ///   counts are then left as they were.
    public mutating func add(_ other: SoftCooperationCounts) throws {
        var meetings = self.meetings
        var funding = self.funding
        for kind in MeetingKind.allCases {
            meetings[kind] = Int(try Self.sum([Int64(self.meetings[kind] ?? 0), Int64(other.meetings[kind] ?? 0)], "meetings"))
        }
        for source in FundingSource.allCases {
            funding[source] = Money(uncheckedYuan: try Self.sum([(self.funding[source] ?? .zero).yuan, (other.funding[source] ?? .zero).yuan], "funding"))
        }
        self = try SoftCooperationCounts(
            reforms: Int(try Self.sum([Int64(reforms), Int64(other.reforms)], "reforms")),
            policies: Int(try Self.sum([Int64(policies), Int64(other.policies)], "policies")), meetings: meetings, funding: funding)
    }

    /// The sum of `values`, refused when it exceeds what 64 bits hold.
    private static func sum(_ values: [Int64], _ field: String) throws -> Int64 {
        try values.reduce(0) { total, value in
            let (sum, overflow) = total.addingReportingOverflow(value)
            guard !overflow else { throw DuikouError(.invalidInput, "\(field): the figures add up to more than 64 bits hold", field: field) }
            return sum
        }
    }
}
