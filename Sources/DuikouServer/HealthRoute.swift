import DuikouKit
import Hummingbird

/// `GET /healthz`, for load balancers and systemd: 200 `{"status": "ok"}` when the database answers
/// a read, else 503 with the error object. It needs no account and tells nothing about the data.
struct HealthRoute: Sendable {
    static let path = "/healthz"

    let repository: Repository

    func register(on router: Router<WorkspaceContext>) {
        router.get(RouterPath(Self.path)) { _, context in
            do {
                _ = try await repository.read { try $0.rounds().count }
                return JSONResponse.make(.object([("status", .string("ok"))]))
            } catch {
                context.logger.error("health check: the database did not answer a read", metadata: ["error": "\(String(reflecting: error))"])
                let refusal = WorkspaceError(status: .serviceUnavailable, code: "unavailable", message: "the database does not answer")
                return JSONResponse.make(ErrorObject.json(refusal), status: .serviceUnavailable)
            }
        }
    }
}
