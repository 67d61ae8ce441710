/// The one error type DuikouKit throws.
///
/// Every error carries a ``Code`` that says what kind of failure it is (tools map it to an exit
/// status), the SQLite extended result code when SQLite reported the failure, and a message that
/// names the record, the field and the value involved.
public struct DuikouError: Error, Sendable, Equatable, CustomStringConvertible {
    /// What kind of failure an error is.
    public enum Code: String, Sendable, Equatable, CaseIterable {
        /// A value was malformed or a domain rule refused it (a bad date, a backward status move).
        case invalidInput = "invalid-input"
        /// A named record (a pairing, a task, a project id) does not exist.
        case notFound = "not-found"
        /// A database constraint (uniqueness, foreign key, check) refused a write.
        case constraint
        /// The database stayed locked by another writer past the busy timeout.
        case busy
        /// The database was opened read-only, or the file cannot be written.
        case readOnly = "read-only"
        /// Reading or writing the file failed (missing directory, disk full, permissions).
        case io
        /// The database file is damaged.
        case corrupt
        /// The file is not an SQLite database at all.
        case notADatabase = "not-a-database"
        /// The file is an SQLite database, but not a Duikou one; it was left untouched.
        case foreignDatabase = "foreign-database"
        /// The database was written by a newer Duikou than this build; it was left untouched.
        case schemaTooNew = "schema-too-new"
        /// A shipped migration differs from the one applied to this database.
        case migrationMismatch = "migration-mismatch"
        /// Anything else SQLite reported; a bug in Duikou or in its environment.
        case `internal`
    }

    /// What kind of failure this is.
    public var code: Code
    /// A one-line explanation naming the record, field and value concerned.
    public var message: String
    /// The SQLite extended result code, when SQLite reported the failure.
    public var sqliteCode: Int32?
    /// The field whose value was refused, when one was (`status`, `date`, `completed`, …), so that
    /// a spreadsheet import can point at the column.
    public var field: String?

    /// Creates an error.
    public init(_ code: Code, _ message: String, sqliteCode: Int32? = nil, field: String? = nil) {
        self.code = code
        self.message = message
        self.sqliteCode = sqliteCode
        self.field = field
    }

    /// The message, as printed after `error: `.
    public var description: String { message }

    static func invalid(_ field: String, _ value: String, _ why: String) -> DuikouError {
        DuikouError(.invalidInput, "\(field): \(quoted(value)) \(why)", field: field)
    }

    static func notFound(_ what: String, _ value: String) -> DuikouError {
        DuikouError(.notFound, "\(what) \(quoted(value)) does not exist")
    }

    /// Wraps a value in quotes for a message, escaping what would make the message unreadable.
    static func quoted(_ value: String) -> String {
        var out = "'"
        for scalar in value.unicodeScalars.prefix(200) {
            switch scalar {
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            case "\t": out += "\\t"
            case "'": out += "\\'"
            case _ where scalar.value < 0x20 || scalar.value == 0x7F:
                out += "\\u{\(String(scalar.value, radix: 16))}"
            default: out.unicodeScalars.append(scalar)
            }
        }
        if value.unicodeScalars.count > 200 { out += "…" }
        return out + "'"
    }
}
