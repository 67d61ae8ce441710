import DuikouKit
import DuikouServer
import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting

/// Stands in for the authentication middleware in tests: the `x-test-account` header
/// (`role:name[:pairing]`) becomes the context's account, with a fixed CSRF token.
struct TestAccountMiddleware: RouterMiddleware {
    typealias Context = WorkspaceContext

    static let header = HTTPField.Name("x-test-account")!
    static let csrfToken = "test-csrf-token-0123456789abcdef"

    func handle(_ request: Request, context: WorkspaceContext, next: (Request, WorkspaceContext) async throws -> Response) async throws -> Response {
        var context = context
        if let value = request.headers[Self.header] {
            let parts = value.split(separator: ":", maxSplits: 2).map(String.init)
            if parts.count >= 2, let role = AccountRole(rawValue: parts[0]) {
                context.account = Account(name: parts[1], role: role, pairing: parts.count > 2 ? parts[2] : nil)
                context.bySession = true
                context.csrfToken = Self.csrfToken
            }
        }
        return try await next(request, context)
    }
}

/// The pages over one repository, with the test middleware in front.
func pageApplication(_ repository: Repository) -> some ApplicationProtocol {
    let router = Router(context: WorkspaceContext.self)
    router.add(middleware: TestAccountMiddleware())
    addPageRoutes(to: router, repository: repository)
    return Application(router: router)
}

/// Who asks, as the test middleware reads it.
enum TestUser {
    static let admin = "admin:管理员甲"
    static let viewer = "viewer:查看者乙"
    static func reporter(_ pairing: String, name: String = "填报员丙") -> String { "reporter:\(name):\(pairing)" }
}

/// A response's status, headers and body text.
struct PageAnswer {
    let status: HTTPResponse.Status
    let headers: HTTPFields
    let body: ByteBuffer

    var text: String { String(buffer: body) }
}

extension TestClientProtocol {
    func page(_ uri: String, as user: String?, headers: HTTPFields = [:]) async throws -> PageAnswer {
        var headers = headers
        if let user { headers[TestAccountMiddleware.header] = user }
        return try await execute(uri: uri, method: .get, headers: headers) { PageAnswer(status: $0.status, headers: $0.headers, body: $0.body) }
    }

    /// Posts a form, the fields in order; the test CSRF token is added unless `csrf` says otherwise.
    func post(_ uri: String, as user: String?, _ fields: [(String, String)], csrf: String? = TestAccountMiddleware.csrfToken) async throws -> PageAnswer {
        var headers: HTTPFields = [.contentType: "application/x-www-form-urlencoded"]
        if let user { headers[TestAccountMiddleware.header] = user }
        let all = (csrf.map { [("csrf_token", $0)] } ?? []) + fields
        let body = all.map { formEscape($0.0) + "=" + formEscape($0.1) }.joined(separator: "&")
        return try await execute(uri: uri, method: .post, headers: headers, body: ByteBuffer(string: body)) {
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
