import DuikouKit
import DuikouServer
import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import Testing

/// The login page's form and the layout's sign-out form, through the whole workspace.
@Suite struct SignInPageTests {
    @Test func signingInAndOutThroughTheForms() async throws {
        let database = try TemporaryDatabase()
        let repository = try database.open()
        let hasher = PasswordHasher(cost: .minimal)
        _ = try await repository.addAccount(NewAccount(name: "王芳", role: .reporter, pairing: "liaoning-jiangsu", passwordHash: try hasher.hash("正确的密码 with 😀")))
        let workspace = Workspace(repository: repository, authentication: AuthenticationConfiguration(passwordHasher: hasher))
        try await Application(router: workspace.router()).test(.router) { client in
            func form(_ uri: String, _ body: String, cookie: String? = nil) async throws -> (HTTPResponse.Status, HTTPFields) {
                var headers: HTTPFields = [.contentType: "application/x-www-form-urlencoded"]
                if let cookie { headers[.cookie] = cookie }
                return try await client.execute(uri: uri, method: .post, headers: headers, body: ByteBuffer(string: body)) { ($0.status, $0.headers) }
            }
            func get(_ uri: String, cookie: String?) async throws -> (HTTPResponse.Status, HTTPFields, String) {
                try await client.execute(uri: uri, method: .get, headers: cookie.map { [.cookie: $0] } ?? [:]) { ($0.status, $0.headers, String(buffer: $0.body)) }
            }
            let password = "%E6%AD%A3%E7%A1%AE%E7%9A%84%E5%AF%86%E7%A0%81+with+%F0%9F%98%80"

            let wrong = try await form("/login", "name=%E7%8E%8B%E8%8A%B3&password=nope")
            #expect(wrong.0 == .seeOther && wrong.1[.location] == "/login?failed=1" && wrong.1[.setCookie] == nil)
            #expect(try await get("/login?failed=1", cookie: nil).2.contains("role=\"alert\""))

            let signedIn = try await form("/login", "name=%E7%8E%8B%E8%8A%B3&password=\(password)")
            #expect(signedIn.0 == .seeOther && signedIn.1[.location] == "/")
            let setCookie = try #require(signedIn.1[.setCookie])
            #expect(setCookie.contains("HttpOnly") && setCookie.contains("SameSite=Strict"))
            let cookie = String(setCookie.prefix { $0 != ";" })
            let dashboard = try await get("/", cookie: cookie)
            #expect(dashboard.0 == .ok && dashboard.2.contains("王芳"))
            #expect(dashboard.1[.contentSecurityPolicy]?.contains("frame-ancestors 'none'") == true)

            // Signing out needs the session's CSRF token, which the layout's form carries.
            #expect(try await form("/logout", "", cookie: cookie).0 == .forbidden)
            let token = try #require(dashboard.2.range(of: "name=\"csrf_token\" value=\"").map { dashboard.2[$0.upperBound...].prefix { $0 != "\"" } })
            let signedOut = try await form("/logout", "csrf_token=\(token)", cookie: cookie)
            #expect(signedOut.0 == .seeOther && signedOut.1[.location] == "/login")
            #expect(signedOut.1[.setCookie]?.contains("Max-Age=0") == true)
            let after = try await get("/", cookie: cookie)
            #expect(after.0 == .seeOther && after.1[.location] == "/login")

            // Five failures lock the name out, even for the right password.
            for _ in 0..<5 { _ = try await form("/login", "name=%E7%8E%8B%E8%8A%B3&password=nope") }
            let locked = try await form("/login", "name=%E7%8E%8B%E8%8A%B3&password=\(password)")
            #expect(locked.1[.location] == "/login?failed=locked" && locked.1[.setCookie] == nil)
        }
    }
}
