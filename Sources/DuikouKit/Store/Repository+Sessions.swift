#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif

// Sessions of the web workspace and the failed logins that lock a name out. Sessions are stored by
// the hex SHA-256 of their id, so that a copy of the database signs no one in. None of these writes
// is a change of records: none goes into the audit log.

extension Transaction {
    /// Records a new session at login, deleting sessions that have expired meanwhile.
    ///
    /// A session id is never used twice: a hash recorded already (even an expired session's) is
    /// refused, so the server draws a new random id at every login.
    ///
    /// - Returns: the session as recorded.
    /// - Throws: ``DuikouError/Code/notFound`` for an unknown account (field `name`);
    ///   ``DuikouError/Code/invalidInput`` for a disabled account (field `name`), a hash that is not
    ///   64 lowercase hex digits (field `id_hash`), an empty CSRF token or an expiry not after the
    ///   start; ``DuikouError/Code/constraint`` for a hash recorded already.
    @discardableResult
    public func createSession(_ session: NewAccountSession) throws -> AccountSession {
        try Repository.checkSHA256(session.idHash, field: "id_hash")
        let account = try self.account(named: session.account)
        guard !account.disabled else {
            throw DuikouError(.invalidInput, "name: account \(DuikouError.quoted(account.name)) is disabled", field: "name", recordID: account.name)
        }
        guard !session.csrfToken.isEmpty else { throw DuikouError(.invalidInput, "csrf_token: is empty", field: "csrf_token") }
        guard session.expiresAt > session.createdAt else {
            throw DuikouError(.invalidInput, "expires_at: a session must end after it starts", field: "expires_at")
        }
        let created = Timestamp.stored(session.createdAt)
        return try change { connection, _ in
            if try connection.exists("SELECT 1 FROM session WHERE id_hash = ?", [.text(session.idHash)]) {
                throw DuikouError(.constraint, "id_hash: this session id was used already; a login needs a new one", field: "id_hash")
            }
            try connection.run("DELETE FROM session WHERE expires_at <= ?", [.text(created)], context: "expired sessions")
            try connection.run("""
                INSERT INTO session (id_hash, account_name, csrf_token, created_at, last_seen_at, expires_at) VALUES (?, ?, ?, ?, ?, ?)
                """, [.text(session.idHash), .text(account.name), .text(session.csrfToken), .text(created), .text(created),
                      .text(Timestamp.stored(session.expiresAt))],
                context: "account \(DuikouError.quoted(account.name)): session")
            let recorded = AccountSession(account: account, csrfToken: session.csrfToken, createdAt: try Timestamp.date(created, column: "created_at"),
                                          lastSeenAt: try Timestamp.date(created, column: "last_seen_at"),
                                          expiresAt: try Timestamp.date(Timestamp.stored(session.expiresAt), column: "expires_at"))
            return (recorded, nil)
        }
    }

    /// Ends a session (logging out); ending one that does not exist changes nothing.
    public func deleteSession(idHash: String) throws {
        try change { connection, _ in
            try connection.run("DELETE FROM session WHERE id_hash = ?", [.text(idHash)], context: "session")
            return ((), nil)
        }
    }

    /// Records that a session was used at `date` and moves its end to `expiresAt` (an idle
    /// timeout). A session that does not exist or has expired is left as it is.
    public func touchSession(idHash: String, at date: Date, expiresAt: Date) throws {
        let at = Timestamp.stored(date)
        try change { connection, _ in
            try connection.run("UPDATE session SET last_seen_at = ?, expires_at = ? WHERE id_hash = ? AND expires_at > ?",
                               [.text(at), .text(Timestamp.stored(expiresAt)), .text(idHash), .text(at)], context: "session")
            return ((), nil)
        }
    }

    /// Records a failed login for `name` (trimmed; known or not) at `date`, and forgets the failures
    /// of every name older than `forgettingBefore`.
    public func recordFailedLogin(name: String, at date: Date, forgettingBefore horizon: Date) throws {
        try change { connection, _ in
            try connection.run("DELETE FROM login_failure WHERE at < ?", [.text(Timestamp.stored(horizon))], context: "failed logins")
            try connection.run("INSERT INTO login_failure (name, at) VALUES (?, ?)", [.text(name.trimmingSpaces()), .text(Timestamp.stored(date))],
                               context: "failed logins")
            return ((), nil)
        }
    }

    /// Forgets the failed logins for `name` (after a successful one).
    public func clearFailedLogins(name: String) throws {
        try change { connection, _ in
            try connection.run("DELETE FROM login_failure WHERE name = ?", [.text(name.trimmingSpaces())], context: "failed logins")
            return ((), nil)
        }
    }
}

extension Snapshot {
    /// The session whose id has this hex SHA-256, if it exists, has not expired at `date` and its
    /// account is not disabled; `nil` otherwise.
    public func session(idHash: String, at date: Date) throws -> AccountSession? {
        try connection.queryFirst("""
            SELECT a.name, a.role, a.pairing_id, a.disabled, a.created_at,
                   s.csrf_token, s.created_at AS session_created_at, s.last_seen_at, s.expires_at
            FROM session s JOIN account a ON a.name = s.account_name
            WHERE s.id_hash = ? AND s.expires_at > ? AND a.disabled = 0
            """, [.text(idHash), .text(Timestamp.stored(date))]) { row in
            AccountSession(account: try Repository.account(row), csrfToken: try row.text("csrf_token"),
                           createdAt: try Timestamp.date(try row.text("session_created_at"), column: "created_at"),
                           lastSeenAt: try Timestamp.date(try row.text("last_seen_at"), column: "last_seen_at"),
                           expiresAt: try Timestamp.date(try row.text("expires_at"), column: "expires_at"))
        }
    }

    /// When logins for `name` (trimmed; Latin letters in any case) failed since `date`, oldest first.
    public func failedLogins(name: String, since date: Date) throws -> [Date] {
        try connection.query("SELECT at FROM login_failure WHERE name = ? AND at >= ? ORDER BY at",
                             [.text(name.trimmingSpaces()), .text(Timestamp.stored(date))]) { try Timestamp.date(try $0.text("at"), column: "at") }
    }
}

extension Repository {
    /// Records a new session; see ``Transaction/createSession(_:)``.
    @discardableResult
    public func createSession(_ session: NewAccountSession) throws -> AccountSession {
        try write { try $0.createSession(session) }
    }

    /// Ends a session; see ``Transaction/deleteSession(idHash:)``.
    public func deleteSession(idHash: String) throws {
        try write { try $0.deleteSession(idHash: idHash) }
    }

    /// Records a session's use; see ``Transaction/touchSession(idHash:at:expiresAt:)``.
    public func touchSession(idHash: String, at date: Date, expiresAt: Date) throws {
        try write { try $0.touchSession(idHash: idHash, at: date, expiresAt: expiresAt) }
    }

    /// Records a failed login; see ``Transaction/recordFailedLogin(name:at:forgettingBefore:)``.
    public func recordFailedLogin(name: String, at date: Date, forgettingBefore horizon: Date) throws {
        try write { try $0.recordFailedLogin(name: name, at: date, forgettingBefore: horizon) }
    }

    /// Forgets a name's failed logins; see ``Transaction/clearFailedLogins(name:)``.
    public func clearFailedLogins(name: String) throws {
        try write { try $0.clearFailedLogins(name: name) }
    }

    /// A live session; see ``Snapshot/session(idHash:at:)``.
    public func session(idHash: String, at date: Date) throws -> AccountSession? {
        try read { try $0.session(idHash: idHash, at: date) }
    }

    /// A name's recent failed logins; see ``Snapshot/failedLogins(name:since:)``.
    public func failedLogins(name: String, since date: Date) throws -> [Date] {
        try read { try $0.failedLogins(name: name, since: date) }
    }
}
