/// One consistent view of the database, handed to the closure of `Repository.read(_:)`: every
/// read through it sees the same committed state.
///
/// It has every reading method of the repository (`progress(_:)`, `projects(_:)`, `search(_:limit:)`,
/// …). It is not `Sendable` and is valid only while the closure runs: a snapshot kept and used
/// afterwards refuses with ``DuikouError/Code/misuse``.
public class Snapshot {
    private var openConnection: SQLiteConnection?
    private let cancellation: CancellationFlag?

    init(connection: SQLiteConnection, cancellation: CancellationFlag?) {
        openConnection = connection
        self.cancellation = cancellation
    }

    /// Ends the handle's life when its closure returns.
    func close() { openConnection = nil }

    /// The connection, while the handle's closure runs; a check for cancellation comes with it, so
    /// that work asked for by a cancelled task stops between statements.
    var connection: SQLiteConnection {
        get throws {
            guard let openConnection else {
                throw DuikouError(.misuse, "a read or write handle was used after its closure returned; keep the repository, not the handle")
            }
            try cancellation?.check()
            return openConnection
        }
    }

    /// Throws ``DuikouError/Code/cancelled`` once the task that asked for the work is cancelled;
    /// long operations call it between rows.
    func checkCancellation() throws { try cancellation?.check() }

    /// Brings what reads see up to date with the handle's own changes before a search; nothing to do
    /// for a snapshot, which makes none.
    func prepareForSearch() throws {}

    /// Checks the search index, which takes a write; a snapshot leaves it out.
    func checkSearchIndex(_ report: inout CheckReport) throws {}
}

/// A write transaction, handed to the closure of `Repository.write(_:)`: every change made through
/// it commits together when the closure returns, or none does.
///
/// It has every writing method of the repository (`addProject(_:)`, `recordUpdate(_:toProject:)`,
/// `importCSV(_:from:dryRun:progress:)`, …) and, as a ``Snapshot``, every reading method, which sees
/// the transaction's own changes. It is not `Sendable` and is valid only while the closure runs.
public final class Transaction: Snapshot {
    /// When the transaction started, as recorded with its changes.
    let now: String
    private let identity: AuditIdentity
    /// Whether a change was made and kept, so that the checks before the commit have work to do.
    private(set) var changed = false

    init(connection: SQLiteConnection, now: String, identity: AuditIdentity, cancellation: CancellationFlag?) {
        self.now = now
        self.identity = identity
        super.init(connection: connection, cancellation: cancellation)
    }

    /// Makes one change: `body` writes and says what it changed for the audit log (`nil` only for
    /// writes that change no records), and the entry is written in the same transaction.
    func change<T>(_ body: (SQLiteConnection, _ now: String) throws -> (result: T, audit: AuditNote?)) throws -> T {
        let connection = try connection
        changed = true
        let outcome = try body(connection, now)
        try outcome.audit?.record(in: connection, at: now, by: identity)
        return outcome.result
    }

    /// Makes a change that is kept only when `body` says so, such as an import that found no problem
    /// and is not a dry run: it runs inside a savepoint, rolled back otherwise, and the rest of the
    /// transaction stays as it was.
    func tentativeChange<T>(
        _ body: (SQLiteConnection, _ now: String) throws -> (result: T, keep: Bool, audit: AuditNote?)
    ) throws -> T {
        let connection = try connection
        return try connection.savepoint("tentative") {
            let outcome = try body(connection, now)
            if outcome.keep {
                changed = true
                try outcome.audit?.record(in: connection, at: now, by: identity)
            }
            return (outcome.result, outcome.keep)
        }
    }

    override func prepareForSearch() throws {
        try SearchIndexSync.run(try connection)
    }

    override func checkSearchIndex(_ report: inout CheckReport) throws {
        try Repository.checkSearchIndex(&report, in: self)
    }
}
