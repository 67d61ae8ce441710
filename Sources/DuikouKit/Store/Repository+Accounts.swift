#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif

// Accounts of the web workspace and their API tokens. Secrets never reach the library: it stores
// what the server derived from them (a password hash, the SHA-256 of a token) and never puts even
// those in an error message or the audit log.

extension Transaction {
    /// Adds an account of the web workspace.
    ///
    /// - Returns: the account as recorded, its name trimmed and its pairing as an id.
    /// - Throws: ``DuikouError/Code/invalidInput`` for a bad name (see ``Account/checkedName(_:)``),
    ///   an empty password hash, a reporter without a pairing or another role with one (field
    ///   `pairing`); ``DuikouError/Code/notFound`` for an unknown pairing (field `pairing`);
    ///   ``DuikouError/Code/constraint`` when an account has that name already, Latin letters in any
    ///   case (field `name`).
    @discardableResult
    public func addAccount(_ account: NewAccount) throws -> Account {
        let name = try Account.checkedName(account.name)
        try Repository.checkPasswordHash(account.passwordHash, account: name)
        let pairingText = account.pairing.map { $0.trimmingSpaces() }.flatMap { $0.isEmpty ? nil : $0 }
        return try change { connection, now in
            var pairing: String?
            switch (account.role, pairingText) {
            case (.reporter, nil):
                throw DuikouError(.invalidInput, "account \(DuikouError.quoted(name)): a reporter needs a pairing", field: "pairing", recordID: name)
            case (.reporter, let text?):
                pairing = try Repository.loadCatalogue(connection).pairing(named: text).id
            case (_, let text?):
                throw DuikouError(.invalidInput, "account \(DuikouError.quoted(name)): pairing \(DuikouError.quoted(text)) given to \(account.role.rawValue); only a reporter is bound to a pairing",
                                  field: "pairing", recordID: name)
            case (_, nil):
                pairing = nil
            }
            if let taken = try connection.queryFirst("SELECT name FROM account WHERE name = ?", [.text(name)], { try $0.text("name") }) {
                throw DuikouError(.constraint, "name: account \(DuikouError.quoted(taken)) already exists", field: "name", recordID: taken)
            }
            try connection.run("""
                INSERT INTO account (name, role, pairing_id, password_hash, disabled, created_at) VALUES (?, ?, ?, ?, 0, ?)
                """, [.text(name), .text(account.role.rawValue), .optional(pairing), .text(account.passwordHash), .text(now)],
                context: "account \(DuikouError.quoted(name))")
            let added = Account(name: name, role: account.role, pairing: pairing, createdAt: now)
            return (added, AuditNote(.add, "account", name, "\(name), \(account.role.rawValue)\(pairing.map { " of \($0)" } ?? "")"))
        }
    }

    /// Disables an account: its sessions end at once, and neither its password nor its API tokens
    /// are accepted any more. Disabling a disabled account changes nothing.
    ///
    /// - Returns: the account, disabled.
    /// - Throws: ``DuikouError/Code/notFound`` for an unknown name (field `name`).
    @discardableResult
    public func disableAccount(named name: String) throws -> Account {
        let account = try self.account(named: name)
        guard !account.disabled else { return account }
        return try change { connection, _ in
            try connection.run("UPDATE account SET disabled = 1 WHERE name = ?", [.text(account.name)], context: "account \(DuikouError.quoted(account.name))")
            try Repository.endSessions(ofAccount: account.name, in: connection)
            let disabled = Account(name: account.name, role: account.role, pairing: account.pairing, disabled: true, createdAt: account.createdAt)
            return (disabled, AuditNote(.update, "account", account.name, "\(account.name) disabled"))
        }
    }

    /// Replaces an account's password hash and ends every session of the account, so that whoever
    /// knew the old password is signed out.
    ///
    /// - Throws: ``DuikouError/Code/notFound`` for an unknown name (field `name`);
    ///   ``DuikouError/Code/invalidInput`` for an empty hash.
    public func setPasswordHash(_ passwordHash: String, forAccount name: String) throws {
        let account = try self.account(named: name)
        try Repository.checkPasswordHash(passwordHash, account: account.name)
        try change { connection, _ in
            try connection.run("UPDATE account SET password_hash = ? WHERE name = ?", [.text(passwordHash), .text(account.name)],
                               context: "account \(DuikouError.quoted(account.name))")
            try Repository.endSessions(ofAccount: account.name, in: connection)
            return ((), AuditNote(.update, "account", account.name, "\(account.name): new password"))
        }
    }

    /// Records an API token of an account by the hex SHA-256 of the token (the token itself is
    /// never stored).
    ///
    /// - Throws: ``DuikouError/Code/notFound`` for an unknown name (field `name`);
    ///   ``DuikouError/Code/invalidInput`` for a hash that is not 64 lowercase hex digits (field
    ///   `token_hash`) or a disabled account (field `name`); ``DuikouError/Code/constraint`` for a
    ///   hash recorded already.
    public func addToken(hash tokenHash: String, forAccount name: String) throws {
        let account = try self.account(named: name)
        try Repository.checkSHA256(tokenHash, field: "token_hash")
        guard !account.disabled else {
            throw DuikouError(.invalidInput, "name: account \(DuikouError.quoted(account.name)) is disabled; it gets no API token", field: "name", recordID: account.name)
        }
        try change { connection, now in
            if try connection.exists("SELECT 1 FROM api_token WHERE token_hash = ?", [.text(tokenHash)]) {
                throw DuikouError(.constraint, "account \(DuikouError.quoted(account.name)): this API token is recorded already", field: "token_hash")
            }
            try connection.run("INSERT INTO api_token (token_hash, account_name, created_at) VALUES (?, ?, ?)",
                               [.text(tokenHash), .text(account.name), .text(now)], context: "account \(DuikouError.quoted(account.name)): API token")
            return ((), AuditNote(.add, "account", account.name, "\(account.name): API token created"))
        }
    }
}

extension Snapshot {
    /// Every account of the web workspace, by name.
    public func accounts() throws -> [Account] {
        try connection.query("\(Repository.accountColumns) ORDER BY name", [], Repository.account)
    }

    /// The account with `name` (trimmed; Latin letters in any case).
    ///
    /// - Throws: ``DuikouError/Code/notFound`` (field `name`) when there is none.
    public func account(named name: String) throws -> Account {
        let trimmed = name.trimmingSpaces()
        guard let account = try connection.queryFirst("\(Repository.accountColumns) WHERE name = ?", [.text(trimmed)], Repository.account) else {
            throw DuikouError(.notFound, "name: account \(DuikouError.quoted(trimmed)) does not exist", field: "name", recordID: trimmed)
        }
        return account
    }

    /// The account with `name` and its stored password hash, to check a password at login; `nil`
    /// when there is no such account. A disabled account is returned too: the caller refuses it
    /// after spending the same time on the password.
    public func credential(named name: String) throws -> AccountCredential? {
        try connection.queryFirst("""
            SELECT name, role, pairing_id, disabled, created_at, password_hash FROM account WHERE name = ?
            """, [.text(name.trimmingSpaces())]) { row in
            AccountCredential(account: try Repository.account(row), passwordHash: try row.text("password_hash"))
        }
    }

    /// The account that holds the API token with this hex SHA-256; `nil` when no token has it or
    /// its account is disabled.
    public func account(tokenHash: String) throws -> Account? {
        try connection.queryFirst("""
            SELECT a.name, a.role, a.pairing_id, a.disabled, a.created_at
            FROM api_token t JOIN account a ON a.name = t.account_name
            WHERE t.token_hash = ? AND a.disabled = 0
            """, [.text(tokenHash)], Repository.account)
    }
}

extension Repository {
    /// Adds an account; see ``Transaction/addAccount(_:)``.
    @discardableResult
    public func addAccount(_ account: NewAccount) throws -> Account {
        try write { try $0.addAccount(account) }
    }

    /// Disables an account; see ``Transaction/disableAccount(named:)``.
    @discardableResult
    public func disableAccount(named name: String) throws -> Account {
        try write { try $0.disableAccount(named: name) }
    }

    /// Replaces an account's password hash; see ``Transaction/setPasswordHash(_:forAccount:)``.
    public func setPasswordHash(_ passwordHash: String, forAccount name: String) throws {
        try write { try $0.setPasswordHash(passwordHash, forAccount: name) }
    }

    /// Records an API token's hash; see ``Transaction/addToken(hash:forAccount:)``.
    public func addToken(hash tokenHash: String, forAccount name: String) throws {
        try write { try $0.addToken(hash: tokenHash, forAccount: name) }
    }

    /// Every account; see ``Snapshot/accounts()``.
    public func accounts() throws -> [Account] {
        try read { try $0.accounts() }
    }

    /// The account with `name`; see ``Snapshot/account(named:)``.
    public func account(named name: String) throws -> Account {
        try read { try $0.account(named: name) }
    }

    /// The account and its password hash; see ``Snapshot/credential(named:)``.
    public func credential(named name: String) throws -> AccountCredential? {
        try read { try $0.credential(named: name) }
    }

    /// The account holding an API token; see ``Snapshot/account(tokenHash:)``.
    public func account(tokenHash: String) throws -> Account? {
        try read { try $0.account(tokenHash: tokenHash) }
    }

    /// The columns ``account(_:)`` reads.
    static let accountColumns = "SELECT name, role, pairing_id, disabled, created_at FROM account"

    /// An account from a row of ``accountColumns``.
    static func account(_ row: Row) throws -> Account {
        Account(name: try row.text("name"), role: try row.keyword("role"), pairing: try row.optionalText("pairing_id"),
                disabled: try row.bool("disabled"), createdAt: try row.text("created_at"))
    }

    /// Deletes every session of an account.
    static func endSessions(ofAccount name: String, in connection: SQLiteConnection) throws {
        try connection.run("DELETE FROM session WHERE account_name = ?", [.text(name)], context: "account \(DuikouError.quoted(name)): sessions")
    }

    static func checkPasswordHash(_ hash: String, account name: String) throws {
        guard !hash.isEmpty else {
            throw DuikouError(.invalidInput, "account \(DuikouError.quoted(name)): the password hash is empty", field: "password_hash", recordID: name)
        }
    }

    /// Refuses anything but 64 lowercase hex digits, without echoing the value.
    static func checkSHA256(_ hash: String, field: String) throws {
        let hex = hash.utf8.allSatisfy { (UInt8(ascii: "0")...UInt8(ascii: "9")).contains($0) || (UInt8(ascii: "a")...UInt8(ascii: "f")).contains($0) }
        guard hash.utf8.count == 64, hex else {
            throw DuikouError(.invalidInput, "\(field): not a SHA-256 in hex (64 lowercase hex digits)", field: field)
        }
    }
}
