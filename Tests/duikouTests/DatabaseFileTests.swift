import CSQLite
import Foundation
import Testing

/// Which file a command works on (`--db`, `DUIKOU_DB`, `./duikou.sqlite`), and files that are
/// refused and left exactly as they were.
@Suite struct DatabaseFileTests {
    let cli: CLISandbox

    init() throws {
        cli = try CLISandbox()
    }

    private var defaultFile: String { cli.work.appendingPathComponent("duikou.sqlite").path }

    private func add(_ extra: [String] = [], environment: [String: String] = [:]) -> String {
        let result = cli.run(["project", "add", "--pairing", "harbin-shenzhen", "--task", "2.1", "--title", "T"] + extra, environment: environment)
        #expect(result.status == 0, "\(result)")
        return result.stdout.trimmingCharacters(in: .newlines)
    }

    private func count(_ extra: [String] = [], environment: [String: String] = [:]) throws -> Int {
        let result = cli.run(["project", "list", "--format", "json"] + extra, environment: environment)
        guard result.status == 0 else { throw CLIError("\(result)") }
        return try result.jsonRows().count
    }

    @Test func defaultIsDuikouSqliteInTheWorkingDirectory() throws {
        #expect(!FileManager.default.fileExists(atPath: defaultFile))
        _ = add()
        #expect(FileManager.default.fileExists(atPath: defaultFile))
        #expect(try count() == 1)
        #expect(try count(["--db", defaultFile]) == 1)
        #expect(!FileManager.default.fileExists(atPath: cli.db))
    }

    @Test func emptyDuikouDBMeansTheDefault() throws {
        _ = add(environment: ["DUIKOU_DB": ""])
        #expect(FileManager.default.fileExists(atPath: defaultFile))
        #expect(try count() == 1)
    }

    @Test func duikouDBIsUsedWithoutDBOption() throws {
        let file = cli.path("from-env.sqlite")
        _ = add(environment: ["DUIKOU_DB": file])
        #expect(FileManager.default.fileExists(atPath: file))
        #expect(!FileManager.default.fileExists(atPath: defaultFile))
        #expect(try count(environment: ["DUIKOU_DB": file]) == 1)
        #expect(try count(["--db", file]) == 1)
    }

    @Test func dbOptionWinsOverDuikouDB() throws {
        let envFile = cli.path("from-env.sqlite")
        let optionFile = cli.path("from-option.sqlite")
        _ = add(["--db", optionFile], environment: ["DUIKOU_DB": envFile])
        #expect(try count(["--db", optionFile]) == 1)
        #expect(try count(environment: ["DUIKOU_DB": envFile]) == 0)
        #expect(!FileManager.default.fileExists(atPath: defaultFile))
    }

    @Test func relativeDBIsResolvedInTheWorkingDirectory() throws {
        _ = add(["--db", "sub.sqlite"])
        #expect(FileManager.default.fileExists(atPath: cli.work.appendingPathComponent("sub.sqlite").path))
        #expect(try count(["--db", "sub.sqlite"]) == 1)
        #expect(try count() == 0)
    }

    @Test func databaseInAMissingFolderIsAnError() throws {
        let result = cli.run(["regions", "--db", cli.path("no/such/folder/x.sqlite")])
        #expect(result.status != 0, "\(result)")
        #expect(result.stdout.isEmpty)
        #expect(result.stderrLines.count == 1, "\(result)")
        #expect(result.stderrLines.first?.hasPrefix("error: ") == true, "\(result)")
    }

    // MARK: - Refused files

    /// Expects every command in `commands` to be refused with `status` and the file (and its
    /// folder) to be left exactly as they were.
    private func expectRefusedAndUntouched(_ file: String, _ status: Int32, sourceLocation: SourceLocation = #_sourceLocation) throws {
        let folder = URL(fileURLWithPath: file).deletingLastPathComponent()
        let before = try #require(cli.bytes(file), sourceLocation: sourceLocation)
        let namesBefore = cli.names(in: folder)
        let commands: [[String]] = [
            ["regions"], ["project", "list"], ["progress", "--format", "json"],
            ["project", "add", "--pairing", "harbin-shenzhen", "--task", "2.1", "--title", "T"],
        ]
        for command in commands {
            let result = cli.run(command + ["--db", file])
            expectRefusal(result, status, mentions: [], sourceLocation: sourceLocation)
            #expect(result.stderr.contains(URL(fileURLWithPath: file).lastPathComponent), "\(result)", sourceLocation: sourceLocation)
        }
        let environmentResult = cli.run(["regions"], environment: ["DUIKOU_DB": file])
        expectRefusal(environmentResult, status, mentions: [], sourceLocation: sourceLocation)
        #expect(cli.bytes(file) == before, "the file's bytes changed", sourceLocation: sourceLocation)
        #expect(cli.names(in: folder) == namesBefore, "files appeared or went away beside it", sourceLocation: sourceLocation)
    }

    @Test func foreignSQLiteFileIsRefusedAndLeftUntouched() throws {
        let file = cli.path("foreign.sqlite")
        try SQLiteFile.execute(file, "CREATE TABLE t(x); INSERT INTO t VALUES (1), ('два'), (NULL);")
        try expectRefusedAndUntouched(file, 65)
    }

    @Test func junkTextFileIsRefusedAndLeftUntouched() throws {
        let file = cli.path("notes.txt")
        let text = String(repeating: "这不是数据库 — just some notes, 1,2,3\n", count: 200)
        try Data(text.utf8).write(to: URL(fileURLWithPath: file))
        try expectRefusedAndUntouched(file, 65)
    }

    @Test func newerSchemaIsRefusedWith78AndLeftUntouched() throws {
        let file = cli.path("future.sqlite")
        try SQLiteFile.execute(file, "PRAGMA application_id = 1145786197; PRAGMA user_version = 999; CREATE TABLE future_thing(x);")
        try expectRefusedAndUntouched(file, 78)
    }

    @Test func newerVersionOfARealDuikouDatabaseIsRefused() throws {
        let file = cli.path("real.sqlite")
        _ = add(["--db", file])
        try SQLiteFile.execute(file, "PRAGMA user_version = 999;")
        try expectRefusedAndUntouched(file, 78)
    }

    @Test func emptyFileIsTakenAsANewDatabase() throws {
        let file = cli.path("empty.sqlite")
        _ = FileManager.default.createFile(atPath: file, contents: Data())
        _ = add(["--db", file])
        #expect(try count(["--db", file]) == 1)
    }
}

/// Writes SQLite files with the C API, as another program would.
enum SQLiteFile {
    static func execute(_ path: String, _ sql: String) throws {
        var handle: OpaquePointer?
        guard sqlite3_open_v2(path, &handle, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE, nil) == SQLITE_OK else {
            sqlite3_close(handle)
            throw CLIError("cannot open \(path)")
        }
        defer { sqlite3_close(handle) }
        var message: UnsafeMutablePointer<CChar>?
        guard sqlite3_exec(handle, sql, nil, nil, &message) == SQLITE_OK else {
            let text = message.map { String(cString: $0) } ?? "?"
            sqlite3_free(message)
            throw CLIError("\(sql): \(text)")
        }
    }
}
