extension PlanRevision: Codable {
    /// The JSON keys of a plan revision, in the order `project show` prints them under `plan_revisions`.
    enum CodingKeys: String, CodingKey {
        case sequence = "seq"
        case planned = "planned_investment_yuan"
        case plannedStart = "planned_start"
        case plannedCompletion = "planned_completion"
        case previousPlanned = "previous_planned_investment_yuan"
        case previousPlannedStart = "previous_planned_start"
        case previousPlannedCompletion = "previous_planned_completion"
        case reason
        case recordedAt = "recorded_at"
    }

    /// Writes the revision as one entry of `plan_revisions` in `duikou project show --format json`.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(sequence, forKey: .sequence)
        try container.encodeOrNull(planned, forKey: .planned)
        try container.encodeOrNull(plannedStart, forKey: .plannedStart)
        try container.encodeOrNull(plannedCompletion, forKey: .plannedCompletion)
        try container.encodeOrNull(previousPlanned, forKey: .previousPlanned)
        try container.encodeOrNull(previousPlannedStart, forKey: .previousPlannedStart)
        try container.encodeOrNull(previousPlannedCompletion, forKey: .previousPlannedCompletion)
        try container.encode(reason, forKey: .reason)
        try container.encode(recordedAt, forKey: .recordedAt)
    }

    /// Reads a revision as ``encode(to:)`` writes it.
    ///
    /// - Throws: `DecodingError` for a missing or malformed field, a position below 1 and an empty reason.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        sequence = try container.decode(Int.self, forKey: .sequence)
        guard sequence >= 1 else { throw container.refusal(.sequence, "\(sequence) is not a position among revisions, which count from 1") }
        planned = try container.decodeIfPresent(Money.self, forKey: .planned)
        plannedStart = try container.decodeIfPresent(LocalDate.self, forKey: .plannedStart)
        plannedCompletion = try container.decodeIfPresent(LocalDate.self, forKey: .plannedCompletion)
        previousPlanned = try container.decodeIfPresent(Money.self, forKey: .previousPlanned)
        previousPlannedStart = try container.decodeIfPresent(LocalDate.self, forKey: .previousPlannedStart)
        previousPlannedCompletion = try container.decodeIfPresent(LocalDate.self, forKey: .previousPlannedCompletion)
        reason = try container.decodeText(forKey: .reason)
        recordedAt = try container.decodeText(forKey: .recordedAt)
    }
}
