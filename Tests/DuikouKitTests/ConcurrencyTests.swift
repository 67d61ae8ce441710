import CSQLite
import Dispatch
import Foundation
import Synchronization
import Testing
@testable import DuikouKit

/// Many writers at once: through one shared repository, and through several repositories on one file.
@Suite struct ConcurrencyTests {
    private static let pairings = ["liaoning-jiangsu", "jilin-zhejiang", "heilongjiang-guangdong", "shenyang-beijing",
                                   "dalian-shanghai", "changchun-tianjin", "harbin-shenzhen", "inner-mongolia"]

    /// Adds a project and moves it on twice; returns its id.
    private static func recordProject(_ repo: Repository, writer: Int, index: Int) throws -> UUID {
        let project = try repo.addProject(NewProject(
            pairing: pairings[writer % pairings.count], task: "2.\(index % 5 + 1)", title: "写入者\(writer) 项目\(index)",
            planned: Money(yuan: 1_000_000), date: LocalDate(parsing: "2020-01-01")))
        try repo.recordUpdate(NewProgressUpdate(date: LocalDate(parsing: "2020-06-01"), status: .landed), toProject: project.id)
        try repo.recordUpdate(NewProgressUpdate(date: LocalDate(parsing: "2021-01-01"), status: .started, completed: Money(yuan: 250_000)),
                              toProject: project.id)
        return project.id
    }

    @Test func tasksSharingOneRepositoryAllLand() async throws {
        let db = try TemporaryDatabase()
        let repo = try db.open()
        let writers = 8
        let perWriter = 15

        let ids = try await withThrowingTaskGroup(of: [UUID].self) { group in
            for writer in 0..<writers {
                group.addTask {
                    var ids: [UUID] = []
                    for index in 0..<perWriter {
                        ids.append(try Self.recordProject(repo, writer: writer, index: index))
                        // Readers interleave with the writers.
                        _ = try repo.progress(ProgressQuery(grouping: .pairing))
                    }
                    return ids
                }
            }
            var all: [UUID] = []
            for try await ids in group { all += ids }
            return all
        }

        #expect(ids.count == writers * perWriter)
        #expect(Set(ids).count == writers * perWriter)
        try expectAllLanded(repo, ids: ids)
    }

    @Test func threadsSharingOneRepositoryAllLand() throws {
        let db = try TemporaryDatabase()
        let repo = try db.open()
        let writers = 8
        let perWriter = 15
        let outcome = Outcome()

        DispatchQueue.concurrentPerform(iterations: writers) { writer in
            for index in 0..<perWriter {
                outcome.record { try Self.recordProject(repo, writer: writer, index: index) }
            }
        }

        #expect(outcome.failures == [])
        #expect(outcome.ids.count == writers * perWriter)
        try expectAllLanded(repo, ids: outcome.ids)
    }

    @Test func twoRepositoriesOnOneFileWriteAtOnce() throws {
        let db = try TemporaryDatabase()
        let first = try db.open()
        let second = try db.open()
        let reader = try db.open()
        let perWriter = 40
        let outcome = Outcome()
        let group = DispatchGroup()

        for (writer, repo) in [first, second].enumerated() {
            DispatchQueue.global().async(group: group) {
                for index in 0..<perWriter {
                    outcome.record { try Self.recordProject(repo, writer: writer, index: index) }
                }
            }
        }
        DispatchQueue.global().async(group: group) {
            for _ in 0..<perWriter {
                outcome.perform { _ = try reader.progress(ProgressQuery(grouping: .task)) }
            }
        }
        group.wait()

        #expect(outcome.failures == [])
        #expect(outcome.ids.count == 2 * perWriter)
        // Each repository sees the other's writes.
        try expectAllLanded(first, ids: outcome.ids)
        try expectAllLanded(second, ids: outcome.ids)
    }

    @Test func bulkAddsFromTwoRepositoriesDoNotInterleave() throws {
        let db = try TemporaryDatabase()
        let repositories = [try db.open(), try db.open()]
        let batches = 10
        let perBatch = 20
        let outcome = Outcome()
        let group = DispatchGroup()

        for (writer, repo) in repositories.enumerated() {
            DispatchQueue.global().async(group: group) {
                for batch in 0..<batches {
                    outcome.record {
                        let projects = try (0..<perBatch).map { index in
                            try NewProject(pairing: Self.pairings[writer], task: "3.\(index % 4 + 1)", title: "批\(writer)-\(batch)-\(index)",
                                           date: LocalDate(parsing: "2021-09-12"))
                        }
                        let added = try repo.addProjects(projects)
                        guard added == perBatch else { throw DuikouError(.internal, "a batch recorded \(added) of \(perBatch) projects") }
                        return projects[0].id
                    }
                }
            }
        }
        group.wait()

        #expect(outcome.failures == [])
        #expect(outcome.ids.count == 2 * batches)
        let titles = try repositories[0].projects().map(\.title)
        #expect(titles.count == 2 * batches * perBatch)
        // Each batch is one transaction: its projects are stored consecutively, in order.
        for start in stride(from: 0, to: titles.count, by: perBatch) {
            let batch = titles[start..<(start + perBatch)]
            let prefix = try #require(batch.first?.split(separator: "-").dropLast().joined(separator: "-"))
            #expect(batch.map { String($0) } == (0..<perBatch).map { "\(prefix)-\($0)" })
        }
    }

    /// Several processes may run `duikou` on a new file at the same moment: every one of them must
    /// open it (one migrates, the others wait for the lock and find the work done).
    @Test func severalRepositoriesOpeningAFreshFileAtOnceAllSucceed() throws {
        let outcome = Outcome()
        for _ in 0..<200 {
            let db = try TemporaryDatabase()
            let path = db.path
            DispatchQueue.concurrentPerform(iterations: 4) { _ in
                outcome.perform { _ = try Repository(path: path) }
            }
            outcome.perform {
                let catalogue = try Repository(path: path).catalogue()
                guard catalogue.pairings.count == 8, catalogue.tasks.count == 18 else {
                    throw DuikouError(.internal, "\(path) holds \(catalogue.pairings.count) pairings and \(catalogue.tasks.count) tasks")
                }
            }
        }
        #expect(outcome.failures == [])
    }

    /// A new file whose write lock another connection holds for a moment (as a second `duikou`
    /// would while it migrates): opening waits for the lock within the busy timeout.
    @Test func openingANewFileWaitsForAnotherWritersLock() throws {
        let db = try TemporaryDatabase()
        var handle: OpaquePointer?
        #expect(sqlite3_open_v2(db.path, &handle, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE, nil) == SQLITE_OK)
        defer { sqlite3_close(handle) }
        #expect(sqlite3_exec(handle, "BEGIN IMMEDIATE", nil, nil, nil) == SQLITE_OK)

        // The other writer lets go after a moment, well within the default five seconds.
        let holder = UncheckedHandle(handle)
        let released = DispatchSemaphore(value: 0)
        DispatchQueue.global().asyncAfter(deadline: .now() + .milliseconds(300)) {
            sqlite3_exec(holder.handle, "COMMIT", nil, nil, nil)
            released.signal()
        }

        let opened = Result { try Repository(path: db.path) }
        released.wait()

        let repo = try opened.get()
        #expect(try repo.catalogue().tasks.count == 18)
    }

    @Test func writerBlockedPastTheBusyTimeoutFailsWithBusyAndWritesNothing() throws {
        let db = try TemporaryDatabase()
        let repo = try db.open(Repository.Options(busyTimeout: .milliseconds(50)))

        // Another connection holds the write lock.
        var handle: OpaquePointer?
        #expect(sqlite3_open_v2(db.path, &handle, SQLITE_OPEN_READWRITE, nil) == SQLITE_OK)
        defer { sqlite3_close(handle) }
        #expect(sqlite3_exec(handle, "BEGIN IMMEDIATE", nil, nil, nil) == SQLITE_OK)

        let error = #expect(throws: DuikouError.self) {
            try repo.addProject(NewProject(pairing: "dalian-shanghai", task: "1.4", title: "被锁住", date: LocalDate(parsing: "2020-01-01")))
        }
        #expect(error?.code == .busy)
        #expect(error.map { $0.sqliteCode.map { $0 & 0xFF } == SQLITE_BUSY } == true)

        #expect(sqlite3_exec(handle, "ROLLBACK", nil, nil, nil) == SQLITE_OK)
        #expect(try repo.projects().isEmpty)
        // Once the lock is released the same write goes through.
        try repo.addProject(NewProject(pairing: "dalian-shanghai", task: "1.4", title: "解锁后", date: LocalDate(parsing: "2020-01-01")))
        #expect(try repo.projects().map(\.title) == ["解锁后"])
    }

    // MARK: - Helpers

    private func expectAllLanded(_ repo: Repository, ids: [UUID]) throws {
        let projects = try repo.projects()
        #expect(projects.count == ids.count)
        #expect(Set(projects.map(\.id)) == Set(ids))
        #expect(Set(projects.map(\.title)).count == ids.count)
        #expect(projects.allSatisfy { $0.status == .started && $0.completed.yuan == 250_000 })
        for id in ids {
            let updates = try repo.projectHistory(id).updates
            #expect(updates.map(\.sequence) == [1, 2, 3])
            #expect(updates.map(\.status) == [.signed, .landed, .started])
        }
        let report = try repo.progress()
        #expect(report.total.projects == ids.count)
        #expect(report.total.byStatus[.started] == ids.count)
        #expect(report.total.plannedInvestment.yuan == Int64(ids.count) * 1_000_000)
        #expect(report.total.completedInvestment.yuan == Int64(ids.count) * 250_000)
    }
}

/// What concurrent workers did: the ids they recorded and every failure, by message.
private final class Outcome: Sendable {
    private let state = Mutex<(ids: [UUID], failures: [String])>(([], []))

    var ids: [UUID] { state.withLock { $0.ids } }
    var failures: [String] { state.withLock { $0.failures } }

    func record(_ work: () throws -> UUID) {
        do {
            let id = try work()
            state.withLock { $0.ids.append(id) }
        } catch {
            let code = (error as? DuikouError)?.code.description ?? "other"
            state.withLock { $0.failures.append("\(code): \(error)") }
        }
    }

    /// Runs work that records nothing, keeping its failure.
    func perform(_ work: () throws -> Void) {
        do { try work() } catch {
            let code = (error as? DuikouError)?.code.description ?? "other"
            state.withLock { $0.failures.append("\(code): \(error)") }
        }
    }
}

/// A raw SQLite handle handed to one other thread, which alone uses it until it signals.
private struct UncheckedHandle: @unchecked Sendable {
    let handle: OpaquePointer?
    init(_ handle: OpaquePointer?) { self.handle = handle }
}
