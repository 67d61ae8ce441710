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

    @Test func anAnswerIsComputedOncePerVersion() async throws {
        let database = try TemporaryDatabase()
        let repository = try database.open()
        let cache = ReadCache()
        let computed = Counter()
        let answer = { () async throws -> Int in
            try await cache.answer(ReadCache.Key("parks"), from: repository) { snapshot in
                computed.add()
                return try snapshot.parks().count
            }
        }
        #expect(try await answer() == 0)
        #expect(try await answer() == 0)
        #expect(computed.value == 1)
        _ = try await repository.addPark(NewPark(pairing: "harbin-shenzhen", name: "深哈产业园"))
        #expect(try await answer() == 1)
        #expect(try await answer() == 1)
        #expect(computed.value == 2)
        // An account is a record; a session is not, and the answer stays kept.
        _ = try await repository.addAccount(NewAccount(name: "王芳", role: .viewer, passwordHash: "h"))
        _ = try await answer()
        #expect(computed.value == 3)
        _ = try await repository.createSession(NewAccountSession(idHash: String(repeating: "b", count: 64), account: "王芳", csrfToken: "c",
                                                                 createdAt: Date(), expiresAt: Date().addingTimeInterval(60)))
        _ = try await answer()
        #expect(computed.value == 3)
    }

    @Test func requestsThatMissTogetherShareOneComputation() async throws {
        let database = try TemporaryDatabase()
        let repository = try database.open()
        let cache = ReadCache()
        let computed = Counter()
        let answers = try await withThrowingTaskGroup(of: Int.self) { group in
            for _ in 0..<16 {
                group.addTask {
                    try await cache.answer(ReadCache.Key("slow"), from: repository) { snapshot in
                        computed.add()
                        usleep(200_000)
                        return try snapshot.parks().count + 7
                    }
                }
            }
            return try await group.reduce(into: []) { $0.append($1) }
        }
        #expect(answers == Array(repeating: 7, count: 16))
        #expect(computed.value == 1)
        // A refusal is shared the same way, and nothing is kept.
        let refusals = await withTaskGroup(of: DuikouError.Code?.self) { group in
            for _ in 0..<4 {
                group.addTask {
                    do {
                        _ = try await cache.answer(ReadCache.Key("bad"), from: repository) { try $0.resolvePairing("nowhere") }
                        return nil
                    } catch let error as DuikouError {
                        return error.code
                    } catch {
                        return nil
                    }
                }
            }
            return await group.reduce(into: []) { $0.append($1) }
        }
        #expect(refusals == Array(repeating: .notFound, count: 4))
        #expect(cache.count == 1)
    }

    @Test func keysAreKeptApartAndTheirNumberIsBounded() async throws {
        let database = try TemporaryDatabase()
        let repository = try database.open()
        let cache = ReadCache(capacity: 3)
        let keys = (1...10).map { ReadCache.Key("progress", [String($0), nil]) }
        for (index, key) in keys.enumerated() {
            let value = try await cache.answer(key, from: repository) { _ in index }
            #expect(value == index)
            #expect(cache.count <= 3)
        }
        // `nil` and an empty text are different parameters.
        #expect(ReadCache.Key("a", [nil]) != ReadCache.Key("a", [""]))
        let last = try await cache.answer(keys[9], from: repository) { _ in -1 }
        #expect(last == 9)
    }

    @Test func anAnswerFromAnOlderVersionOrDayIsNotKept() throws {
        let cache = ReadCache()
        let today = LocalDate.today()
        let yesterday = try LocalDate(parsing: "2020-01-01")
        cache.keep("newer", ReadCache.Key("a"), version: 5, day: today)
        cache.keep("older", ReadCache.Key("b"), version: 4, day: today)
        cache.keep("a day before", ReadCache.Key("c"), version: 6, day: yesterday)
        #expect(cache.count == 1)
        #expect(cache.kept(ReadCache.Key("a"), version: 5, day: today) == "newer")
        #expect(cache.kept(ReadCache.Key("b"), version: 4, day: today) as String? == nil)
        #expect(cache.kept(ReadCache.Key("a"), version: 6, day: today) as String? == nil)
        // A newer version drops the older answers.
        cache.keep("newest", ReadCache.Key("b"), version: 6, day: today)
        #expect(cache.count == 1 && cache.kept(ReadCache.Key("a"), version: 5, day: today) as String? == nil)
    }
}

/// How many times something ran, from any task.
private final class Counter: Sendable {
    private let count = Mutex(0)

    func add() { count.withLock { $0 += 1 } }

    var value: Int { count.withLock { $0 } }
}
