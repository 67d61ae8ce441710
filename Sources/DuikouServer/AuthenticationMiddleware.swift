public import Hummingbird
public import DuikouKit
import Foundation

/// Recognises who makes each request of the web workspace and guards unsafe requests made with a
/// session against cross-site request forgery.
///
/// - `Authorization: Bearer TOKEN`: the token's account (``WorkspaceContext/bySession`` false, no
///   CSRF token needed). Any other `Authorization`, an unknown token or a disabled account answers
///   401 at once, even when a session cookie comes too.
/// - Otherwise the `duikou_session` cookie: the session's account (``WorkspaceContext/bySession``
///   true, ``WorkspaceContext/csrfToken`` set). A POST, PUT, PATCH or DELETE must then carry the
///   session's CSRF token in the `X-CSRF-Token` header or, for an HTML form
///   (`application/x-www-form-urlencoded`), in its `csrf_token` field; without it: 403.
/// - An unknown, expired or disabled session, or no credentials at all: the request goes on
///   anonymous (``WorkspaceContext/account`` is `nil`), and routes that need a user answer 401
///   through ``WorkspaceContext/requireAccount()``; a login page stays reachable with a stale cookie.
public struct AuthenticationMiddleware: RouterMiddleware {
    public typealias Context = WorkspaceContext

    let authentication: Authentication

    /// Creates the middleware; ``Authentication/middleware`` is the same.
    public init(_ authentication: Authentication) {
        self.authentication = authentication
    }

    /// Sets the context's account, then hands the request on.
    public func handle(_ request: Request, context: WorkspaceContext, next: (Request, WorkspaceContext) async throws -> Response) async throws -> Response {
        var context = context
        if let authorization = request.headers[.authorization] {
            guard let token = Self.bearerToken(authorization) else {
                throw WorkspaceError.unauthorized("Authorization: only `Bearer TOKEN` is accepted")
            }
            guard let account = try await authentication.account(bearer: token) else {
                throw WorkspaceError.unauthorized("the API token is not valid, or its account is disabled")
            }
            context.account = account
            context.bySession = false
            return try await next(request, context)
        }
        guard let sessionID = request.cookies[Authentication.cookieName]?.value, !sessionID.isEmpty,
              let session = try await authentication.session(id: sessionID)
        else {
            return try await next(request, context)
        }
        context.account = session.account
        context.bySession = true
        context.csrfToken = session.csrfToken
        guard Self.isUnsafe(request.method) else { return try await next(request, context) }
        var request = request
        guard try await presentsCSRFToken(&request, context: context) else {
            throw WorkspaceError.forbidden("missing or wrong CSRF token: a change made with a session needs the X-CSRF-Token header or the form's csrf_token field")
        }
        return try await next(request, context)
    }

    /// Whether the request carries the session's CSRF token in the header or, for a URL-encoded form,
    /// in its field (the body is read, and left in the request for the handler).
    private func presentsCSRFToken(_ request: inout Request, context: WorkspaceContext) async throws -> Bool {
        if let header = request.headers[Authentication.csrfHeader] {
            return context.csrfTokenMatches(header)
        }
        guard let type = request.headers[.contentType]?.lowercased(), type.hasPrefix("application/x-www-form-urlencoded") else {
            return false
        }
        let body = try await request.collectBody(upTo: authentication.configuration.maximumFormBytes)
        return context.csrfTokenMatches(Self.formField(Authentication.csrfFormField, in: String(decoding: body.readableBytesView, as: UTF8.self)))
    }

    static func isUnsafe(_ method: HTTPRequest.Method) -> Bool {
        method == .post || method == .put || method == .patch || method == .delete
    }

    /// The token of `Bearer TOKEN` (the scheme in any case); `nil` for anything else.
    static func bearerToken(_ header: String) -> String? {
        let parts = header.split(separator: " ", maxSplits: 1, omittingEmptySubsequences: true)
        guard parts.count == 2, parts[0].lowercased() == "bearer" else { return nil }
        let token = parts[1].trimmingCharacters(in: .whitespaces)
        return token.isEmpty ? nil : token
    }

    /// The first value of `name` in a URL-encoded form.
    static func formField(_ name: String, in form: String) -> String? {
        for pair in form.split(separator: "&") {
            let keyValue = pair.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
            let decode = { (text: Substring) in text.replacingOccurrences(of: "+", with: " ").removingPercentEncoding }
            if decode(keyValue[0]) == name { return keyValue.count == 2 ? decode(keyValue[1]) : "" }
        }
        return nil
    }
}

extension WorkspaceContext {
    /// The signed-in account.
    ///
    /// - Throws: ``WorkspaceError`` 401 when nobody is signed in or the account is disabled.
    public func requireAccount() throws -> Account {
        guard let account, !account.disabled else { throw WorkspaceError.unauthorized() }
        return account
    }

    /// Whether `token` is this session's CSRF token, compared in constant time; `false` when the
    /// request was not made with a session or no token is given. For pages that read a form's
    /// `csrf_token` field themselves (the middleware checks the header and URL-encoded forms).
    public func csrfTokenMatches(_ token: String?) -> Bool {
        guard bySession, let expected = csrfToken, let token, !token.isEmpty else { return false }
        return SecretToken.matches(token, expected)
    }
}
