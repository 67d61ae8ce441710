import CSQLite
#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif
#if canImport(Glibc)
import Glibc
#endif

extension Snapshot {
    /// Copies the database to `destination` with SQLite's online backup: a consistent snapshot,
    /// taken while other connections may keep writing.
    ///
    /// The copy is written to a temporary file beside `destination`, readable and writable by its
    /// owner only, and moved into place when complete.
    ///
    /// - Parameters:
    ///   - destination: the path of the copy.
    ///   - overwrite: replace an existing file; without it an existing `destination` is refused.
    /// - Throws: ``DuikouError/Code/invalidInput`` when `destination` exists (and `overwrite` is off)
    ///   or is this database; ``DuikouError/Code/io`` when it cannot be written.
    public func backup(to destination: String, overwrite: Bool = false) throws {
        let source = try connection
        if FileManager.default.fileExists(atPath: destination) {
            guard overwrite else {
                throw DuikouError(.invalidInput, "backup: \(DuikouError.quoted(destination)) exists already; nothing was written", field: "destination")
            }
            if Repository.sameFile(source.path, destination) {
                throw DuikouError(.invalidInput, "backup: \(DuikouError.quoted(destination)) is this database itself")
            }
        }
        let temporary = destination + ".part-\(ProcessInfo.processInfo.processIdentifier)"
        try? FileManager.default.removeItem(atPath: temporary)
        guard FileManager.default.createFile(atPath: temporary, contents: nil, attributes: [.posixPermissions: 0o600]) else {
            throw DuikouError(.io, "backup: cannot create \(DuikouError.quoted(destination))")
        }
        // Inside the snapshot's read transaction, so that the copy is one consistent state.
        do {
            let target = try SQLiteConnection(path: temporary, readOnly: false)
            guard let backup = sqlite3_backup_init(target.handle, "main", source.handle, "main") else {
                throw target.error(sqlite3_errcode(target.handle), context: "backup to \(DuikouError.quoted(destination))")
            }
            let code = sqlite3_backup_step(backup, -1)
            sqlite3_backup_finish(backup)
            guard code == SQLITE_DONE else {
                throw DuikouError.sqlite(code, String(cString: sqlite3_errstr(code)), context: "backup to \(DuikouError.quoted(destination))")
            }
            try target.execute("PRAGMA journal_mode = DELETE", context: "finishing the backup")
        } catch {
            try? FileManager.default.removeItem(atPath: temporary)
            throw error
        }
        guard rename(temporary, destination) == 0 else {
            let reason = String(cString: strerror(errno))
            try? FileManager.default.removeItem(atPath: temporary)
            throw DuikouError(.io, "backup: cannot write \(DuikouError.quoted(destination)): \(reason)")
        }
    }
}

extension Repository {
    /// Copies the database to `destination` from one snapshot; see ``Snapshot/backup(to:overwrite:)``.
    public func backup(to destination: String, overwrite: Bool = false) throws {
        try read { try $0.backup(to: destination, overwrite: overwrite) }
    }
}
