import DuikouKit
import DuikouServer
import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting

/// The whole workspace over one repository, its real authentication in front of the pages: each
/// test user is an account made on first use and signed in with a session of its own.
func pageApplication(_ repository: Repository) -> PageTestApplication { PageTestApplication(repository: repository) }

struct PageTestApplication {
    let repository: Repository

    func test(_ setup: TestingSetup, _ body: @escaping @Sendable (PageClient) async throws -> Void) async throws {
        let workspace = Workspace(repository: repository, authentication: AuthenticationConfiguration(passwordHasher: PasswordHasher(cost: .minimal)))
        let sessions = TestSessions(authentication: workspace.authentication)
        try await Application(router: workspace.router()).test(setup) { client in
            try await body(PageClient(client: client, sessions: sessions))
        }
    }
}

/// Who asks: `role:name[:pairing]`.
enum TestUser {
    static let admin = "admin:管理员甲"
    static let viewer = "viewer:查看者乙"
    static func reporter(_ pairing: String, name: String = "填报员丙") -> String { "reporter:\(name):\(pairing)" }
}

/// The sessions of a test's users: the account is added with a password, then signed in through
/// the authentication, as the login form does.
final class TestSessions: @unchecked Sendable {
    let authentication: Authentication
    private let lock = NSLock()
    private var sessions: [String: (id: String, csrf: String)] = [:]

    init(authentication: Authentication) { self.authentication = authentication }

    func session(_ user: String) async throws -> (id: String, csrf: String) {
        if let known = lock.withLock({ sessions[user] }) { return known }
        let parts = user.split(separator: ":", maxSplits: 2).map(String.init)
        guard parts.count >= 2, let role = AccountRole(rawValue: parts[0]) else { throw TestSetupError(user) }
        let password = "password of \(parts[1])"
        _ = try await authentication.repository.addAccount(NewAccount(
            name: parts[1], role: role, pairing: parts.count > 2 ? parts[2] : nil, passwordHash: try authentication.configuration.passwordHasher.hash(password)))
        guard case .signedIn(let id, let session) = try await authentication.logIn(name: parts[1], password: password) else { throw TestSetupError(user) }
        lock.withLock { sessions[user] = (id, session.csrfToken) }
        return (id, session.csrfToken)
    }
}

struct TestSetupError: Error { let user: String; init(_ user: String) { self.user = user } }

/// A response's status, headers and body text.
struct PageAnswer {
    let status: HTTPResponse.Status
    let headers: HTTPFields
    let body: ByteBuffer

    var text: String { String(buffer: body) }
}

/// A test client that sends requests with a test user's session cookie.
struct PageClient: Sendable {
    let client: any TestClientProtocol
    let sessions: TestSessions
    /// Stands for the CSRF token of the user's own session in ``post(_:as:_:csrf:)``.
    static let sessionToken = "the session's own token"

    func csrfToken(of user: String) async throws -> String { try await sessions.session(user).csrf }

    func page(_ uri: String, as user: String?, headers: HTTPFields = [:]) async throws -> PageAnswer {
        var headers = headers
        if let user {
            let session = "\(Authentication.cookieName)=\(try await sessions.session(user).id)"
            headers[.cookie] = headers[.cookie].map { "\($0); \(session)" } ?? session
        }
        return try await client.execute(uri: uri, method: .get, headers: headers) { PageAnswer(status: $0.status, headers: $0.headers, body: $0.body) }
    }

    /// Posts a form, the fields in order; the session's CSRF token is added unless `csrf` says otherwise.
    func post(_ uri: String, as user: String?, _ fields: [(String, String)], csrf: String? = PageClient.sessionToken) async throws -> PageAnswer {
        var headers: HTTPFields = [.contentType: "application/x-www-form-urlencoded"]
        var token = csrf
        if let user {
            let session = try await sessions.session(user)
            headers[.cookie] = "\(Authentication.cookieName)=\(session.id)"
            if csrf == Self.sessionToken { token = session.csrf }
        }
        let all = (token.map { [("csrf_token", $0)] } ?? []) + fields
        let body = all.map { formEscape($0.0) + "=" + formEscape($0.1) }.joined(separator: "&")
        return try await client.execute(uri: uri, method: .post, headers: headers, body: ByteBuffer(string: body)) {
            PageAnswer(status: $0.status, headers: $0.headers, body: $0.body)
        }
    }
}

/// Form encoding as a browser does it: spaces as `+`, everything else but unreserved bytes escaped.
func formEscape(_ text: String) -> String {
    var allowed = CharacterSet.alphanumerics.intersection(CharacterSet(charactersIn: Unicode.Scalar(0)..<Unicode.Scalar(128)))
    allowed.insert(charactersIn: "-._~ ")
    return (text.addingPercentEncoding(withAllowedCharacters: allowed) ?? text).replacingOccurrences(of: " ", with: "+")
}

/// The text with HTML's five special characters escaped, as the pages write it.
func escaped(_ text: String) -> String {
    text.replacingOccurrences(of: "&", with: "&amp;").replacingOccurrences(of: "<", with: "&lt;").replacingOccurrences(of: ">", with: "&gt;")
        .replacingOccurrences(of: "\"", with: "&quot;").replacingOccurrences(of: "'", with: "&#39;")
}

/// The table row whose `data-key` is `key`, from `<tr` to `</tr>`; empty when there is none.
func row(_ html: String, key: String) -> String {
    guard let start = html.range(of: "data-key=\"\(key)\"") else { return "" }
    let end = html.range(of: "</tr>", range: start.upperBound..<html.endIndex)?.upperBound ?? html.endIndex
    return String(html[start.lowerBound..<end])
}
