import DuikouKit
import DuikouServer
import Foundation
import Hummingbird
import HummingbirdTesting
import Testing

@Suite struct SessionTests {
    @Test func aLoginSetsAStrictHttpOnlyCookieAndLogoutClearsIt() async throws {
        let harness = try AuthenticationHarness()
        try await harness.application().test(.router) { client in
            let login = try await client.execute(uri: "/api/v1/session", method: .post, headers: jsonHeaders,
                                                 body: loginBody("张伟", "password-of-张伟")) { $0 }
            #expect(login.status == .ok)
            let header = try #require(login.sessionSetCookie)
            for attribute in ["HttpOnly", "SameSite=Strict", "Path=/", "Max-Age=43200"] {
                #expect(header.contains(attribute), "\(header)")
            }
            #expect(!header.contains("Secure"))
            #expect(login.jsonObject["name"] as? String == "张伟" && login.jsonObject["pairing"] as? String == "liaoning-jiangsu")
            let cookie = try #require(login.sessionCookieValue)
            let csrf = try #require(login.jsonObject["csrf_token"] as? String)
            #expect(cookie.count >= 43 && csrf.count >= 43 && cookie != csrf)

            // The session is stored by the hash of its id.
            #expect(try await harness.repository.session(idHash: SecretToken.hash(cookie), at: harness.clock.now)?.account.name == "张伟")
            try await client.execute(uri: "/api/v1/session", method: .get, headers: sessionHeaders(cookie)) { response in
                #expect(response.status == .ok)
                #expect(response.jsonObject["role"] as? String == "reporter" && response.jsonObject["csrf_token"] as? String == csrf)
            }
            try await client.execute(uri: "/api/v1/session", method: .delete, headers: sessionHeaders(cookie, csrf: csrf)) { response in
                #expect(response.status == .noContent)
                #expect(response.sessionSetCookie?.contains("Max-Age=0") == true)
            }
            try await client.execute(uri: "/api/v1/session", method: .get, headers: sessionHeaders(cookie)) { response in
                #expect(response.status == .unauthorized && response.errorCode == "unauthorized")
            }
        }
    }

    @Test func theCookieIsSecureWhenServedOverTLS() async throws {
        let harness = try AuthenticationHarness(secureCookies: true)
        try await harness.application().test(.router) { client in
            try await client.execute(uri: "/api/v1/session", method: .post, headers: jsonHeaders, body: loginBody("admin", "password-of-admin")) { response in
                #expect(response.sessionSetCookie?.contains("; Secure") == true)
            }
        }
    }

    @Test func aLoginNeverKeepsTheSessionIdItWasSent() async throws {
        let harness = try AuthenticationHarness()
        try await harness.application().test(.router) { client in
            // A planted id: the login answers with another, and the planted one signs no one in.
            let planted = SecretToken.generate()
            let fresh = try await client.execute(uri: "/api/v1/session", method: .post,
                                                 headers: merged(jsonHeaders, sessionHeaders(planted)),
                                                 body: loginBody("admin", "password-of-admin")) { $0.sessionCookieValue }
            #expect(fresh != nil && fresh != planted)
            try await client.execute(uri: "/api/v1/session", method: .get, headers: sessionHeaders(planted)) { #expect($0.status == .unauthorized) }
            // Logging in again with a live session replaces it: the old id ends.
            let first = try #require(try await client.logIn("viewer", "password-of-viewer"))
            let second = try await client.execute(uri: "/api/v1/session", method: .post,
                                                  headers: merged(jsonHeaders, sessionHeaders(first.cookie, csrf: first.csrf)),
                                                  body: loginBody("viewer", "password-of-viewer")) { $0.sessionCookieValue }
            #expect(second != nil && second != first.cookie)
            try await client.execute(uri: "/api/v1/session", method: .get, headers: sessionHeaders(first.cookie)) { #expect($0.status == .unauthorized) }
            try await client.execute(uri: "/api/v1/session", method: .get, headers: sessionHeaders(second ?? "")) { #expect($0.status == .ok) }
        }
    }

    @Test func unsafeRequestsWithASessionNeedTheCSRFToken() async throws {
        let harness = try AuthenticationHarness()
        try await harness.application().test(.router) { client in
            let session = try #require(try await client.logIn("admin", "password-of-admin"))
            try await client.execute(uri: "/api/v1/write", method: .post, headers: sessionHeaders(session.cookie)) { response in
                #expect(response.status == .forbidden && response.errorCode == "forbidden")
            }
            try await client.execute(uri: "/api/v1/write", method: .post, headers: sessionHeaders(session.cookie, csrf: "wrong")) {
                #expect($0.status == .forbidden)
            }
            try await client.execute(uri: "/api/v1/write", method: .post, headers: sessionHeaders(session.cookie, csrf: session.csrf)) {
                #expect($0.status == .created && String(decoding: $0.body.readableBytesView, as: UTF8.self) == "admin")
            }
            // A logout is unsafe too.
            try await client.execute(uri: "/api/v1/session", method: .delete, headers: sessionHeaders(session.cookie)) { #expect($0.status == .forbidden) }
            // A form carries it in its field; the handler still reads the whole form.
            var form = sessionHeaders(session.cookie)
            form[.contentType] = "application/x-www-form-urlencoded"
            let body = "title=%E9%A1%B9%E7%9B%AE&csrf_token=\(session.csrf)"
            try await client.execute(uri: "/form", method: .post, headers: form, body: ByteBuffer(string: body)) { response in
                #expect(response.status == .ok && String(decoding: response.body.readableBytesView, as: UTF8.self) == body)
            }
            try await client.execute(uri: "/form", method: .post, headers: form, body: ByteBuffer(string: "title=x&csrf_token=forged")) {
                #expect($0.status == .forbidden)
            }
            // A GET needs none.
            try await client.execute(uri: "/api/v1/session", method: .get, headers: sessionHeaders(session.cookie)) { #expect($0.status == .ok) }
        }
    }

    @Test func aBearerTokenNeedsNoCSRFTokenAndABadOneIsRefusedWhateverElseComes() async throws {
        let harness = try AuthenticationHarness()
        let token = try harness.token(for: "viewer")
        try await harness.application().test(.router) { client in
            try await client.execute(uri: "/api/v1/write", method: .post, headers: [.authorization: "Bearer \(token)"]) { response in
                #expect(response.status == .created)
            }
            try await client.execute(uri: "/api/v1/session", method: .get, headers: [.authorization: "bearer \(token)"]) { response in
                #expect(response.status == .ok && response.jsonObject["name"] as? String == "viewer")
                #expect(response.jsonObject["csrf_token"] is NSNull)
            }
            let session = try #require(try await client.logIn("admin", "password-of-admin"))
            for authorization in ["Bearer dk_unknown", "Basic YWRtaW46cGFzc3dvcmQ=", "Bearer", "\(token)"] {
                var headers = sessionHeaders(session.cookie, csrf: session.csrf)
                headers[.authorization] = authorization
                try await client.execute(uri: "/api/v1/session", method: .get, headers: headers) { response in
                    #expect(response.status == .unauthorized && response.errorCode == "unauthorized", "\(authorization)")
                    #expect(!String(decoding: response.body.readableBytesView, as: UTF8.self).contains("unknown"))
                }
            }
        }
    }

    @Test func aDisabledUserIsRefusedWithCookieTokenAndPassword() async throws {
        let harness = try AuthenticationHarness()
        let token = try harness.token(for: "张伟")
        try await harness.application().test(.router) { client in
            let session = try #require(try await client.logIn("张伟", "password-of-张伟"))
            try await harness.repository.disableAccount(named: "张伟")
            try await client.execute(uri: "/api/v1/session", method: .get, headers: sessionHeaders(session.cookie)) { #expect($0.status == .unauthorized) }
            try await client.execute(uri: "/api/v1/write", method: .post, headers: sessionHeaders(session.cookie, csrf: session.csrf)) {
                #expect($0.status == .unauthorized)
            }
            try await client.execute(uri: "/api/v1/session", method: .get, headers: [.authorization: "Bearer \(token)"]) { #expect($0.status == .unauthorized) }
            try await client.execute(uri: "/api/v1/session", method: .post, headers: jsonHeaders, body: loginBody("张伟", "password-of-张伟")) {
                #expect($0.status == .unauthorized)
            }
        }
    }

    @Test func wrongNameAndWrongPasswordGetTheSameAnswer() async throws {
        let harness = try AuthenticationHarness()
        try await harness.application().test(.router) { client in
            let unknown = try await client.execute(uri: "/api/v1/session", method: .post, headers: jsonHeaders, body: loginBody("nobody", "password-of-admin")) { $0 }
            let wrong = try await client.execute(uri: "/api/v1/session", method: .post, headers: jsonHeaders, body: loginBody("admin", "not the password")) { $0 }
            #expect(unknown.status == .unauthorized && wrong.status == .unauthorized)
            #expect(unknown.body == wrong.body && unknown.sessionSetCookie == nil)
            #expect(!String(decoding: wrong.body.readableBytesView, as: UTF8.self).contains("not the password"))
            for (body, field) in [("{\"name\": \"admin\"}", "password"), ("{\"password\": \"x\"}", "name"), ("{\"name\": 7, \"password\": \"x\"}", "name")] {
                try await client.execute(uri: "/api/v1/session", method: .post, headers: jsonHeaders, body: ByteBuffer(string: body)) { response in
                    #expect(response.status == .badRequest && (response.jsonObject["error"] as? [String: Any])?["field"] as? String == field, "\(body)")
                }
            }
            try await client.execute(uri: "/api/v1/session", method: .post, headers: jsonHeaders, body: ByteBuffer(string: "not json")) {
                #expect($0.status == .badRequest && $0.errorCode == "invalid-input")
            }
        }
    }

    @Test func fiveFailuresLockTheNameOutForFifteenMinutes() async throws {
        let harness = try AuthenticationHarness()
        try await harness.application().test(.router) { client in
            for _ in 0..<5 {
                try await client.execute(uri: "/api/v1/session", method: .post, headers: jsonHeaders, body: loginBody("admin", "guess")) {
                    #expect($0.status == .unauthorized)
                }
                harness.clock.advance(minutes: 1)
            }
            // Locked since the fifth failure (at minute 4): even the right password answers 429.
            try await client.execute(uri: "/api/v1/session", method: .post, headers: jsonHeaders, body: loginBody("Admin", "password-of-admin")) { response in
                #expect(response.status == .tooManyRequests && response.errorCode == "too-many-requests")
                #expect(response.headers[.retryAfter] == "840")
            }
            // Other names are not locked.
            #expect(try await client.logIn("viewer", "password-of-viewer") != nil)
            harness.clock.advance(minutes: 13.9)
            try await client.execute(uri: "/api/v1/session", method: .post, headers: jsonHeaders, body: loginBody("admin", "password-of-admin")) {
                #expect($0.status == .tooManyRequests)
            }
            harness.clock.advance(minutes: 0.2)
            #expect(try await client.logIn("admin", "password-of-admin") != nil)
            // The success forgot the failures: one more failure does not lock again.
            try await client.execute(uri: "/api/v1/session", method: .post, headers: jsonHeaders, body: loginBody("admin", "guess")) { #expect($0.status == .unauthorized) }
            #expect(try await client.logIn("admin", "password-of-admin") != nil)
        }
    }

    @Test func unknownNamesAreLockedOutLikeKnownOnes() async throws {
        let harness = try AuthenticationHarness()
        try await harness.application().test(.router) { client in
            for _ in 0..<5 {
                try await client.execute(uri: "/api/v1/session", method: .post, headers: jsonHeaders, body: loginBody("nobody", "guess")) { _ in }
            }
            try await client.execute(uri: "/api/v1/session", method: .post, headers: jsonHeaders, body: loginBody("nobody", "guess")) {
                #expect($0.status == .tooManyRequests)
            }
        }
    }

    @Test func anIdleSessionExpiresAndAUsedOneLivesOnUpToItsLifetime() async throws {
        let harness = try AuthenticationHarness()
        try await harness.application().test(.router) { client in
            let idle = try #require(try await client.logIn("viewer", "password-of-viewer"))
            let used = try #require(try await client.logIn("admin", "password-of-admin"))
            for _ in 0..<11 {
                harness.clock.advance(minutes: 60)
                try await client.execute(uri: "/api/v1/session", method: .get, headers: sessionHeaders(used.cookie)) { #expect($0.status == .ok) }
            }
            try await client.execute(uri: "/api/v1/session", method: .get, headers: sessionHeaders(idle.cookie)) { #expect($0.status == .unauthorized) }
            harness.clock.advance(minutes: 61)
            try await client.execute(uri: "/api/v1/session", method: .get, headers: sessionHeaders(used.cookie)) { #expect($0.status == .unauthorized) }
        }
    }

    @Test func aNewPasswordEndsTheSessions() async throws {
        let harness = try AuthenticationHarness()
        try await harness.application().test(.router) { client in
            let session = try #require(try await client.logIn("张伟", "password-of-张伟"))
            try await harness.repository.setPasswordHash(try PasswordHasher(cost: .minimal).hash("a new long password"), forAccount: "张伟")
            try await client.execute(uri: "/api/v1/session", method: .get, headers: sessionHeaders(session.cookie)) { #expect($0.status == .unauthorized) }
            #expect(try await client.logIn("张伟", "password-of-张伟") == nil)
            #expect(try await client.logIn("张伟", "a new long password") != nil)
        }
    }

    @Test func aSessionStillReadsWhenItsUseCannotBeRecorded() async throws {
        let harness = try AuthenticationHarness()
        let signedIn = try await harness.authentication.logIn(name: "viewer", password: "password-of-viewer")
        guard case .signedIn(let sessionID, _) = signedIn else { throw TestFailure("the login was refused: \(signedIn)") }
        // The same file opened read-only: recording the session's use fails with read-only.
        let readOnly = try Repository(path: harness.database.path, options: Repository.Options(readOnly: true))
        let clock = harness.clock
        let authentication = Authentication(repository: readOnly, configuration: AuthenticationConfiguration(
            passwordHasher: PasswordHasher(cost: .minimal), clock: { clock.now }))
        harness.clock.advance(minutes: 30)
        let session = try await authentication.session(id: sessionID)
        #expect(session?.account.name == "viewer")
        // Its end did not move: the idle timeout still counts from the login.
        let stored = try await harness.repository.session(idHash: SecretToken.hash(sessionID), at: clock.now)
        #expect(stored?.lastSeenAt == session?.lastSeenAt)
    }
}
