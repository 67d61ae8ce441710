/// The one error type DuikouKit throws.
///
/// Every error carries a ``Code`` that says what kind of failure it is (tools map it to an exit
/// status), a message that names the record, the field and the value involved, and where known the
/// field, the record's id, the SQL that failed and SQLite's extended result code.
///
/// Match a kind of failure in a `catch` by its code:
///
/// ```swift
/// do {
///     try repository.recordUpdate(update, toProject: id)
/// } catch DuikouError.notFound {
///     // no such project
/// } catch let error as DuikouError where error.code == .invalidInput {
///     print(error.field ?? "", error.message)
/// }
/// ```
///
/// Messages name records and fields, never options of the `duikou` tool: a tool that embeds the
/// library adds its own hints.
public struct DuikouError: Error, Sendable, Hashable, CustomStringConvertible {
    /// What kind of failure an error is.
    ///
    /// The set of codes grows as the library does, so a `switch` over codes needs a `default:`.
    /// Each code prints as a stable kebab-case name (`not-found`, `invalid-input`, …).
    public struct Code: Hashable, Sendable, CustomStringConvertible {
        private enum Base: String, Sendable {
            case invalidInput = "invalid-input"
            case notFound = "not-found"
            case constraint
            case busy
            case readOnly = "read-only"
            case io
            case corrupt
            case notADatabase = "not-a-database"
            case foreignDatabase = "foreign-database"
            case schemaTooNew = "schema-too-new"
            case migrationMismatch = "migration-mismatch"
            case cancelled
            case misuse
            case `internal`
        }

        private let base: Base

        private init(_ base: Base) { self.base = base }

        /// A value was malformed or a domain rule refused it (a bad date, a backward status move).
        public static let invalidInput = Code(.invalidInput)
        /// A named record (a pairing, a task, a project id) does not exist.
        public static let notFound = Code(.notFound)
        /// A database constraint (uniqueness, foreign key, check) refused a write.
        public static let constraint = Code(.constraint)
        /// The database stayed locked by another writer past the busy timeout.
        public static let busy = Code(.busy)
        /// The database was opened read-only, or the file cannot be written.
        public static let readOnly = Code(.readOnly)
        /// Reading or writing the file failed (missing directory, disk full, permissions).
        public static let io = Code(.io)
        /// The database file is damaged, or holds a value no version of Duikou writes.
        public static let corrupt = Code(.corrupt)
        /// The file is not an SQLite database at all.
        public static let notADatabase = Code(.notADatabase)
        /// The file is an SQLite database, but not a Duikou one; it was left untouched.
        public static let foreignDatabase = Code(.foreignDatabase)
        /// The database was written by a newer Duikou than this build; it was left untouched.
        public static let schemaTooNew = Code(.schemaTooNew)
        /// A shipped migration differs from the one applied to this database.
        public static let migrationMismatch = Code(.migrationMismatch)
        /// The task that asked for the work was cancelled; a write was rolled back whole.
        public static let cancelled = Code(.cancelled)
        /// The API was used in a way it does not allow: a repository used again from inside one of
        /// its own `read` or `write` closures, or a handle kept and used after its closure returned.
        public static let misuse = Code(.misuse)
        /// Anything else SQLite reported; a bug in Duikou or in its environment.
        public static let `internal` = Code(.internal)

        /// The code's stable name, such as `not-found`.
        public var description: String { base.rawValue }

        /// Whether `error` is a ``DuikouError`` with this code, so that a `catch` can match a code:
        /// `catch DuikouError.Code.busy { … }`.
        public static func ~= (code: Code, error: any Error) -> Bool {
            (error as? DuikouError)?.code == code
        }
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
    /// The id of the record concerned (a project's UUID, a pairing's id, a region's code), when known.
    public var recordID: String?
    /// The SQL statement that failed, when one did.
    public var sql: String?

    /// Creates an error.
    public init(_ code: Code, _ message: String, sqliteCode: Int32? = nil, field: String? = nil, recordID: String? = nil, sql: String? = nil) {
        self.code = code
        self.message = message
        self.sqliteCode = sqliteCode
        self.field = field
        self.recordID = recordID
        self.sql = sql
    }

    /// The message, as printed after `error: `.
    public var description: String { message }

    static func invalid(_ field: String, _ value: String, _ why: String) -> DuikouError {
        DuikouError(.invalidInput, "\(field): \(quoted(value)) \(why)", field: field)
    }

    /// A record named by `value` that does not exist; `what` says what kind of record, and which
    /// field named it when one did (`parent: pairing`).
    static func missing(_ what: String, _ value: String) -> DuikouError {
        DuikouError(.notFound, "\(what) \(quoted(value)) does not exist", recordID: value)
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

extension DuikouError {
    // The codes again, as members of the error itself, so that a `catch` reads as the failure it
    // handles: `catch DuikouError.notFound { … }`.

    /// ``Code/invalidInput``, for `catch DuikouError.invalidInput`.
    public static let invalidInput = Code.invalidInput
    /// ``Code/notFound``, for `catch DuikouError.notFound`.
    public static let notFound = Code.notFound
    /// ``Code/constraint``, for `catch DuikouError.constraint`.
    public static let constraint = Code.constraint
    /// ``Code/busy``, for `catch DuikouError.busy`.
    public static let busy = Code.busy
    /// ``Code/readOnly``, for `catch DuikouError.readOnly`.
    public static let readOnly = Code.readOnly
    /// ``Code/io``, for `catch DuikouError.io`.
    public static let io = Code.io
    /// ``Code/corrupt``, for `catch DuikouError.corrupt`.
    public static let corrupt = Code.corrupt
    /// ``Code/notADatabase``, for `catch DuikouError.notADatabase`.
    public static let notADatabase = Code.notADatabase
    /// ``Code/foreignDatabase``, for `catch DuikouError.foreignDatabase`.
    public static let foreignDatabase = Code.foreignDatabase
    /// ``Code/schemaTooNew``, for `catch DuikouError.schemaTooNew`.
    public static let schemaTooNew = Code.schemaTooNew
    /// ``Code/migrationMismatch``, for `catch DuikouError.migrationMismatch`.
    public static let migrationMismatch = Code.migrationMismatch
    /// ``Code/cancelled``, for `catch DuikouError.cancelled`.
    public static let cancelled = Code.cancelled
    /// ``Code/misuse``, for `catch DuikouError.misuse`.
    public static let misuse = Code.misuse
    /// ``Code/internal``, for `catch DuikouError.internal`.
    public static let `internal` = Code.internal
}
