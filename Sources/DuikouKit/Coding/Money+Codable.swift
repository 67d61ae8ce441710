extension Money: Codable {
    /// Writes the amount as an integer number of yuan, as the CLI's JSON does.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(yuan)
    }

    /// Reads an integer number of yuan.
    ///
    /// - Throws: `DecodingError` for a negative, fractional or too large amount, or anything but a number.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        let yuan = try container.decode(Int64.self)
        guard yuan >= 0 else {
            throw DecodingError.dataCorruptedError(in: container, debugDescription: "amount: \(yuan) is negative; amounts are zero or more")
        }
        self.init(uncheckedYuan: yuan)
    }
}
