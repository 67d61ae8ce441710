import DuikouKit
import DuikouServer
import Foundation
import Hummingbird
import HummingbirdTesting
import Synchronization

/// A clock that tests move by hand.
final class TestClock: Sendable {
    private let current = Mutex(Date(timeIntervalSince1970: 1_767_225_600))

    var now: Date { current.withLock { $0 } }

    func advance(minutes: Double) {
        current.withLock { $0 = $0.addingTimeInterval(minutes * 60) }
    }
}

/// A workspace with the authentication installed, three accounts (`admin`, `张伟` reporting for
/// 辽苏, `viewer`; every password `password-of-NAME`), and two routes to try it on.
struct AuthenticationHarness {
    let database: TemporaryDatabase
    let repository: Repository
    let clock = TestClock()
    let authentication: Authentication

    init(secureCookies: Bool = false) throws {
        database = try TemporaryDatabase()
        repository = try database.open()
        let hasher = PasswordHasher(cost: .minimal)
        for (name, role, pairing) in [("admin", AccountRole.admin, nil), ("张伟", .reporter, "辽苏"), ("viewer", .viewer, nil)] as [(String, AccountRole, String?)] {
            try repository.addAccount(NewAccount(name: name, role: role, pairing: pairing, passwordHash: try hasher.hash("password-of-\(name)")))
        }
        let clock = clock
        authentication = Authentication(repository: repository, configuration: AuthenticationConfiguration(
            secureCookies: secureCookies, passwordHasher: hasher, clock: { clock.now }))
    }

    /// The application: the middleware, the session routes under /api/v1, `POST /api/v1/write`
    /// (201 with the user's name) and `POST /form` (echoes the form it was sent).
    func application() -> some ApplicationProtocol {
        let router = Router(context: WorkspaceContext.self)
        router.add(middleware: authentication.middleware)
        authentication.addSessionRoutes(to: router.group("api/v1"))
        router.post("api/v1/write") { _, context in
            Response(status: .created, body: .init(byteBuffer: ByteBuffer(string: try context.requireAccount().name)))
        }
        router.post("form") { request, context in
            var request = request
            _ = try context.requireAccount()
            return String(decoding: try await request.collectBody(upTo: 1 << 20).readableBytesView, as: UTF8.self)
        }
        return Application(router: router)
    }

    /// A new API token of `name`, recorded by its hash.
    func token(for name: String) throws -> String {
        let token = SecretToken.apiToken()
        try repository.addToken(hash: SecretToken.hash(token), forAccount: name)
        return token
    }
}

/// A login's body.
func loginBody(_ name: String, _ password: String) -> ByteBuffer {
    let object = ["name": name, "password": password]
    return ByteBuffer(bytes: (try? JSONSerialization.data(withJSONObject: object)) ?? Data())
}

let jsonHeaders: HTTPFields = [.contentType: "application/json"]

extension TestResponse {
    /// The `duikou_session` Set-Cookie header, whole.
    var sessionSetCookie: String? {
        headers[values: .setCookie].first { $0.hasPrefix("duikou_session=") }
    }

    /// The value the response set the session cookie to.
    var sessionCookieValue: String? {
        sessionSetCookie.flatMap { $0.split(separator: ";").first }.map { String($0.dropFirst("duikou_session=".count)) }
    }

    /// The body parsed as a JSON object.
    var jsonObject: [String: Any] {
        (try? JSONSerialization.jsonObject(with: Data(body.readableBytesView))) as? [String: Any] ?? [:]
    }

    /// The `code` of the JSON error object.
    var errorCode: String? { (jsonObject["error"] as? [String: Any])?["code"] as? String }
}

extension TestClientProtocol {
    /// Logs in and returns the session cookie's value and the CSRF token.
    func logIn(_ name: String, _ password: String) async throws -> (cookie: String, csrf: String)? {
        try await execute(uri: "/api/v1/session", method: .post, headers: jsonHeaders, body: loginBody(name, password)) { response in
            guard response.status == .ok, let cookie = response.sessionCookieValue, let csrf = response.jsonObject["csrf_token"] as? String else { return nil }
            return (cookie, csrf)
        }
    }
}

/// Headers carrying a session cookie, and a CSRF token when given.
func sessionHeaders(_ cookie: String, csrf: String? = nil) -> HTTPFields {
    var headers: HTTPFields = [.cookie: "duikou_session=\(cookie)"]
    if let csrf { headers[Authentication.csrfHeader] = csrf }
    return headers
}

/// The fields of both.
func merged(_ first: HTTPFields, _ second: HTTPFields) -> HTTPFields {
    var fields = first
    fields.append(contentsOf: second)
    return fields
}
