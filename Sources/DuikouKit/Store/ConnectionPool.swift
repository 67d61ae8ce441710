import Dispatch
import Synchronization

/// An open connection that the repository hands to one thread at a time.
///
/// SQLite connections are not `Sendable`: this box is, because the repository never lets two
/// threads hold the same connection at once (the writer sits behind a mutex, each reader is taken
/// from and returned to the ``ConnectionPool``).
final class ConnectionBox: @unchecked Sendable {
    let connection: SQLiteConnection

    init(_ connection: SQLiteConnection) { self.connection = connection }
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

    /// Closes the idle connections (the repository closes the pool when no read is running).
    func close() {
        idle.withLock { $0.removeAll() }
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
