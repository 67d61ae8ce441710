import Foundation

/// How the web workspace signs people in: cookies, session lifetimes, the lock-out after failed
/// logins, the password hasher, and the clock (which tests set).
public struct AuthenticationConfiguration: Sendable {
    /// Whether the session cookie carries `Secure`: set it when the workspace is served over TLS
    /// or behind a proxy that terminates TLS.
    public var secureCookies: Bool
    /// How long a session lives without being used: each use moves its end on. Two hours by default.
    public var idleTimeout: Duration
    /// How long a session lives at most, however it is used: the cookie's `Max-Age`. Twelve hours
    /// by default.
    public var sessionLifetime: Duration
    /// How many failed logins for one name within ``lockoutWindow`` lock the name out. Five by default.
    public var lockoutThreshold: Int
    /// The window in which failed logins are counted. Fifteen minutes by default.
    public var lockoutWindow: Duration
    /// How long a locked-out name answers 429, from the failure that locked it. Fifteen minutes by default.
    public var lockoutDuration: Duration
    /// A session's use is recorded at most this often (each record is a write). One minute by default.
    public var touchInterval: Duration
    /// The largest form body read to find a form's `csrf_token` field. 1 MiB by default.
    public var maximumFormBytes: Int
    /// Hashes and checks passwords.
    public var passwordHasher: PasswordHasher
    /// The current time.
    public var clock: @Sendable () -> Date

    /// Creates a configuration; every value has the default said above.
    public init(secureCookies: Bool = false, idleTimeout: Duration = .seconds(2 * 3600), sessionLifetime: Duration = .seconds(12 * 3600),
                lockoutThreshold: Int = 5, lockoutWindow: Duration = .seconds(15 * 60), lockoutDuration: Duration = .seconds(15 * 60),
                touchInterval: Duration = .seconds(60), maximumFormBytes: Int = 1 << 20,
                passwordHasher: PasswordHasher = PasswordHasher(), clock: @escaping @Sendable () -> Date = { Date() }) {
        self.secureCookies = secureCookies
        self.idleTimeout = idleTimeout
        self.sessionLifetime = sessionLifetime
        self.lockoutThreshold = lockoutThreshold
        self.lockoutWindow = lockoutWindow
        self.lockoutDuration = lockoutDuration
        self.touchInterval = touchInterval
        self.maximumFormBytes = maximumFormBytes
        self.passwordHasher = passwordHasher
        self.clock = clock
    }
}

extension Duration {
    /// The duration in seconds, as a `TimeInterval`.
    var timeInterval: TimeInterval {
        let parts = components
        return TimeInterval(parts.seconds) + TimeInterval(parts.attoseconds) / 1e18
    }
}
