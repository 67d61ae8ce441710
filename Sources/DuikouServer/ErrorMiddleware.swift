import DuikouKit
import Hummingbird
import Logging

/// Turns every error a route throws into the JSON error object `{"error": {"code", "message",
/// "field"}}` with the status DESIGN.md gives it; anything unexpected answers 500 with the request's
/// id and is logged, its details never sent. A failed read or write of the database file (a full
/// disk, an I/O error: code `io`) answers 503 with `Retry-After` and is logged too: SQLite rolled
/// the transaction back, so nothing of the request was written.
struct ErrorMiddleware: RouterMiddleware {
    typealias Context = WorkspaceContext

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        do {
            return try await next(request, context)
        } catch {
            return Self.response(for: error, context: context)
        }
    }

    /// The answer to `error`.
    static func response(for error: any Error, context: Context) -> Response {
        let refusal = refusal(for: error, requestID: context.id)
        if refusal.status == .internalServerError {
            context.logger.error("unexpected error", metadata: ["error": "\(String(reflecting: error))"])
        } else if let error = error as? DuikouError, error.code == .io {
            context.logger.error("database file error", metadata: ["error": "\(String(reflecting: error))"])
        }
        return refusal.response
    }

    /// What `error` answers: a library error by its code, a workspace refusal as it is,
    /// Hummingbird's own errors (no such route, body too large) by their status.
    static func refusal(for error: any Error, requestID: String) -> WorkspaceError {
        switch error {
        case let error as WorkspaceError:
            return error
        case let error as DuikouError:
            return refusal(for: error, requestID: requestID)
        case let error as any HTTPResponseError:
            return WorkspaceError(status: error.status, code: code(of: error.status), message: error.status.reasonPhrase.lowercased())
        default:
            return unexpected(requestID)
        }
    }

    private static func refusal(for error: DuikouError, requestID: String) -> WorkspaceError {
        let status: HTTPResponse.Status
        var retryAfterSeconds: Int?
        switch error.code {
        case .invalidInput, .constraint: status = .badRequest
        case .notFound: status = .notFound
        case .busy: status = .conflict
        case .readOnly, .cancelled: status = .serviceUnavailable
        case .io: (status, retryAfterSeconds) = (.serviceUnavailable, ioRetryAfterSeconds)
        default: return unexpected(requestID)
        }
        return WorkspaceError(status: status, code: error.code.description, message: error.message,
                              field: error.field.map { libraryFieldKeys[$0] ?? $0 }, retryAfterSeconds: retryAfterSeconds)
    }

    /// How long a client is asked to wait after the database file could not be written (a full disk
    /// is not freed in a second, but may be by an operator in minutes).
    static let ioRetryAfterSeconds = 30

    /// The library's names for the fields whose JSON keys or query parameters differ (the model's
    /// `completed`, the API's `completed_investment_yuan`; search's `search text`, the API's `q`),
    /// so that `field` is always the name the client sent.
    private static let libraryFieldKeys = ["completed": "completed_investment_yuan", "planned": "planned_investment_yuan", "search text": "q"]

    private static func unexpected(_ requestID: String) -> WorkspaceError {
        WorkspaceError(status: .internalServerError, code: "internal",
                       message: "an unexpected error; the server's log has it under request id \(requestID)")
    }

    private static func code(of status: HTTPResponse.Status) -> String {
        switch status {
        case .notFound: "not-found"
        case .methodNotAllowed: "method-not-allowed"
        case .contentTooLarge: "body-too-large"
        case .badRequest: "invalid-input"
        case .unauthorized: "unauthorized"
        case .forbidden: "forbidden"
        case .tooManyRequests: "too-many-requests"
        default: "http-\(status.code)"
        }
    }
}

/// The JSON error object of every refusal.
enum ErrorObject {
    static func json(_ refusal: WorkspaceError) -> JSONValue {
        .object([("error", .object([("code", .string(refusal.code)), ("message", .string(refusal.message)),
                                   ("field", refusal.field.map(JSONValue.string) ?? .null)]))])
    }
}

extension WorkspaceError: HTTPResponseError {
    /// The JSON error object with its status; `WWW-Authenticate` with a 401, `Retry-After` with a
    /// 409 (one second), a 429, or a 503 for a database file that could not be written.
    public func response(from request: Request, context: some RequestContext) throws -> Response { response }

    var response: Response {
        var headers = HTTPFields()
        if status == .conflict { headers[.retryAfter] = "1" }
        if status == .unauthorized { headers[.wwwAuthenticate] = "Bearer realm=\"duikou\"" }
        if let retryAfterSeconds { headers[.retryAfter] = String(retryAfterSeconds) }
        return JSONResponse.make(ErrorObject.json(self), status: status, headers: headers)
    }
}
