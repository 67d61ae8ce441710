import DuikouKit
import Hummingbird

/// What every page needs to know about the request it answers: who asks, in which language, and
/// the query's fields.
struct PageRequest: Sendable {
    /// The name of the cookie that keeps the language chosen with `?lang=`.
    static let languageCookie = "duikou_lang"

    let account: Account?
    let csrfToken: String?
    let language: Language
    /// Whether the language was chosen by this request's `?lang=`, so the answer sets the cookie.
    let choseLanguage: Bool
    let path: String
    let query: PageForm
}

extension PageRequest {
    init(_ request: Request, _ context: WorkspaceContext) throws {
        let account = context.account
        let csrfToken = context.csrfToken
        let path = request.uri.path
        let cookie = request.cookies[Self.languageCookie].flatMap { Language(rawValue: $0.value) } ?? .zh
        guard let query = PageForm(encoded: (request.uri.query ?? "")[...]) else {
            self.init(account: account, csrfToken: csrfToken, language: cookie, choseLanguage: false, path: path, query: PageForm())
            throw PageFailure(.badRequest, field: "query", zh: "查询参数无法读取", en: "The query cannot be read")
        }
        let chosen = query["lang"].flatMap(Language.init(rawValue:))
        self.init(account: account, csrfToken: csrfToken, language: chosen ?? cookie, choseLanguage: chosen != nil, path: path, query: query)
    }

    /// The Chinese or the English text, as the page's language asks.
    func t(_ zh: String, _ en: String) -> String { language == .zh ? zh : en }

    /// The link to this page in the other language: its path and query, with `lang` set.
    var otherLanguageLink: String {
        let other: Language = language == .zh ? .en : .zh
        let kept = query.fields.filter { $0.key != "lang" }.sorted { $0.key < $1.key }.map { ($0.key, Optional($0.value)) }
        return path + PageForm.query(kept + [("lang", other.rawValue)])
    }
}

/// A page that cannot be shown: its status and what to tell the user, naming the field at fault.
struct PageFailure: Error {
    let status: HTTPResponse.Status
    let field: String?
    let zh: String
    let en: String

    init(_ status: HTTPResponse.Status, field: String? = nil, zh: String, en: String) {
        self.status = status
        self.field = field
        self.zh = zh
        self.en = en
    }

    /// The failure a library error stands for: 404 for what is not found, 409 when the database is
    /// busy, 400 for everything the user sent wrong; the library's message names the field.
    init(_ error: DuikouError) {
        switch error.code {
        case .notFound: status = .notFound
        case .busy: status = .conflict
        case .invalidInput, .constraint: status = .badRequest
        default: status = .internalServerError
        }
        field = error.field
        zh = error.message
        en = error.message
    }
}
