import DuikouKit
import HTTPTypes
import Hummingbird
import HummingbirdCore

extension JSONAPI {
    /// `GET /progress`: the CLI's `progress --format json`, kept in the ``ReadCache`` until the
    /// records or the day change.
    @Sendable func progress(_ request: Request, _ context: WorkspaceContext) async throws -> Response {
        let query = try QueryParameters(request.uri, allowed: ["by", "as_of", "known_on", "pairing", "area"])
        let grouping = try query.keyword("by", ProgressGrouping.self) ?? .area
        let (asOf, knownOn, pairing, area) = (try query.date("as_of"), try query.date("known_on"), query.text("pairing"), query.text("area"))
        let key = ReadCache.Key("GET /progress", [grouping.rawValue, asOf?.description, knownOn?.description, pairing, area])
        let body = try await cache.answer(key, from: repository) { snapshot in
            let pairing = try pairing.map { name in try resolving(field: "pairing") { try snapshot.resolvePairing(name) } }
            let report = try snapshot.progress(ProgressQuery(pairing: pairing, area: try checkedArea(area, in: snapshot.catalogue()), grouping: grouping,
                                                             asOf: asOf, knownOn: knownOn, countsAlerts: grouping.countsPairingActivity))
            return JSONResponse.body(report.json)
        }
        return JSONResponse.make(body: body)
    }

    /// `GET /projects`: the CLI's `project list --format json`, optionally narrowed by search text
    /// and cut into a page; `X-Total-Count` says how many projects pass the filters.
    @Sendable func projects(_ request: Request, _ context: WorkspaceContext) async throws -> Response {
        let query = try QueryParameters(request.uri, allowed: ["pairing", "area", "task", "status", "as_of", "known_on", "q", "limit", "offset"])
        let (pairing, task, area, text) = (query.text("pairing"), query.text("task"), query.text("area"), query.text("q"))
        let (status, asOf, knownOn) = (try query.keyword("status", ProjectStatus.self), try query.date("as_of"), try query.date("known_on"))
        let limit = try query.integer("limit", in: 1...10_000)
        let offset = try query.integer("offset", in: 0...Int(Int32.max)) ?? 0
        let page = try await repository.read { snapshot in
            let filter = ProjectFilter(
                pairing: try pairing.map { name in try resolving(field: "pairing") { try snapshot.resolvePairing(name) } },
                area: try checkedArea(area, in: snapshot.catalogue()),
                task: try task.map { name in try resolving(field: "task") { try snapshot.resolveTask(name) } }, status: status, asOf: asOf,
                knownOn: knownOn)
            return try snapshot.projectPage(filter, containing: text, offset: offset, limit: limit)
        }
        return JSONResponse.make(.projects(page.projects), headers: [.totalCount: String(page.total)])
    }

    /// `GET /projects/{id}`: the CLI's `project show --format json`.
    @Sendable func project(_ request: Request, _ context: WorkspaceContext) async throws -> Response {
        let query = try QueryParameters(request.uri, allowed: ["known_on"])
        let knownOn = try query.date("known_on")
        let text = try context.parameters.require("id")
        let history = try await repository.read { snapshot in
            try snapshot.projectHistory(try snapshot.resolveID(text, of: .project), knownOn: knownOn)
        }
        return JSONResponse.make(history.json)
    }

    /// `GET /alerts`: the CLI's `alerts --format json`.
    @Sendable func alerts(_ request: Request, _ context: WorkspaceContext) async throws -> Response {
        let query = try QueryParameters(
            request.uri,
            allowed: ["as_of", "known_on", "pairing", "rule", "stalled_days", "stalled_red_days", "overdue_red_days", "suspended_days",
                      "not_landed_days"],
            repeatable: ["rule"])
        let rules = try Set(query.list("rule").map { try AlertRule(parsing: $0, field: "rule") })
        let days = 0...AlertThresholds.maximumDays
        let standard = AlertThresholds.standard
        let thresholds = try AlertThresholds(
            stalledDays: try query.integer("stalled_days", in: days) ?? standard.stalledDays,
            stalledRedDays: try query.integer("stalled_red_days", in: days) ?? standard.stalledRedDays,
            overdueRedDays: try query.integer("overdue_red_days", in: days) ?? standard.overdueRedDays,
            suspendedDays: try query.integer("suspended_days", in: days) ?? standard.suspendedDays,
            notLandedDays: try query.integer("not_landed_days", in: days) ?? standard.notLandedDays)
        let (asOf, knownOn, pairing) = (try query.date("as_of") ?? .today(), try query.date("known_on"), query.text("pairing"))
        let alerts = try await repository.read { snapshot in
            let pairing = try pairing.map { name in try resolving(field: "pairing") { try snapshot.resolvePairing(name) } }
            return try snapshot.alerts(AlertQuery(asOf: asOf, pairing: pairing, rules: rules, thresholds: thresholds, knownOn: knownOn))
        }
        return JSONResponse.make(.alerts(alerts))
    }

    /// `GET /rounds`: the CLI's `round list --format json`.
    @Sendable func rounds(_ request: Request, _ context: WorkspaceContext) async throws -> Response {
        _ = try QueryParameters(request.uri, allowed: [])
        return JSONResponse.make(ReportingRound.json(try await repository.rounds()))
    }

    /// `GET /rounds/{period}`: the CLI's `round status PERIOD --format json`.
    @Sendable func round(_ request: Request, _ context: WorkspaceContext) async throws -> Response {
        let query = try QueryParameters(request.uri, allowed: ["pairing"])
        let period = try ReportingPeriod(parsing: try context.parameters.require("period"), field: "period")
        let pairing = query.text("pairing")
        let status = try await repository.read { snapshot in
            try snapshot.roundStatus(period: period, pairing: try pairing.map { name in try resolving(field: "pairing") { try snapshot.resolvePairing(name) } })
        }
        return JSONResponse.make(status.json)
    }

    /// `GET /search`: the CLI's `search TEXT --format json`.
    @Sendable func search(_ request: Request, _ context: WorkspaceContext) async throws -> Response {
        let query = try QueryParameters(request.uri, allowed: ["q", "limit"])
        guard let text = query.text("q") else { throw DuikouError(.invalidInput, "q: the text to look for is required", field: "q") }
        let limit = try query.integer("limit", in: 1...10_000)
        return JSONResponse.make(.searchHits(try await repository.search(text, limit: limit)))
    }
}

extension HTTPField.Name {
    /// How many records pass a listing's filters, before its page is cut.
    static let totalCount = HTTPField.Name("X-Total-Count")!
}
