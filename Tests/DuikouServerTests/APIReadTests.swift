@testable import DuikouServer
import DuikouKit
import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import Testing

/// The API's reads answer what the CLI prints for the same database, byte for byte.
@Suite struct APIReadTests {
    @Test func progressIsTheCLIsJSON() async throws {
        let fixture = try APIFixture(demo: true)
        let path = fixture.database.path
        try await fixture.test { client in
            for (query, arguments) in [("", [String]()), ("?by=pairing&as_of=2020-12-31", ["--by", "pairing", "--as-of", "2020-12-31"]),
                                       ("?by=task&pairing=%E6%B7%B1%E5%93%88", ["--by", "task", "--pairing", "深哈"]),
                                       ("?by=province", ["--by", "province"]), ("?area=2", ["--area", "2"])] {
                let result = try await client.send(.get, "/api/v1/progress\(query)", as: .viewer())
                #expect(result.status == .ok)
                #expect(result.headers[.contentType] == "application/json; charset=utf-8")
                #expect(result.body == (try duikouCLI(["progress", "--format", "json"] + arguments, db: path)), "progress\(query)")
            }
        }
    }

    @Test func projectListingIsTheCLIsJSONAndPages() async throws {
        let fixture = try APIFixture(demo: true)
        let path = fixture.database.path
        try await fixture.test { client in
            let all = try await client.send(.get, "/api/v1/projects", as: .viewer())
            #expect(all.status == .ok)
            #expect(all.body == (try duikouCLI(["project", "list", "--format", "json"], db: path)))
            let total = try all.rows().count
            #expect(all.headers[.totalCount] == String(total))

            let filtered = try await client.send(.get, "/api/v1/projects?pairing=harbin-shenzhen&status=started&as_of=2021-06-30", as: .viewer())
            #expect(filtered.body == (try duikouCLI(["project", "list", "--format", "json", "--pairing", "harbin-shenzhen", "--status", "started",
                                                     "--as-of", "2021-06-30"], db: path)))

            let page = try await client.send(.get, "/api/v1/projects?limit=5&offset=3", as: .viewer())
            let ids = try all.rows().compactMap { $0["id"] as? String }
            #expect(try page.rows().compactMap { $0["id"] as? String } == Array(ids[3..<8]))
            #expect(page.headers[.totalCount] == String(total))

            let past = try await client.send(.get, "/api/v1/projects?offset=\(total + 10)", as: .viewer())
            #expect(past.status == .ok && past.body == "[]\n")
        }
    }

    @Test func projectListingSearchesItsText() async throws {
        let fixture = try APIFixture()
        let kept = try await fixture.repository.addProject(NewProject(pairing: "harbin-shenzhen", task: "2.1", title: "哈尔滨新能源汽车零部件项目",
                                                                 date: try LocalDate(parsing: "2024-03-01")))
        _ = try await fixture.repository.addProject(NewProject(pairing: "harbin-shenzhen", task: "2.1", title: "冰雪旅游", date: try LocalDate(parsing: "2024-03-01")))
        try await fixture.test { client in
            let found = try await client.send(.get, "/api/v1/projects?q=%E6%96%B0%E8%83%BD%E6%BA%90", as: .viewer())
            #expect(try found.rows().compactMap { $0["id"] as? String } == [kept.id.uuidString.lowercased()])
            #expect(found.headers[.totalCount] == "1")
        }
    }

    @Test func projectAlertsRoundsAndSearchAreTheCLIsJSON() async throws {
        let fixture = try APIFixture(demo: true)
        let path = fixture.database.path
        let id = try #require(try await fixture.repository.projects().first).id.uuidString.lowercased()
        _ = try await fixture.repository.openRound(try ReportingPeriod(parsing: "2024-Q3"), due: try LocalDate(parsing: "2024-10-15"))
        try await fixture.test { client in
            let show = try await client.send(.get, "/api/v1/projects/\(id.prefix(8))", as: .viewer())
            #expect(show.status == .ok)
            #expect(show.body == (try duikouCLI(["project", "show", id, "--format", "json"], db: path)))

            let alerts = try await client.send(.get, "/api/v1/alerts?as_of=2025-06-30&rule=stalled,start_overdue", as: .viewer())
            #expect(alerts.body == (try duikouCLI(["alerts", "--format", "json", "--as-of", "2025-06-30", "--rule", "stalled",
                                                   "--rule", "start_overdue"], db: path)))
            #expect(try !alerts.rows().isEmpty)

            let round = try await client.send(.get, "/api/v1/rounds/2024-Q3", as: .viewer())
            #expect(round.body == (try duikouCLI(["round", "status", "2024-Q3", "--format", "json"], db: path)))
            let rounds = try await client.send(.get, "/api/v1/rounds", as: .viewer())
            #expect(rounds.body == (try duikouCLI(["round", "list", "--format", "json"], db: path)))

            let search = try await client.send(.get, "/api/v1/search?q=%E5%9B%AD&limit=7", as: .viewer())
            #expect(search.body == (try duikouCLI(["search", "园", "--limit", "7", "--format", "json"], db: path)))
        }
    }

    @Test func badParametersAnswer400NamingThem() async throws {
        try await APIFixture().test { client in
            for (uri, field) in [("/api/v1/progress?as_of=2024-02-30", "as_of"), ("/api/v1/progress?by=month", "by"),
                                 ("/api/v1/progress?pairing=nowhere", "pairing"), ("/api/v1/progress?asof=2024-01-01", "asof"),
                                 ("/api/v1/progress?area=B", "area"), ("/api/v1/projects?area=5", "area"),
                                 ("/api/v1/projects?limit=0", "limit"), ("/api/v1/projects?offset=-1", "offset"),
                                 ("/api/v1/projects?limit=100000000000000000000000000000", "limit"),
                                 ("/api/v1/projects?status=flying", "status"), ("/api/v1/projects?task=9.9", "task"),
                                 ("/api/v1/projects?pairing=a&pairing=b", "pairing"), ("/api/v1/search", "q"),
                                 ("/api/v1/search?q=%20%20", "q"), ("/api/v1/projects?q=%20", "q"), ("/api/v1/search?q=x&limit=0", "limit"),
                                 ("/api/v1/alerts?rule=whatever", "rule"), ("/api/v1/alerts?stalled_days=99999999", "stalled_days"),
                                 ("/api/v1/rounds/2024-Q5", "period")] {
                let result = try await client.send(.get, uri, as: .viewer())
                #expect(result.status == .badRequest, "\(uri): \(result.body)")
                #expect(try result.error().field == field, "\(uri): \(result.body)")
            }
        }
    }

    @Test func missingRecordsAndRoutesAnswer404() async throws {
        try await APIFixture().test { client in
            for uri in ["/api/v1/projects/0f0f0f0f-0000-4000-8000-000000000000", "/api/v1/rounds/2019-Q1", "/api/v1/nothing", "/elsewhere"] {
                let result = try await client.send(.get, uri, as: .viewer())
                #expect(result.status == .notFound, "\(uri): \(result.body)")
                #expect(try result.error().code == "not-found", "\(uri)")
            }
        }
    }

    @Test func everyRouteButTheDocumentAndHealthNeedsAnAccount() async throws {
        let fixture = try APIFixture()
        let routes = JSONAPI(repository: fixture.repository, configuration: WorkspaceConfiguration(), cache: ReadCache()).routes
        try await fixture.test { client in
            for route in routes {
                let uri = JSONAPI.prefix + route.path.replacingOccurrences(of: "{id}", with: "0f0f0f0f")
                    .replacingOccurrences(of: "{period}", with: "2024-Q3")
                for who in [As.nobody, .disabledAdmin] {
                    let result = try await client.send(route.method, uri, as: who, body: route.method == .post ? "{}" : nil)
                    // A disabled account's token is refused whatever the route.
                    if route.needsAccount || who.account != nil {
                        #expect(result.status == .unauthorized, "\(route.method) \(uri)")
                        #expect(try result.error().code == "unauthorized")
                    } else {
                        #expect(result.status == .ok, "\(route.method) \(uri)")
                    }
                }
            }
            let health = try await client.send(.get, "/healthz", as: .nobody)
            #expect(health.status == .ok)
            #expect(try health.object()["status"] as? String == "ok")
        }
    }

    @Test func everyResponseCarriesTheSecurityHeaders() async throws {
        try await APIFixture().test { client in
            for (uri, who) in [("/api/v1/progress", As.viewer()), ("/api/v1/progress", .nobody), ("/nowhere", .viewer()), ("/healthz", .nobody),
                               ("/api/v1/openapi.json", .nobody)] {
                let result = try await client.send(.get, uri, as: who)
                let policy = try #require(result.headers[.contentSecurityPolicy], "\(uri)")
                let directives = policy.split(separator: ";").map { $0.trimmingCharacters(in: .whitespaces) }
                #expect(directives.contains("frame-ancestors 'none'"), "\(policy)")
                #expect(directives.contains("script-src 'self'"), "\(policy)")
                #expect(!directives.contains { $0.hasPrefix("default-src") && $0.contains("unsafe") }, "\(policy)")
                #expect(result.headers[.xContentTypeOptions] == "nosniff")
                #expect(result.headers[HTTPField.Name("Referrer-Policy")!] == "no-referrer")
                #expect(result.headers[HTTPField.Name("X-Request-Id")!] != nil)
                #expect(result.headers[.strictTransportSecurity] == nil)
                if uri != "/api/v1/openapi.json" { #expect(result.headers[.cacheControl] == "no-store", "\(uri)") }
            }
        }
    }

    @Test func behindATLSProxyResponsesAskForHTTPS() async throws {
        let fixture = try APIFixture()
        let workspace = Workspace(repository: fixture.repository, configuration: WorkspaceConfiguration(behindTLSProxy: true))
        try await APIClient.test(workspace) { client in
            let result = try await client.send(.get, "/healthz", as: .nobody)
            #expect(result.headers[.strictTransportSecurity]?.hasPrefix("max-age=") == true)
        }
    }
}
