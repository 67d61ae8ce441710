#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif
#if canImport(Glibc)
import Glibc
#endif
import Synchronization

/// The entry point to a Duikou database: open one, record into it, ask it questions.
///
/// A `Repository` is `Sendable` and may be shared between threads: calls are serialized on its
/// one SQLite connection, each write runs in its own `BEGIN IMMEDIATE` transaction and either
/// happens whole or not at all. Several processes may write the same file at once; a writer
/// waits up to ``Options/busyTimeout`` for the lock before failing with ``DuikouError/Code/busy``.
///
/// ```swift
/// let repository = try Repository(path: "duikou.sqlite")
/// let project = try repository.addProject(NewProject(
///     pairing: "harbin-shenzhen", task: "2.2", title: "新能源汽车零部件项目",
///     planned: Money(parsing: "12.5亿"), date: LocalDate(parsing: "2024-03-01")))
/// ```
public final class Repository: Sendable {
    /// How a database is opened.
    public struct Options: Sendable {
        /// How long a write waits for another writer's lock before failing. Five seconds by default.
        public var busyTimeout: Duration
        /// Open without write access: reading works, every write is refused.
        public var readOnly: Bool
        /// Who is writing and through what, recorded with every change in the audit log. By default
        /// the process's user name and the process's name.
        public var identity: AuditIdentity

        /// Creates options.
        public init(busyTimeout: Duration = .seconds(5), readOnly: Bool = false, identity: AuditIdentity = AuditIdentity()) {
            self.busyTimeout = busyTimeout
            self.readOnly = readOnly
            self.identity = identity
        }
    }

    /// The path of the database file.
    public let path: String
    /// Whether the database was opened without write access.
    public let readOnly: Bool
    /// Who is writing and through what, as recorded in the audit log.
    public let identity: AuditIdentity
    private let connection: Mutex<SQLiteConnection>

    /// Opens (creating and migrating when needed) the Duikou database at `path`.
    ///
    /// Opening happens in a fixed order: extended result codes, busy timeout, foreign keys, a check
    /// that the file is Duikou's, WAL journal, `synchronous=NORMAL`, then the migrations. The file
    /// check comes before anything is written, so that a foreign SQLite file, a file that is not a
    /// database or a database from a newer Duikou is refused and left byte for byte untouched.
    ///
    /// - Throws: ``DuikouError`` with ``DuikouError/Code/foreignDatabase``,
    ///   ``DuikouError/Code/notADatabase``, ``DuikouError/Code/schemaTooNew`` or an I/O code.
    public init(path: String, options: Options = Options()) throws {
        try Self.prepareFile(at: path, readOnly: options.readOnly)
        let connection = try SQLiteConnection(path: path, readOnly: options.readOnly)
        let timeout = options.busyTimeout.components
        let milliseconds = timeout.seconds * 1000 + timeout.attoseconds / 1_000_000_000_000_000
        try connection.execute("PRAGMA busy_timeout = \(max(0, min(milliseconds, Int64(Int32.max))))")
        try connection.execute("PRAGMA foreign_keys = ON")
        let migrator = Migrator()
        let version = try migrator.identify(connection)
        if !options.readOnly {
            try Self.switchToWAL(connection, timeout: options.busyTimeout)
        }
        try connection.execute("PRAGMA synchronous = NORMAL")
        // A 16 MiB page cache: SQLite's default 2 MiB overflows part way through a bulk write (see
        // BENCHMARKS.md). Temporary tables stay on disk, so that an import's memory stays flat.
        try connection.execute("PRAGMA cache_size = -16384")
        try migrator.migrate(connection, from: version, readOnly: options.readOnly)
        self.path = path
        self.readOnly = options.readOnly
        self.identity = options.identity
        self.connection = Mutex(connection)
    }

    /// Refuses a path that is a directory or a device, and creates a new database file readable and
    /// writable by its owner only (SQLite gives its -wal and -shm companions the same permissions).
    private static func prepareFile(at path: String, readOnly: Bool) throws {
        var info = stat()
        if stat(path, &info) == 0 {
            guard info.st_mode & S_IFMT == S_IFREG else {
                let what = info.st_mode & S_IFMT == S_IFDIR ? "a directory" : "not a regular file (a device or a pipe?)"
                throw DuikouError(.io, "\(DuikouError.quoted(path)) is \(what), not a database file")
            }
            return
        }
        guard !readOnly else {
            throw DuikouError(.notFound, "\(DuikouError.quoted(path)) does not exist (opening read-only creates nothing)")
        }
        // O_EXCL: never truncate a file another process has just created.
        let descriptor = open(path, O_CREAT | O_EXCL | O_WRONLY | O_CLOEXEC, 0o600)
        if descriptor >= 0 {
            close(descriptor)
        } else if errno != EEXIST {
            throw DuikouError(.io, "cannot create \(DuikouError.quoted(path)): \(String(cString: strerror(errno)))")
        }
    }

    /// Switches the file to WAL unless it already is. SQLite does not apply the busy timeout to the
    /// switch, so a file being created by another process at the same moment is retried here.
    private static func switchToWAL(_ connection: SQLiteConnection, timeout: Duration) throws {
        let clock = ContinuousClock()
        let deadline = clock.now.advanced(by: timeout)
        while true {
            do {
                if try connection.queryFirst("PRAGMA journal_mode", [], { $0.text(0) })?.lowercased() == "wal" { return }
                let mode = try connection.queryFirst("PRAGMA journal_mode = WAL", [], { $0.text(0) })
                guard mode?.lowercased() == "wal" else {
                    throw DuikouError(.io, "\(DuikouError.quoted(connection.path)): cannot switch to WAL journal mode (it stays \(mode ?? "unknown"))")
                }
                return
            } catch let error as DuikouError where error.code == .busy && clock.now < deadline {
                usleep(10_000)
            }
        }
    }

    /// Runs `body` on the connection inside a read transaction, so that it sees one snapshot.
    func read<T: Sendable>(_ body: @Sendable (SQLiteConnection) throws -> T) throws -> T {
        try connection.withLock { connection in
            try connection.transaction(immediate: false) { try body(connection) }
        }
    }

    private func refuseIfReadOnly() throws {
        guard !readOnly else {
            throw DuikouError(.readOnly, "\(DuikouError.quoted(path)) is open read-only; nothing was written (leave out --read-only to write)")
        }
    }

    /// Runs `body` inside a `BEGIN IMMEDIATE` transaction that is committed only when `body` says so,
    /// with the audit log's entry for what it changed (`nil` only for writes that change no records).
    func tentativeWrite<T: Sendable>(
        _ body: @Sendable (SQLiteConnection, _ now: String) throws -> (result: T, commit: Bool, audit: AuditNote?)
    ) throws -> T {
        try refuseIfReadOnly()
        let identity = identity
        return try connection.withLock { connection in
            try connection.tentativeTransaction {
                let now = Timestamp.now()
                let outcome = try body(connection, now)
                if outcome.commit {
                    try Totals.check(connection)
                    try outcome.audit?.record(in: connection, at: now, by: identity)
                    try SearchIndexSync.run(connection)
                }
                return (outcome.result, outcome.commit)
            }
        }
    }

    /// Runs `body` on the connection inside a `BEGIN IMMEDIATE` transaction, all of it or none, with
    /// the audit log's entry for what it changed (`nil` only for writes that change no records).
    func write<T: Sendable>(_ body: @Sendable (SQLiteConnection, _ now: String) throws -> (result: T, audit: AuditNote?)) throws -> T {
        try refuseIfReadOnly()
        let identity = identity
        return try connection.withLock { connection in
            try connection.transaction(immediate: true) {
                let now = Timestamp.now()
                let outcome = try body(connection, now)
                try Totals.check(connection)
                try outcome.audit?.record(in: connection, at: now, by: identity)
                try SearchIndexSync.run(connection)
                return outcome.result
            }
        }
    }
}
