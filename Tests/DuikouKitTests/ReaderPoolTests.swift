import Dispatch
import Foundation
import Synchronization
import Testing
@testable import DuikouKit

/// Reads on the pool of reader connections never wait for the writer; the `async` twins run on the
/// repository's own threads and stop when their task is cancelled.
@Suite struct ReaderPoolTests {
    private static func project(_ title: String) throws -> NewProject {
        try NewProject(pairing: "dalian-shanghai", task: "2.4", title: title, planned: Money(parsing: "1亿"), date: LocalDate(parsing: "2024-05-01"))
    }

    /// Runs a write that stays open, with one project added and not committed, until `whileOpen`
    /// returns (or 30 s pass, so that a read that waited for the writer fails instead of hanging).
    private static func holdingAWriteOpen<T>(_ repo: Repository, _ whileOpen: () throws -> T) throws -> (T, writeWaitedForRead: Bool) {
        let started = DispatchSemaphore(value: 0)
        let readDone = DispatchSemaphore(value: 0)
        let waited = Atomic(false)
        let writer = Thread {
            try? repo.write { tx in
                try tx.addProject(Self.project("写入中的项目"))
                started.signal()
                waited.store(readDone.wait(timeout: .now() + 30) == .success, ordering: .relaxed)
            }
        }
        writer.start()
        started.wait()
        let result = try whileOpen()
        readDone.signal()
        while writer.isExecuting || !writer.isFinished { usleep(1000) }
        return (result, waited.load(ordering: .relaxed))
    }

    @Test func aReadDuringAWriteAnswersWithTheLastCommittedState() throws {
        let db = try TemporaryDatabase()
        let repo = try db.open()
        try repo.addProject(Self.project("已提交的项目"))
        let (seen, writeWaited) = try Self.holdingAWriteOpen(repo) {
            (try repo.projects().map(\.title), try repo.progress().total.projects, try repo.search("项目").count)
        }
        #expect(writeWaited, "the read finished while the write was open")
        #expect(seen.0 == ["已提交的项目"])
        #expect(seen.1 == 1 && seen.2 == 1)
        // Once the write commits, reads see it.
        #expect(try repo.projects().map(\.title) == ["已提交的项目", "写入中的项目"])
    }

    @Test func manyConcurrentReadsShareASmallPool() async throws {
        let db = try TemporaryDatabase()
        let repo = try db.open(Repository.Options(maximumReaders: 2))
        let projects = try (0..<50).map { try Self.project("项目 \($0)") }
        try await repo.addProjects(projects)
        let totals = try await withThrowingTaskGroup(of: Int.self) { group in
            for _ in 0..<40 {
                group.addTask { try await repo.progress(ProgressQuery(grouping: .pairing)).total.projects }
            }
            return try await group.reduce(into: []) { $0.append($1) }
        }
        #expect(totals == Array(repeating: 50, count: 40))
    }

    @Test func asyncTwinsAnswerAsTheSynchronousCalls() async throws {
        let db = try TemporaryDatabase()
        let repo = try db.open()
        let added = try await repo.addProject(Self.project("异步记录的项目"))
        let moved = try await repo.recordUpdate(NewProgressUpdate(date: LocalDate(parsing: "2024-09-01"), status: .started,
                                                                  completed: Money(parsing: "3000万")), toProject: added.id)
        #expect(moved.status == .started)
        #expect(try await repo.progress() == repo.progress())
        #expect(try await repo.projectHistory(added.id) == repo.projectHistory(added.id))
        #expect(try await repo.search("异步") == repo.search("异步"))
        let transactionResult = try await repo.write { tx in
            try tx.addPark(NewPark(pairing: "dalian-shanghai", name: "异步园区")).name
        }
        #expect(transactionResult == "异步园区")
        #expect(try await repo.read { try $0.parks().count } == 1)
        let lines = Mutex<[String]>([])
        let count = try await repo.export(.projects) { text in lines.withLock { $0.append(text) } }
        #expect(count == 1)
        #expect(lines.withLock { $0.joined() }.contains("异步记录的项目"))
    }

    @Test func aCancelledImportStopsBetweenRowsAndWritesNothing() async throws {
        let db = try TemporaryDatabase()
        let repo = try db.open()
        let csv = db.folder.appendingPathComponent("many.csv")
        var text = "pairing,task,title,date,planned\n"
        for index in 0..<10_000 { text += "dalian-shanghai,2.4,\"批量项目 \(index)\",2024-01-02,100\n" }
        try Data(text.utf8).write(to: csv)

        let reading = DispatchSemaphore(value: 0)
        let cancelled = DispatchSemaphore(value: 0)
        let task = Task {
            try await repo.importCSV(.projects, from: csv.path, progress: { _ in
                reading.signal()
                cancelled.wait()
            })
        }
        // Wait on a thread of our own, not the cooperative pool, for the import to be under way.
        await withCheckedContinuation { continuation in
            DispatchQueue.global().async {
                reading.wait()
                continuation.resume()
            }
        }
        task.cancel()
        for _ in 0..<8 { cancelled.signal() }
        do {
            _ = try await task.value
            Issue.record("the import finished although it was cancelled")
        } catch DuikouError.cancelled {
        } catch {
            Issue.record("expected cancelled, got \(error)")
        }
        #expect(try await repo.projects().isEmpty)
        #expect(try await repo.history().isEmpty)
        #expect(try await repo.check().isSound)
    }

    @Test func aCancelledExportStopsBetweenRows() async throws {
        let db = try TemporaryDatabase()
        let repo = try db.open()
        let projects = try (0..<10_000).map { try Self.project("导出项目 \($0)") }
        try await repo.addProjects(projects)

        let exporting = DispatchSemaphore(value: 0)
        let cancelled = DispatchSemaphore(value: 0)
        let rows = Atomic(0)
        let task = Task {
            try await repo.export(.projects, progress: { _ in
                exporting.signal()
                cancelled.wait()
            }, to: { text in
                rows.add(text.split(separator: "\n").count, ordering: .relaxed)
            })
        }
        await withCheckedContinuation { continuation in
            DispatchQueue.global().async {
                exporting.wait()
                continuation.resume()
            }
        }
        task.cancel()
        for _ in 0..<8 { cancelled.signal() }
        do {
            _ = try await task.value
            Issue.record("the export finished although it was cancelled")
        } catch DuikouError.cancelled {
        } catch {
            Issue.record("expected cancelled, got \(error)")
        }
        // It stopped at the next check, 4,096 rows on: well short of the 10,000.
        #expect(rows.load(ordering: .relaxed) < 10_000)
    }

    @Test func workCancelledBeforeItStartsDoesNotStart() async throws {
        let db = try TemporaryDatabase()
        let repo = try db.open()
        let task = Task {
            withUnsafeCurrentTask { $0?.cancel() }
            return try await repo.addProject(Self.project("不该记录的项目"))
        }
        await #expect(throws: DuikouError.self) { try await task.value }
        #expect(try await repo.projects().isEmpty)
    }
}
