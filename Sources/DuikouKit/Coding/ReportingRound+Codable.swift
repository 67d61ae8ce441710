#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif

extension ReportingPeriod: Codable {
    /// Writes the period as text: `2025`, `2025-Q3` or `2025-09`.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(description)
    }

    /// Reads a period as ``encode(to:)`` writes it.
    ///
    /// - Throws: `DecodingError` for text that is not a period.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        let text = try container.decode(String.self)
        do {
            self = try ReportingPeriod(parsing: text)
        } catch {
            throw DecodingError.dataCorruptedError(in: container, debugDescription: "\(text) is not a period")
        }
    }
}

extension ReportingRound: Codable {
    /// The JSON keys of a round, in the order `duikou round list` prints them.
    enum CodingKeys: String, CodingKey {
        case period, start, end, due, state
        case openedAt = "opened_at"
        case closedAt = "closed_at"
        case pairings
    }

    /// Writes the round as one object of `duikou round list --format json`.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(period, forKey: .period)
        try container.encode(period.start, forKey: .start)
        try container.encode(period.end, forKey: .end)
        try container.encode(due, forKey: .due)
        try container.encode(state, forKey: .state)
        try container.encode(openedAt, forKey: .openedAt)
        try container.encodeOrNull(closedAt, forKey: .closedAt)
        try container.encode(pairings, forKey: .pairings)
    }

    /// Reads a round as ``encode(to:)`` writes it; `start` and `end` follow from the period.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        period = try container.decode(ReportingPeriod.self, forKey: .period)
        due = try container.decode(LocalDate.self, forKey: .due)
        state = try container.decode(RoundState.self, forKey: .state)
        openedAt = try container.decodeText(forKey: .openedAt)
        closedAt = try container.decodeTextIfPresent(forKey: .closedAt)
        pairings = try container.decode([String].self, forKey: .pairings)
    }
}

extension RoundPairingStatus: Codable {
    /// The JSON keys of one pairing's entry in a round's status.
    enum CodingKeys: String, CodingKey {
        case pairing
        case inScope = "in_scope"
        case reported
        case notReported = "not_reported"
        case late
    }

    /// Writes the entry as one of the `pairings` of `duikou round status --format json`.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(pairing, forKey: .pairing)
        try container.encode(inScope, forKey: .inScope)
        try container.encode(reported, forKey: .reported)
        try container.encode(notReported.map(\.key), forKey: .notReported)
        try container.encode(late, forKey: .late)
    }

    /// Reads an entry as ``encode(to:)`` writes it.
    ///
    /// - Throws: `DecodingError` for a missing or malformed field, a negative count, or more
    ///   reported than in scope.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        pairing = try container.decodeText(forKey: .pairing)
        inScope = try container.decodeCount(forKey: .inScope)
        reported = try container.decodeCount(forKey: .reported)
        guard reported <= inScope else { throw container.refusal(.reported, "more reported than in scope") }
        notReported = try container.decode([String].self, forKey: .notReported).map { text in
            guard let id = UUID(uuidString: text) else { throw container.refusal(.notReported, "\(text) is not a UUID") }
            return id
        }
        late = try container.decode(Bool.self, forKey: .late)
    }
}

extension RoundStatus: Codable {
    /// The JSON keys of a round's status, in the order `duikou round status` prints them.
    enum CodingKeys: String, CodingKey {
        case period, start, end, due, state, pairings, total
    }

    /// The keys of the `total` object.
    enum TotalKeys: String, CodingKey {
        case inScope = "in_scope"
        case reported
    }

    /// Writes the status as `duikou round status --format json` prints it.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(period, forKey: .period)
        try container.encode(period.start, forKey: .start)
        try container.encode(period.end, forKey: .end)
        try container.encode(due, forKey: .due)
        try container.encode(state, forKey: .state)
        try container.encode(pairings, forKey: .pairings)
        var total = container.nestedContainer(keyedBy: TotalKeys.self, forKey: .total)
        try total.encode(inScope, forKey: .inScope)
        try total.encode(reported, forKey: .reported)
    }

    /// Reads a status as ``encode(to:)`` writes it; `total` follows from the pairings and titles are left empty.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        period = try container.decode(ReportingPeriod.self, forKey: .period)
        due = try container.decode(LocalDate.self, forKey: .due)
        state = try container.decode(RoundState.self, forKey: .state)
        pairings = try container.decode([RoundPairingStatus].self, forKey: .pairings)
        titles = [:]
    }
}
