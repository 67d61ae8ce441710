import CSQLite
import Foundation
import Testing
import DuikouDemo
@testable import DuikouKit

/// `check` finds what is wrong and only that; `backup` makes a consistent, private copy.
@Suite struct CheckBackupTests {
    private func demo(_ database: TemporaryDatabase) throws -> Repository {
        let repository = try database.open()
        _ = try DemoData.populate(repository)
        return repository
    }

    @Test func aSoundDatabaseChecksSound() throws {
        let database = try TemporaryDatabase()
        let report = try demo(database).check()
        #expect(report.isSound, "\(report.problems)")
        #expect(report.checks == ["SQLite integrity", "foreign keys", "project histories", "totals", "audit log", "plan targets", "pairing aliases",
                                  "reform measures", "search rowids", "corrections", "progress summary", "search index"])
    }

    @Test func totalsBeyond64BitsAreFound() throws {
        let database = try TemporaryDatabase()
        let repository = try database.open()
        for task in ["2.4", "3.1"] {
            try repository.addProject(NewProject(pairing: "dalian-shanghai", task: task, title: "项目 \(task)",
                                                 planned: Money(parsing: "1亿"), date: LocalDate(parsing: "2020-01-01")))
        }
        #expect(try repository.check().isSound)
        // Written by another program (or a version before the check at every commit): each group fits, their sum does not.
        try tamper(database.path, "UPDATE project SET planned_yuan = \(Int64.max / 2 + 1)")
        let report = try database.open().check()
        #expect(report.problemCount == 1)
        #expect(report.problems.first?.hasPrefix("totals:") == true)
    }

    @Test func aMissingEntryOfTheAuditLogIsFound() throws {
        let database = try TemporaryDatabase()
        _ = try demo(database)
        #expect(try database.open().check().isSound)
        try tamper(database.path, """
            DROP TRIGGER audit_event_is_append_only_delete;
            DELETE FROM audit_event WHERE seq = 3;
            """)
        let report = try database.open().check()
        #expect(report.problemCount == 1)
        #expect(report.problems.first?.hasPrefix("audit log:") == true)
    }

    @Test func aMissingRevisionOfAPlanTargetIsFound() throws {
        let database = try TemporaryDatabase()
        let repository = try database.open()
        for target: Int64 in [10, 12, 15] {
            try repository.setTarget(NewPlanTarget(pairing: "dalian-shanghai", year: 2024, metric: .projectsSigned, target: target))
        }
        #expect(try repository.check().isSound)
        try tamper(database.path, """
            DROP TRIGGER plan_target_is_append_only_delete;
            DELETE FROM plan_target WHERE seq = 2;
            """)
        let report = try database.open().check()
        #expect(report.problemCount == 1)
        #expect(report.problems.first?.contains("plan target dalian-shanghai 2024 projects_signed") == true)
    }

    @Test func aStepReachedThatTheHistoryDoesNotHoldIsFound() throws {
        let database = try TemporaryDatabase()
        _ = try demo(database)
        try tamper(database.path, "UPDATE project SET reached = 'operating' WHERE rowid = (SELECT min(rowid) FROM project WHERE reached <> 'operating')")
        let report = try database.open().check()
        #expect(report.problemCount == 1)
        #expect(report.problems.first?.contains("reached operating") == true)
    }

    @Test func aCurrentStateThatIsNotTheLatestUpdatesIsFound() throws {
        let database = try TemporaryDatabase()
        _ = try demo(database)
        try tamper(database.path, "UPDATE project SET completed_yuan = completed_yuan + 1 WHERE rowid = 7")
        let report = try database.open().check()
        #expect(report.problemCount == 1)
        #expect(report.problems.first?.contains("is not its latest update's") == true)
    }

    @Test func aGapInAHistoryIsFound() throws {
        let database = try TemporaryDatabase()
        _ = try demo(database)
        try tamper(database.path, """
            DROP TRIGGER progress_update_is_append_only_delete;
            DELETE FROM progress_update WHERE seq = 2 AND project_id = (SELECT project_id FROM progress_update WHERE seq = 3 LIMIT 1);
            """)
        let report = try database.open().check()
        #expect(report.problemCount == 1)
        #expect(report.problems.first?.contains("history has a gap") == true)
    }

    @Test func anUnlawfulHistoryIsFound() throws {
        let database = try TemporaryDatabase()
        let repository = try database.open()
        let project = try repository.addProject(NewProject(pairing: "dalian-shanghai", task: "2.4", title: "港航物流",
                                                            status: .started, date: LocalDate(parsing: "2020-01-01")))
        try repository.recordUpdate(NewProgressUpdate(date: LocalDate(parsing: "2021-01-01"), status: .operating), toProject: project.id)
        // The first update rewritten to a later step than the second: a backward move in the history.
        try tamper(database.path, """
            DROP TRIGGER progress_update_is_append_only_update;
            UPDATE progress_update SET status = 'terminated' WHERE seq = 1;
            """)
        let report = try database.open().check()
        #expect(report.problemCount == 1)
        #expect(report.problems.first?.contains("termination is final") == true)
    }

    @Test func aProgressSummaryOutOfStepIsFound() throws {
        let database = try TemporaryDatabase()
        _ = try demo(database)
        try tamper(database.path, """
            UPDATE progress_summary SET projects = projects + 1
            WHERE (pairing_id, task_code, status) = (SELECT pairing_id, task_code, status FROM progress_summary LIMIT 1)
            """)
        let report = try database.open().check()
        #expect(report.problems.contains { $0.hasPrefix("progress summary:") })
    }

    @Test func overwrittenPagesAreReportedNotCrashedOn() throws {
        let database = try TemporaryDatabase()
        _ = try demo(database)
        // Checkpoint into the main file, then overwrite pages in the middle of it with noise.
        try tamper(database.path, "PRAGMA wal_checkpoint(TRUNCATE)")
        let handle = try #require(FileHandle(forUpdatingAtPath: database.path))
        let size = try handle.seekToEnd()
        try handle.seek(toOffset: size / 2)
        var random = SeededGenerator(seed: 42)
        try handle.write(contentsOf: Data((0..<16_384).map { _ in UInt8.random(in: 0...255, using: &random) }))
        try handle.close()
        do {
            let report = try database.open().check()
            #expect(!report.isSound)
        } catch let error as DuikouError {
            #expect([.corrupt, .notADatabase].contains(error.code))
        }
    }

    @Test func backupIsAConsistentPrivateCopy() throws {
        let database = try TemporaryDatabase()
        let repository = try demo(database)
        let destination = database.folder.appendingPathComponent("copy.sqlite").path
        try repository.backup(to: destination)
        let copy = try Repository(path: destination)
        #expect(try copy.progress(ProgressQuery(grouping: .pairing)).json.text() == repository.progress(ProgressQuery(grouping: .pairing)).json.text())
        #expect(try copy.check().isSound)
        let permissions = try FileManager.default.attributesOfItem(atPath: destination)[.posixPermissions] as? Int
        #expect(permissions == 0o600)
    }

    @Test func backupRefusesAnExistingFileUnlessForced() throws {
        let database = try TemporaryDatabase()
        let repository = try demo(database)
        let destination = database.folder.appendingPathComponent("old.sqlite").path
        try Data("keep me".utf8).write(to: URL(fileURLWithPath: destination))
        let error = #expect(throws: DuikouError.self) { try repository.backup(to: destination) }
        #expect(error?.code == .invalidInput)
        #expect(try Data(contentsOf: URL(fileURLWithPath: destination)) == Data("keep me".utf8))
        try repository.backup(to: destination, overwrite: true)
        #expect(try Repository(path: destination).projects().count == repository.projects().count)
        let itself = #expect(throws: DuikouError.self) { try repository.backup(to: database.path, overwrite: true) }
        #expect(itself?.code == .invalidInput)
    }

    @Test func backupWhileAnotherConnectionWrites() async throws {
        let database = try TemporaryDatabase()
        let repository = try demo(database)
        let writer = try database.open()
        let destination = database.folder.appendingPathComponent("during.sqlite").path
        let date = try LocalDate(parsing: "2025-01-01")
        try await withThrowingTaskGroup(of: Void.self) { group in
            group.addTask {
                for index in 0..<200 {
                    try writer.addProject(NewProject(pairing: "changchun-tianjin", task: "2.1", title: "并发 \(index)", date: date))
                }
            }
            group.addTask { try repository.backup(to: destination) }
            try await group.waitForAll()
        }
        let copy = try Repository(path: destination)
        #expect(try await copy.check().isSound)
        let copied = try await copy.projects(ProjectFilter(pairing: "changchun-tianjin")).filter { $0.title.hasPrefix("并发") }.count
        #expect((0...200).contains(copied))
    }
}
