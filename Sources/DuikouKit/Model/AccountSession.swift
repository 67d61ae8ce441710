#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif

/// A signed-in session of the web workspace, as stored: whose it is, its CSRF token and its times.
///
/// The session's id itself is never stored, only a hash of it (see
/// ``Transaction/createSession(_:)``); the CSRF token is kept as it is, for the pages to carry.
public struct AccountSession: Sendable, Hashable {
    /// The user signed in.
    public let account: Account
    /// The token an unsafe request made with this session must carry.
    public let csrfToken: String
    /// When the session was created (at login).
    public let createdAt: Date
    /// When it was last used, as recorded (recording is coarse: see ``Transaction/touchSession(idHash:at:expiresAt:)``).
    public let lastSeenAt: Date
    /// When it ends unless it is used again.
    public let expiresAt: Date
}

/// A new session to record at login; see ``Transaction/createSession(_:)``.
public struct NewAccountSession: Sendable, Hashable {
    /// The hex SHA-256 of the session id the user's cookie holds (64 lowercase hex digits).
    public var idHash: String
    /// The account signing in.
    public var account: String
    /// The CSRF token of the session.
    public var csrfToken: String
    /// When the session starts.
    public var createdAt: Date
    /// When it ends unless used again; after ``createdAt``.
    public var expiresAt: Date

    /// Creates a new session's description.
    public init(idHash: String, account: String, csrfToken: String, createdAt: Date, expiresAt: Date) {
        self.idHash = idHash
        self.account = account
        self.csrfToken = csrfToken
        self.createdAt = createdAt
        self.expiresAt = expiresAt
    }
}

/// An account to add; see ``Transaction/addAccount(_:)``.
public struct NewAccount: Sendable, Hashable {
    /// The name the user logs in with; checked by ``Account/checkedName(_:)``.
    public var name: String
    /// What the user may do.
    public var role: AccountRole
    /// A reporter's pairing (any name of it); none for the other roles.
    public var pairing: String?
    /// The password as the server's key derivation stored it: an opaque, self-describing string.
    /// Never the password itself.
    public var passwordHash: String

    /// Creates a new account's description.
    public init(name: String, role: AccountRole, pairing: String? = nil, passwordHash: String) {
        self.name = name
        self.role = role
        self.pairing = pairing
        self.passwordHash = passwordHash
    }
}

/// An account with its stored password hash, for checking a password at login.
public struct AccountCredential: Sendable, Hashable {
    /// The account.
    public let account: Account
    /// The stored password hash (opaque to the library).
    public let passwordHash: String
}
