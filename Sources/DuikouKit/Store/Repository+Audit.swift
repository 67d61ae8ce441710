extension Repository {
    /// The audit log, oldest first: every change written to the database, when, by whom, through
    /// which command and what it changed.
    ///
    /// - Parameter since: only changes written on or after this day (UTC).
    public func history(since: LocalDate? = nil) throws -> [AuditEvent] {
        try read { connection in
            try connection.query("""
                SELECT seq, at, actor, command, action, record_kind, record_id, summary
                FROM audit_event WHERE ?1 IS NULL OR at >= ?1 ORDER BY seq
                """, [.optional(since?.description)]
            ) { row in
                guard let action = AuditAction(rawValue: row.text(4)) else {
                    throw DuikouError(.corrupt, "audit entry \(row.int64(0)): action: '\(row.text(4))' is not one Duikou writes")
                }
                return AuditEvent(seq: row.int64(0), at: row.text(1), actor: row.text(2), command: row.text(3), action: action,
                                  recordKind: row.text(5), recordID: row.optionalText(6), summary: row.text(7))
            }
        }
    }
}

/// What one write changed, written to the audit log in the write's own transaction.
struct AuditNote: Sendable {
    let action: AuditAction
    let recordKind: String
    let recordID: String?
    let summary: String

    init(_ action: AuditAction, _ recordKind: String, _ recordID: String?, _ summary: String) {
        self.action = action
        self.recordKind = recordKind
        self.recordID = recordID
        self.summary = summary
    }

    func record(in connection: SQLiteConnection, at now: String, by identity: AuditIdentity) throws {
        try connection.run("""
            INSERT INTO audit_event (at, actor, command, action, record_kind, record_id, summary)
            VALUES (?, ?, ?, ?, ?, ?, ?)
            """,
            [.text(now), .text(identity.actor), .text(identity.command), .text(action.rawValue),
             .text(recordKind), .optional(recordID), .text(summary)],
            context: "audit log")
    }
}
