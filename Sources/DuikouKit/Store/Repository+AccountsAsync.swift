#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif

/// The `async` twins of the account, session and failed-login methods, for the web workspace's
/// handlers: each runs its synchronous twin on the repository's own threads.
extension Repository {
    // MARK: Reading

    /// Every account; see ``Snapshot/accounts()``.
    public func accounts() async throws -> [Account] { try await read { try $0.accounts() } }

    /// The account with `name`; see ``Snapshot/account(named:)``.
    public func account(named name: String) async throws -> Account { try await read { try $0.account(named: name) } }

    /// The account and its password hash; see ``Snapshot/credential(named:)``.
    public func credential(named name: String) async throws -> AccountCredential? { try await read { try $0.credential(named: name) } }

    /// The account holding an API token; see ``Snapshot/account(tokenHash:)``.
    public func account(tokenHash: String) async throws -> Account? { try await read { try $0.account(tokenHash: tokenHash) } }

    /// A live session; see ``Snapshot/session(idHash:at:)``.
    public func session(idHash: String, at date: Date) async throws -> AccountSession? {
        try await read { try $0.session(idHash: idHash, at: date) }
    }

    /// A name's recent failed logins; see ``Snapshot/failedLogins(name:since:)``.
    public func failedLogins(name: String, since date: Date) async throws -> [Date] {
        try await read { try $0.failedLogins(name: name, since: date) }
    }

    // MARK: Writing

    /// Adds an account; see ``Transaction/addAccount(_:)``.
    @discardableResult
    public func addAccount(_ account: NewAccount) async throws -> Account { try await write { try $0.addAccount(account) } }

    /// Disables an account; see ``Transaction/disableAccount(named:)``.
    @discardableResult
    public func disableAccount(named name: String) async throws -> Account { try await write { try $0.disableAccount(named: name) } }

    /// Replaces an account's password hash; see ``Transaction/setPasswordHash(_:forAccount:)``.
    public func setPasswordHash(_ passwordHash: String, forAccount name: String) async throws {
        try await write { try $0.setPasswordHash(passwordHash, forAccount: name) }
    }

    /// Records an API token's hash; see ``Transaction/addToken(hash:forAccount:)``.
    public func addToken(hash tokenHash: String, forAccount name: String) async throws {
        try await write { try $0.addToken(hash: tokenHash, forAccount: name) }
    }

    /// Records a new session; see ``Transaction/createSession(_:)``.
    @discardableResult
    public func createSession(_ session: NewAccountSession) async throws -> AccountSession {
        try await write { try $0.createSession(session) }
    }

    /// Ends a session; see ``Transaction/deleteSession(idHash:)``.
    public func deleteSession(idHash: String) async throws { try await write { try $0.deleteSession(idHash: idHash) } }

    /// Records a session's use; see ``Transaction/touchSession(idHash:at:expiresAt:)``.
    public func touchSession(idHash: String, at date: Date, expiresAt: Date) async throws {
        try await write { try $0.touchSession(idHash: idHash, at: date, expiresAt: expiresAt) }
    }

    /// Records a failed login; see ``Transaction/recordFailedLogin(name:at:forgettingBefore:)``.
    public func recordFailedLogin(name: String, at date: Date, forgettingBefore horizon: Date) async throws {
        try await write { try $0.recordFailedLogin(name: name, at: date, forgettingBefore: horizon) }
    }

    /// Forgets a name's failed logins; see ``Transaction/clearFailedLogins(name:)``.
    public func clearFailedLogins(name: String) async throws { try await write { try $0.clearFailedLogins(name: name) } }
}
