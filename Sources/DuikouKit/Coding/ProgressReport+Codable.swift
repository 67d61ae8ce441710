extension ProgressFigures: Codable {
    /// The JSON keys of a row's figures, in the order `duikou progress` prints them.
    enum CodingKeys: String, CodingKey {
        case projects
        case landmarkProjects = "landmark_projects"
        case byStatus = "by_status"
        case reached
        case plannedInvestment = "planned_investment_yuan"
        case completedInvestment = "completed_investment_yuan"
        case terminatedCompletedInvestment = "terminated_completed_investment_yuan"
        case parks
        case secondments
        case secondmentsToEast = "secondments_to_east"
        case secondmentsToNortheast = "secondments_to_northeast"
        case trainees
        case traineesToEast = "trainees_to_east"
        case traineesToNortheast = "trainees_to_northeast"
        case softCooperation = "soft_cooperation"
        case alertsRed = "alerts_red"
        case alertsYellow = "alerts_yellow"
        case landedRate = "landed_rate"
        case startedRate = "started_rate"
        case operatingRate = "operating_rate"
        case investmentCompletionRate = "investment_completion_rate"
    }

    /// The keys of parks, exchanges and early warnings, which reports by pairing and by province carry.
    static let activityKeys: [CodingKeys] = [
        .parks, .secondments, .secondmentsToEast, .secondmentsToNortheast, .trainees, .traineesToEast, .traineesToNortheast,
        .alertsRed, .alertsYellow,
    ]

    /// The count under one of ``activityKeys``.
    func count(_ key: CodingKeys) -> Int {
        switch key {
        case .parks: parks
        case .secondments: secondments
        case .secondmentsToEast: secondmentsToEast
        case .secondmentsToNortheast: secondmentsToNortheast
        case .trainees: trainees
        case .traineesToEast: traineesToEast
        case .traineesToNortheast: traineesToNortheast
        case .alertsRed: alertsRed
        case .alertsYellow: alertsYellow
        default: 0
        }
    }

    /// Writes the figures as in a row of `duikou progress --by pairing --format json`: the counts,
    /// `by_status` with every status, `reached` with every step, the investment in yuan, parks,
    /// exchanges, `alerts_red`, `alerts_yellow` and `soft_cooperation`, and the rates rounded to four decimals (`null` without a base).
    public func encode(to encoder: any Encoder) throws {
        try encode(to: encoder, withActivity: true)
    }

    /// Writes the figures; `withActivity` says whether parks and exchanges are written, as the CLI
    /// writes them only in reports by pairing and by province.
    func encode(to encoder: any Encoder, withActivity: Bool) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(projects, forKey: .projects)
        try container.encode(landmarkProjects, forKey: .landmarkProjects)
        var statuses = container.nestedContainer(keyedBy: NamedKey.self, forKey: .byStatus)
        for status in ProjectStatus.allCases {
            try statuses.encode(byStatus[status] ?? 0, forKey: NamedKey(status.rawValue))
        }
        var steps = container.nestedContainer(keyedBy: NamedKey.self, forKey: .reached)
        for step in Self.reachedSteps {
            try steps.encode(reached[step] ?? 0, forKey: NamedKey(step.rawValue))
        }
        try container.encode(plannedInvestment, forKey: .plannedInvestment)
        try container.encode(completedInvestment, forKey: .completedInvestment)
        try container.encode(terminatedCompletedInvestment, forKey: .terminatedCompletedInvestment)
        if withActivity {
            for key in Self.activityKeys { try container.encode(count(key), forKey: key) }
            try container.encode(softCooperation, forKey: .softCooperation)
        }
        try container.encodeOrNull(Ratio.exact(landedRate), forKey: .landedRate)
        try container.encodeOrNull(Ratio.exact(startedRate), forKey: .startedRate)
        try container.encodeOrNull(Ratio.exact(operatingRate), forKey: .operatingRate)
        try container.encodeOrNull(Ratio.exact(investmentCompletionRate), forKey: .investmentCompletionRate)
    }

    /// Reads figures as ``encode(to:)`` writes them. Missing parks, exchanges and alert counts are zero, a status
    /// missing from `by_status` or a step missing from `reached` counts none, and the rates and the
    /// totals of exchanges, which follow from the rest, are only checked against it.
    ///
    /// - Throws: `DecodingError` for a missing or malformed field, a negative count, an unknown
    ///   status or step, statuses that do not add up to the projects, more landmark projects than
    ///   projects, a step reached by more projects than the step before it or than there are, more
    ///   completed investment of terminated projects than of all, and exchange totals that are not
    ///   the sums of their directions.
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
        let steps = try container.nestedContainer(keyedBy: NamedKey.self, forKey: .reached)
        for key in steps.allKeys {
            guard let step = ProjectStatus(rawValue: key.stringValue), Self.reachedSteps.contains(step) else {
                throw container.refusal(.reached, "'\(key.stringValue)' is not one of the steps \(Self.reachedSteps.map(\.rawValue).joined(separator: ", "))")
            }
            reached[step] = try steps.decodeCount(forKey: key)
        }
        var ceiling = projects
        for step in Self.reachedSteps {
            let count = reached[step] ?? 0
            guard count <= ceiling else {
                throw container.refusal(.reached, "\(step.rawValue): \(count) projects is more than the \(ceiling) that reached the step before or exist")
            }
            ceiling = count
        }
        plannedInvestment = try container.decode(Money.self, forKey: .plannedInvestment)
        completedInvestment = try container.decode(Money.self, forKey: .completedInvestment)
        terminatedCompletedInvestment = try container.decode(Money.self, forKey: .terminatedCompletedInvestment)
        guard terminatedCompletedInvestment <= completedInvestment else {
            throw container.refusal(.terminatedCompletedInvestment, "\(terminatedCompletedInvestment.yuan) is more than the \(completedInvestment.yuan) completed by all projects")
        }
        parks = try container.decodeCountIfPresent(forKey: .parks)
        secondmentsToEast = try container.decodeCountIfPresent(forKey: .secondmentsToEast)
        secondmentsToNortheast = try container.decodeCountIfPresent(forKey: .secondmentsToNortheast)
        traineesToEast = try container.decodeCountIfPresent(forKey: .traineesToEast)
        traineesToNortheast = try container.decodeCountIfPresent(forKey: .traineesToNortheast)
        alertsRed = try container.decodeCountIfPresent(forKey: .alertsRed)
        alertsYellow = try container.decodeCountIfPresent(forKey: .alertsYellow)
        softCooperation = try container.decodeIfPresent(SoftCooperationCounts.self, forKey: .softCooperation) ?? SoftCooperationCounts()
        for key in [CodingKeys.secondments, .trainees] where container.contains(key) {
            let total = try container.decodeCount(forKey: key)
            guard total == count(key) else {
                throw container.refusal(key, "\(total) is not the sum of its two directions, \(count(key))")
            }
        }
    }
}

extension ProgressRow: Codable {
    /// The JSON keys that name a row, before its figures.
    enum CodingKeys: String, CodingKey {
        case key
        case nameZH = "name_zh"
        case nameEN = "name_en"
        case subtree
    }

    /// Writes the row as in `duikou progress --by pairing --format json`: `key`, `name_zh`,
    /// `name_en`, the figures, then `subtree` where the row has one.
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
        if let subtree {
            try subtree.encode(to: container.superEncoder(forKey: .subtree), withActivity: withActivity)
        }
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
        subtree = try container.decodeIfPresent(ProgressFigures.self, forKey: .subtree)
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
    /// of a report by area or by task also carries the parks and exchanges (which the CLI prints
    /// only by pairing and by province), so that decoding gives back the same report.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encodeOrNull(asOf, forKey: .asOf)
        try container.encode(grouping, forKey: .grouping)
        try container.encode(rows.map { RowInReport(row: $0, withActivity: grouping.countsPairingActivity) }, forKey: .rows)
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

    /// A row as the report writes it: with parks and exchanges only when grouped by pairing or province.
    private struct RowInReport: Encodable {
        let row: ProgressRow
        let withActivity: Bool

        func encode(to encoder: any Encoder) throws {
            try row.encode(to: encoder, withActivity: withActivity)
        }
    }
}
