extension SoftCooperationCounts: Codable {
    /// The JSON keys of soft-cooperation counts.
    enum CodingKeys: String, CodingKey {
        case reforms, policies, meetings
        case meetingsByKind = "meetings_by_kind"
        case funding = "funding_yuan"
        case fundingBySource = "funding_by_source_yuan"
    }

    /// Writes `{"reforms", "policies", "meetings", "meetings_by_kind": {kind: n}, "funding_yuan",
    /// "funding_by_source_yuan": {source: yuan}}`, every kind and source present, in their order.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(reforms, forKey: .reforms)
        try container.encode(policies, forKey: .policies)
        try container.encode(meetingCount, forKey: .meetings)
        var kinds = container.nestedContainer(keyedBy: NamedKey.self, forKey: .meetingsByKind)
        for kind in MeetingKind.allCases {
            try kinds.encode(meetings[kind] ?? 0, forKey: NamedKey(kind.rawValue))
        }
        try container.encode(fundingTotal, forKey: .funding)
        var sources = container.nestedContainer(keyedBy: NamedKey.self, forKey: .fundingBySource)
        for source in FundingSource.allCases {
            try sources.encode(funding[source] ?? .zero, forKey: NamedKey(source.rawValue))
        }
    }

    /// Reads counts as ``encode(to:)`` writes them. A kind or source missing counts zero; the totals
    /// `meetings` and `funding_yuan` follow from the rest and are not read.
    ///
    /// - Throws: `DecodingError` for a negative count or amount, an unknown kind or source, and
    ///   figures whose totals exceed 64 bits.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        var meetings: [MeetingKind: Int] = [:]
        let kinds = try container.nestedContainer(keyedBy: NamedKey.self, forKey: .meetingsByKind)
        for key in kinds.allKeys {
            guard let kind = MeetingKind(rawValue: key.stringValue) else { throw container.refusal(.meetingsByKind, "\(key.stringValue) is not a kind of meeting") }
            meetings[kind] = try kinds.decodeCount(forKey: key)
        }
        var funding: [FundingSource: Money] = [:]
        let sources = try container.nestedContainer(keyedBy: NamedKey.self, forKey: .fundingBySource)
        for key in sources.allKeys {
            guard let source = FundingSource(rawValue: key.stringValue) else { throw container.refusal(.fundingBySource, "\(key.stringValue) is not a source of funding") }
            funding[source] = try sources.decode(Money.self, forKey: key)
        }
        let reforms = try container.decodeCount(forKey: .reforms)
        let policies = try container.decodeCount(forKey: .policies)
        self = try container.checking(.meetingsByKind) {
            try SoftCooperationCounts(reforms: reforms, policies: policies, meetings: meetings, funding: funding)
        }
    }
}
