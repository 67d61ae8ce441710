extension CheckReport: Codable {
    /// The JSON keys of a check's report.
    enum CodingKeys: String, CodingKey {
        case sound, checks
        case problemCount = "problem_count"
        case problems
    }

    /// Writes the report: `sound`, what was checked, `problem_count` and the first `problems`.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(isSound, forKey: .sound)
        try container.encode(checks, forKey: .checks)
        try container.encode(problemCount, forKey: .problemCount)
        try container.encode(problems, forKey: .problems)
    }

    /// Reads a report as ``encode(to:)`` writes it; `sound` follows from the count and is not read.
    ///
    /// - Throws: `DecodingError` for a missing or malformed field, a negative count, and more
    ///   problems listed than counted.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        self.init()
        checks = try container.decode([String].self, forKey: .checks)
        problemCount = try container.decodeCount(forKey: .problemCount)
        problems = try container.decode([String].self, forKey: .problems)
        guard problems.count <= problemCount else {
            throw container.refusal(.problems, "lists \(problems.count) problems of \(problemCount)")
        }
    }
}
