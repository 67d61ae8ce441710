public import Hummingbird
import Foundation

/// An error of the web workspace's authentication, answered as DESIGN.md's JSON error object:
/// `{"error": {"code": "unauthorized", "message": "…", "field": null}}` with its HTTP status.
///
/// Messages never hold a password, a token or a session id.
public struct AccessError: HTTPResponseError, Sendable, Hashable {
    /// The HTTP status: 400, 401, 403, 413 or 429.
    public let status: HTTPResponse.Status
    /// A stable kebab-case code, such as `unauthorized`.
    public let code: String
    /// What was wrong, in one line.
    public let message: String
    /// The field of the request that was refused, when one was.
    public let field: String?
    /// For 429: how many seconds to wait, sent as `Retry-After`.
    public let retryAfterSeconds: Int?

    /// Creates an error.
    public init(status: HTTPResponse.Status, code: String, message: String, field: String? = nil, retryAfterSeconds: Int? = nil) {
        self.status = status
        self.code = code
        self.message = message
        self.field = field
        self.retryAfterSeconds = retryAfterSeconds
    }

    /// 401: not signed in, or signed in with something that is not accepted.
    public static func unauthorized(_ message: String = "sign in first: no valid session or API token") -> AccessError {
        AccessError(status: .unauthorized, code: "unauthorized", message: message)
    }

    /// 403: signed in, but not allowed.
    public static func forbidden(_ message: String) -> AccessError {
        AccessError(status: .forbidden, code: "forbidden", message: message)
    }

    /// 400: the request's data was refused.
    public static func invalid(_ message: String, field: String?) -> AccessError {
        AccessError(status: .badRequest, code: "invalid-input", message: message, field: field)
    }

    /// The JSON body and headers, `WWW-Authenticate` with a 401 and `Retry-After` with a 429.
    public func response(from request: Request, context: some RequestContext) throws -> Response {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        let data = try encoder.encode(ErrorBody(error: .init(code: code, message: message, field: field)))
        var headers: HTTPFields = [.contentType: "application/json; charset=utf-8", .cacheControl: "no-store"]
        if status == .unauthorized { headers[.wwwAuthenticate] = "Bearer realm=\"duikou\"" }
        if let retryAfterSeconds { headers[.retryAfter] = String(retryAfterSeconds) }
        return Response(status: status, headers: headers, body: .init(byteBuffer: ByteBuffer(bytes: data)))
    }
}

/// DESIGN.md's error object: `{"error": {"code", "message", "field"}}`, `field` `null` when none.
private struct ErrorBody: Encodable {
    struct Detail: Encodable {
        let code: String
        let message: String
        let field: String?

        enum CodingKeys: String, CodingKey { case code, message, field }

        func encode(to encoder: any Encoder) throws {
            var container = encoder.container(keyedBy: CodingKeys.self)
            try container.encode(code, forKey: .code)
            try container.encode(message, forKey: .message)
            try container.encode(field, forKey: .field)
        }
    }

    let error: Detail
}
