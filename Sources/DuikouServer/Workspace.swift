public import DuikouKit
public import Hummingbird
public import Logging
import HummingbirdCore
import NIOCore

/// The web workspace over one repository: the router with its middleware and routes, and the
/// Hummingbird application that serves it.
///
/// ```swift
/// let workspace = Workspace(repository: try Repository(path: "duikou.sqlite"),
///                           configuration: WorkspaceConfiguration(port: 8080))
/// try await workspace.application().runService()
/// ```
///
/// Every response passes, outermost first, through the access log, the security headers and the
/// error middleware (every error becomes the JSON error object); then ``authentication``'s
/// middleware, which sets ``WorkspaceContext/account`` from a bearer token or the session cookie
/// and checks CSRF tokens; then the routes: `GET /healthz`, the session routes and the JSON API
/// under `/api/v1`, whose routes all need an account except its OpenAPI document, and the pages
/// (see ``addPageRoutes(to:repository:)``) with their sign-in and sign-out forms.
public struct Workspace: Sendable {
    /// The database the workspace serves.
    public let repository: Repository
    /// How it listens and what it limits.
    public let configuration: WorkspaceConfiguration
    /// Where the access log and the errors go.
    public let logger: Logger
    /// Who is asking: bearer tokens, sessions, CSRF tokens and sign-in.
    public let authentication: Authentication

    /// Creates a workspace; nothing listens until ``application(onServerRunning:)`` runs. Without
    /// an `authentication` configuration, the defaults, with Secure cookies when the configuration
    /// says the server is behind a TLS proxy.
    public init(repository: Repository, configuration: WorkspaceConfiguration = WorkspaceConfiguration(),
                authentication: AuthenticationConfiguration? = nil, logger: Logger = Logger(label: "duikou.server")) {
        self.repository = repository
        self.configuration = configuration
        self.logger = logger
        self.authentication = Authentication(
            repository: repository, configuration: authentication ?? AuthenticationConfiguration(secureCookies: configuration.behindTLSProxy))
    }

    /// The router with the workspace's middleware and routes.
    public func router() -> Router<WorkspaceContext> {
        let router = Router(context: WorkspaceContext.self)
        router.add(middleware: AccessLogMiddleware(logger: logger))
        router.add(middleware: SecurityHeadersMiddleware(configuration: configuration))
        router.add(middleware: ErrorMiddleware())
        router.add(middleware: authentication.middleware)
        router.add(middleware: AccountLogMiddleware())
        HealthRoute(repository: repository).register(on: router)
        authentication.addSessionRoutes(to: router.group(RouterPath(JSONAPI.prefix)))
        let cache = ReadCache()
        JSONAPI(repository: repository, configuration: configuration, cache: cache).register(on: router)
        authentication.addPageSignIn(to: router)
        addPageRoutes(to: router, repository: repository, cache: cache)
        return router
    }

    /// The application serving ``router()`` on the configured host and port, with
    /// the configured limits. `onServerRunning` is called once it listens, with the port it got
    /// (the one the system chose when the configured port is 0). Run it with `runService()`: it
    /// serves until SIGINT or SIGTERM, then stops accepting and finishes the requests in flight.
    public func application(
        onServerRunning: @escaping @Sendable (_ port: Int) async -> Void = { _ in }
    ) -> some ApplicationProtocol {
        let limits = configuration.limits
        // Hummingbird's own lines (its start-up line among them) only from notice up: the access
        // log and the caller's line when listening say it all.
        var serverLogger = logger
        serverLogger.logLevel = max(logger.logLevel, .notice)
        let channel = HTTP1Channel.Configuration(
            idleTimeout: TimeAmount(limits.idleTimeout),
            httpDecoderConfiguration: .init(maxHeaderFieldSize: limits.maxHeaderFieldBytes, maxHeaderListSize: limits.maxHeaderListBytes,
                                            maxHeaderFieldCount: limits.maxHeaderFields))
        return Application(
            router: router(),
            server: .http1(configuration: channel),
            configuration: ApplicationConfiguration(
                address: .hostname(configuration.host, port: configuration.port), serverName: nil, backlog: limits.backlog,
                reuseAddress: true, availableConnectionsDelegate: MaximumAvailableConnections(limits.maxConnections, logger: logger)),
            onServerRunning: { channel in await onServerRunning(channel.localAddress?.port ?? 0) },
            logger: serverLogger)
    }
}
