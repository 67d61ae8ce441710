import HTTPTypes
import Hummingbird

/// The security headers of every response: the Content-Security-Policy (no inline scripts,
/// `frame-ancestors 'none'`; a route's own, stricter one is kept), `X-Content-Type-Options: nosniff`, `Referrer-Policy`, `X-Frame-Options`
/// for older browsers, `Strict-Transport-Security` behind a TLS proxy, the request's id, and
/// `Cache-Control: no-store` unless the route chose its own caching.
struct SecurityHeadersMiddleware: RouterMiddleware {
    typealias Context = WorkspaceContext

    let configuration: WorkspaceConfiguration

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        var response = try await next(request, context)
        // A route may set a stricter policy of its own (the HTML report, a document of its own).
        if response.headers[.contentSecurityPolicy] == nil {
            response.headers[.contentSecurityPolicy] = configuration.contentSecurityPolicy
        }
        response.headers[.xContentTypeOptions] = "nosniff"
        response.headers[.referrerPolicy] = "no-referrer"
        response.headers[.xFrameOptions] = "DENY"
        response.headers[.requestID] = context.id
        if response.headers[.cacheControl] == nil {
            response.headers[.cacheControl] = "no-store"
        }
        if configuration.behindTLSProxy {
            response.headers[.strictTransportSecurity] = "max-age=31536000; includeSubDomains"
        }
        return response
    }
}

extension HTTPField.Name {
    static let referrerPolicy = HTTPField.Name("Referrer-Policy")!
    static let xFrameOptions = HTTPField.Name("X-Frame-Options")!
    static let requestID = HTTPField.Name("X-Request-Id")!
}
