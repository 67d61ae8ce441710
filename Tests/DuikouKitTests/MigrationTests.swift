import CSQLite
import DuikouMigrations
import Foundation
import Testing
@testable import DuikouKit

/// Opening files: recognising Duikou databases, refusing everything else untouched, and migrating.
@Suite struct MigrationTests {
    private var latest: Int { DuikouMigrations.all.last?.version ?? 0 }

    // MARK: - A fresh database

    @Test func freshDatabaseIsStampedWithTheLatestVersionAndApplicationID() throws {
        let db = try TemporaryDatabase()
        do { _ = try db.open() }

        let file = try RawSQLite(db.path)
        #expect(try file.integer("PRAGMA user_version") == Int64(latest))
        #expect(try file.integer("PRAGMA application_id") == 0x444B_4F55)
        let applied = try file.rows("SELECT version, name, checksum FROM duikou_migration ORDER BY version")
        #expect(applied.map { $0[0] } == DuikouMigrations.all.map { String($0.version) })
        #expect(applied.map { $0[1] } == DuikouMigrations.all.map(\.fileName))
        #expect(applied.map { $0[2] } == DuikouMigrations.all.map { Migrator.checksum($0.sql) })
    }

    @Test func reopeningRunsNoMigrationAgainAndKeepsTheData() throws {
        let db = try TemporaryDatabase()
        let id: UUID
        do {
            let repo = try db.open()
            id = try repo.addProject(NewProject(pairing: "harbin-shenzhen", task: "2.2", title: "机器人产业园",
                                                date: LocalDate(parsing: "2020-01-02"))).id
        }
        let before = try RawSQLite(db.path).rows("SELECT version, name, checksum, applied_at FROM duikou_migration ORDER BY version")

        do {
            let repo = try db.open()
            #expect(try repo.projectHistory(id).updates.count == 1)
            let catalogue = try repo.catalogue()
            #expect(catalogue.regions.count == 15)
            #expect(catalogue.tasks.count == 18)
        }

        let file = try RawSQLite(db.path)
        #expect(try file.rows("SELECT version, name, checksum, applied_at FROM duikou_migration ORDER BY version") == before)
        #expect(try file.integer("PRAGMA user_version") == Int64(latest))
    }

    @Test func catalogueOfThe2017PlanIsSeeded() throws {
        let db = try TemporaryDatabase()
        let catalogue = try db.open().catalogue()

        #expect(catalogue.regions.count == 15)
        #expect(catalogue.pairings.count == 8)
        #expect(catalogue.areas.map(\.code) == ["1", "2", "3", "4"])
        #expect(catalogue.tasks.count == 18)
        #expect(catalogue.tasks.filter { $0.areaCode == "1" }.count == 5)
        #expect(catalogue.tasks.filter { $0.areaCode == "2" }.count == 5)
        #expect(catalogue.tasks.filter { $0.areaCode == "3" }.count == 4)
        #expect(catalogue.tasks.filter { $0.areaCode == "4" }.count == 4)
        #expect(catalogue.tasks.allSatisfy { $0.code.hasPrefix($0.areaCode + ".") })
        #expect(catalogue.task("1.5")?.basis == .inferred)
        #expect(catalogue.task("4.4")?.nameZH == "发展飞地经济和利益分享机制")
        #expect(catalogue.area("2")?.nameZH == "加快产业结构调整")

        #expect(catalogue.regions.filter { $0.side == .northeast }.count == 8)
        #expect(catalogue.regions.filter { $0.side == .east }.count == 7)
        #expect(catalogue.region("150000")?.level == .autonomousRegion)
        #expect(catalogue.region("440300")?.nameZH == "深圳市")

        let innerMongolia = try #require(catalogue.pairing("inner-mongolia"))
        #expect(innerMongolia.status == .exploring)
        #expect(innerMongolia.east == nil)
        #expect(innerMongolia.northeast == "150000")
        #expect(innerMongolia.level == .province)

        let heilongjiang = try #require(catalogue.pairing("heilongjiang-guangdong"))
        #expect(heilongjiang.northeast == "230000")
        #expect(heilongjiang.east == "440000")
        #expect(heilongjiang.status == .active)
        #expect(catalogue.pairing("harbin-shenzhen")?.level == .city)
        #expect(catalogue.pairings.filter { $0.id != "inner-mongolia" }.allSatisfy { $0.status == .active && $0.east != nil })
    }

    // MARK: - The embedded migrations

    /// V008: the progress-update index that repeated the primary key is gone, and the trigram index
    /// gathers 4 MiB before writing a segment.
    @Test func bulkWriteSettingsOfVersion8() throws {
        let db = try TemporaryDatabase()
        do { _ = try db.open() }
        let file = try RawSQLite(db.path)
        #expect(try file.integer("SELECT count(*) FROM sqlite_schema WHERE name = 'progress_update_by_project_date'") == 0)
        #expect(try file.integer("SELECT v FROM record_search_config WHERE k = 'hashsize'") == 4_194_304)
    }

    /// V009: a database of version 8 learns the furthest step each project's history reached, and
    /// its progress summary is rebuilt with it.
    @Test func stepsReachedAreFilledInFromTheHistoriesOfVersion8() throws {
        let db = try TemporaryDatabase()
        do {
            let connection = try SQLiteConnection(path: db.path, readOnly: false)
            try connection.execute("PRAGMA foreign_keys = ON")
            try Migrator(migrations: Array(DuikouMigrations.all.prefix(8))).migrate(connection, from: 0, readOnly: false)
            let histories: [(String, String, String?, [(String, String)])] = [
                ("00000000-0000-4000-8000-000000000001", "suspended", "landed",
                 [("2019-01-01", "signed"), ("2019-06-01", "landed"), ("2021-03-01", "suspended")]),
                ("00000000-0000-4000-8000-000000000002", "terminated", nil,
                 [("2019-01-01", "started"), ("2020-01-01", "suspended"), ("2020-05-01", "terminated")]),
                ("00000000-0000-4000-8000-000000000003", "suspended", nil, [("2019-01-01", "suspended")]),
                ("00000000-0000-4000-8000-000000000004", "operating", nil, [("2019-01-01", "negotiating"), ("2022-01-01", "operating")]),
            ]
            try connection.transaction(immediate: true) {
                for (id, status, resumeFloor, updates) in histories {
                    try connection.run("""
                        INSERT INTO project (id, pairing_id, task_code, title, landmark, status, first_date, status_date, completed_yuan,
                                             resume_floor, recorded_at)
                        VALUES (?1, 'liaoning-jiangsu', '2.1', ?1, 0, ?2, ?3, ?4, 0, ?5, '2019-01-01T00:00:00Z')
                        """, [.text(id), .text(status), .text(updates[0].0), .text(updates[updates.count - 1].0), .optional(resumeFloor)])
                    for (index, update) in updates.enumerated() {
                        try connection.run("""
                            INSERT INTO progress_update (project_id, seq, date, status, completed_yuan, recorded_at)
                            VALUES (?, ?, ?, ?, 0, '2019-01-01T00:00:00Z')
                            """, [.text(id), .integer(Int64(index + 1)), .text(update.0), .text(update.1)])
                    }
                }
            }
        }
        let repo = try db.open()
        let reached = try repo.rawRead { try $0.query("SELECT coalesce(reached, '-') FROM project ORDER BY id") { try $0.text(0) } }
        #expect(reached == ["landed", "started", "-", "operating"])
        #expect(try repo.progress().total.reached == [.signed: 3, .landed: 3, .started: 2, .completed: 1, .operating: 1])
        // The rows above were written without the search index's sync, which version 8's writer ran
        // in Swift; every other check must pass.
        let check = try repo.check()
        #expect(check.problems.allSatisfy { $0.hasPrefix("search index") }, "\(check.problems)")
    }

    @Test func everyMigrationFileIsListedInOrderWithConsecutiveVersions() throws {
        let folder = URL(fileURLWithPath: #filePath)
            .deletingLastPathComponent()   // DuikouKitTests
            .deletingLastPathComponent()   // Tests
            .deletingLastPathComponent()   // package root
            .appendingPathComponent("Migrations")
        let files = try FileManager.default.contentsOfDirectory(atPath: folder.path)
            .filter { $0.hasSuffix(".sql") }
            .sorted()
        #expect(!files.isEmpty)

        #expect(DuikouMigrations.all.map(\.fileName) == files)
        #expect(DuikouMigrations.all.map(\.version) == Array(1...DuikouMigrations.all.count))
        for migration in DuikouMigrations.all {
            let prefix = "V" + String(repeating: "0", count: max(0, 3 - String(migration.version).count)) + String(migration.version) + "_"
            #expect(migration.fileName.hasPrefix(prefix), "\(migration.fileName) should start with \(prefix)")
            let onDisk = try String(contentsOf: folder.appendingPathComponent(migration.fileName), encoding: .utf8)
            #expect(migration.sql == onDisk, "the embedded \(migration.fileName) differs from the file")
        }
    }

    // MARK: - Files that are refused, untouched

    @Test func databaseNewerThanThisBuildIsRefusedUntouched() throws {
        let db = try TemporaryDatabase()
        do { _ = try db.open() }
        do {
            let file = try RawSQLite(db.path)
            try file.execute("PRAGMA user_version = \(latest + 1)")
        }
        let before = try Data(contentsOf: URL(fileURLWithPath: db.path))

        let error = #expect(throws: DuikouError.self) { try db.open() }
        #expect(error?.code == .schemaTooNew)

        #expect(try Data(contentsOf: URL(fileURLWithPath: db.path)) == before)
        #expect(try RawSQLite(db.path).integer("PRAGMA user_version") == Int64(latest + 1))
    }

    @Test func foreignSQLiteFileIsRefusedUntouched() throws {
        let db = try TemporaryDatabase()
        do {
            let file = try RawSQLite(db.path)
            try file.execute("CREATE TABLE invoices (id INTEGER PRIMARY KEY, amount REAL); INSERT INTO invoices (amount) VALUES (12.5);")
        }
        let before = try Data(contentsOf: URL(fileURLWithPath: db.path))

        let error = #expect(throws: DuikouError.self) { try db.open() }
        #expect(error?.code == .foreignDatabase)

        #expect(try Data(contentsOf: URL(fileURLWithPath: db.path)) == before)
        let file = try RawSQLite(db.path)
        #expect(try file.integer("PRAGMA application_id") == 0)
        #expect(try file.text("PRAGMA journal_mode") == "delete")
        #expect(try file.integer("SELECT count(*) FROM sqlite_schema WHERE name = 'duikou_migration'") == 0)
    }

    enum Junk: String, CaseIterable, Sendable {
        case randomBytes
        case shortText
        case longText

        var bytes: Data {
            switch self {
            case .randomBytes:
                var generator = SystemRandomNumberGenerator()
                return Data((0..<8192).map { _ in UInt8.random(in: 0...255, using: &generator) })
            case .shortText:
                return Data("not a database\n".utf8)
            case .longText:
                return Data(String(repeating: "pairing,task,title\nharbin-shenzhen,2.2,机器人\n", count: 200).utf8)
            }
        }
    }

    @Test(arguments: Junk.allCases)
    func fileThatIsNotADatabaseIsRefusedUntouched(_ junk: Junk) throws {
        let db = try TemporaryDatabase()
        let bytes = junk.bytes
        try bytes.write(to: URL(fileURLWithPath: db.path))

        let error = #expect(throws: DuikouError.self) { try db.open() }
        #expect(error?.code == .notADatabase)

        #expect(try Data(contentsOf: URL(fileURLWithPath: db.path)) == bytes)
    }

    // MARK: - Files that are accepted

    @Test func emptyFileIsAcceptedAsANewDatabase() throws {
        let db = try TemporaryDatabase()
        #expect(FileManager.default.createFile(atPath: db.path, contents: Data()))

        do {
            let catalogue = try db.open().catalogue()
            #expect(catalogue.pairings.count == 8)
            #expect(catalogue.tasks.count == 18)
        }
        let file = try RawSQLite(db.path)
        #expect(try file.integer("PRAGMA user_version") == Int64(latest))
        #expect(try file.integer("PRAGMA application_id") == 0x444B_4F55)
    }

    @Test func pathInAMissingDirectoryFailsWithIO() throws {
        let db = try TemporaryDatabase()
        let missing = db.folder.appendingPathComponent("no-such-folder")
        let path = missing.appendingPathComponent("duikou.sqlite").path

        let error = #expect(throws: DuikouError.self) { try Repository(path: path) }
        #expect(error?.code == .io)
        #expect(error?.message.contains("no-such-folder") == true)
        #expect(!FileManager.default.fileExists(atPath: missing.path))
    }

    @Test func editedAppliedMigrationIsRefused() throws {
        let db = try TemporaryDatabase()
        do { _ = try db.open() }
        do {
            let file = try RawSQLite(db.path)
            try file.execute("UPDATE duikou_migration SET checksum = '0000000000000000' WHERE version = 1")
        }

        let error = #expect(throws: DuikouError.self) { try db.open() }
        #expect(error?.code == .migrationMismatch)
        #expect(error?.message.contains("V001_schema.sql") == true)
    }

    @Test func renamedAppliedMigrationIsRefused() throws {
        let db = try TemporaryDatabase()
        do { _ = try db.open() }
        do {
            let file = try RawSQLite(db.path)
            try file.execute("UPDATE duikou_migration SET name = 'V002_renamed.sql' WHERE version = 2")
        }

        let error = #expect(throws: DuikouError.self) { try db.open() }
        #expect(error?.code == .migrationMismatch)
    }

    // MARK: - How the connection is set up

    @Test func openUsesWALForeignKeysNormalSyncAndTheDefaultBusyTimeout() throws {
        let db = try TemporaryDatabase()
        let repo = try db.open()

        #expect(try repo.rawRead { try $0.queryFirst("PRAGMA journal_mode") { $0.text(0) } } == "wal")
        #expect(try repo.rawRead { try $0.queryFirst("PRAGMA foreign_keys") { $0.int(0) } } == 1)
        #expect(try repo.rawRead { try $0.queryFirst("PRAGMA synchronous") { $0.int(0) } } == 1)
        #expect(try repo.rawRead { try $0.queryFirst("PRAGMA busy_timeout") { $0.int(0) } } == 5000)
        // WAL is a property of the file: another connection sees it too.
        #expect(try RawSQLite(db.path).text("PRAGMA journal_mode") == "wal")
    }

    @Test func busyTimeoutIsConfigurable() throws {
        let db = try TemporaryDatabase()
        let repo = try db.open(Repository.Options(busyTimeout: .milliseconds(1500)))
        #expect(try repo.rawRead { try $0.queryFirst("PRAGMA busy_timeout") { $0.int(0) } } == 1500)
    }

    @Test func foreignKeysAreEnforcedOnTheRepositoryConnection() throws {
        let db = try TemporaryDatabase()
        let repo = try db.open()
        let error = #expect(throws: DuikouError.self) {
            try repo.rawWrite { connection, now in
                try connection.run(
                    "INSERT INTO exchange (id, pairing_id, direction, kind, start_date, participants, recorded_at) VALUES (?, ?, ?, ?, ?, ?, ?)",
                    [.text(UUID().key), .text("no-such-pairing"), .text("to-east"), .text("secondment"), .text("2020-01-01"), .integer(1), .text(now)])
                return ((), nil)
            }
        }
        #expect(error?.code == .constraint)
        #expect(try repo.exchanges().isEmpty)
    }

    @Test func readOnlyOpenReadsButRefusesWrites() throws {
        let db = try TemporaryDatabase()
        do { _ = try db.open() }
        let before = try Data(contentsOf: URL(fileURLWithPath: db.path))

        let repo = try db.open(Repository.Options(readOnly: true))
        #expect(try repo.catalogue().pairings.count == 8)
        let error = #expect(throws: DuikouError.self) {
            try repo.addProject(NewProject(pairing: "jilin-zhejiang", task: "2.3", title: "吉浙农业合作", date: LocalDate(parsing: "2020-01-01")))
        }
        #expect(error?.code == .readOnly)
        #expect(try repo.projects().isEmpty)
        #expect(try Data(contentsOf: URL(fileURLWithPath: db.path)) == before)
    }
}

/// A plain SQLite connection, for preparing and inspecting files behind the library's back.
private final class RawSQLite {
    struct Failure: Error, CustomStringConvertible {
        let code: Int32
        let message: String
        var description: String { "SQLite \(code): \(message)" }
    }

    let handle: OpaquePointer

    init(_ path: String) throws {
        var handle: OpaquePointer?
        let code = sqlite3_open_v2(path, &handle, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE, nil)
        guard code == SQLITE_OK, let handle else {
            sqlite3_close(handle)
            throw Failure(code: code, message: "cannot open \(path)")
        }
        self.handle = handle
    }

    deinit { sqlite3_close(handle) }

    func execute(_ sql: String) throws {
        let code = sqlite3_exec(handle, sql, nil, nil, nil)
        guard code == SQLITE_OK else { throw Failure(code: code, message: String(cString: sqlite3_errmsg(handle))) }
    }

    /// Every row, each column as text (NULL as "").
    func rows(_ sql: String) throws -> [[String]] {
        var statement: OpaquePointer?
        let code = sqlite3_prepare_v2(handle, sql, -1, &statement, nil)
        guard code == SQLITE_OK, let statement else { throw Failure(code: code, message: String(cString: sqlite3_errmsg(handle))) }
        defer { sqlite3_finalize(statement) }
        var rows: [[String]] = []
        while true {
            let step = sqlite3_step(statement)
            if step == SQLITE_DONE { break }
            guard step == SQLITE_ROW else { throw Failure(code: step, message: String(cString: sqlite3_errmsg(handle))) }
            rows.append((0..<sqlite3_column_count(statement)).map { column in
                sqlite3_column_text(statement, column).map { String(cString: $0) } ?? ""
            })
        }
        return rows
    }

    func text(_ sql: String) throws -> String? { try rows(sql).first?.first }

    func integer(_ sql: String) throws -> Int64? { try text(sql).flatMap { Int64($0) } }
}
