extension RoundProject: Codable {
    /// The JSON keys of a project in a round's scope; money in integer yuan.
    enum CodingKeys: String, CodingKey {
        case id, pairing, task, title, status
        case completed = "completed_investment_yuan"
        case lastUpdate = "last_update"
    }

    /// Writes the entry as one JSON object.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(id: id, forKey: .id)
        try container.encode(pairing, forKey: .pairing)
        try container.encode(task, forKey: .task)
        try container.encode(title, forKey: .title)
        try container.encode(status, forKey: .status)
        try container.encode(completed, forKey: .completed)
        try container.encode(lastUpdate, forKey: .lastUpdate)
    }

    /// Reads an entry as ``encode(to:)`` writes it.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        id = try container.decodeID(forKey: .id)
        pairing = try container.decode(String.self, forKey: .pairing)
        task = try container.decode(String.self, forKey: .task)
        title = try container.decode(String.self, forKey: .title)
        status = try container.decode(ProjectStatus.self, forKey: .status)
        completed = try container.decode(Money.self, forKey: .completed)
        lastUpdate = try container.decode(LocalDate.self, forKey: .lastUpdate)
    }
}
