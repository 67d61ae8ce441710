extension Meeting: Codable {
    /// The JSON keys of a meeting, in the order `duikou meeting list` prints them.
    enum CodingKeys: String, CodingKey {
        case id, pairing, kind, date, place, level, participants, outcomes
    }

    /// Writes the meeting as one object of `duikou meeting list --format json`.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(id: id, forKey: .id)
        try container.encode(pairing, forKey: .pairing)
        try container.encode(kind, forKey: .kind)
        try container.encode(date, forKey: .date)
        try container.encodeOrNull(place, forKey: .place)
        try container.encodeOrNull(level, forKey: .level)
        try container.encodeOrNull(participants, forKey: .participants)
        try container.encodeOrNull(outcomes, forKey: .outcomes)
    }

    /// Reads a meeting as ``encode(to:)`` writes it.
    ///
    /// - Throws: `DecodingError` for a missing or malformed field, an unknown kind and participants
    ///   outside 1 to ``NewExchange/maximumParticipants``.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        id = try container.decodeID(forKey: .id)
        pairing = try container.decodeText(forKey: .pairing)
        kind = try container.decode(MeetingKind.self, forKey: .kind)
        date = try container.decode(LocalDate.self, forKey: .date)
        place = try container.decodeTextIfPresent(forKey: .place)
        level = try container.decodeTextIfPresent(forKey: .level)
        participants = try container.decodeIfPresent(Int.self, forKey: .participants)
        if let participants {
            try container.checking(.participants) {
                try checkWholeNumber(participants, field: "participants", maximum: NewExchange.maximumParticipants)
            }
        }
        outcomes = try container.decodeTextIfPresent(forKey: .outcomes)
    }
}
