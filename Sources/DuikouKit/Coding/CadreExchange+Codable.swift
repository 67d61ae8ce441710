extension CadreExchange: Codable {
    /// The JSON keys of a cadre exchange, in the order `duikou exchange list` prints them.
    enum CodingKeys: String, CodingKey {
        case id, pairing, direction, kind, participants, start, end, person
        case fromOrg = "from_org"
        case toOrg = "to_org"
        case post
    }

    /// Writes the exchange as one object of `duikou exchange list --format json`.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(id: id, forKey: .id)
        try container.encode(pairing, forKey: .pairing)
        try container.encode(direction, forKey: .direction)
        try container.encode(kind, forKey: .kind)
        try container.encode(participants, forKey: .participants)
        try container.encode(start, forKey: .start)
        try container.encodeOrNull(end, forKey: .end)
        try container.encodeOrNull(person, forKey: .person)
        try container.encodeOrNull(fromOrg, forKey: .fromOrg)
        try container.encodeOrNull(toOrg, forKey: .toOrg)
        try container.encodeOrNull(post, forKey: .post)
    }

    /// Reads an exchange as ``encode(to:)`` writes it.
    ///
    /// - Throws: `DecodingError` for a missing or malformed field, participants outside 1 to
    ///   ``NewExchange/maximumParticipants``, and an end before the start.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        id = try container.decodeID(forKey: .id)
        pairing = try container.decodeText(forKey: .pairing)
        direction = try container.decode(ExchangeDirection.self, forKey: .direction)
        kind = try container.decode(ExchangeKind.self, forKey: .kind)
        participants = try container.decode(Int.self, forKey: .participants)
        guard (1...NewExchange.maximumParticipants).contains(participants) else {
            throw container.refusal(.participants, "\(participants) is not from 1 to \(NewExchange.maximumParticipants)")
        }
        start = try container.decode(LocalDate.self, forKey: .start)
        end = try container.decodeIfPresent(LocalDate.self, forKey: .end)
        if let end, end < start {
            throw container.refusal(.end, "\(end) is before the start (\(start))")
        }
        person = try container.decodeTextIfPresent(forKey: .person)
        fromOrg = try container.decodeTextIfPresent(forKey: .fromOrg)
        toOrg = try container.decodeTextIfPresent(forKey: .toOrg)
        post = try container.decodeTextIfPresent(forKey: .post)
    }
}
