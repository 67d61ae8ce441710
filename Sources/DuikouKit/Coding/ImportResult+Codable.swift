extension ImportResult: Codable {
    /// The JSON keys of an import's result.
    enum CodingKeys: String, CodingKey {
        case kind
        case dryRun = "dry_run"
        case committed, rows, added, updated, unchanged, refused
        case problemCount = "problem_count"
        case problems, sheet, round, skipped
    }

    /// Writes the result: `kind`, `dry_run`, `committed`, the counts of rows, `problem_count` and
    /// the first `problems`; for a reporting template also its `round` and the unfilled rows `skipped`.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(kind, forKey: .kind)
        try container.encode(dryRun, forKey: .dryRun)
        try container.encode(committed, forKey: .committed)
        try container.encode(rows, forKey: .rows)
        try container.encode(added, forKey: .added)
        try container.encode(updated, forKey: .updated)
        try container.encode(unchanged, forKey: .unchanged)
        try container.encode(refused, forKey: .refused)
        try container.encode(problemCount, forKey: .problemCount)
        try container.encode(problems, forKey: .problems)
        try container.encodeIfPresent(sheet, forKey: .sheet)
        try container.encodeIfPresent(round, forKey: .round)
        if round != nil { try container.encode(skipped, forKey: .skipped) }
    }

    /// Reads a result as ``encode(to:)`` writes it; `committed` follows from the rest and is not read.
    ///
    /// - Throws: `DecodingError` for a missing or malformed field, a negative count, and more
    ///   problems listed than counted.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        self.init(kind: try container.decode(InterchangeKind.self, forKey: .kind), dryRun: try container.decode(Bool.self, forKey: .dryRun))
        rows = try container.decodeCount(forKey: .rows)
        added = try container.decodeCount(forKey: .added)
        updated = try container.decodeCount(forKey: .updated)
        unchanged = try container.decodeCount(forKey: .unchanged)
        refused = try container.decodeCount(forKey: .refused)
        problemCount = try container.decodeCount(forKey: .problemCount)
        problems = try container.decode([ImportProblem].self, forKey: .problems)
        sheet = try container.decodeIfPresent(String.self, forKey: .sheet)
        round = try container.decodeIfPresent(ReportingPeriod.self, forKey: .round)
        skipped = try container.decodeIfPresent(Int.self, forKey: .skipped) ?? 0
        guard problems.count <= problemCount else {
            throw container.refusal(.problems, "lists \(problems.count) problems of \(problemCount)")
        }
    }
}

extension ImportProblem: Codable {
    /// The JSON keys of a problem.
    enum CodingKeys: String, CodingKey {
        case line, column, message, cell
    }

    /// Writes the problem: `line`, `column` (or `null`), `message`, and for a spreadsheet the `cell`
    /// (`'Sheet 1'!B3`).
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(line, forKey: .line)
        try container.encodeOrNull(column, forKey: .column)
        try container.encode(message, forKey: .message)
        try container.encodeIfPresent(cell, forKey: .cell)
    }

    /// Reads a problem as ``encode(to:)`` writes it.
    ///
    /// - Throws: `DecodingError` for a missing or malformed field and a negative line.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        self.init(
            line: try container.decodeCount(forKey: .line), column: try container.decodeIfPresent(String.self, forKey: .column),
            message: try container.decodeText(forKey: .message), cell: try container.decodeIfPresent(String.self, forKey: .cell))
    }
}
