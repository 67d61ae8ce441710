extension Project: Codable {
    /// The JSON keys of a project, in the order the CLI prints them (`project list`, `project show`).
    enum CodingKeys: String, CodingKey {
        case id, pairing, task, title, description
        case northeastParty = "northeast_party"
        case eastParty = "east_party"
        case park, landmark
        case planned = "planned_investment_yuan"
        case status
        case statusDate = "status_date"
        case firstDate = "first_date"
        case completed = "completed_investment_yuan"
        case plannedStart = "planned_start"
        case plannedCompletion = "planned_completion"
    }

    /// Writes the project as one object of `duikou project list --format json`.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(id: id, forKey: .id)
        try container.encode(pairing, forKey: .pairing)
        try container.encode(task, forKey: .task)
        try container.encode(title, forKey: .title)
        try container.encodeOrNull(description, forKey: .description)
        try container.encodeOrNull(northeastParty, forKey: .northeastParty)
        try container.encodeOrNull(eastParty, forKey: .eastParty)
        try container.encode(id: park, forKey: .park)
        try container.encode(landmark, forKey: .landmark)
        try container.encodeOrNull(planned, forKey: .planned)
        try container.encode(status, forKey: .status)
        try container.encode(statusDate, forKey: .statusDate)
        try container.encode(firstDate, forKey: .firstDate)
        try container.encode(completed, forKey: .completed)
        try container.encodeOrNull(plannedStart, forKey: .plannedStart)
        try container.encodeOrNull(plannedCompletion, forKey: .plannedCompletion)
    }

    /// Reads a project as ``encode(to:)`` writes it.
    ///
    /// - Throws: `DecodingError` for a missing or malformed field, an empty title, a first date
    ///   after the status date, and a planned completion before the planned start.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        id = try container.decodeID(forKey: .id)
        pairing = try container.decodeText(forKey: .pairing)
        task = try container.decodeText(forKey: .task)
        title = try container.decodeText(forKey: .title)
        description = try container.decodeTextIfPresent(forKey: .description)
        northeastParty = try container.decodeTextIfPresent(forKey: .northeastParty)
        eastParty = try container.decodeTextIfPresent(forKey: .eastParty)
        park = try container.decodeIDIfPresent(forKey: .park)
        landmark = try container.decode(Bool.self, forKey: .landmark)
        planned = try container.decodeIfPresent(Money.self, forKey: .planned)
        status = try container.decode(ProjectStatus.self, forKey: .status)
        statusDate = try container.decode(LocalDate.self, forKey: .statusDate)
        firstDate = try container.decode(LocalDate.self, forKey: .firstDate)
        completed = try container.decode(Money.self, forKey: .completed)
        plannedStart = try container.decodeIfPresent(LocalDate.self, forKey: .plannedStart)
        plannedCompletion = try container.decodeIfPresent(LocalDate.self, forKey: .plannedCompletion)
        guard firstDate <= statusDate else {
            throw container.refusal(.firstDate, "\(firstDate) is after the status date (\(statusDate))")
        }
        if let plannedStart, let plannedCompletion, plannedCompletion < plannedStart {
            throw container.refusal(.plannedCompletion, "\(plannedCompletion) is before the planned start (\(plannedStart))")
        }
    }
}

extension ProgressUpdate: Codable {
    /// The JSON keys of a progress update, in the order `project show` prints them.
    enum CodingKeys: String, CodingKey {
        case sequence = "seq"
        case date, status
        case completed = "completed_investment_yuan"
        case note
        case recordedAt = "recorded_at"
        case reason
        case supersededAt = "superseded_at"
        case unchanged
    }

    /// Writes the update as one entry of the `history` of `duikou project show --format json`:
    /// `reason` is why it corrects the update it replaced (else `null`), `superseded_at` when a
    /// correction replaced it (else `null`).
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(sequence, forKey: .sequence)
        try container.encode(date, forKey: .date)
        try container.encode(status, forKey: .status)
        try container.encode(completed, forKey: .completed)
        try container.encodeOrNull(note, forKey: .note)
        try container.encode(recordedAt, forKey: .recordedAt)
        try container.encodeOrNull(reason, forKey: .reason)
        try container.encodeOrNull(supersededAt, forKey: .supersededAt)
        try container.encode(unchanged, forKey: .unchanged)
    }

    /// Reads an update as ``encode(to:)`` writes it.
    ///
    /// - Throws: `DecodingError` for a missing or malformed field, and a position below 1.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        sequence = try container.decode(Int.self, forKey: .sequence)
        guard sequence >= 1 else { throw container.refusal(.sequence, "\(sequence) is not a position in a history, which counts from 1") }
        date = try container.decode(LocalDate.self, forKey: .date)
        status = try container.decode(ProjectStatus.self, forKey: .status)
        completed = try container.decode(Money.self, forKey: .completed)
        note = try container.decodeTextIfPresent(forKey: .note)
        recordedAt = try container.decodeText(forKey: .recordedAt)
        reason = try container.decodeTextIfPresent(forKey: .reason)
        supersededAt = try container.decodeTextIfPresent(forKey: .supersededAt)
        unchanged = try container.decodeIfPresent(Bool.self, forKey: .unchanged) ?? false
    }
}

extension ProjectHistory: Codable {
    /// The keys besides the project's own: the park's name (after `park`), and the history, last.
    enum CodingKeys: String, CodingKey {
        case parkName = "park_name"
        case history, superseded
        case planRevisions = "plan_revisions"
        case voidedAt = "voided_at"
        case voidReason = "void_reason"
    }

    /// Writes the project and its history as the one object of `duikou project show --format json`:
    /// the project's fields with `park_name`, then `history`, oldest update first, then
    /// `plan_revisions`, oldest first.
    public func encode(to encoder: any Encoder) throws {
        try project.encode(to: encoder)
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encodeOrNull(parkName, forKey: .parkName)
        try container.encode(updates, forKey: .history)
        try container.encode(superseded, forKey: .superseded)
        try container.encodeOrNull(voided?.at, forKey: .voidedAt)
        try container.encodeOrNull(voided?.reason, forKey: .voidReason)
        try container.encode(planRevisions, forKey: .planRevisions)
    }

    /// Reads a project and its history as ``encode(to:)`` writes them.
    ///
    /// - Throws: `DecodingError` for a malformed project or update, and a history whose updates are
    ///   not numbered 1, 2, 3… in order or go back in time.
    public init(from decoder: any Decoder) throws {
        project = try Project(from: decoder)
        let container = try decoder.container(keyedBy: CodingKeys.self)
        parkName = try container.decodeTextIfPresent(forKey: .parkName)
        updates = try container.decode([ProgressUpdate].self, forKey: .history)
        superseded = try container.decodeIfPresent([ProgressUpdate].self, forKey: .superseded) ?? []
        if let at = try container.decodeTextIfPresent(forKey: .voidedAt) {
            voided = ProjectVoid(at: at, reason: try container.decodeText(forKey: .voidReason))
        } else {
            voided = nil
        }
        planRevisions = try container.decodeIfPresent([PlanRevision].self, forKey: .planRevisions) ?? []
        for (offset, update) in updates.enumerated() {
            guard update.sequence == offset + 1 else {
                throw container.refusal(.history, "update \(offset + 1) is numbered \(update.sequence)")
            }
            if offset > 0, update.date < updates[offset - 1].date {
                throw container.refusal(.history, "update \(update.sequence) (\(update.date)) is dated before the one above it")
            }
        }
    }
}
