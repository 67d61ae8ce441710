extension Region: Codable {
    /// The JSON keys of a region, in the order `duikou regions` prints them.
    enum CodingKeys: String, CodingKey {
        case code
        case nameZH = "name_zh"
        case nameEN = "name_en"
        case level, side
    }

    /// Writes the region as one object of `duikou regions --format json`.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(code, forKey: .code)
        try container.encode(nameZH, forKey: .nameZH)
        try container.encode(nameEN, forKey: .nameEN)
        try container.encode(level, forKey: .level)
        try container.encode(side, forKey: .side)
    }

    /// Reads a region as ``encode(to:)`` writes it.
    ///
    /// - Throws: `DecodingError` for a missing or malformed field, a code that is not six digits and
    ///   an empty name.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        let code = try container.decode(String.self, forKey: .code)
        guard code.utf8.count == 6, code.allSatisfy({ $0.asciiDigit != nil }) else {
            throw container.refusal(.code, "'\(code)' is not a six-digit GB/T 2260 code such as 210000")
        }
        self.init(
            uncheckedCode: code, nameZH: try container.decodeText(forKey: .nameZH), nameEN: try container.decodeText(forKey: .nameEN),
            level: try container.decode(RegionLevel.self, forKey: .level), side: try container.decode(Side.self, forKey: .side))
    }
}
