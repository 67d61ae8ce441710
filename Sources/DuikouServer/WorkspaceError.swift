public import HTTPTypes

/// A refusal of the web workspace that is not the library's: no account (401), a role that may not
/// do this (403), a body too large (413), too many attempts (429). It answers as the JSON error
/// object, as a ``DuikouKit/DuikouError`` does.
public struct WorkspaceError: Error, Sendable, Hashable {
    /// The HTTP status of the answer.
    public var status: HTTPResponse.Status
    /// The stable code of the error object, such as `unauthorized`.
    public var code: String
    /// What was refused, for a person.
    public var message: String
    /// The field or parameter concerned, when one is.
    public var field: String?
    /// For 429, or 503 after a failed write of the database file: how many seconds to wait, sent as `Retry-After`.
    public var retryAfterSeconds: Int?

    /// Creates a refusal.
    public init(status: HTTPResponse.Status, code: String, message: String, field: String? = nil, retryAfterSeconds: Int? = nil) {
        self.status = status
        self.code = code
        self.message = message
        self.field = field
        self.retryAfterSeconds = retryAfterSeconds
    }

    /// 400: the request's data was refused.
    public static func invalid(_ message: String, field: String?) -> WorkspaceError {
        WorkspaceError(status: .badRequest, code: "invalid-input", message: message, field: field)
    }

    /// 401: the request carries no valid session or token.
    public static func unauthorized(_ message: String = "sign in, or send a valid API token") -> WorkspaceError {
        WorkspaceError(status: .unauthorized, code: "unauthorized", message: message)
    }

    /// 403: the user's role does not allow this; nothing was changed.
    public static func forbidden(_ message: String) -> WorkspaceError {
        WorkspaceError(status: .forbidden, code: "forbidden", message: message)
    }

    /// 413: the body is larger than the server reads.
    public static func bodyTooLarge(limit: Int) -> WorkspaceError {
        WorkspaceError(status: .contentTooLarge, code: "body-too-large", message: "the request body is larger than \(limit) bytes")
    }
}
