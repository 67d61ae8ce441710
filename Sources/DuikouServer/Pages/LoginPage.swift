import DuikouKit
import Hummingbird

extension Pages {
    /// `GET /login`: the sign-in form, posting the name and the password to `/login`; a user who is
    /// signed in already goes to the dashboard.
    func login(_ request: Request, _ context: WorkspaceContext) async throws -> Response {
        let page = (try? PageRequest(request, context)) ?? PageRequest.fallback(context)
        if context.account != nil { return PageResponse.redirect(to: "/") }
        let failed = page.query["failed"]
        let body: Markup = """
            \(Markup.when(failed == "locked", "<p class=\"error\" role=\"alert\">\(page.t("登录失败次数过多，请 15 分钟后再试", "Too many failed sign-ins for this name: try again in 15 minutes"))</p>"))
            \(Markup.when(failed != nil && failed != "locked", "<p class=\"error\" role=\"alert\">\(page.t("用户名或密码不正确", "The name or the password is wrong"))</p>"))
            <form class="login" method="post" action="/login">
            <label for="login-name">\(page.t("用户名", "Name"))</label>
            <input id="login-name" name="name" autocomplete="username" required>
            <label for="login-password">\(page.t("密码", "Password"))</label>
            <input id="login-password" name="password" type="password" autocomplete="current-password" required>
            <button type="submit">\(page.t("登录", "Sign in"))</button>
            </form>
            """
        return PageResponse.html(PageLayout(request: page, catalogue: nil).document(title: page.t("登录", "Sign in"), current: nil, body: body), request: page)
    }
}
