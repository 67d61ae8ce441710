import DuikouKit
import Foundation
import Hummingbird

extension JSONAPI {
    /// `POST /projects`: records a project with the keys of `project show`; 201 with `{"id"}`.
    @Sendable func addProject(_ request: Request, _ context: WorkspaceContext) async throws -> Response {
        let account = try writer(context)
        let body = try await JSONBody.read(request, limit: configuration.limits.maxBodyBytes, allowed: [
            "id", "pairing", "task", "title", "description", "northeast_party", "east_party", "park", "landmark", "planned_investment_yuan",
            "status", "date", "completed_investment_yuan", "note", "planned_start", "planned_completion",
        ])
        let (pairingName, taskName, title) = (try body.requiredText("pairing"), try body.requiredText("task"), try body.requiredText("title"))
        let (description, northeastParty, eastParty, note) = (try body.text("description"), try body.text("northeast_party"),
                                                              try body.text("east_party"), try body.text("note"))
        let (parkName, landmark, id) = (try body.text("park"), try body.bool("landmark") ?? false, try body.uuid("id") ?? UUID())
        let (planned, completed) = (try body.money("planned_investment_yuan"), try body.money("completed_investment_yuan") ?? .zero)
        let (status, date) = (try body.keyword("status", ProjectStatus.self) ?? .signed, try body.date("date") ?? .today())
        let (plannedStart, plannedCompletion) = (try body.date("planned_start"), try body.date("planned_completion"))
        let project = try await repository.write(as: identity(account, request)) { transaction in
            let pairing = try resolving(field: "pairing") { try transaction.resolvePairing(pairingName) }
            try Self.permit(account, pairing: pairing, in: transaction)
            return try transaction.addProject(NewProject(
                id: id, pairing: pairing, task: try resolving(field: "task") { try transaction.resolveTask(taskName) }, title: title,
                description: description, northeastParty: northeastParty, eastParty: eastParty,
                park: try parkName.map { name in try resolving(field: "park") { try transaction.resolveID(name, of: .park) } },
                landmark: landmark, planned: planned, status: status, date: date, completed: completed, note: note,
                plannedStart: plannedStart, plannedCompletion: plannedCompletion))
        }
        let location = "\(Self.prefix)/projects/\(project.id.uuidString.lowercased())"
        return JSONResponse.make(.object([("id", .string(project.id.uuidString.lowercased()))]), status: .created, headers: [.location: location])
    }

    /// `POST /projects/{id}/updates`: records a progress update; 201 with the project as listed.
    @Sendable func recordUpdate(_ request: Request, _ context: WorkspaceContext) async throws -> Response {
        let account = try writer(context)
        let target = try context.parameters.require("id")
        let body = try await JSONBody.read(request, limit: configuration.limits.maxBodyBytes,
                                           allowed: ["date", "status", "completed_investment_yuan", "note", "unchanged"])
        guard let date = try body.date("date") else { throw DuikouError(.invalidInput, "date: is required", field: "date") }
        let (status, completed, note) = (try body.keyword("status", ProjectStatus.self), try body.money("completed_investment_yuan"),
                                         try body.text("note"))
        let update: NewProgressUpdate
        if try body.bool("unchanged") == true {
            guard status == nil, completed == nil else {
                throw DuikouError(.invalidInput, "unchanged: keeps the status and completed investment; leave out status and completed_investment_yuan",
                                  field: "unchanged")
            }
            update = try NewProgressUpdate(unchangedOn: date, note: note)
        } else {
            update = try NewProgressUpdate(date: date, status: status, completed: completed, note: note)
        }
        let project = try await repository.write(as: identity(account, request)) { transaction in
            let id = try Self.projectOfOwnPairing(target, account, in: transaction)
            return try transaction.recordUpdate(update, toProject: id)
        }
        return JSONResponse.make(Self.json(project), status: .created)
    }

    /// `POST /projects/{id}/corrections`: supersedes update `seq` with corrected values; 201 with
    /// the project as `project show` gives it.
    @Sendable func correctUpdate(_ request: Request, _ context: WorkspaceContext) async throws -> Response {
        let account = try writer(context)
        let target = try context.parameters.require("id")
        let body = try await JSONBody.read(request, limit: configuration.limits.maxBodyBytes,
                                           allowed: ["seq", "date", "status", "completed_investment_yuan", "note", "reason"])
        guard let sequence = try body.integer("seq", in: 1...Int64(Int32.max)) else {
            throw DuikouError(.invalidInput, "seq: is required", field: "seq")
        }
        let correction = try UpdateCorrection(
            sequence: Int(sequence), date: try body.date("date"), status: try body.keyword("status", ProjectStatus.self),
            completed: try body.money("completed_investment_yuan"), note: try body.text("note"), reason: try body.requiredText("reason"))
        let history = try await repository.write(as: identity(account, request)) { transaction in
            try transaction.correctUpdate(correction, ofProject: try Self.projectOfOwnPairing(target, account, in: transaction))
        }
        return JSONResponse.make(history.json, status: .created)
    }

    /// `POST /projects/{id}/plan-revisions`: revises the planned investment and dates with a
    /// reason; 201 with the project as listed.
    @Sendable func revisePlan(_ request: Request, _ context: WorkspaceContext) async throws -> Response {
        let account = try writer(context)
        let target = try context.parameters.require("id")
        let body = try await JSONBody.read(request, limit: configuration.limits.maxBodyBytes,
                                           allowed: ["planned_investment_yuan", "planned_start", "planned_completion", "reason"])
        let revision = try NewPlanRevision(
            planned: try body.money("planned_investment_yuan"), plannedStart: try body.date("planned_start"),
            plannedCompletion: try body.date("planned_completion"), reason: try body.requiredText("reason"))
        let project = try await repository.write(as: identity(account, request)) { transaction in
            try transaction.reviseProjectPlan(try Self.projectOfOwnPairing(target, account, in: transaction), revision)
        }
        return JSONResponse.make(Self.json(project), status: .created)
    }

    /// `POST /projects/{id}/void`: withdraws a project recorded by mistake; 200 with the project as
    /// `project show` gives it, marked voided.
    @Sendable func voidProject(_ request: Request, _ context: WorkspaceContext) async throws -> Response {
        let account = try writer(context)
        let target = try context.parameters.require("id")
        let body = try await JSONBody.read(request, limit: configuration.limits.maxBodyBytes, allowed: ["reason"])
        let reason = try body.requiredText("reason")
        let history = try await repository.write(as: identity(account, request)) { transaction in
            let id = try Self.projectOfOwnPairing(target, account, in: transaction)
            try transaction.voidProject(id, reason: reason)
            return try transaction.projectHistory(id)
        }
        return JSONResponse.make(history.json)
    }

    /// The signed-in user when they may write at all; a viewer answers 403 before the body is read.
    private func writer(_ context: WorkspaceContext) throws -> Account {
        let account = try context.requireAccount()
        guard account.role != .viewer else { throw WorkspaceError.forbidden("a viewer reads only") }
        return account
    }

    /// Who the audit log records: the user, through the route.
    private func identity(_ account: Account, _ request: Request) -> AuditIdentity {
        AuditIdentity(actor: account.name, command: "web: \(request.method.rawValue) \(request.uri.path)")
    }

    /// Refuses (403, inside the transaction, so nothing is written) a user who may not write `pairing`.
    private static func permit(_ account: Account, pairing: String, in transaction: Transaction) throws {
        guard account.mayWrite(pairing: pairing, in: try transaction.catalogue()) else {
            throw WorkspaceError.forbidden("\(account.name) may not write the records of pairing \(pairing)")
        }
    }

    /// The project `text` names (404 when none), once the user may write its pairing.
    private static func projectOfOwnPairing(_ text: String, _ account: Account, in transaction: Transaction) throws -> UUID {
        let id = try transaction.resolveID(text, of: .project)
        try permit(account, pairing: try transaction.projectHistory(id).project.pairing, in: transaction)
        return id
    }

    /// A project as one object of the CLI's `project list --format json`.
    static func json(_ project: Project) -> JSONValue {
        guard case .array(let items) = Listing.projects([project]).json, let first = items.first else { return .null }
        return first
    }
}
