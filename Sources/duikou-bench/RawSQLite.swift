import CSQLite

/// A failure of the raw SQLite path: SQLite's result code and message, and what was being done.
struct RawSQLiteError: Error, CustomStringConvertible {
    /// The (extended) SQLite result code.
    let code: Int32
    /// SQLite's message.
    let message: String
    /// What the benchmark was doing.
    let context: String

    var description: String { "raw SQLite: \(context): \(message) (code \(code))" }
}

/// SQLite copies bound text before the bind call returns.
let rawTransient = unsafeBitCast(-1, to: sqlite3_destructor_type.self)

/// One connection opened with the SQLite C API directly, the way a hand-written program would:
/// the baseline DuikouKit is measured against. Not `Sendable`; used on one thread.
final class RawDatabase {
    /// The connection.
    let handle: OpaquePointer

    /// Opens (creating when needed) the file at `path` with extended result codes.
    init(path: String) throws {
        var handle: OpaquePointer?
        let code = sqlite3_open_v2(path, &handle, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE | SQLITE_OPEN_NOMUTEX, nil)
        guard code == SQLITE_OK, let handle else {
            let message = handle.map { String(cString: sqlite3_errmsg($0)) } ?? "out of memory"
            sqlite3_close_v2(handle)
            throw RawSQLiteError(code: code, message: message, context: "opening \(path)")
        }
        self.handle = handle
        sqlite3_extended_result_codes(handle, 1)
    }

    deinit {
        sqlite3_close_v2(handle)
    }

    /// The pragmas DuikouKit opens with: foreign keys, WAL journal, `synchronous=NORMAL`.
    func applyLibraryPragmas() throws {
        try execute("""
            PRAGMA busy_timeout = 5000; PRAGMA foreign_keys = ON; PRAGMA journal_mode = WAL; PRAGMA synchronous = NORMAL;
            PRAGMA cache_size = -16384
            """)
    }

    /// Runs statements that take no parameters; rows they return are ignored.
    func execute(_ sql: String) throws {
        let code = sqlite3_exec(handle, sql, nil, nil, nil)
        guard code == SQLITE_OK else { throw error(code, sql) }
    }

    /// Prepares one statement, to be reused.
    func prepare(_ sql: String) throws -> RawStatement {
        var statement: OpaquePointer?
        let code = sqlite3_prepare_v3(handle, sql, -1, UInt32(SQLITE_PREPARE_PERSISTENT), &statement, nil)
        guard code == SQLITE_OK, let statement else { throw error(code, sql) }
        return RawStatement(handle: statement, database: self)
    }

    /// Whether every one of `names` is a table (or virtual table) of the schema.
    func hasTables(_ names: [String]) throws -> Bool {
        let statement = try prepare("SELECT count(*) FROM sqlite_master WHERE type = 'table' AND name = ?1")
        for name in names {
            statement.bind(1, name)
            guard try statement.step(), statement.int64(0) == 1 else { return false }
            statement.reset()
        }
        return true
    }

    func error(_ code: Int32, _ context: String) -> RawSQLiteError {
        RawSQLiteError(code: code, message: String(cString: sqlite3_errmsg(handle)), context: context)
    }
}

/// A prepared statement of a ``RawDatabase``, finalized when released.
final class RawStatement {
    /// The statement.
    let handle: OpaquePointer
    private let database: RawDatabase

    init(handle: OpaquePointer, database: RawDatabase) {
        self.handle = handle
        self.database = database
    }

    deinit {
        sqlite3_finalize(handle)
    }

    /// Binds text by its UTF-8 bytes (no `strlen`), copied by SQLite.
    func bind(_ index: Int32, _ text: String) {
        var text = text
        text.withUTF8 { bytes in
            guard let base = bytes.baseAddress, !bytes.isEmpty else {
                sqlite3_bind_text(handle, index, "", 0, rawTransient)
                return
            }
            base.withMemoryRebound(to: CChar.self, capacity: bytes.count) {
                _ = sqlite3_bind_text(handle, index, $0, Int32(bytes.count), rawTransient)
            }
        }
    }

    /// Binds text, or NULL for `nil`.
    func bind(_ index: Int32, _ text: String?) {
        if let text { bind(index, text) } else { sqlite3_bind_null(handle, index) }
    }

    /// Binds an integer.
    func bind(_ index: Int32, _ value: Int64) {
        sqlite3_bind_int64(handle, index, value)
    }

    /// Binds an integer, or NULL for `nil`.
    func bind(_ index: Int32, _ value: Int64?) {
        if let value { bind(index, value) } else { sqlite3_bind_null(handle, index) }
    }

    /// Advances to the next row; `false` when the statement is done.
    func step() throws -> Bool {
        switch sqlite3_step(handle) {
        case SQLITE_ROW: return true
        case SQLITE_DONE: return false
        case let code: throw database.error(code, sql)
        }
    }

    /// Runs a statement that returns no rows, then resets it for the next bindings.
    func run() throws {
        let code = sqlite3_step(handle)
        sqlite3_reset(handle)
        guard code == SQLITE_DONE else { throw database.error(code, sql) }
    }

    /// The statement's SQL, for error messages.
    var sql: String { sqlite3_sql(handle).map { String(cString: $0) } ?? "a statement" }

    /// Resets the statement to run again (bindings are kept).
    func reset() {
        sqlite3_reset(handle)
    }

    /// An integer column of the current row.
    func int64(_ column: Int32) -> Int64 {
        sqlite3_column_int64(handle, column)
    }

    /// A text column of the current row.
    func text(_ column: Int32) -> String {
        guard let bytes = sqlite3_column_text(handle, column) else { return "" }
        return String(decoding: UnsafeBufferPointer(start: bytes, count: Int(sqlite3_column_bytes(handle, column))), as: UTF8.self)
    }
}
