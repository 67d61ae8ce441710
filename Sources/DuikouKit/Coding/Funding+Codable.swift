extension Funding: Codable {
    /// The JSON keys of a funding, in the order `duikou funding list` prints them.
    enum CodingKeys: String, CodingKey {
        case id, project
        case projectTitle = "project_title"
        case pairing, source
        case amount = "amount_yuan"
        case date, note
    }

    /// Writes the funding as one object of `duikou funding list --format json`: `project` and
    /// `project_title` are `null` for a pairing's funding, and `pairing` is the pairing it counts for.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(id: id, forKey: .id)
        try container.encode(id: project, forKey: .project)
        try container.encodeOrNull(projectTitle, forKey: .projectTitle)
        try container.encode(pairing, forKey: .pairing)
        try container.encode(source, forKey: .source)
        try container.encode(amount, forKey: .amount)
        try container.encode(date, forKey: .date)
        try container.encodeOrNull(note, forKey: .note)
    }

    /// Reads a funding as ``encode(to:)`` writes it.
    ///
    /// - Throws: `DecodingError` for a missing or malformed field, an unknown source and an amount
    ///   of zero.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        id = try container.decodeID(forKey: .id)
        project = try container.decodeIDIfPresent(forKey: .project)
        projectTitle = try container.decodeTextIfPresent(forKey: .projectTitle)
        pairing = try container.decodeText(forKey: .pairing)
        source = try container.decode(FundingSource.self, forKey: .source)
        amount = try container.decode(Money.self, forKey: .amount)
        guard amount.yuan > 0 else { throw container.refusal(.amount, "0 is not an amount of funding; it is more than 0 元") }
        date = try container.decode(LocalDate.self, forKey: .date)
        note = try container.decodeTextIfPresent(forKey: .note)
    }
}
