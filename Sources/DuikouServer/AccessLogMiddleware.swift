import HTTPTypes
import Hummingbird
import HummingbirdCore
import Logging
import Synchronization

/// One line per request through swift-log: method, path (query parameter names, never their
/// values), status, duration, the account's name and the request's id. Bodies, cookies, tokens
/// and passwords are never logged.
struct AccessLogMiddleware: RouterMiddleware {
    typealias Context = WorkspaceContext

    let logger: Logger

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        let started = ContinuousClock.now
        let note = AccessLogNote()
        do {
            let response = try await AccessLogNote.$current.withValue(note) { try await next(request, context) }
            log(request, status: Int(response.status.code), since: started, note: note, context: context)
            return response
        } catch {
            log(request, status: nil, since: started, note: note, context: context)
            throw error
        }
    }

    private func log(_ request: Request, status: Int?, since started: ContinuousClock.Instant, note: AccessLogNote, context: Context) {
        let elapsed = ContinuousClock.now - started
        let milliseconds = Double(elapsed.components.seconds) * 1000 + Double(elapsed.components.attoseconds) / 1e15
        logger.info("request", metadata: [
            "method": .string(request.method.rawValue),
            "path": .string(Self.loggedPath(request.uri)),
            "status": status.map { .stringConvertible($0) } ?? "failed",
            "duration_ms": .string(String(format3: milliseconds)),
            "account": note.accountName.map { .string($0) } ?? "-",
            "request_id": .string(context.id),
        ])
    }

    /// The path with the names of its query parameters and none of their values:
    /// `/api/v1/projects?pairing=&q=`.
    static func loggedPath(_ uri: URI) -> String {
        let names = uri.queryParameters.map { String($0.key) }
        return names.isEmpty ? uri.path : uri.path + "?" + names.map { $0 + "=" }.joined(separator: "&")
    }
}

/// What the access log learns from inside the route: who was asking, once authentication has
/// recognised them.
final class AccessLogNote: Sendable {
    @TaskLocal static var current: AccessLogNote?

    private let name = Mutex<String?>(nil)

    var accountName: String? { name.withLock { $0 } }

    func record(accountName: String?) { name.withLock { $0 = accountName } }
}

/// Notes the account for the access log; placed after authentication.
struct AccountLogMiddleware: RouterMiddleware {
    typealias Context = WorkspaceContext

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        AccessLogNote.current?.record(accountName: context.account?.name)
        return try await next(request, context)
    }
}

extension String {
    /// A number with three decimals, without Foundation's formatting.
    init(format3 value: Double) {
        let thousandths = Int64((value * 1000).rounded())
        let fraction = String(thousandths % 1000)
        self = "\(thousandths / 1000)." + String(repeating: "0", count: 3 - fraction.count) + fraction
    }
}
