public import Hummingbird
import DuikouKit
import Foundation

extension Authentication {
    /// Adds the session routes under `group` (give it `router.group("api/v1")`):
    ///
    /// - `POST session` with JSON `{"name": "…", "password": "…"}`: 200 with `{"csrf_token", "name",
    ///   "role", "pairing"}` and a new `duikou_session` cookie (see ``sessionCookie(_:)``); 401 for
    ///   a wrong name or password or a disabled account (one answer for all three); 429 with
    ///   `Retry-After` while the name is locked out; 400 naming the field for a malformed body.
    /// - `GET session`: 200 with `{"name", "role", "pairing", "csrf_token"}` (`csrf_token` is `null`
    ///   for a bearer token); 401 when nobody is signed in.
    /// - `DELETE session`: 204, the session ended and the cookie cleared (the middleware asks for
    ///   the CSRF token first); 401 when nobody is signed in.
    public func addSessionRoutes<Methods: RouterMethods<WorkspaceContext>>(to group: Methods) {
        group.post("session") { request, context in try await self.logIn(request, context: context) }
        group.get("session") { _, context in
            try Self.json(SignedIn(account: try context.requireAccount(), csrfToken: context.bySession ? context.csrfToken : nil))
        }
        group.delete("session") { request, context in
            _ = try context.requireAccount()
            var response = Response(status: .noContent, headers: [.cacheControl: "no-store"])
            if context.bySession, let sessionID = request.cookies[Self.cookieName]?.value {
                try await self.logOut(sessionID: sessionID)
                response.setCookie(self.clearedSessionCookie())
            }
            return response
        }
    }

    private func logIn(_ request: Request, context: WorkspaceContext) async throws -> Response {
        var request = request
        let body = try await request.collectBody(upTo: 64 * 1024)
        let login: LoginBody
        do {
            login = try JSONDecoder().decode(LoginBody.self, from: Data(body.readableBytesView))
        } catch let DecodingError.typeMismatch(_, detail) {
            throw WorkspaceError.invalid("\(detail.codingPath.first?.stringValue ?? "body"): must be a string", field: detail.codingPath.first?.stringValue)
        } catch {
            throw WorkspaceError.invalid("the body must be a JSON object {\"name\": …, \"password\": …}", field: nil)
        }
        guard let name = login.name, !name.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty else {
            throw WorkspaceError.invalid("name: is missing or empty", field: "name")
        }
        guard let password = login.password else { throw WorkspaceError.invalid("password: is missing", field: "password") }
        let previous = request.cookies[Self.cookieName]?.value
        switch try await logIn(name: name, password: password, previousSessionID: previous.flatMap { $0.isEmpty ? nil : $0 }) {
        case .refused:
            throw WorkspaceError.unauthorized("wrong name or password, or the account is disabled")
        case .lockedOut(let until):
            let seconds = max(1, Int(until.timeIntervalSince(configuration.clock()).rounded(.up)))
            throw WorkspaceError(status: .tooManyRequests, code: "too-many-requests",
                              message: "too many failed logins for this name; try again in \(seconds / 60 + (seconds % 60 == 0 ? 0 : 1)) minutes",
                              field: "name", retryAfterSeconds: seconds)
        case .signedIn(let sessionID, let session):
            var response = try Self.json(SignedIn(account: session.account, csrfToken: session.csrfToken))
            response.setCookie(sessionCookie(sessionID))
            return response
        }
    }

    private struct LoginBody: Decodable {
        let name: String?
        let password: String?
    }

    private struct SignedIn: Encodable {
        let account: Account
        let csrfToken: String?

        enum CodingKeys: String, CodingKey {
            case name, role, pairing
            case csrfToken = "csrf_token"
        }

        func encode(to encoder: any Encoder) throws {
            var container = encoder.container(keyedBy: CodingKeys.self)
            try container.encode(csrfToken, forKey: .csrfToken)
            try container.encode(account.name, forKey: .name)
            try container.encode(account.role, forKey: .role)
            try container.encode(account.pairing, forKey: .pairing)
        }
    }

    private static func json(_ value: some Encodable) throws -> Response {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        return Response(status: .ok, headers: [.contentType: "application/json; charset=utf-8", .cacheControl: "no-store"],
                        body: .init(byteBuffer: ByteBuffer(bytes: try encoder.encode(value))))
    }
}
