/// How the web workspace listens and what it limits.
public struct WorkspaceConfiguration: Sendable, Hashable {
    /// The address to bind, such as `127.0.0.1` (the default: only this machine, behind a proxy).
    public var host: String
    /// The port to listen on; 0 lets the system choose a free one (see ``Workspace/application(onServerRunning:)``).
    public var port: Int
    /// Whether browsers reach the server over HTTPS through a TLS-terminating proxy (nginx): responses
    /// then carry `Strict-Transport-Security`, and session cookies are marked `Secure`.
    public var behindTLSProxy: Bool
    /// The limits on requests and connections.
    public var limits: WorkspaceLimits
    /// The `Content-Security-Policy` of every response.
    public var contentSecurityPolicy: String

    /// The default policy: everything from the server itself, no inline or foreign scripts, no
    /// plugins, no framing (`frame-ancestors 'none'`), forms posting only to the server. Inline
    /// styles are allowed, as the self-contained HTML report has them.
    public static let defaultContentSecurityPolicy =
        "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; "
        + "object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'"

    /// Creates a configuration; by default the server listens on 127.0.0.1:8080, without TLS, with
    /// the default limits.
    public init(host: String = "127.0.0.1", port: Int = 8080, behindTLSProxy: Bool = false, limits: WorkspaceLimits = WorkspaceLimits(),
                contentSecurityPolicy: String = WorkspaceConfiguration.defaultContentSecurityPolicy) {
        self.host = host
        self.port = port
        self.behindTLSProxy = behindTLSProxy
        self.limits = limits
        self.contentSecurityPolicy = contentSecurityPolicy
    }
}

/// The limits the server itself enforces; a reverse proxy (nginx) adds rates, a total request
/// deadline and TLS (see the README's section on running the server).
public struct WorkspaceLimits: Sendable, Hashable {
    /// The largest request body read, in bytes; a larger one answers 413. Default 1 MiB.
    public var maxBodyBytes: Int
    /// The largest single header field (name and value), in bytes; a larger one closes the connection.
    public var maxHeaderFieldBytes: Int
    /// The largest header section of a request, in bytes.
    public var maxHeaderListBytes: Int
    /// The most header fields a request may have.
    public var maxHeaderFields: Int
    /// The most connections open at once; further ones wait in the listen backlog until one closes.
    public var maxConnections: Int
    /// The length of the queue of connections waiting to be accepted.
    public var backlog: Int
    /// How long a connection may stay silent, between requests or while a request's head or body
    /// is being read, before it is closed.
    public var idleTimeout: Duration

    /// Creates limits; the defaults suit one server on two cores behind nginx.
    public init(maxBodyBytes: Int = 1 << 20, maxHeaderFieldBytes: Int = 16 << 10, maxHeaderListBytes: Int = 32 << 10, maxHeaderFields: Int = 100,
                maxConnections: Int = 512, backlog: Int = 256, idleTimeout: Duration = .seconds(30)) {
        self.maxBodyBytes = maxBodyBytes
        self.maxHeaderFieldBytes = maxHeaderFieldBytes
        self.maxHeaderListBytes = maxHeaderListBytes
        self.maxHeaderFields = maxHeaderFields
        self.maxConnections = maxConnections
        self.backlog = backlog
        self.idleTimeout = idleTimeout
    }
}
