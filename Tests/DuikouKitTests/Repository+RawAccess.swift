import CSQLite
@testable import DuikouKit

/// Raw SQL on a repository's connections, for tests that inspect or damage what is stored.
extension Repository {
    /// Runs `body` on a reader connection inside a read transaction.
    func rawRead<T>(_ body: (SQLiteConnection) throws -> T) throws -> T {
        try read { try body($0.connection) }
    }

    /// Runs `body` on the writer connection inside a write transaction, as a change with its audit note.
    func rawWrite<T>(_ body: (SQLiteConnection, _ now: String) throws -> (result: T, audit: AuditNote?)) throws -> T {
        try write { try $0.change(body) }
    }
}

/// Columns by position, for tests' ad hoc queries (the library reads them by name).
extension Row {
    func text(_ column: Int32) -> String {
        guard let bytes = sqlite3_column_text(statement.handle, column) else { return "" }
        return String(cString: bytes)
    }

    func optionalText(_ column: Int32) -> String? {
        sqlite3_column_type(statement.handle, column) == SQLITE_NULL ? nil : text(column)
    }

    func int64(_ column: Int32) -> Int64 { sqlite3_column_int64(statement.handle, column) }

    func int(_ column: Int32) -> Int { Int(int64(column)) }

    func optionalInt64(_ column: Int32) -> Int64? {
        sqlite3_column_type(statement.handle, column) == SQLITE_NULL ? nil : int64(column)
    }
}
