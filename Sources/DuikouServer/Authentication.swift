public import DuikouKit
public import Hummingbird
public import HTTPTypes
import Dispatch
import Foundation
import Synchronization

/// Signs people in to the web workspace: checks passwords, API tokens and session cookies against
/// the repository, creates and ends sessions, and locks a name out after failed logins.
///
/// Install it in a router with two calls:
///
/// ```swift
/// let authentication = Authentication(repository: repository,
///                                     configuration: AuthenticationConfiguration(secureCookies: behindTLS))
/// let router = Router(context: WorkspaceContext.self)
/// router.add(middleware: authentication.middleware)     // sets context.account; CSRF on unsafe requests
/// authentication.addSessionRoutes(to: router.group("api/v1"))   // POST, GET, DELETE /api/v1/session
/// ```
///
/// Handlers then call `try context.requireAccount()` (401 when nobody is signed in).
public struct Authentication: Sendable {
    /// The name of the session cookie.
    public static let cookieName = "duikou_session"
    /// The header an unsafe request made with a session must carry its CSRF token in.
    public static let csrfHeader = HTTPField.Name("X-CSRF-Token")!
    /// The field of an HTML form (`application/x-www-form-urlencoded`) that carries the CSRF token
    /// when the header does not.
    public static let csrfFormField = "csrf_token"

    /// The database of accounts and sessions.
    public let repository: Repository
    /// Cookies, lifetimes, lock-out, hasher and clock.
    public let configuration: AuthenticationConfiguration
    private let lanes: KeyDerivationLanes

    /// Creates the authentication of a workspace over `repository`.
    public init(repository: Repository, configuration: AuthenticationConfiguration = AuthenticationConfiguration()) {
        self.repository = repository
        self.configuration = configuration
        lanes = KeyDerivationLanes(count: max(1, min(ProcessInfo.processInfo.activeProcessorCount, 4)))
    }

    /// The middleware that recognises the user of each request; see ``AuthenticationMiddleware``.
    public var middleware: AuthenticationMiddleware { AuthenticationMiddleware(self) }

    /// What a login answers.
    public enum LoginOutcome: Sendable {
        /// Signed in: the new session's id (for the cookie only) and the session.
        case signedIn(sessionID: String, session: AccountSession)
        /// Wrong name or password, or a disabled account: the same answer for each.
        case refused
        /// Too many failed logins for this name: try again after the date.
        case lockedOut(until: Date)
    }

    /// Checks `password` for `name` and, when it is right, creates a new session (a new random id
    /// every time, so that an id planted before the login is worth nothing) and ends `previousSessionID`.
    ///
    /// Unknown names cost the same time as known ones, and every failure, for a known name or not,
    /// counts towards the name's lock-out; a locked-out name is refused before its password is checked.
    public func logIn(name: String, password: String, previousSessionID: String? = nil) async throws -> LoginOutcome {
        let name = name.trimmingCharacters(in: .whitespacesAndNewlines)
        let now = configuration.clock()
        let failures = try await repository.failedLogins(name: name, since: now.addingTimeInterval(-forgetAfter))
        if let until = lockedUntil(failures: failures, at: now) { return .lockedOut(until: until) }
        let credential = try await repository.credential(named: name)
        let hasher = configuration.passwordHasher
        let passwordIsRight = await lanes.run {
            guard let credential else {
                hasher.spendTime()
                return false
            }
            return hasher.verify(password, against: credential.passwordHash)
        }
        guard passwordIsRight, let account = credential?.account, !account.disabled else {
            try await repository.recordFailedLogin(name: name, at: now, forgettingBefore: now.addingTimeInterval(-forgetAfter))
            return .refused
        }
        try await repository.clearFailedLogins(name: account.name)
        if let previousSessionID { try await repository.deleteSession(idHash: SecretToken.hash(previousSessionID)) }
        let sessionID = SecretToken.generate()
        let session = try await repository.createSession(NewAccountSession(
            idHash: SecretToken.hash(sessionID), account: account.name, csrfToken: SecretToken.generate(), createdAt: now,
            expiresAt: min(now.addingTimeInterval(configuration.idleTimeout.timeInterval),
                           now.addingTimeInterval(configuration.sessionLifetime.timeInterval))))
        return .signedIn(sessionID: sessionID, session: session)
    }

    /// Ends the session whose id the cookie holds; an unknown id changes nothing.
    public func logOut(sessionID: String) async throws {
        try await repository.deleteSession(idHash: SecretToken.hash(sessionID))
    }

    /// The account holding API token `token`; `nil` for an unknown token or a disabled account.
    public func account(bearer token: String) async throws -> Account? {
        try await repository.account(tokenHash: SecretToken.hash(token))
    }

    /// The live session whose id is `sessionID`, recording its use (at most once per
    /// ``AuthenticationConfiguration/touchInterval``); `nil` when it is unknown, expired or its
    /// account disabled.
    ///
    /// When the use cannot be recorded because the database cannot be written at the moment (a
    /// full disk, a read-only file, a lock held too long), the session is still returned: a read
    /// goes on, and the session's end is only not moved this time.
    public func session(id sessionID: String) async throws -> AccountSession? {
        let now = configuration.clock()
        let idHash = SecretToken.hash(sessionID)
        guard let session = try await repository.session(idHash: idHash, at: now) else { return nil }
        if now.timeIntervalSince(session.lastSeenAt) >= configuration.touchInterval.timeInterval {
            let end = min(now.addingTimeInterval(configuration.idleTimeout.timeInterval),
                          session.createdAt.addingTimeInterval(configuration.sessionLifetime.timeInterval))
            do {
                try await repository.touchSession(idHash: idHash, at: now, expiresAt: end)
            } catch let error as DuikouError where [.io, .readOnly, .busy].contains(error.code) {
                return session
            }
        }
        return session
    }

    /// The session cookie for a new session: HttpOnly, SameSite=Strict, Path=/, `Max-Age` of the
    /// session's lifetime, and `Secure` when ``AuthenticationConfiguration/secureCookies`` says so.
    public func sessionCookie(_ sessionID: String) -> Cookie {
        Cookie(name: Self.cookieName, value: sessionID, maxAge: Int(configuration.sessionLifetime.timeInterval), path: "/",
               secure: configuration.secureCookies, httpOnly: true, sameSite: .strict)
    }

    /// The cookie that clears the session cookie in the browser.
    public func clearedSessionCookie() -> Cookie {
        Cookie(name: Self.cookieName, value: "", maxAge: 0, path: "/", secure: configuration.secureCookies, httpOnly: true, sameSite: .strict)
    }

    /// How far back failures matter: a lock-out can start at most a window before it ends.
    private var forgetAfter: TimeInterval {
        configuration.lockoutWindow.timeInterval + configuration.lockoutDuration.timeInterval
    }

    /// When the lock-out of a name with these failures (oldest first) ends, if it is locked at `now`:
    /// a run of ``AuthenticationConfiguration/lockoutThreshold`` failures within the window locks
    /// the name for ``AuthenticationConfiguration/lockoutDuration`` from the last of them.
    func lockedUntil(failures: [Date], at now: Date) -> Date? {
        let threshold = max(1, configuration.lockoutThreshold)
        guard failures.count >= threshold else { return nil }
        var until: Date?
        for last in (threshold - 1)..<failures.count {
            let first = failures[last - threshold + 1]
            if failures[last].timeIntervalSince(first) <= configuration.lockoutWindow.timeInterval {
                let end = failures[last].addingTimeInterval(configuration.lockoutDuration.timeInterval)
                until = max(until ?? end, end)
            }
        }
        return until.flatMap { $0 > now ? $0 : nil }
    }
}

/// A few serial queues on which password hashes run, so that a login's tenth of a second of scrypt
/// never blocks Swift's cooperative threads, and so that at most one hash per queue (32 MiB each)
/// runs at a time however many logins arrive.
final class KeyDerivationLanes: Sendable {
    private let queues: [DispatchQueue]
    private let next = Mutex(0)

    init(count: Int) {
        queues = (0..<count).map { DispatchQueue(label: "duikou.password-hashing.\($0)") }
    }

    func run<T: Sendable>(_ work: @escaping @Sendable () -> T) async -> T {
        let queue = queues[next.withLock { index in
            defer { index = (index + 1) % queues.count }
            return index
        }]
        return await withCheckedContinuation { continuation in
            queue.async { continuation.resume(returning: work()) }
        }
    }
}
