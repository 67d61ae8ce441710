import CSQLite
#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif

/// The current row of a statement, read by column name and decoded into the model's types.
///
/// A column is named as the query names it (its `AS` alias, or the column's own name), so the
/// reading code stays correct whatever order the `SELECT` lists its columns in. A name the query
/// does not return is a bug, reported with the SQL; a stored value that no version of Duikou writes
/// is reported as ``DuikouError/Code/corrupt`` with its table and column.
struct Row {
    let statement: SQLiteStatement

    /// The position of `column` in the result.
    func index(_ column: String) throws -> Int32 {
        guard let index = statement.columnNames.firstIndex(of: column) else {
            throw DuikouError(.internal, "the query returns no column named \(column) (it returns \(statement.columnNames.joined(separator: ", ")))",
                              sql: statement.sql)
        }
        return Int32(index)
    }

    /// The value as stored, for code that copies values without knowing their types (a merge).
    func stored(_ column: String) throws -> SQLiteValue {
        let index = try index(column)
        switch sqlite3_column_type(statement.handle, index) {
        case SQLITE_NULL: return .null
        case SQLITE_INTEGER: return .integer(sqlite3_column_int64(statement.handle, index))
        default: return .text(text(at: index))
        }
    }

    func isNull(_ column: String) throws -> Bool {
        sqlite3_column_type(statement.handle, try index(column)) == SQLITE_NULL
    }

    func int64(_ column: String) throws -> Int64 { sqlite3_column_int64(statement.handle, try index(column)) }

    func int(_ column: String) throws -> Int { Int(try int64(column)) }

    func bool(_ column: String) throws -> Bool { try int64(column) != 0 }

    func optionalInt64(_ column: String) throws -> Int64? { try isNull(column) ? nil : int64(column) }

    func text(_ column: String) throws -> String { text(at: try index(column)) }

    func optionalText(_ column: String) throws -> String? {
        let index = try index(column)
        return sqlite3_column_type(statement.handle, index) == SQLITE_NULL ? nil : text(at: index)
    }

    /// An amount of integer yuan, which CHECK constraints keep within range.
    func money(_ column: String) throws -> Money { Money(uncheckedYuan: try int64(column)) }

    func optionalMoney(_ column: String) throws -> Money? { try optionalInt64(column).map(Money.init(uncheckedYuan:)) }

    func date(_ column: String) throws -> LocalDate {
        let index = try index(column)
        let text = text(at: index)
        guard let date = try? LocalDate(parsing: text) else { throw corrupt(index, text, "not a date") }
        return date
    }

    func optionalDate(_ column: String) throws -> LocalDate? { try isNull(column) ? nil : date(column) }

    func uuid(_ column: String) throws -> UUID {
        let index = try index(column)
        let text = text(at: index)
        guard let id = UUID(key: text) else { throw corrupt(index, text, "not a UUID") }
        return id
    }

    func optionalUUID(_ column: String) throws -> UUID? { try isNull(column) ? nil : uuid(column) }

    /// A keyword (a status, a kind, a level, an audit action) stored as its key.
    func keyword<K: RawRepresentable<String> & CaseIterable>(_ column: String, as type: K.Type = K.self) throws -> K {
        let index = try index(column)
        let text = text(at: index)
        guard let value = K(rawValue: text) else { throw corrupt(index, text, "not a \(K.self) (\(K.allCases.map(\.rawValue).joined(separator: ", ")))") }
        return value
    }

    /// A keyword, or `nil` where the column is NULL.
    func optionalKeyword<K: RawRepresentable<String> & CaseIterable>(_ column: String, as type: K.Type = K.self) throws -> K? {
        try isNull(column) ? nil : keyword(column, as: type)
    }

    private func text(at index: Int32) -> String {
        guard let bytes = sqlite3_column_text(statement.handle, index) else { return "" }
        let count = Int(sqlite3_column_bytes(statement.handle, index))
        return String(decoding: UnsafeBufferPointer(start: bytes, count: count), as: UTF8.self)
    }

    /// A value no version of Duikou writes, named by the table and column it came from.
    private func corrupt(_ index: Int32, _ value: String, _ why: String) -> DuikouError {
        let origin: String
        if let table = sqlite3_column_table_name(statement.handle, index), let column = sqlite3_column_origin_name(statement.handle, index) {
            origin = "\(String(cString: table)).\(String(cString: column))"
        } else {
            origin = "the computed column \(statement.columnNames[Int(index)])"
        }
        return DuikouError(.corrupt, "the database holds \(DuikouError.quoted(value)) in \(origin), which is \(why)",
                           field: statement.columnNames[Int(index)], sql: statement.sql)
    }
}
