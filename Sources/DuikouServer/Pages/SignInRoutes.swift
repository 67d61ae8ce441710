import DuikouKit
import Foundation
import Hummingbird

extension Authentication {
    /// Adds the pages' sign-in and sign-out: `POST /login` (the login page's form: `name`,
    /// `password`) and `POST /logout` (the layout's form, with the session's `csrf_token`, which
    /// the middleware checks). Both answer `303 See Other`: to the dashboard with a new session
    /// cookie, back to `/login?failed=1` (wrong name or password, or a disabled account) or
    /// `/login?failed=locked` (too many failures for the name), and to `/login` after signing out.
    func addPageSignIn(to router: some RouterMethods<WorkspaceContext>) {
        router.post("/login") { request, context in try await self.pageLogIn(request, context: context) }
        router.post("/logout") { request, _ in
            var response = PageResponse.redirect(to: "/login")
            if let sessionID = request.cookies[Self.cookieName]?.value {
                try await self.logOut(sessionID: sessionID)
                response.setCookie(self.clearedSessionCookie())
            }
            return response
        }
    }

    private func pageLogIn(_ request: Request, context: WorkspaceContext) async throws -> Response {
        var request = request
        let body = try await request.collectBody(upTo: configuration.maximumFormBytes)
        guard let form = PageForm(encoded: String(decoding: body.readableBytesView, as: UTF8.self)[...]),
              let name = form["name"], let password = form.raw("password") else {
            return PageResponse.redirect(to: "/login?failed=1")
        }
        switch try await logIn(name: name, password: password, previousSessionID: request.cookies[Self.cookieName]?.value) {
        case .signedIn(let sessionID, _):
            var response = PageResponse.redirect(to: "/")
            response.setCookie(sessionCookie(sessionID))
            return response
        case .refused:
            return PageResponse.redirect(to: "/login?failed=1")
        case .lockedOut:
            return PageResponse.redirect(to: "/login?failed=locked")
        }
    }
}
