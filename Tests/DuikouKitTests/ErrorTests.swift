import Foundation
import Testing
@testable import DuikouKit

/// `DuikouError`: codes matched by `catch` and `switch`, and the context it keeps: field, record,
/// SQL, table and column.
@Suite struct ErrorTests {
    private static func project(pairing: String = "jilin-zhejiang") throws -> NewProject {
        try NewProject(pairing: pairing, task: "2.2", title: "吉浙合作项目", date: LocalDate(parsing: "2023-04-01"))
    }

    @Test func aCatchMatchesTheCode() throws {
        let db = try TemporaryDatabase()
        let repo = try db.open()
        var matched = ""
        do {
            try repo.addProject(Self.project(pairing: "nowhere"))
        } catch DuikouError.invalidInput {
            matched = "invalid"
        } catch DuikouError.notFound {
            matched = "not found"
        }
        #expect(matched == "not found")
        do {
            try repo.recordUpdate(NewProgressUpdate(date: LocalDate(parsing: "2024-01-01"), status: .landed), toProject: UUID())
        } catch DuikouError.Code.notFound {
            matched = "not found, by the code's own name"
        }
        #expect(matched == "not found, by the code's own name")
        #expect(!(DuikouError.busy ~= DuikouError(.notFound, "x")))
        #expect(!(DuikouError.notFound ~= CancellationError()))
    }

    @Test func codesPrintTheirStableNamesAndSwitchesNeedADefault() {
        let names = [DuikouError.Code.invalidInput, .notFound, .constraint, .busy, .readOnly, .io, .corrupt, .notADatabase,
                     .foreignDatabase, .schemaTooNew, .migrationMismatch, .cancelled, .misuse, .internal].map(\.description)
        #expect(names == ["invalid-input", "not-found", "constraint", "busy", "read-only", "io", "corrupt", "not-a-database",
                          "foreign-database", "schema-too-new", "migration-mismatch", "cancelled", "misuse", "internal"])
        #expect(Set(names).count == names.count)
        let kind: String
        switch DuikouError(.busy, "locked").code {
        case .busy: kind = "retry"
        default: kind = "fail"
        }
        #expect(kind == "retry")
    }

    @Test func aRefusalNamesTheFieldAndTheRecord() throws {
        let db = try TemporaryDatabase()
        let repo = try db.open()
        let project = try Self.project(pairing: "nowhere")
        do {
            try repo.addProject(project)
            Issue.record("an unknown pairing was taken")
        } catch let error as DuikouError {
            #expect(error.code == .notFound)
            #expect(error.field == "pairing")
            #expect(error.recordID == project.id.key)
            #expect(!error.message.contains("--") && !error.message.contains("duikou "))
        }
        do {
            try repo.addRegion(Region(code: "230000", nameZH: "黑龙江省", nameEN: "Heilongjiang", level: .province, side: .northeast))
            Issue.record("a region recorded twice was taken")
        } catch let error as DuikouError {
            #expect(error.code == .constraint)
            #expect(error.field == "code" && error.recordID == "230000")
        }
    }

    @Test func messagesNeverNameTheToolsOptions() throws {
        let db = try TemporaryDatabase()
        try db.open().addProject(Self.project())
        let repo = try db.open(Repository.Options(readOnly: true))
        do {
            try repo.addProject(Self.project())
            Issue.record("a read-only repository wrote")
        } catch let error as DuikouError {
            #expect(error.code == .readOnly)
            #expect(!error.message.contains("--"))
        }
        let copy = db.folder.appendingPathComponent("copy.sqlite").path
        try repo.backup(to: copy)
        do {
            try repo.backup(to: copy)
            Issue.record("an existing backup was overwritten without being asked to")
        } catch let error as DuikouError {
            #expect(error.field == "destination")
            #expect(!error.message.contains("--"))
        }
    }

    @Test func aValueNoVersionWritesIsNamedByTableAndColumn() throws {
        let db = try TemporaryDatabase()
        let repo = try db.open()
        try repo.addProject(Self.project())
        try tamper(db.path, "PRAGMA ignore_check_constraints = ON; UPDATE project SET status = 'abandoned'")
        do {
            _ = try repo.projects()
            Issue.record("a status no version writes was read")
        } catch let error as DuikouError {
            #expect(error.code == .corrupt)
            #expect(error.message.contains("project.status"))
            #expect(error.message.contains("'abandoned'"))
            #expect(error.field == "status")
            #expect(error.sql?.contains("FROM project p") == true)
        }
    }

    @Test func aColumnTheQueryDoesNotReturnIsABugWithItsSQL() throws {
        let db = try TemporaryDatabase()
        let repo = try db.open()
        do {
            _ = try repo.rawRead { try $0.queryFirst("SELECT 1 AS one") { try $0.int("two") } }
            Issue.record("a missing column was read")
        } catch let error as DuikouError {
            #expect(error.code == .internal)
            #expect(error.message.contains("two") && error.message.contains("one"))
            #expect(error.sql == "SELECT 1 AS one")
        }
    }

    @Test func sqliteFailuresKeepTheirStatement() throws {
        let db = try TemporaryDatabase()
        let repo = try db.open()
        do {
            try repo.rawWrite { connection, _ in
                try connection.run("INSERT INTO task (code) VALUES ('9.9')")
                return ((), nil)
            }
            Issue.record("a task without its columns was inserted")
        } catch let error as DuikouError {
            #expect(error.code == .constraint)
            #expect(error.sqliteCode != nil)
            #expect(error.sql == "INSERT INTO task (code) VALUES ('9.9')")
        }
    }

    @Test func totalsReportOnlyAnOverflowAsOne() throws {
        let db = try TemporaryDatabase()
        _ = try db.open()
        try tamper(db.path, "DROP TABLE progress_summary")
        let connection = try SQLiteConnection(path: db.path, readOnly: false)
        do {
            try Totals.check(connection)
            Issue.record("the check passed without its table")
        } catch let error as DuikouError {
            #expect(error.code == .internal)
            #expect(error.message.contains("no such table"))
            #expect(!error.message.contains("exceed"))
        }
    }

    @Test func everyCodeHasTheExitStatusOfTheCLIContract() {
        let expected: [(DuikouError.Code, Int32)] = [
            (.invalidInput, 65), (.constraint, 65), (.foreignDatabase, 65), (.notADatabase, 65), (.migrationMismatch, 65),
            (.notFound, 66), (.io, 74), (.readOnly, 74), (.corrupt, 74), (.busy, 75), (.schemaTooNew, 78),
            (.cancelled, 70), (.misuse, 70), (.internal, 70),
        ]
        for (code, status) in expected {
            #expect(DuikouError(code, "x").exitStatus == status, "\(code)")
        }
    }
}
