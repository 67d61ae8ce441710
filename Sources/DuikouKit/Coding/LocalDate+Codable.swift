extension LocalDate: Codable {
    /// Writes the date as ISO 8601 text, `YYYY-MM-DD`.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(description)
    }

    /// Reads a date written `YYYY-MM-DD`, exactly.
    ///
    /// - Throws: `DecodingError` for any other form, a date that does not exist, or a year outside
    ///   1900–2999.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        let text = try container.decode(String.self)
        do {
            self = try LocalDate(parsing: text)
        } catch let error as DuikouError {
            throw DecodingError.dataCorruptedError(in: container, debugDescription: error.message)
        }
        guard description == text else {
            throw DecodingError.dataCorruptedError(in: container, debugDescription: "date: '\(text)' is not written YYYY-MM-DD")
        }
    }
}
