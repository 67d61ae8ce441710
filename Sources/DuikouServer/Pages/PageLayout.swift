import DuikouKit
import Hummingbird

/// The frame of every page: the head with the style sheet, the navigation, who is signed in with
/// their role, the language switch and the sign-out button.
struct PageLayout {
    let request: PageRequest
    let catalogue: Catalogue?

    private func t(_ zh: String, _ en: String) -> String { request.t(zh, en) }

    func document(title: String, current: String?, body: Markup) -> Markup {
        """
        <!DOCTYPE html>
        <html lang="\(request.language == .zh ? "zh-CN" : "en")">
        <head>
        <meta charset="utf-8">
        <meta name="viewport" content="width=device-width, initial-scale=1">
        <title>\(title) · \(t("对口合作工作台", "Duikou workspace"))</title>
        <link rel="stylesheet" href="\(PageAssets.stylesheetPath)">
        <script src="\(PageAssets.scriptPath)" defer></script>
        </head>
        <body>
        <header class="top">
        <a class="brand" href="/">\(t("东北—东部对口合作工作台", "Northeast–East cooperation workspace"))</a>
        \(navigation(current: current))
        <div class="who">\(who())<a class="lang" href="\(request.otherLanguageLink)" hreflang="\(request.language == .zh ? "en" : "zh")">\(request.language == .zh ? "English" : "中文")</a></div>
        </header>
        <main>
        <h1>\(title)</h1>
        \(body)
        </main>
        </body>
        </html>

        """
    }

    private func navigation(current: String?) -> Markup {
        guard request.account != nil else { return "" }
        let items: [(String, String, String)] = [
            ("/", t("概览", "Dashboard"), "dashboard"), ("/projects", t("项目", "Projects"), "projects"),
            ("/rounds", t("调度", "Rounds"), "rounds"), ("/alerts", t("预警", "Alerts"), "alerts"),
            ("/report", t("报告", "Report"), "report"),
        ]
        let links = items.map { href, label, key -> Markup in
            key == current ? "<a href=\"\(href)\" aria-current=\"page\">\(label)</a>" : "<a href=\"\(href)\">\(label)</a>"
        }
        return "<nav>\(links)</nav>"
    }

    private func who() -> Markup {
        guard let account = request.account else { return "" }
        var role: String
        switch account.role {
        case .admin: role = t("管理员", "administrator")
        case .viewer: role = t("查看者", "viewer")
        case .reporter:
            role = t("填报员", "reporter")
            if let pairing = account.pairing {
                role += " · " + (catalogue?.name(ofPairing: pairing, request.language) ?? pairing)
            }
        }
        return """
            <span class="user">\(account.name)</span> <span class="role">\(role)</span>
            <form class="logout" method="post" action="/logout"><input type="hidden" name="csrf_token" value="\(request.csrfToken ?? "")"><button type="submit">\(t("退出", "Sign out"))</button></form>
            """
    }
}

/// How pages answer: an HTML page, a redirection, or a failure shown as a page.
enum PageResponse {
    /// An HTML page with `status`; when the request chose a language with `?lang=`, the answer keeps
    /// it in the language cookie (a year, the whole site, not readable by scripts).
    static func html(_ markup: Markup, status: HTTPResponse.Status = .ok, request: PageRequest) -> Response {
        var response = Response(
            status: status,
            headers: [.contentType: "text/html; charset=utf-8", .cacheControl: "no-store"],
            body: ResponseBody(byteBuffer: ByteBuffer(string: markup.html)))
        if request.choseLanguage {
            response.setCookie(Cookie(name: PageRequest.languageCookie, value: request.language.rawValue, maxAge: 365 * 24 * 3600, path: "/",
                                      httpOnly: true, sameSite: .lax))
        }
        return response
    }

    /// `303 See Other` to `location`, a path of this site.
    static func redirect(to location: String) -> Response {
        Response(status: .seeOther, headers: [.location: location, .cacheControl: "no-store"])
    }

    /// The failure as a page with its status.
    static func failure(_ failure: PageFailure, request: PageRequest, catalogue: Catalogue?) -> Response {
        let message = request.t(failure.zh, failure.en)
        let body: Markup = """
            <p class="error" role="alert"\(Markup.when(failure.field != nil, " data-field=\"\(failure.field ?? "")\""))>\(message)</p>
            <p><a href="/">\(request.t("返回概览", "Back to the dashboard"))</a></p>
            """
        let title = request.t("无法显示", "Cannot be shown") + " (\(failure.status.code))"
        return html(PageLayout(request: request, catalogue: catalogue).document(title: title, current: nil, body: body),
                    status: failure.status, request: request)
    }
}
