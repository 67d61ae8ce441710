import CSQLite

/// A value bound to a statement parameter.
enum SQLiteValue {
    case null
    case integer(Int64)
    case text(String)

    static func optional(_ text: String?) -> SQLiteValue { text.map(SQLiteValue.text) ?? .null }
    static func optional(_ value: Int64?) -> SQLiteValue { value.map(SQLiteValue.integer) ?? .null }
}

/// A prepared statement, owned and cached by its ``SQLiteConnection``.
///
/// Its result columns are read through ``Row`` by name; the names are looked up once, when the
/// statement is prepared.
final class SQLiteStatement {
    let handle: OpaquePointer
    unowned let connection: SQLiteConnection
    /// The statement's text, kept for error messages.
    let sql: String
    /// The names of the result columns, in order (`AS` aliases where the query gives them).
    let columnNames: [String]

    init(handle: OpaquePointer, sql: String, connection: SQLiteConnection) {
        self.handle = handle
        self.sql = sql
        self.connection = connection
        columnNames = (0..<sqlite3_column_count(handle)).map { String(cString: sqlite3_column_name(handle, $0)) }
    }

    func finalize() { sqlite3_finalize(handle) }

    func reset() {
        sqlite3_reset(handle)
        sqlite3_clear_bindings(handle)
    }

    func bind(_ values: [SQLiteValue]) throws {
        for (offset, value) in values.enumerated() {
            try bind(value, at: Int32(offset + 1))
        }
    }

    func bind(_ value: SQLiteValue, at index: Int32) throws {
        let code: Int32
        switch value {
        case .null:
            code = sqlite3_bind_null(handle, index)
        case .integer(let integer):
            code = sqlite3_bind_int64(handle, index, integer)
        case .text(var text):
            // Bound with its byte length (64-bit, so that no length traps), so that text holding NUL
            // bytes is stored whole; text beyond SQLite's limit is refused with SQLITE_TOOBIG.
            code = text.withUTF8 { bytes in
                guard let base = bytes.baseAddress, bytes.count > 0 else {
                    return sqlite3_bind_text(handle, index, "", 0, sqliteTransient)
                }
                return base.withMemoryRebound(to: CChar.self, capacity: bytes.count) {
                    sqlite3_bind_text64(handle, index, $0, sqlite3_uint64(bytes.count), sqliteTransient, UInt8(SQLITE_UTF8))
                }
            }
        }
        guard code == SQLITE_OK else { throw connection.error(code, context: "binding parameter \(index)", sql: sql) }
    }

    /// Advances to the next row; `false` when the statement is done.
    func step(context: @autoclosure () -> String = "") throws -> Bool {
        switch sqlite3_step(handle) {
        case SQLITE_ROW: return true
        case SQLITE_DONE: return false
        case let code: throw connection.error(code, context: context(), sql: sql)
        }
    }

    /// The current row.
    var row: Row { Row(statement: self) }
}

/// Tells SQLite to copy bound text before the call returns.
let sqliteTransient = unsafeBitCast(-1, to: sqlite3_destructor_type.self)
