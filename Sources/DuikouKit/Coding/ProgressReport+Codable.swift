extension ProgressFigures: Codable {
    /// The JSON keys of a row's figures, in the order `duikou progress` prints them.
    enum CodingKeys: String, CodingKey {
        case projects
        case landmarkProjects = "landmark_projects"
        case byStatus = "by_status"
        case plannedInvestment = "planned_investment_yuan"
        case completedInvestment = "completed_investment_yuan"
        case parks, secondments, trainees
        case landedRate = "landed_rate"
        case startedRate = "started_rate"
        case operatingRate = "operating_rate"
        case investmentCompletionRate = "investment_completion_rate"
    }

    /// Writes the figures as in a row of `duikou progress --by pairing --format json`: the counts,
    /// `by_status` with every status, the investment in yuan, parks and exchanges, and the rates
    /// rounded to four decimals (`null` without a base).
    public func encode(to encoder: any Encoder) throws {
        try encode(to: encoder, withActivity: true)
    }

    /// Writes the figures; `withActivity` says whether `parks`, `secondments` and `trainees` are
    /// written, as the CLI writes them only in reports by pairing.
    func encode(to encoder: any Encoder, withActivity: Bool) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(projects, forKey: .projects)
        try container.encode(landmarkProjects, forKey: .landmarkProjects)
        var statuses = container.nestedContainer(keyedBy: NamedKey.self, forKey: .byStatus)
        for status in ProjectStatus.allCases {
            try statuses.encode(byStatus[status] ?? 0, forKey: NamedKey(status.rawValue))
        }
        try container.encode(plannedInvestment, forKey: .plannedInvestment)
        try container.encode(completedInvestment, forKey: .completedInvestment)
        if withActivity {
            try container.encode(parks, forKey: .parks)
            try container.encode(secondments, forKey: .secondments)
            try container.encode(trainees, forKey: .trainees)
        }
        try container.encodeOrNull(Ratio.exact(landedRate), forKey: .landedRate)
        try container.encodeOrNull(Ratio.exact(startedRate), forKey: .startedRate)
        try container.encodeOrNull(Ratio.exact(operatingRate), forKey: .operatingRate)
        try container.encodeOrNull(Ratio.exact(investmentCompletionRate), forKey: .investmentCompletionRate)
    }

    /// Reads figures as ``encode(to:)`` writes them. Missing parks, secondments and trainees are
    /// zero, a status missing from `by_status` counts none, and the rates, which follow from the
    /// rest, are not read.
    ///
    /// - Throws: `DecodingError` for a missing or malformed field, a negative count, an unknown
    ///   status, statuses that do not add up to the projects, and more landmark projects than projects.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        projects = try container.decodeCount(forKey: .projects)
        landmarkProjects = try container.decodeCount(forKey: .landmarkProjects)
        guard landmarkProjects <= projects else {
            throw container.refusal(.landmarkProjects, "\(landmarkProjects) is more than the \(projects) projects")
        }
        let statuses = try container.nestedContainer(keyedBy: NamedKey.self, forKey: .byStatus)
        for key in statuses.allKeys {
            guard let status = ProjectStatus(rawValue: key.stringValue) else {
                throw container.refusal(.byStatus, "'\(key.stringValue)' is not a status")
            }
            byStatus[status] = try statuses.decodeCount(forKey: key)
        }
        guard byStatus.values.reduce(0, +) == projects else {
            throw container.refusal(.byStatus, "the statuses count \(byStatus.values.reduce(0, +)) projects, not \(projects)")
        }
        plannedInvestment = try container.decode(Money.self, forKey: .plannedInvestment)
        completedInvestment = try container.decode(Money.self, forKey: .completedInvestment)
        parks = try container.decodeCountIfPresent(forKey: .parks)
        secondments = try container.decodeCountIfPresent(forKey: .secondments)
        trainees = try container.decodeCountIfPresent(forKey: .trainees)
    }
}

extension ProgressRow: Codable {
    /// The JSON keys that name a row, before its figures.
    enum CodingKeys: String, CodingKey {
        case key
        case nameZH = "name_zh"
        case nameEN = "name_en"
    }

    /// Writes the row as in `duikou progress --by pairing --format json`: `key`, `name_zh`,
    /// `name_en`, then the figures.
    public func encode(to encoder: any Encoder) throws {
        try encode(to: encoder, withActivity: true)
    }

    /// Writes the row; `withActivity` as for ``ProgressFigures``.
    func encode(to encoder: any Encoder, withActivity: Bool) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(key, forKey: .key)
        try container.encode(nameZH, forKey: .nameZH)
        try container.encode(nameEN, forKey: .nameEN)
        try figures.encode(to: encoder, withActivity: withActivity)
    }

    /// Reads a row as ``encode(to:)`` writes it.
    ///
    /// - Throws: `DecodingError` for a missing or malformed field, and what ``ProgressFigures`` refuses.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        key = try container.decodeText(forKey: .key)
        nameZH = try container.decode(String.self, forKey: .nameZH)
        nameEN = try container.decode(String.self, forKey: .nameEN)
        figures = try ProgressFigures(from: decoder)
    }
}

extension ProgressReport: Codable {
    /// The JSON keys of a progress report, in the order `duikou progress` prints them.
    enum CodingKeys: String, CodingKey {
        case asOf = "as_of"
        case grouping = "by"
        case rows, total
    }

    /// Writes the report as `duikou progress --format json` prints it, with one addition: the total
    /// of a report by area or by task also carries `parks`, `secondments` and `trainees` (which the
    /// CLI prints only by pairing), so that decoding gives back the same report.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encodeOrNull(asOf, forKey: .asOf)
        try container.encode(grouping, forKey: .grouping)
        try container.encode(rows.map { RowInReport(row: $0, withActivity: grouping == .pairing) }, forKey: .rows)
        try container.encode(total, forKey: .total)
    }

    /// Reads a report as ``encode(to:)`` writes it.
    ///
    /// - Throws: `DecodingError` for a missing or malformed field, and what ``ProgressRow`` and
    ///   ``ProgressFigures`` refuse.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        self.init(
            asOf: try container.decodeIfPresent(LocalDate.self, forKey: .asOf),
            grouping: try container.decode(ProgressGrouping.self, forKey: .grouping),
            rows: try container.decode([ProgressRow].self, forKey: .rows),
            total: try container.decode(ProgressFigures.self, forKey: .total))
    }

    /// A row as the report writes it: with parks and exchanges only when grouped by pairing.
    private struct RowInReport: Encodable {
        let row: ProgressRow
        let withActivity: Bool

        func encode(to encoder: any Encoder) throws {
            try row.encode(to: encoder, withActivity: withActivity)
        }
    }
}
