extension Snapshot {
    /// The audit log, oldest first: every change written to the database, when, by whom, through
    /// which command and what it changed.
    ///
    /// Each entry's time is printed in China Standard Time with its offset
    /// (`2026-12-01T00:15:02.123+08:00`).
    ///
    /// - Parameter since: only changes written on or after this day in China Standard Time (UTC+8):
    ///   2026-12-01 starts at 2026-11-30T16:00:00Z.
    public func history(since: LocalDate? = nil) throws -> [AuditEvent] {
        try connection.query("""
            SELECT seq, at, actor, command, action, record_kind, record_id, summary
            FROM audit_event WHERE ?1 IS NULL OR at >= ?1 ORDER BY seq
            """, [.optional(since.map(Timestamp.start(of:)))]
        ) { row in
            AuditEvent(seq: try row.int64("seq"), at: Timestamp.printed(try row.text("at")), actor: try row.text("actor"), command: try row.text("command"),
                       action: try row.keyword("action"), recordKind: try row.text("record_kind"), recordID: try row.optionalText("record_id"),
                       summary: try row.text("summary"))
        }
    }

    /// A number that changes whenever the records change: the sequence number of the last entry
    /// of the audit log, which every change of records writes in its own transaction, whichever
    /// process or program makes it (`0` for a database without entries).
    ///
    /// Two snapshots with the same version hold the same records, so an answer computed from one
    /// can be reused for the other: the web workspace keeps its progress figures until the version
    /// changes. Sessions, failed logins and the sample-data mark are not records and leave it as it
    /// is. Reading it costs one lookup at the end of the log's index.
    public var dataVersion: Int64 {
        get throws {
            try connection.queryFirst("SELECT coalesce(max(seq), 0) AS version FROM audit_event", []) { try $0.int64("version") } ?? 0
        }
    }
}

extension Repository {
    /// The audit log, oldest first; see ``Snapshot/history(since:)``.
    public func history(since: LocalDate? = nil) throws -> [AuditEvent] {
        try read { try $0.history(since: since) }
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
