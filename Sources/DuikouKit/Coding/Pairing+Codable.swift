extension Pairing: Codable {
    /// The JSON keys of a pairing, in the order `duikou pairings` prints them.
    ///
    /// `name_zh` and `name_en` are made from the regions' names, and `aliases` are kept apart, so
    /// a pairing does not hold them: the listing and ``Catalogue`` write them, a pairing alone does not.
    enum CodingKeys: String, CodingKey {
        case id
        case nameZH = "name_zh"
        case nameEN = "name_en"
        case northeast, east, level, status, parent, aliases
    }

    /// Writes the pairing as one object of `duikou pairings --format json`, without the names
    /// (`name_zh`, `name_en`) and `aliases` the listing adds.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(id, forKey: .id)
        try container.encode(northeast, forKey: .northeast)
        try container.encodeOrNull(east, forKey: .east)
        try container.encode(level, forKey: .level)
        try container.encode(status, forKey: .status)
        try container.encodeOrNull(parent, forKey: .parent)
    }

    /// Reads a pairing as ``encode(to:)`` writes it; names and aliases, if present, are ignored.
    ///
    /// - Throws: `DecodingError` for a missing or malformed field, and what ``NewPairing`` refuses:
    ///   a malformed id, a pairing without an Eastern side that is not exploring, a pairing that is
    ///   its own parent.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        let id = try container.decode(String.self, forKey: .id)
        let northeast = try container.decodeText(forKey: .northeast)
        let east = try container.decodeTextIfPresent(forKey: .east)
        let level = try container.decode(PairingLevel.self, forKey: .level)
        let status = try container.decode(PairingStatus.self, forKey: .status)
        let parent = try container.decodeTextIfPresent(forKey: .parent)
        let checked = try container.checking(.id) {
            try NewPairing(id: id, northeast: northeast, east: east, level: level, status: status, parent: parent)
        }
        guard checked.id == id else { throw container.refusal(.id, "'\(id)' has spaces around it") }
        self.init(unchecked: id, northeast: northeast, east: east, level: level, status: status, parent: parent)
    }
}
