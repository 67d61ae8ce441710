extension Park: Codable {
    /// The JSON keys of a park, in the order `duikou park list` prints them.
    enum CodingKeys: String, CodingKey {
        case id, name, pairing, kind, projects
        case plannedInvestment = "planned_investment_yuan"
        case completedInvestment = "completed_investment_yuan"
        case hostRegion = "host_region"
        case partner, established
        case plannedArea = "planned_area_km2"
        case benefitSharing = "benefit_sharing"
    }

    /// Writes the park as one object of `duikou park list --format json`.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(id: id, forKey: .id)
        try container.encode(name, forKey: .name)
        try container.encode(pairing, forKey: .pairing)
        try container.encode(kind, forKey: .kind)
        try container.encode(projects, forKey: .projects)
        try container.encode(plannedInvestment, forKey: .plannedInvestment)
        try container.encode(completedInvestment, forKey: .completedInvestment)
        try container.encodeOrNull(hostRegion, forKey: .hostRegion)
        try container.encodeOrNull(partner, forKey: .partner)
        try container.encodeOrNull(established, forKey: .established)
        try container.encodeOrNull(plannedArea, forKey: .plannedArea)
        try container.encodeOrNull(benefitSharing, forKey: .benefitSharing)
    }

    /// Reads a park as ``encode(to:)`` writes it.
    ///
    /// - Throws: `DecodingError` for a missing or malformed field, an empty name and a negative
    ///   number of projects.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        id = try container.decodeID(forKey: .id)
        name = try container.decodeText(forKey: .name)
        pairing = try container.decodeText(forKey: .pairing)
        kind = try container.decode(ParkKind.self, forKey: .kind)
        projects = try container.decodeCount(forKey: .projects)
        plannedInvestment = try container.decode(Money.self, forKey: .plannedInvestment)
        completedInvestment = try container.decode(Money.self, forKey: .completedInvestment)
        hostRegion = try container.decodeTextIfPresent(forKey: .hostRegion)
        partner = try container.decodeTextIfPresent(forKey: .partner)
        established = try container.decodeIfPresent(LocalDate.self, forKey: .established)
        plannedArea = try container.decodeIfPresent(LandArea.self, forKey: .plannedArea)
        benefitSharing = try container.decodeTextIfPresent(forKey: .benefitSharing)
    }
}
