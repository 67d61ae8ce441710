import DuikouKit
import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import Testing

/// The API's writes: what they store, who may make them, what they refuse, and the audit log.
@Suite struct APIWriteTests {
    static let projectBody = """
        {"pairing": "深哈", "task": "2.1", "title": "新能源汽车零部件项目", "planned_investment_yuan": 1250000000, "status": "签约",
         "date": "2024-03-01", "landmark": true, "planned_start": "2024-06-01"}
        """

    @Test func adminRecordsAProjectAndItsUpdatesUnderTheirName() async throws {
        let fixture = try APIFixture()
        let repository = fixture.repository
        try await fixture.test { client in
            let created = try await client.send(.post, "/api/v1/projects", as: .admin("张伟"), body: Self.projectBody)
            #expect(created.status == .created, "\(created.body)")
            let id = try #require(try created.object()["id"] as? String)
            #expect(created.headers[.location] == "/api/v1/projects/\(id)")

            let update = try await client.send(.post, "/api/v1/projects/\(id)/updates", as: .admin("张伟"),
                                               body: #"{"date": "2024-09-30", "status": "started", "completed_investment_yuan": 210000000, "note": "开工"}"#)
            #expect(update.status == .created, "\(update.body)")
            #expect(try update.object()["status"] as? String == "started")

            let history = try await repository.projectHistory(try #require(UUID(uuidString: id)))
            #expect(history.project.title == "新能源汽车零部件项目" && history.project.pairing == "harbin-shenzhen")
            #expect(history.project.planned?.yuan == 1_250_000_000 && history.project.landmark)
            #expect(history.updates.map(\.status) == [.signed, .started])
            #expect(history.updates.last?.completed.yuan == 210_000_000)

            let events = try await dataHistory(repository).filter { $0.actor == "张伟" }
            #expect(Set(events.map(\.command)) == ["web: POST /api/v1/projects", "web: POST /api/v1/projects/\(id)/updates"])
        }
    }

    @Test func correctionsPlanRevisionsAndVoids() async throws {
        let fixture = try APIFixture()
        let project = try await fixture.repository.addProject(NewProject(pairing: "harbin-shenzhen", task: "2.1", title: "项目", planned: try Money(yuan: 1_000_000),
                                                                    date: try LocalDate(parsing: "2024-03-01")))
        let id = project.id.uuidString.lowercased()
        let repository = fixture.repository
        try await fixture.test { client in
            let reporter = As.reporter("王芳", pairing: "harbin-shenzhen")
            let corrected = try await client.send(.post, "/api/v1/projects/\(id)/corrections", as: reporter,
                                                  body: #"{"seq": 1, "completed_investment_yuan": 5000, "reason": "万/亿 keyed wrongly"}"#)
            #expect(corrected.status == .created, "\(corrected.body)")
            #expect(try (corrected.object()["superseded"] as? [Any])?.count == 1)

            let revised = try await client.send(.post, "/api/v1/projects/\(id)/plan-revisions", as: reporter,
                                                body: #"{"planned_investment_yuan": 2000000, "planned_completion": "2026-06-30", "reason": "设备到货推迟"}"#)
            #expect(revised.status == .created, "\(revised.body)")
            #expect(try revised.object()["planned_investment_yuan"] as? Int == 2_000_000)

            let voided = try await client.send(.post, "/api/v1/projects/\(id)/void", as: reporter, body: #"{"reason": "重复录入"}"#)
            #expect(voided.status == .ok, "\(voided.body)")
            #expect(try voided.object()["void_reason"] as? String == "重复录入")
            #expect(try await repository.projects().isEmpty)
            #expect(try await dataHistory(repository).filter { $0.actor == "王芳" }.count == 3)
        }
    }

    @Test func everyWriteRouteRefusesWhoMayNotWriteAndChangesNothing() async throws {
        let fixture = try APIFixture()
        let project = try await fixture.repository.addProject(NewProject(pairing: "jilin-zhejiang", task: "2.1", title: "吉浙项目",
                                                                    date: try LocalDate(parsing: "2024-03-01")))
        let id = project.id.uuidString.lowercased()
        let repository = fixture.repository
        let before = (try await repository.projectHistory(project.id), try await dataHistory(repository).count, try await repository.projects().count)
        let writes: [(String, String)] = [
            ("/api/v1/projects", #"{"pairing": "jilin-zhejiang", "task": "2.1", "title": "不该有"}"#),
            ("/api/v1/projects/\(id)/updates", #"{"date": "2024-09-30", "status": "started"}"#),
            ("/api/v1/projects/\(id)/corrections", #"{"seq": 1, "note": "x", "reason": "y"}"#),
            ("/api/v1/projects/\(id)/plan-revisions", #"{"planned_investment_yuan": 1, "reason": "y"}"#),
            ("/api/v1/projects/\(id)/void", #"{"reason": "y"}"#),
        ]
        try await fixture.test { client in
            for (uri, body) in writes {
                for (who, status) in [(As.nobody, HTTPResponse.Status.unauthorized), (.disabledAdmin, .unauthorized), (.viewer(), .forbidden),
                                      (.reporter(pairing: "harbin-shenzhen"), .forbidden), (.reporter(pairing: "heilongjiang-guangdong"), .forbidden)] {
                    let result = try await client.send(.post, uri, as: who, body: body)
                    #expect(result.status == status, "\(uri) as \(who): \(result.body)")
                    #expect(try result.error().code == (status == .forbidden ? "forbidden" : "unauthorized"))
                }
            }
            #expect(try await repository.projectHistory(project.id) == before.0)
            #expect(try await dataHistory(repository).count == before.1)
            #expect(try await repository.projects().count == before.2)

            // The reporter of the pairing itself, and of the pairing above it, may.
            let own = try await client.send(.post, writes[1].0, as: .reporter(pairing: "jilin-zhejiang"), body: writes[1].1)
            #expect(own.status == .created, "\(own.body)")
            let added = try await client.send(.post, writes[0].0, as: .reporter(pairing: "jilin-zhejiang"), body: writes[0].1)
            #expect(added.status == .created, "\(added.body)")
        }
    }

    @Test func hostileBodiesAnswer400NamingTheField() async throws {
        let fixture = try APIFixture()
        let project = try await fixture.repository.addProject(NewProject(pairing: "harbin-shenzhen", task: "2.1", title: "项目", status: .started,
                                                                    date: try LocalDate(parsing: "2024-03-01"), completed: try Money(yuan: 500)))
        let id = project.id.uuidString.lowercased()
        let repository = fixture.repository
        let cases: [(String, String, String?)] = [
            ("/api/v1/projects", #"{"pairing": "深哈", "task": "2.1", "title": "x", "planned_investment_yuan": 1000000000000000000000000000000}"#,
             "planned_investment_yuan"),
            ("/api/v1/projects", #"{"pairing": "深哈", "task": "2.1", "title": "x", "planned_investment_yuan": 12.5}"#, "planned_investment_yuan"),
            ("/api/v1/projects", #"{"pairing": "深哈", "task": "2.1", "title": "x", "planned_investment_yuan": -1}"#, "planned_investment_yuan"),
            ("/api/v1/projects", #"{"pairing": "深哈", "task": "2.1", "title": "x", "planned_investment_yuan": "12.5亿"}"#, "planned_investment_yuan"),
            ("/api/v1/projects", #"{"pairing": "深哈", "task": "2.1", "title": "x", "date": "2024-02-30"}"#, "date"),
            ("/api/v1/projects", #"{"pairing": "深哈", "task": "2.1", "title": "x", "sneaky": 1}"#, "sneaky"),
            ("/api/v1/projects", #"{"pairing": "深哈", "task": "2.1", "title": 42}"#, "title"),
            ("/api/v1/projects", #"{"pairing": "深哈", "task": "2.1", "title": "   "}"#, "title"),
            ("/api/v1/projects", #"{"pairing": "深哈", "task": "2.1"}"#, "title"),
            ("/api/v1/projects", #"{"pairing": "火星", "task": "2.1", "title": "x"}"#, "pairing"),
            ("/api/v1/projects", #"{"pairing": "深哈", "task": "9.9", "title": "x"}"#, "task"),
            ("/api/v1/projects", #"{"pairing": "深哈", "task": "2.1", "title": "x", "status": "flying"}"#, "status"),
            ("/api/v1/projects", #"{"pairing": "深哈", "task": "2.1", "title": "x", "landmark": "yes"}"#, "landmark"),
            ("/api/v1/projects", #"{"pairing": "深哈", "task": "2.1", "title": "x", "id": "not-a-uuid"}"#, "id"),
            ("/api/v1/projects", #"{"pairing": "深哈", "task": "2.1", "title": "x\u0000y"}"#, "title"),
            ("/api/v1/projects", #"{"pairing": "深哈", "task": "2.1", "title": "x", "planned_start": "2025-01-01", "planned_completion": "2024-01-01"}"#,
             "planned_completion"),
            ("/api/v1/projects", #"[1, 2]"#, "body"),
            ("/api/v1/projects", #"{"pairing": "深哈", "#, "body"),
            ("/api/v1/projects", "\u{FEFF}not json", "body"),
            ("/api/v1/projects/\(id)/updates", #"{"date": "2024-09-30", "status": "negotiating"}"#, "status"),
            ("/api/v1/projects/\(id)/updates", #"{"date": "2024-01-01", "note": "早"}"#, "date"),
            ("/api/v1/projects/\(id)/updates", #"{"date": "2024-09-30"}"#, nil),
            ("/api/v1/projects/\(id)/updates", #"{"date": "2024-09-30", "completed_investment_yuan": 100}"#, "completed_investment_yuan"),
            ("/api/v1/projects/\(id)/updates", #"{"status": "completed"}"#, "date"),
            ("/api/v1/projects/\(id)/updates", #"{"date": "2024-09-30", "unchanged": true, "status": "completed"}"#, "unchanged"),
            ("/api/v1/projects/\(id)/corrections", #"{"seq": 0, "reason": "r"}"#, "seq"),
            ("/api/v1/projects/\(id)/corrections", #"{"seq": 1, "note": "n"}"#, "reason"),
            ("/api/v1/projects/\(id)/plan-revisions", #"{"planned_investment_yuan": 99999999999999999999, "reason": "r"}"#, "planned_investment_yuan"),
        ]
        let before = (try await dataHistory(repository).count, try await repository.projects().count)
        try await fixture.test { client in
            for (uri, body, field) in cases {
                let result = try await client.send(.post, uri, as: .admin(), body: body)
                #expect(result.status == .badRequest, "\(uri) \(body): \(result.status) \(result.body)")
                #expect(try result.error().field == field, "\(uri) \(body): \(result.body)")
            }
        }
        #expect(try await dataHistory(repository).count == before.0)
        #expect(try await repository.projects().count == before.1)
    }

    @Test func hostileTextIsStoredAsItCame() async throws {
        let fixture = try APIFixture()
        let repository = fixture.repository
        let title = "哈尔滨\"冰雪\"大世界, 第二期\n🏂 'quoted' \\ back <script>alert(1)</script>"
        let body = try String(decoding: JSONSerialization.data(withJSONObject: ["pairing": "harbin-shenzhen", "task": "2.1", "title": title,
                                                                              "note": "备注,逗号\r\n换行"]), as: UTF8.self)
        try await fixture.test { client in
            let created = try await client.send(.post, "/api/v1/projects", as: .admin(), body: body)
            #expect(created.status == .created, "\(created.body)")
            let id = try #require(try created.object()["id"] as? String)
            let shown = try await client.send(.get, "/api/v1/projects/\(id)", as: .viewer())
            #expect(try shown.object()["title"] as? String == title)
            #expect(try await repository.projectHistory(try #require(UUID(uuidString: id))).updates.first?.note == "备注,逗号\r\n换行")
        }
    }

    @Test func bodiesOverOneMebibyteAnswer413() async throws {
        let fixture = try APIFixture()
        let repository = fixture.repository
        let huge = #"{"pairing": "深哈", "task": "2.1", "title": ""# + String(repeating: "长", count: 400_000) + #""}"#
        try await fixture.test { client in
            let result = try await client.send(.post, "/api/v1/projects", as: .admin(), body: huge)
            #expect(result.status == .contentTooLarge)
            #expect(try result.error().code == "body-too-large")
        }
        #expect(try await repository.projects().isEmpty)
    }

    @Test func unknownProjectsAnswer404AndWriteNothing() async throws {
        let fixture = try APIFixture()
        let repository = fixture.repository
        try await fixture.test { client in
            let result = try await client.send(.post, "/api/v1/projects/0f0f0f0f-0000-4000-8000-000000000000/updates", as: .admin(),
                                               body: #"{"date": "2024-09-30", "note": "无"}"#)
            #expect(result.status == .notFound)
            #expect(try result.error().code == "not-found")
        }
        #expect(try await dataHistory(repository).isEmpty)
    }

    @Test func thirtyTwoConcurrentUpdatesAreAllStored() async throws {
        let fixture = try APIFixture()
        let project = try await fixture.repository.addProject(NewProject(pairing: "harbin-shenzhen", task: "2.1", title: "并发", date: try LocalDate(parsing: "2024-03-01")))
        let id = project.id.uuidString.lowercased()
        try await fixture.test { client in
            let statuses = try await withThrowingTaskGroup(of: HTTPResponse.Status.self) { group in
                for index in 0..<32 {
                    group.addTask {
                        try await client.send(.post, "/api/v1/projects/\(id)/updates", as: .reporter("r\(index)", pairing: "harbin-shenzhen"),
                                              body: #"{"date": "2024-06-01", "note": "第\#(index)次"}"#).status
                    }
                }
                return try await group.reduce(into: []) { $0.append($1) }
            }
            #expect(statuses.count == 32 && statuses.allSatisfy { $0 == .created }, "\(statuses)")
        }
        let history = try await fixture.repository.projectHistory(project.id)
        #expect(history.updates.count == 33)
        #expect(Set(history.updates.compactMap(\.note)) == Set((0..<32).map { "第\($0)次" }))
    }
}
