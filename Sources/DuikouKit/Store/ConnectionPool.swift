import Dispatch
import Synchronization

/// An open connection that the repository hands to one thread at a time.
///
/// SQLite connections are not `Sendable`: this box is, because the repository never lets two
/// threads hold the same connection at once (the writer sits behind a mutex, each reader is taken
/// from and returned to the ``ConnectionPool``).
final class ConnectionBox: @unchecked Sendable {
    private var open: SQLiteConnection?

    init(_ connection: SQLiteConnection) { open = connection }

    /// The connection; only a closed box (at the repository's end) has none, and nothing uses it then.
    var connection: SQLiteConnection {
        guard let open else { preconditionFailure("a connection was used after its repository closed it") }
        return open
    }

    /// Closes the connection now, rather than whenever the last reference goes.
    func close() { open = nil }
}

/// The writer connection of a repository: opened by the first write, used by one write at a time.
final class WriterConnection: @unchecked Sendable {
    private let lock = DispatchSemaphore(value: 1)
    private let open: @Sendable () throws -> SQLiteConnection
    /// Guarded by `lock`.
    private var connection: SQLiteConnection?

    init(open: @escaping @Sendable () throws -> SQLiteConnection) { self.open = open }

    /// Runs `body` with the writer connection, waiting for the write before it.
    func withConnection<T>(_ body: (SQLiteConnection) throws -> T) throws -> T {
        lock.wait()
        defer { lock.signal() }
        if let connection { return try body(connection) }
        let opened = try open()
        connection = opened
        return try body(opened)
    }

    /// Closes the connection, after every write.
    func close() {
        lock.wait()
        connection = nil
        lock.signal()
    }
}

/// The reader connections of a repository: opened on first need, at most ``capacity`` of them, each
/// used by one read at a time.
///
/// In WAL mode readers never wait for the writer: each read transaction sees the last committed
/// state, however long a write goes on. A read that finds every reader busy waits for the next one
/// to be returned.
final class ConnectionPool: Sendable {
    let capacity: Int
    private let open: @Sendable () throws -> SQLiteConnection
    private let idle = Mutex<[ConnectionBox]>([])
    private let available: DispatchSemaphore

    init(capacity: Int, first: ConnectionBox? = nil, open: @escaping @Sendable () throws -> SQLiteConnection) {
        self.capacity = max(1, capacity)
        self.open = open
        available = DispatchSemaphore(value: self.capacity)
        if let first { idle.withLock { $0.append(first) } }
    }

    /// Closes the idle connections, the read-only ones first (the repository closes the pool when no
    /// read is running).
    func close() {
        let boxes = idle.withLock { idle in
            defer { idle.removeAll() }
            return idle
        }
        for box in boxes.sorted(by: { $0.connection.readOnly && !$1.connection.readOnly }) {
            box.close()
        }
    }

    /// Runs `body` with a reader connection of its own.
    func withConnection<T>(_ body: (SQLiteConnection) throws -> T) throws -> T {
        available.wait()
        defer { available.signal() }
        let box = try idle.withLock { $0.popLast() } ?? ConnectionBox(open())
        defer { idle.withLock { $0.append(box) } }
        return try body(box.connection)
    }
}
