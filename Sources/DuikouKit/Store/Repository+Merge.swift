#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Another reporter's Duikou database, the source of a merge.
///
/// Creating one opens the file read-only, so it is never written, and reads all of its regions,
/// pairings, parks, projects with their histories (corrections and superseded updates included) and
/// plan revisions, exchanges, reform measures, meetings and funding in one snapshot. A file that is
/// missing, is not a Duikou database, or was written by a newer Duikou is refused, and left as it was.
public struct MergeSource: Sendable {
    /// The path of the other database.
    public let path: String
    let snapshot: MergeSnapshot

    /// Opens the Duikou database at `path` read-only and reads it.
    ///
    /// - Throws: ``DuikouError/Code/notFound`` when there is no file at `path`;
    ///   ``DuikouError/Code/foreignDatabase``, ``DuikouError/Code/notADatabase`` or
    ///   ``DuikouError/Code/schemaTooNew`` for a file that cannot be merged from.
    public init(path: String) throws {
        guard FileManager.default.fileExists(atPath: path) else {
            throw DuikouError(.notFound, "merge source \(DuikouError.quoted(path)) does not exist")
        }
        let repository: Repository
        do {
            repository = try Repository(path: path, options: Repository.Options(readOnly: true))
        } catch let error as DuikouError {
            throw Self.explain(error, path: path)
        }
        do {
            snapshot = try repository.read { try MergeSnapshot(reading: $0.connection) }
        } catch var error as DuikouError {
            error.message = "merge source \(DuikouError.quoted(path)): \(error.message)"
            throw error
        }
        self.path = path
    }

    /// Names the source in a refusal, and explains the one a read-only open gives for a file
    /// whose schema would first have to be written.
    private static func explain(_ error: DuikouError, path: String) -> DuikouError {
        let name = "merge source \(DuikouError.quoted(path))"
        if error.code == .readOnly, let version = try? Migrator().identify(SQLiteConnection(path: path, readOnly: true)) {
            if version == 0 {
                return DuikouError(.foreignDatabase, "\(name) holds no Duikou database (it is empty); it was left untouched")
            }
            return DuikouError(.readOnly, "\(name) is at schema version \(version), older than this build's \(Migrator().latestVersion); a merge never writes it, so open it once for writing to bring it up to date, then merge. It was left untouched", sqliteCode: error.sqliteCode, field: "source")
        }
        var named = error
        named.message = "\(name): \(error.message)"
        return named
    }
}

extension Transaction {
    /// Merges another reporter's database into this one, taking regions, pairings, parks, projects,
    /// exchanges, reform measures, meetings and funding by id.
    ///
    /// New records are added with their ids (projects with their whole history); records with the
    /// same content are skipped (when they were recorded does not count); records that differ are
    /// reported as conflicts with the fields that differ, ours kept unless
    /// ``MergeOptions/preference`` is ``MergePreference/theirs``. A project's history travels whole:
    /// its updates, the corrections with their reasons, the updates they superseded, unchanged
    /// reports, its void and its plan revisions, each keeping the time it was recorded there, so that
    /// a project merged into a database that lacked it shows exactly as it does in `source`, and
    /// known-on answers agree. Into a project we hold, their rows are taken in the order they were
    /// recorded: an update of theirs that we lack is appended when it is dated on or after our latest
    /// update and the lifecycle rules take it; a correction of theirs is carried when our update at
    /// its place has the values it corrects and the corrected history keeps the rules; plan revisions
    /// are appended when ours are the beginning of theirs and our planned figures are the ones their
    /// next revision started from. Whatever cannot be taken so is reported as a conflict of its kind
    /// (``MergeReport/Kind/progressUpdate``, ``MergeReport/Kind/correction``,
    /// ``MergeReport/Kind/planRevision``) and left out, with `--prefer theirs` too; history is never
    /// rewritten. Merging the same database again changes nothing.
    ///
    /// All of it happens inside one savepoint of the transaction, or none of it; a dry run does the
    /// same work and rolls the savepoint back.
    ///
    /// - Throws: ``DuikouError/Code/invalidInput`` when `source` is this database itself or the merge
    ///   would break a pairing (a region on the wrong side, a pairing inside itself) or leave a reform
    ///   measure adopted by a region that is not on the Northeast side or not inside its pairing's
    ///   Northeast region.
    public func merge(_ source: MergeSource, options: MergeOptions = MergeOptions()) throws -> MergeReport {
        let path = try connection.path
        if Repository.sameFile(path, source.path) {
            throw DuikouError(.invalidInput, "merge source \(DuikouError.quoted(source.path)) is this database itself (\(DuikouError.quoted(path))); merge another reporter's database into it")
        }
        let snapshot = source.snapshot
        let sourcePath = source.path
        return try tentativeChange { connection, _ in
            var writer = MergeWriter(connection: connection, source: sourcePath, options: options, cancellation: checkCancellation)
            try writer.run(snapshot)
            let report = writer.report
            let carried = [MergeReport.Kind.correction, .planRevision].map { (kind: $0, count: report[$0].added) }
                .filter { $0.count > 0 }.map { "\($0.count) \($0.kind.labelEN)\($0.count == 1 ? "" : "s")" }
            let summary = "from \(sourcePath): added \(report.totalAdded)\(carried.isEmpty ? "" : " (\(carried.joined(separator: ", ")) among them)"), updated \(report.totalUpdated), conflicts \(report.conflicts.count)"
            return (report, !options.dryRun, report.changesAnything ? AuditNote(.merge, "database", nil, summary) : nil)
        }
    }

    /// Opens the Duikou database at `path` read-only and merges it into this one; see
    /// ``merge(_:options:)``.
    public func merge(from path: String, options: MergeOptions = MergeOptions()) throws -> MergeReport {
        try merge(MergeSource(path: path), options: options)
    }
}

extension Repository {
    /// Merges another reporter's database into this one in one transaction, all of it or none; see
    /// ``Transaction/merge(_:options:)``.
    public func merge(_ source: MergeSource, options: MergeOptions = MergeOptions()) throws -> MergeReport {
        try write { try $0.merge(source, options: options) }
    }

    /// Opens the Duikou database at `path` read-only and merges it into this one; see
    /// ``Transaction/merge(from:options:)``.
    public func merge(from path: String, options: MergeOptions = MergeOptions()) throws -> MergeReport {
        let source = try MergeSource(path: path)
        return try write { try $0.merge(source, options: options) }
    }

    /// Whether two paths name the same file: the same device and inode, links followed.
    static func sameFile(_ first: String, _ second: String) -> Bool {
        let identity = { (path: String) -> [UInt64]? in
            var info = stat()
            guard stat(path, &info) == 0 else { return nil }
            return [UInt64(info.st_dev), UInt64(info.st_ino)]
        }
        if let one = identity(first), let other = identity(second) { return one == other }
        let resolved = { (path: String) in URL(fileURLWithPath: path).standardizedFileURL.resolvingSymlinksInPath().path }
        return resolved(first) == resolved(second)
    }
}
