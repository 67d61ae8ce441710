#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif
#if canImport(Glibc)
import Glibc
#endif
import Dispatch
import Synchronization

/// The entry point to a Duikou database: open one, record into it, ask it questions.
///
/// A `Repository` is `Sendable` and may be shared between threads and tasks. It keeps one writer
/// connection and a small pool of reader connections on the file (SQLite's WAL mode), so a read
/// never waits for a write: while a long import runs, reads answer at once with the last committed
/// state. Writes are serialized; each runs in one `BEGIN IMMEDIATE` transaction and happens whole or
/// not at all. Several processes may write the same file at once; a writer waits up to
/// ``Options/busyTimeout`` for another process's lock before failing with ``DuikouError/Code/busy``.
///
/// Every method has three forms: a one-call method (`addProject(_:)`), the same method on the
/// handle of `write(_:)` or `read(_:)` to group several calls in one transaction or one
/// snapshot, and an `async` twin that runs on the repository's own threads, never blocking Swift's
/// cooperative pool.
///
/// ```swift
/// let repository = try Repository(path: "duikou.sqlite")
/// let park = try repository.write { tx in
///     let park = try tx.addPark(NewPark(pairing: "harbin-shenzhen", name: "深圳（哈尔滨）产业园区"))
///     try tx.addProject(NewProject(pairing: "harbin-shenzhen", task: "2.2", title: "新能源汽车零部件项目",
///                                  park: park.id, planned: Money(parsing: "12.5亿"), date: LocalDate(parsing: "2024-03-01")))
///     return park
/// }
/// let report = try await repository.progress(ProgressQuery(grouping: .area))
/// ```
///
/// A repository must not be used from inside one of its own `read(_:)` or `write(_:)` closures
/// (use the handle instead): such a call is refused with ``DuikouError/Code/misuse``.
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
        /// How many reads may run at the same moment, each on a reader connection of its own (opened
        /// when first needed). Four by default.
        public var maximumReaders: Int
        /// The recording time of each write transaction, as stored; the clock unless a test sets it
        /// to record on days of its choosing.
        var clock: @Sendable () -> String = Timestamp.now

        /// Creates options.
        public init(busyTimeout: Duration = .seconds(5), readOnly: Bool = false, identity: AuditIdentity = AuditIdentity(),
                    maximumReaders: Int = 4) {
            self.busyTimeout = busyTimeout
            self.readOnly = readOnly
            self.identity = identity
            self.maximumReaders = maximumReaders
        }
    }

    /// The path of the database file.
    public let path: String
    /// Whether the database was opened without write access.
    public let readOnly: Bool
    /// Who is writing and through what, as recorded in the audit log.
    public let identity: AuditIdentity
    /// When each write transaction records its changes.
    private let clock: @Sendable () -> String
    /// The writer connection (none when read-only), opened by the first write.
    private let writer: WriterConnection?
    private let readers: ConnectionPool
    /// The threads now running one of this repository's closures, to refuse nested use.
    private let busyThreads = Mutex<[UInt]>([])
    /// Where the `async` twins run, so that they never block the cooperative pool.
    let writeQueue = DispatchQueue(label: "duikou.repository.write")
    let readLanes: ReadLanes

    /// Opens (creating and migrating when needed) the Duikou database at `path`.
    ///
    /// Opening happens in a fixed order: extended result codes, busy timeout, foreign keys, a check
    /// that the file is Duikou's, WAL journal, `synchronous=NORMAL`, then the migrations. The file
    /// check comes before anything is written, so that a foreign SQLite file, a file that is not a
    /// database or a database from a newer Duikou is refused and left byte for byte untouched.
    /// Reader connections are opened later, when reads first need them.
    ///
    /// - Throws: ``DuikouError`` with ``DuikouError/Code/foreignDatabase``,
    ///   ``DuikouError/Code/notADatabase``, ``DuikouError/Code/schemaTooNew`` or an I/O code.
    public init(path: String, options: Options = Options()) throws {
        try Self.prepareFile(at: path, readOnly: options.readOnly)
        let connection = try SQLiteConnection(path: path, readOnly: options.readOnly)
        try Self.configureLocking(connection, busyTimeout: options.busyTimeout)
        let migrator = Migrator()
        let version = try migrator.identify(connection)
        if !options.readOnly {
            try Self.switchToWAL(connection, timeout: options.busyTimeout)
        }
        try Self.configureWriting(connection)
        try migrator.migrate(connection, from: version, readOnly: options.readOnly)
        self.path = path
        self.readOnly = options.readOnly
        self.clock = options.clock
        self.identity = options.identity
        readLanes = ReadLanes(count: options.maximumReaders)
        let timeout = options.busyTimeout
        // The connection that opened the file becomes the first reader, and the writer is opened by
        // the first write: a command that only reads opens one connection, as it did before the pool.
        readers = ConnectionPool(capacity: options.maximumReaders, first: ConnectionBox(connection)) {
            let reader = try SQLiteConnection(path: path, readOnly: true)
            try Self.configureLocking(reader, busyTimeout: timeout)
            try Self.configureWriting(reader)
            return reader
        }
        writer = options.readOnly ? nil : WriterConnection {
            let writer = try SQLiteConnection(path: path, readOnly: false)
            try Self.configureLocking(writer, busyTimeout: timeout)
            try Self.configureWriting(writer)
            return writer
        }
    }

    /// Set on every connection before the file is read: how long it waits for a lock, and foreign keys.
    private static func configureLocking(_ connection: SQLiteConnection, busyTimeout: Duration) throws {
        let timeout = busyTimeout.components
        let milliseconds = timeout.seconds * 1000 + timeout.attoseconds / 1_000_000_000_000_000
        try connection.execute("PRAGMA busy_timeout = \(max(0, min(milliseconds, Int64(Int32.max))))")
        try connection.execute("PRAGMA foreign_keys = ON")
    }

    /// Set on every connection once the file is known to be Duikou's: `synchronous=NORMAL` (durable
    /// at every checkpoint in WAL mode) and the page cache.
    private static func configureWriting(_ connection: SQLiteConnection) throws {
        try connection.execute("PRAGMA synchronous = NORMAL")
        // A 16 MiB page cache: SQLite's default 2 MiB overflows part way through a bulk write (see
        // BENCHMARKS.md). Temporary tables stay on disk, so that an import's memory stays flat.
        try connection.execute("PRAGMA cache_size = -16384")
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
                if try connection.queryFirst("PRAGMA journal_mode", [], { try $0.text("journal_mode") })?.lowercased() == "wal" { return }
                let mode = try connection.queryFirst("PRAGMA journal_mode = WAL", [], { try $0.text("journal_mode") })
                guard mode?.lowercased() == "wal" else {
                    throw DuikouError(.io, "\(DuikouError.quoted(connection.path)): cannot switch to WAL journal mode (it stays \(mode ?? "unknown"))")
                }
                return
            } catch let error as DuikouError where error.code == .busy && clock.now < deadline {
                usleep(10_000)
            }
        }
    }

    /// Runs `body` with one consistent snapshot of the database: every read through the handle sees
    /// the state of the last write committed before the first of them, whatever is written meanwhile.
    ///
    /// The read runs on a reader connection of its own: it never waits for a write. The handle is
    /// valid only until `body` returns.
    ///
    /// - Throws: what `body` throws; ``DuikouError/Code/misuse`` when called from inside another of
    ///   this repository's `read` or `write` closures.
    public func read<T>(_ body: (Snapshot) throws -> T) throws -> T {
        try read(cancellation: nil, body)
    }

    /// Runs `body` in one `BEGIN IMMEDIATE` transaction and returns its value: every change made
    /// through the handle is committed together when `body` returns, and anything `body` throws rolls
    /// all of them back. Each change is recorded in the audit log with ``identity``.
    ///
    /// Writes are serialized: `body` waits for the writes before it, and for another process's
    /// write up to ``Options/busyTimeout``. Reads through the repository go on meanwhile. The handle
    /// is valid only until `body` returns.
    ///
    /// - Throws: what `body` throws; ``DuikouError/Code/readOnly`` on a read-only repository;
    ///   ``DuikouError/Code/busy`` when another process held the lock too long;
    ///   ``DuikouError/Code/misuse`` when called from inside another of this repository's closures.
    public func write<T>(_ body: (Transaction) throws -> T) throws -> T {
        try write(cancellation: nil, body)
    }

    /// Runs `body` in one write transaction, like ``write(_:)``, recording its changes in the audit
    /// log under `identity` instead of the repository's own: a server writing for many users names
    /// each one.
    public func write<T>(as identity: AuditIdentity, _ body: (Transaction) throws -> T) throws -> T {
        try write(cancellation: nil, as: identity, body)
    }

    func read<T>(cancellation: CancellationFlag?, _ body: (Snapshot) throws -> T) throws -> T {
        try exclusively {
            try cancellation?.check()
            return try readers.withConnection { connection in
                try connection.transaction(immediate: false) {
                    let snapshot = Snapshot(connection: connection, cancellation: cancellation)
                    defer { snapshot.close() }
                    return try body(snapshot)
                }
            }
        }
    }

    func write<T>(cancellation: CancellationFlag?, as identity: AuditIdentity? = nil, _ body: (Transaction) throws -> T) throws -> T {
        guard let writer else {
            throw DuikouError(.readOnly, "\(DuikouError.quoted(path)) is open read-only; nothing was written")
        }
        return try exclusively {
            try writer.withConnection { connection in
                try cancellation?.check()
                return try connection.writeTransaction {
                    let transaction = Transaction(connection: connection, now: clock(), identity: identity ?? self.identity, cancellation: cancellation)
                    defer { transaction.close() }
                    let result = try body(transaction)
                    if transaction.changed {
                        try Totals.check(connection)
                        try SearchIndexSync.run(connection)
                    }
                    return (result, transaction.changed)
                }
            }
        }
    }

    deinit {
        // Read-only connections first, so that the last to close can write: it checkpoints the WAL
        // and removes the -wal and -shm files, which a read-only connection cannot.
        readers.close()
        writer?.close()
    }

    /// Runs `body` unless this thread is already inside one of the repository's closures, where a
    /// write would wait for itself and a read would not see the write's own changes.
    private func exclusively<T>(_ body: () throws -> T) throws -> T {
        let thread = currentThread()
        let nested = busyThreads.withLock { threads in
            if threads.contains(thread) { return true }
            threads.append(thread)
            return false
        }
        if nested {
            throw DuikouError(.misuse, "\(DuikouError.quoted(path)): the repository was used from inside one of its own read or write closures; use the handle the closure was given")
        }
        defer {
            busyThreads.withLock { threads in
                if let index = threads.firstIndex(of: thread) { threads.remove(at: index) }
            }
        }
        return try body()
    }
}

/// The calling thread's identity, as a number.
private func currentThread() -> UInt {
    #if canImport(Darwin)
    UInt(bitPattern: pthread_self())
    #else
    UInt(pthread_self())
    #endif
}
