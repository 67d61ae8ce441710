extension ReformMeasure: Codable {
    /// The JSON keys of a reform measure, in the order `duikou reform list` prints them.
    enum CodingKeys: String, CodingKey {
        case id, pairing, title, source
        case adoptedBy = "adopted_by"
        case date, task, policies
    }

    /// Writes the measure as one object of `duikou reform list --format json`.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(id: id, forKey: .id)
        try container.encode(pairing, forKey: .pairing)
        try container.encode(title, forKey: .title)
        try container.encodeOrNull(source, forKey: .source)
        try container.encode(adoptedBy, forKey: .adoptedBy)
        try container.encode(date, forKey: .date)
        try container.encode(task, forKey: .task)
        try container.encode(policies, forKey: .policies)
    }

    /// Reads a measure as ``encode(to:)`` writes it.
    ///
    /// - Throws: `DecodingError` for a missing or malformed field, a task outside area 1 and
    ///   policies outside 1 to ``NewReformMeasure/maximumPolicies``.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        id = try container.decodeID(forKey: .id)
        pairing = try container.decodeText(forKey: .pairing)
        title = try container.decodeText(forKey: .title)
        source = try container.decodeTextIfPresent(forKey: .source)
        adoptedBy = try container.decodeText(forKey: .adoptedBy)
        date = try container.decode(LocalDate.self, forKey: .date)
        let task = try container.decode(String.self, forKey: .task)
        self.task = try container.checking(.task) { try NewReformMeasure.areaOneTask(task) }
        policies = try container.decode(Int.self, forKey: .policies)
        try container.checking(.policies) { try checkWholeNumber(policies, field: "policies", maximum: NewReformMeasure.maximumPolicies) }
    }
}
