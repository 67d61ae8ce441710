import CSQLite

/// One open SQLite connection and its cache of prepared statements.
///
/// Not thread-safe and not `Sendable`: ``Repository`` hands it to one thread at a time (its writer
/// or one of its readers) and is the only code that touches it.
final class SQLiteConnection {
    let handle: OpaquePointer
    let path: String
    /// Whether the connection was opened without write access.
    let readOnly: Bool
    private var statements: [String: SQLiteStatement] = [:]

    init(path: String, readOnly: Bool) throws {
        var handle: OpaquePointer?
        let flags = (readOnly ? SQLITE_OPEN_READONLY : SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE) | SQLITE_OPEN_NOMUTEX
        let code = sqlite3_open_v2(path, &handle, flags, nil)
        guard code == SQLITE_OK, let handle else {
            let message = handle.map { String(cString: sqlite3_errmsg($0)) } ?? "out of memory"
            sqlite3_close_v2(handle)
            throw DuikouError.sqlite(code, message, context: "cannot open database \(DuikouError.quoted(path))")
        }
        self.handle = handle
        self.path = path
        self.readOnly = readOnly
        sqlite3_extended_result_codes(handle, 1)
    }

    deinit {
        for statement in statements.values { statement.finalize() }
        sqlite3_close_v2(handle)
    }

    /// How many rows have been inserted, updated or deleted since the connection opened.
    var totalChanges: Int64 { sqlite3_total_changes64(handle) }

    /// Whether a transaction is open on the connection.
    var inTransaction: Bool { sqlite3_get_autocommit(handle) == 0 }

    /// Runs one or more statements that take no parameters and return no rows.
    func execute(_ sql: String, context: @autoclosure () -> String = "") throws {
        let code = sqlite3_exec(handle, sql, nil, nil, nil)
        guard code == SQLITE_OK else { throw error(code, context: context(), sql: sql) }
    }

    /// The cached prepared statement for `sql`, reset and with no bindings.
    func statement(_ sql: String) throws -> SQLiteStatement {
        if let cached = statements[sql] {
            cached.reset()
            return cached
        }
        var raw: OpaquePointer?
        let code = sqlite3_prepare_v3(handle, sql, -1, UInt32(SQLITE_PREPARE_PERSISTENT), &raw, nil)
        guard code == SQLITE_OK, let raw else { throw error(code, context: "preparing a statement", sql: sql) }
        let statement = SQLiteStatement(handle: raw, sql: sql, connection: self)
        statements[sql] = statement
        return statement
    }

    /// Runs a statement that returns no rows.
    func run(_ sql: String, _ values: [SQLiteValue] = [], context: @autoclosure () -> String = "") throws {
        let statement = try statement(sql)
        defer { statement.reset() }
        try statement.bind(values)
        while try statement.step(context: context()) {}
    }

    /// Runs a query and maps every row.
    func query<T>(_ sql: String, _ values: [SQLiteValue] = [], _ map: (Row) throws -> T) throws -> [T] {
        let statement = try statement(sql)
        defer { statement.reset() }
        try statement.bind(values)
        var rows: [T] = []
        while try statement.step() { rows.append(try map(statement.row)) }
        return rows
    }

    /// The first row of a query, mapped, or `nil` when there is none.
    func queryFirst<T>(_ sql: String, _ values: [SQLiteValue] = [], _ map: (Row) throws -> T) throws -> T? {
        let statement = try statement(sql)
        defer { statement.reset() }
        try statement.bind(values)
        return try statement.step() ? map(statement.row) : nil
    }

    /// Whether a query returns any row.
    func exists(_ sql: String, _ values: [SQLiteValue] = []) throws -> Bool {
        try queryFirst(sql, values) { _ in true } ?? false
    }

    /// Runs a query and hands every row to `body` as it is read, for results too large to hold.
    func each(_ sql: String, _ values: [SQLiteValue] = [], _ body: (Row) throws -> Void) throws {
        let statement = try statement(sql)
        defer { statement.reset() }
        try statement.bind(values)
        while try statement.step() { try body(statement.row) }
    }

    /// Runs `body` in a transaction: `BEGIN IMMEDIATE` for writes, so that a writer waits for the
    /// lock up front (within the busy timeout) rather than failing half-way, `BEGIN DEFERRED` for
    /// reads. Anything thrown rolls the whole transaction back.
    func transaction<T>(immediate: Bool, _ body: () throws -> T) throws -> T {
        try execute(immediate ? "BEGIN IMMEDIATE" : "BEGIN DEFERRED", context: "starting a transaction")
        do {
            let result = try body()
            try execute("COMMIT", context: "committing")
            return result
        } catch {
            rollBack()
            throw error
        }
    }

    /// Runs `body` in a `BEGIN IMMEDIATE` transaction that is committed only when it says so (it made
    /// changes to keep); otherwise, or when it throws, everything is rolled back, leaving the file as
    /// it was.
    func writeTransaction<T>(_ body: () throws -> (result: T, commit: Bool)) throws -> T {
        try execute("BEGIN IMMEDIATE", context: "starting a transaction")
        do {
            let outcome = try body()
            try execute(outcome.commit ? "COMMIT" : "ROLLBACK", context: outcome.commit ? "committing" : "rolling back")
            return outcome.result
        } catch {
            rollBack()
            throw error
        }
    }

    /// Runs `body` inside a savepoint of the open transaction, which is kept only when `body` says
    /// so, as an import does when it found no problem and is not a dry run; otherwise, or when it
    /// throws, the savepoint is rolled back and the rest of the transaction stays as it was.
    func savepoint<T>(_ name: String, _ body: () throws -> (result: T, keep: Bool)) throws -> T {
        try execute("SAVEPOINT \(name)", context: "starting savepoint \(name)")
        do {
            let outcome = try body()
            if !outcome.keep { try execute("ROLLBACK TO \(name)", context: "rolling back \(name)") }
            try execute("RELEASE \(name)", context: "releasing \(name)")
            return outcome.result
        } catch {
            if inTransaction {
                sqlite3_exec(handle, "ROLLBACK TO \(name); RELEASE \(name)", nil, nil, nil)
            }
            throw error
        }
    }

    /// Rolls back the open transaction, if any; the error that caused it is the one worth reporting.
    func rollBack() {
        if inTransaction { sqlite3_exec(handle, "ROLLBACK", nil, nil, nil) }
    }

    func error(_ code: Int32, context: String, sql: String? = nil) -> DuikouError {
        var error = DuikouError.sqlite(code, String(cString: sqlite3_errmsg(handle)), context: context)
        error.sql = sql
        return error
    }
}
