import DuikouMigrations
#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif

/// Recognises a Duikou database and brings its schema up to date with the embedded migrations.
///
/// `PRAGMA application_id` marks a file as Duikou's (set by the first migration) and
/// `PRAGMA user_version` holds the number of the latest migration applied. `duikou_migration`
/// records each applied migration with a checksum, so that an edited shipped migration is noticed.
struct Migrator {
    /// 'DKOU' in ASCII.
    static let applicationID: Int64 = 0x444B_4F55

    let migrations: [Migration]

    init(migrations: [Migration] = DuikouMigrations.all) {
        self.migrations = migrations
    }

    var latestVersion: Int { migrations.last?.version ?? 0 }

    /// The schema version of the open file, refusing a file that is not Duikou's or is too new.
    ///
    /// Reads only, so that a refused file is left exactly as it was.
    func identify(_ connection: SQLiteConnection) throws -> Int {
        let context = "reading \(DuikouError.quoted(connection.path))"
        // One statement, so that the three figures come from one snapshot even while another
        // process is creating the same new file.
        let identity: (applicationID: Int64, version: Int, objects: Int)?
        do {
            identity = try connection.queryFirst("""
                SELECT (SELECT application_id FROM pragma_application_id) AS application_id,
                       (SELECT user_version FROM pragma_user_version) AS user_version, (SELECT count(*) FROM sqlite_schema) AS objects
                """) { (try $0.int64("application_id"), try $0.int("user_version"), try $0.int("objects")) }
        } catch var error as DuikouError {
            error.message = "\(context): \(error.message)"
            throw error
        }
        let (applicationID, version, objects) = identity ?? (0, 0, 0)
        if applicationID == 0 && version == 0 && objects == 0 {
            return 0
        }
        guard applicationID == Self.applicationID else {
            throw DuikouError(.foreignDatabase, "\(context): the file is an SQLite database but not a Duikou one (application_id \(applicationID)); it was left untouched")
        }
        guard version <= latestVersion else {
            throw DuikouError(.schemaTooNew, "\(context): the database is at schema version \(version), newer than this build knows (\(latestVersion)); it needs a newer Duikou. The file was left untouched")
        }
        return version
    }

    /// Applies every migration newer than `version`, each in its own `BEGIN IMMEDIATE` transaction,
    /// then checks that the applied migrations are the ones this build ships.
    func migrate(_ connection: SQLiteConnection, from version: Int, readOnly: Bool) throws {
        if version < latestVersion && readOnly {
            throw DuikouError(.readOnly, "\(DuikouError.quoted(connection.path)) is at schema version \(version) and needs migrating to \(latestVersion), which a read-only open cannot do; open it once for writing")
        }
        for migration in migrations where migration.version > version {
            try connection.transaction(immediate: true) {
                // Another process may have applied it while this one waited for the lock.
                let current = try connection.queryFirst("PRAGMA user_version") { try $0.int("user_version") } ?? 0
                guard current < migration.version else { return }
                try connection.execute(migration.sql, context: "applying migration \(migration.fileName)")
                try connection.run(
                    "INSERT INTO duikou_migration (version, name, checksum, applied_at) VALUES (?, ?, ?, ?)",
                    [.integer(Int64(migration.version)), .text(migration.fileName), .text(Self.checksum(migration.sql)), .text(Timestamp.now())]
                )
                try connection.execute("PRAGMA user_version = \(migration.version)")
            }
        }
        try verifyApplied(connection)
    }

    private func verifyApplied(_ connection: SQLiteConnection) throws {
        let applied = try connection.query("SELECT version, name, checksum FROM duikou_migration ORDER BY version") {
            (version: try $0.int("version"), name: try $0.text("name"), checksum: try $0.text("checksum"))
        }
        for record in applied {
            guard let shipped = migrations.first(where: { $0.version == record.version }) else { continue }
            guard shipped.fileName == record.name, Self.checksum(shipped.sql) == record.checksum else {
                throw DuikouError(.migrationMismatch, "migration \(record.version) (\(record.name)) applied to this database differs from the one shipped as \(shipped.fileName); shipped migrations must never be edited")
            }
        }
    }

    /// FNV-1a, 64 bits, as hex: enough to notice an edited migration.
    static func checksum(_ sql: String) -> String {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in sql.utf8 {
            hash ^= UInt64(byte)
            hash = hash &* 0x0000_0100_0000_01B3
        }
        let hex = String(hash, radix: 16)
        return String(repeating: "0", count: 16 - hex.count) + hex
    }
}
