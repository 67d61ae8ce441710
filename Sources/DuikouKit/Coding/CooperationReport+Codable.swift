extension CooperationReport: Codable {
    /// The JSON keys of the HTML report's figures.
    enum CodingKeys: String, CodingKey {
        case asOf = "as_of"
        case year, pairing
        case isSampleData = "is_sample_data"
        case catalogue
        case byArea = "by_area"
        case byPairing = "by_pairing"
        case byProvince = "by_province"
        case investmentByYear = "investment_by_year"
        case planAgainstActual = "plan_against_actual"
        case parks, exchanges
        case reformMeasures = "reform_measures"
        case landmarkProjects = "landmark_projects"
        case alerts, round
    }

    /// Writes the figures behind the HTML report as one object, each part as its own type writes it.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encodeOrNull(asOf, forKey: .asOf)
        try container.encodeOrNull(year, forKey: .year)
        try container.encodeOrNull(pairing, forKey: .pairing)
        try container.encode(isSampleData, forKey: .isSampleData)
        try container.encode(catalogue, forKey: .catalogue)
        try container.encode(byArea, forKey: .byArea)
        try container.encode(byPairing, forKey: .byPairing)
        try container.encode(byProvince, forKey: .byProvince)
        try container.encode(investmentByYear, forKey: .investmentByYear)
        try container.encode(planAgainstActual, forKey: .planAgainstActual)
        try container.encode(parks, forKey: .parks)
        try container.encode(exchanges, forKey: .exchanges)
        try container.encode(reformMeasures, forKey: .reformMeasures)
        try container.encode(landmarkProjects, forKey: .landmarkProjects)
        try container.encode(alerts, forKey: .alerts)
        try container.encodeOrNull(round, forKey: .round)
    }

    /// Reads the figures as ``encode(to:)`` writes them; without `alerts` (as written before they
    /// were added), no alert; without `pairing` and `round`, all pairings and no round. Decoded
    /// alerts carry no project title, nor a decoded round the titles of its projects not reported.
    ///
    /// - Throws: `DecodingError` for a missing or malformed part, and progress reports grouped
    ///   otherwise than by area, by pairing and by province.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        let byArea = try container.decode(ProgressReport.self, forKey: .byArea)
        guard byArea.grouping == .area else { throw container.refusal(.byArea, "is grouped by \(byArea.grouping.rawValue), not by area") }
        let byPairing = try container.decode(ProgressReport.self, forKey: .byPairing)
        guard byPairing.grouping == .pairing else {
            throw container.refusal(.byPairing, "is grouped by \(byPairing.grouping.rawValue), not by pairing")
        }
        let byProvince = try container.decode(ProgressReport.self, forKey: .byProvince)
        guard byProvince.grouping == .province else {
            throw container.refusal(.byProvince, "is grouped by \(byProvince.grouping.rawValue), not by province")
        }
        self.init(
            asOf: try container.decodeIfPresent(LocalDate.self, forKey: .asOf), year: try container.decodeIfPresent(Int.self, forKey: .year),
            pairing: try container.decodeIfPresent(String.self, forKey: .pairing),
            isSampleData: try container.decode(Bool.self, forKey: .isSampleData),
            catalogue: try container.decode(Catalogue.self, forKey: .catalogue), byArea: byArea, byPairing: byPairing, byProvince: byProvince,
            investmentByYear: try container.decode([YearEndInvestment].self, forKey: .investmentByYear),
            planAgainstActual: try container.decode([Evaluation.Row].self, forKey: .planAgainstActual),
            parks: try container.decode([Park].self, forKey: .parks), exchanges: try container.decode([CadreExchange].self, forKey: .exchanges),
            reformMeasures: try container.decode([ReformMeasure].self, forKey: .reformMeasures),
            landmarkProjects: try container.decode([Project].self, forKey: .landmarkProjects),
            alerts: try container.decodeIfPresent([Alert].self, forKey: .alerts) ?? [],
            round: try container.decodeIfPresent(RoundStatus.self, forKey: .round))
    }
}

extension YearEndInvestment: Codable {
    /// The JSON keys of a year-end figure.
    enum CodingKeys: String, CodingKey {
        case year, date
        case cumulative = "cumulative_yuan"
        case increase = "increase_yuan"
    }

    /// Writes the figure: `year`, `date`, and `cumulative_yuan` and `increase_yuan` in integer yuan.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(year, forKey: .year)
        try container.encode(date, forKey: .date)
        try container.encode(cumulative, forKey: .cumulative)
        try container.encode(increase, forKey: .increase)
    }

    /// Reads a figure as ``encode(to:)`` writes it.
    ///
    /// - Throws: `DecodingError` for a missing or malformed field, a date outside the year, and an
    ///   increase larger than the cumulative figure.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        year = try container.decode(Int.self, forKey: .year)
        date = try container.decode(LocalDate.self, forKey: .date)
        guard date.year == year else { throw container.refusal(.date, "\(date) is not in \(year)") }
        cumulative = try container.decode(Money.self, forKey: .cumulative)
        increase = try container.decode(Money.self, forKey: .increase)
        guard increase <= cumulative else {
            throw container.refusal(.increase, "\(increase.yuan) is more than the cumulative \(cumulative.yuan)")
        }
    }
}
