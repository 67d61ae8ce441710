extension SearchHit: Codable {
    /// The JSON keys of a search hit, in the order `duikou search` prints them.
    enum CodingKeys: String, CodingKey {
        case kind, id, pairing, title, field, snippet
    }

    /// Writes the hit as one object of `duikou search --format json`.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(kind, forKey: .kind)
        try container.encode(id: id, forKey: .id)
        try container.encode(pairing, forKey: .pairing)
        try container.encode(title, forKey: .title)
        try container.encode(field, forKey: .field)
        try container.encode(snippet, forKey: .snippet)
    }

    /// Reads a hit as ``encode(to:)`` writes it.
    ///
    /// - Throws: `DecodingError` for a missing or malformed field, and a hit on a cadre exchange,
    ///   which search never finds.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        let kind = try container.decode(RecordKind.self, forKey: .kind)
        guard kind != .exchange else { throw container.refusal(.kind, "search finds no cadre exchanges") }
        self.init(
            kind: kind, id: try container.decodeID(forKey: .id), pairing: try container.decodeText(forKey: .pairing),
            title: try container.decodeText(forKey: .title), field: try container.decode(Field.self, forKey: .field),
            snippet: try container.decode(String.self, forKey: .snippet))
    }
}
