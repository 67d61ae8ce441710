import DuikouKit
import Hummingbird

/// One route of the JSON API: its method, its path below `/api/v1` as the OpenAPI document writes
/// it (`/projects/{id}`, which Hummingbird's router reads too), whether it needs an account, and its handler. The API's routes are
/// registered from ``JSONAPI/routes`` and nowhere else, so that the document's test sees them all.
struct APIRoute: Sendable {
    let method: HTTPRequest.Method
    let path: String
    let needsAccount: Bool
    let handle: @Sendable (Request, WorkspaceContext) async throws -> Response

    init(_ method: HTTPRequest.Method, _ path: String, needsAccount: Bool = true,
         _ handle: @escaping @Sendable (Request, WorkspaceContext) async throws -> Response) {
        self.method = method
        self.path = path
        self.needsAccount = needsAccount
        self.handle = handle
    }
}

/// The JSON API under `/api/v1`, over one repository.
struct JSONAPI: Sendable {
    static let prefix = "/api/v1"

    let repository: Repository
    let configuration: WorkspaceConfiguration
    /// Answers kept until the records change.
    let cache: ReadCache

    /// Every route of the API.
    var routes: [APIRoute] {
        [
            APIRoute(.get, "/openapi.json", needsAccount: false) { _, _ in OpenAPIDocument.response() },
            APIRoute(.get, "/progress", progress),
            APIRoute(.get, "/projects", projects),
            APIRoute(.post, "/projects", addProject),
            APIRoute(.get, "/projects/{id}", project),
            APIRoute(.post, "/projects/{id}/updates", recordUpdate),
            APIRoute(.post, "/projects/{id}/corrections", correctUpdate),
            APIRoute(.post, "/projects/{id}/plan-revisions", revisePlan),
            APIRoute(.post, "/projects/{id}/void", voidProject),
            APIRoute(.get, "/alerts", alerts),
            APIRoute(.get, "/rounds", rounds),
            APIRoute(.get, "/rounds/{period}", round),
            APIRoute(.get, "/search", search),
        ]
    }

    /// Adds every route to `router` under ``prefix``.
    func register(on router: Router<WorkspaceContext>) {
        let group = router.group(RouterPath(Self.prefix))
        for route in routes {
            group.on(RouterPath(route.path), method: route.method) { request, context in
                if route.needsAccount { _ = try context.requireAccount() }
                return try await route.handle(request, context)
            }
        }
    }
}
