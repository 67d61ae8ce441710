import DuikouKit
@testable import DuikouServer
import Foundation
import Synchronization
import Testing

/// The server keeps progress figures, the dashboard's figures, the alerts and the catalogue between
/// requests, and never serves them once the records have changed, whoever changed them.
@Suite struct ReadCacheTests {
    @Test func progressIsTheCLIsAfterWritesThroughTheAPIAndByAnotherProgram() async throws {
        let fixture = try APIFixture(demo: true)
        let path = fixture.database.path
        let projects = try await fixture.repository.projects(ProjectFilter(pairing: "harbin-shenzhen", status: .started))
        let project = try #require(projects.first)
        try await fixture.test { client in
            for uri in ["/api/v1/progress", "/api/v1/progress?by=pairing", "/api/v1/progress?by=task&pairing=harbin-shenzhen"] {
                let first = try await client.send(.get, uri, as: .viewer())
                let again = try await client.send(.get, uri, as: .viewer())
                #expect(first.status == .ok && again.body == first.body)
            }
            let before = try await client.send(.get, "/api/v1/progress?by=pairing", as: .viewer())
            #expect(before.body == (try duikouCLI(["progress", "--by", "pairing", "--format", "json"], db: path)))

            // Through the API: the project completes.
            let completed = try await client.send(
                .post, "/api/v1/projects/\(project.id.uuidString.lowercased())/updates", as: .admin(),
                body: #"{"date": "\#(LocalDate.today())", "status": "completed", "completed_investment_yuan": \#(project.planned?.yuan ?? 100_000_000)}"#)
            #expect(completed.status == .created)
            let afterAPI = try await client.send(.get, "/api/v1/progress?by=pairing", as: .viewer())
            #expect(afterAPI.body != before.body)
            #expect(afterAPI.body == (try duikouCLI(["progress", "--by", "pairing", "--format", "json"], db: path)))

            // By another program on the same file, as the CLI's import next to the server.
            let other = try Repository(path: path)
            _ = try await other.addProject(NewProject(pairing: "harbin-shenzhen", task: "2.1", title: "另一个程序录入的项目 \"引号\", 🚀",
                                                planned: try Money(parsing: "3亿"), date: try LocalDate(parsing: "2024-05-01")))
            let afterOther = try await client.send(.get, "/api/v1/progress?by=pairing", as: .viewer())
            #expect(afterOther.body != afterAPI.body)
            #expect(afterOther.body == (try duikouCLI(["progress", "--by", "pairing", "--format", "json"], db: path)))
        }
    }

    @Test func anAnswerIsComputedOncePerVersion() throws {
        let database = try TemporaryDatabase()
        let repository = try database.open()
        let cache = ReadCache()
        let computed = Mutex(0)
        let answer = { () throws -> Int in
            try repository.read { snapshot in
                try cache.answer(ReadCache.Key("parks"), in: snapshot) { snapshot in
                    computed.withLock { $0 += 1 }
                    return try snapshot.parks().count
                }
            }
        }
        #expect(try answer() == 0 && answer() == 0)
        #expect(computed.withLock { $0 } == 1)
        try repository.addPark(NewPark(pairing: "harbin-shenzhen", name: "深哈产业园"))
        #expect(try answer() == 1 && answer() == 1)
        #expect(computed.withLock { $0 } == 2)
        // A session is not a record: the answer stays kept.
        try repository.addAccount(NewAccount(name: "王芳", role: .viewer, passwordHash: "h"))
        _ = try answer()
        #expect(computed.withLock { $0 } == 3)
        try repository.createSession(NewAccountSession(idHash: String(repeating: "b", count: 64), account: "王芳", csrfToken: "c",
                                                       createdAt: Date(), expiresAt: Date().addingTimeInterval(60)))
        _ = try answer()
        #expect(computed.withLock { $0 } == 3)
    }

    @Test func keysAreKeptApartAndTheirNumberIsBounded() throws {
        let database = try TemporaryDatabase()
        let repository = try database.open()
        let cache = ReadCache(capacity: 3)
        let keys = (1...10).map { ReadCache.Key("progress", [String($0), nil]) }
        for (index, key) in keys.enumerated() {
            let value = try repository.read { snapshot in try cache.answer(key, in: snapshot) { _ in index } }
            #expect(value == index)
            #expect(cache.count <= 3)
        }
        // `nil` and an empty text are different parameters.
        #expect(ReadCache.Key("a", [nil]) != ReadCache.Key("a", [""]))
        let last = try repository.read { snapshot in try cache.answer(keys[9], in: snapshot) { _ in -1 } }
        #expect(last == 9)
    }

    @Test func anAnswerFromAnOlderSnapshotIsNotKept() throws {
        let database = try TemporaryDatabase()
        let repository = try database.open()
        let writer = try database.open()
        let cache = ReadCache()
        let old = try repository.read { snapshot -> Int in
            let seen = try snapshot.parks().count
            try writer.addPark(NewPark(pairing: "harbin-shenzhen", name: "园区"))
            let newer = try writer.read { snapshot in try cache.answer(ReadCache.Key("newer"), in: snapshot) { try $0.parks().count } }
            #expect(newer == 1)
            return try cache.answer(ReadCache.Key("older"), in: snapshot) { _ in seen }
        }
        #expect(old == 0)
        #expect(cache.count == 1)
        let now = try repository.read { snapshot in try cache.answer(ReadCache.Key("older"), in: snapshot) { try $0.parks().count } }
        #expect(now == 1)
    }
}
