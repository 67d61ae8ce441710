extension AuditEvent: Codable {
    /// The JSON keys of an audit entry, in the order `duikou history` prints them.
    enum CodingKeys: String, CodingKey {
        case seq, at, actor, command, action
        case recordKind = "record_kind"
        case recordID = "record_id"
        case summary
    }

    /// Writes the entry as one object of `duikou history --format json`.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(seq, forKey: .seq)
        try container.encode(at, forKey: .at)
        try container.encode(actor, forKey: .actor)
        try container.encode(command, forKey: .command)
        try container.encode(action, forKey: .action)
        try container.encode(recordKind, forKey: .recordKind)
        try container.encodeOrNull(recordID, forKey: .recordID)
        try container.encode(summary, forKey: .summary)
    }

    /// Reads an entry as ``encode(to:)`` writes it.
    ///
    /// - Throws: `DecodingError` for a missing or malformed field and a number below 1.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        seq = try container.decode(Int64.self, forKey: .seq)
        guard seq >= 1 else { throw container.refusal(.seq, "\(seq) is not an entry's number, which counts from 1") }
        at = try container.decodeText(forKey: .at)
        actor = try container.decodeText(forKey: .actor)
        command = try container.decodeText(forKey: .command)
        action = try container.decode(AuditAction.self, forKey: .action)
        recordKind = try container.decodeText(forKey: .recordKind)
        recordID = try container.decodeTextIfPresent(forKey: .recordID)
        summary = try container.decodeText(forKey: .summary)
    }
}
