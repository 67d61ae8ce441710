extension PairingAlias: Codable {
    /// The JSON keys of an alias.
    enum CodingKeys: String, CodingKey {
        case alias, pairing
    }

    /// Writes the alias as `{"alias": "辽苏", "pairing": "liaoning-jiangsu"}`.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(alias, forKey: .alias)
        try container.encode(pairing, forKey: .pairing)
    }

    /// Reads an alias as ``encode(to:)`` writes it.
    ///
    /// - Throws: `DecodingError` for a missing field, and what ``init(alias:pairing:)`` refuses.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        let alias = try container.decode(String.self, forKey: .alias)
        let pairing = try container.decodeText(forKey: .pairing)
        self = try container.checking(.alias) { try PairingAlias(alias: alias, pairing: pairing) }
    }
}
