import DuikouKit
import Hummingbird

/// Adds the web workspace's server-rendered pages to `router`: the login page (`GET /login`), the
/// dashboard (`GET /`), projects (`GET /projects`, `GET /projects/{id}` and its three forms,
/// `POST /projects/{id}/updates`, `/corrections` and `/plan`), rounds (`GET /rounds`,
/// `/rounds/{period}`), alerts (`GET /alerts`), the HTML report (`GET /report`), downloads
/// (`GET /export/{kind}.xlsx|csv`, `GET /template/{period}.xlsx`) and the style sheet and script
/// under `/assets/`.
///
/// Every page but the login page answers `303 See Other` to `/login` while the request has no
/// ``WorkspaceContext/account``; the forms' posts check the session's ``WorkspaceContext/csrfToken``
/// and the account's right to write the project's pairing, and write under the account's name.
/// Pages are in Chinese, or in English after `?lang=en` (kept in the `duikou_lang` cookie).
///
/// - Parameters:
///   - router: the router (or a group of it) whose middleware has set the context's account.
///   - repository: the database the pages read and write.
public func addPageRoutes(to router: some RouterMethods<WorkspaceContext>, repository: Repository) {
    addPageRoutes(to: router, repository: repository, cache: ReadCache())
}

/// Adds the pages, keeping what they compute from the database in `cache` (which the workspace
/// shares with its JSON API).
func addPageRoutes(to router: some RouterMethods<WorkspaceContext>, repository: Repository, cache: ReadCache) {
    let pages = Pages(repository: repository, cache: cache)
    router.get("/assets/duikou.css") { _, _ in PageAssets.response(PageAssets.stylesheet, type: "text/css; charset=utf-8") }
    router.get("/assets/duikou.js") { _, _ in PageAssets.response(PageAssets.script, type: "text/javascript; charset=utf-8") }
    router.get("/login") { request, context in try await pages.login(request, context) }
    router.get("/") { request, context in try await pages.signedIn(request, context, pages.dashboard) }
    router.get("/projects") { request, context in try await pages.signedIn(request, context, pages.projects) }
    router.get("/projects/{id}") { request, context in try await pages.signedIn(request, context, pages.project) }
    for form in ProjectForm.allCases {
        router.post("/projects/{id}/\(form.rawValue)") { request, context in
            try await pages.signedIn(request, context) { page, session in try await pages.post(form, request, page, session) }
        }
    }
    router.get("/rounds") { request, context in try await pages.signedIn(request, context, pages.rounds) }
    router.get("/rounds/{period}") { request, context in try await pages.signedIn(request, context, pages.round) }
    router.get("/alerts") { request, context in try await pages.signedIn(request, context, pages.alerts) }
    router.get("/report") { request, context in try await pages.signedIn(request, context, pages.report) }
    router.get("/export/{file}") { request, context in try await pages.signedIn(request, context, pages.export) }
    router.get("/template/{file}") { request, context in try await pages.signedIn(request, context, pages.template) }
}

/// Who is asking and what they may see: the signed-in account, the request's parameters and the
/// catalogue of names.
struct PageSession: Sendable {
    let account: Account
    let catalogue: Catalogue
    let parameters: Parameters

    func pairingName(_ id: String, _ language: Language) -> String { catalogue.name(ofPairing: id, language) }

    func taskName(_ code: String, _ language: Language) -> String { catalogue.task(code)?.name(language) ?? code }
}

/// The page handlers, over one repository.
struct Pages: Sendable {
    let repository: Repository
    /// The catalogue, the dashboard's figures and the alerts, kept until the records change.
    let cache: ReadCache

    /// Answers with `render` for a signed-in user, redirects anyone else to the login page, and shows
    /// refusals and bad input as pages with their status.
    func signedIn(
        _ request: Request, _ context: WorkspaceContext,
        _ render: @Sendable (PageRequest, PageSession) async throws -> Response
    ) async throws -> Response {
        let page: PageRequest
        do {
            page = try PageRequest(request, context)
        } catch let failure as PageFailure {
            return PageResponse.failure(failure, request: PageRequest.fallback(context), catalogue: nil)
        }
        guard let account = page.account, !account.disabled else { return PageResponse.redirect(to: "/login") }
        let catalogue = try await cache.answer(ReadCache.Key("catalogue"), from: repository) { try $0.catalogue() }
        do {
            return try await render(page, PageSession(account: account, catalogue: catalogue, parameters: context.parameters))
        } catch let failure as PageFailure {
            return PageResponse.failure(failure, request: page, catalogue: catalogue)
        } catch let error as DuikouError where error.code != .internal && error.code != .io && error.code != .corrupt {
            return PageResponse.failure(PageFailure(error), request: page, catalogue: catalogue)
        }
    }

    /// The layout for a signed-in page.
    func layout(_ page: PageRequest, _ session: PageSession) -> PageLayout { PageLayout(request: page, catalogue: session.catalogue) }
}

extension PageRequest {
    /// A Chinese request without query, for the page that says a query could not be read.
    static func fallback(_ context: WorkspaceContext) -> PageRequest {
        PageRequest(account: context.account, csrfToken: context.csrfToken, language: .zh, choseLanguage: false, path: "/", query: PageForm())
    }
}
