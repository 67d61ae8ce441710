import CSQLite

extension DuikouError {
    /// Whether SQLite refused a row because its primary key or a unique key is taken already.
    var isDuplicateKey: Bool {
        // SQLITE_CONSTRAINT_PRIMARYKEY and SQLITE_CONSTRAINT_UNIQUE: C macros Swift does not import.
        sqliteCode == SQLITE_CONSTRAINT | (6 << 8) || sqliteCode == SQLITE_CONSTRAINT | (8 << 8)
    }

    /// Whether SQLite stopped a sum that went past the largest integer (`sum()` raises "integer
    /// overflow" as a plain SQLITE_ERROR, so the message is all there is to tell it by).
    var isIntegerOverflow: Bool {
        sqliteCode == SQLITE_ERROR && message.hasSuffix("integer overflow")
    }

    /// An error for an SQLite result code, keeping the extended code and SQLite's own message.
    static func sqlite(_ extendedCode: Int32, _ sqliteMessage: String, context: String) -> DuikouError {
        // SQLITE_CONSTRAINT_DATATYPE (a C macro Swift does not import): a value refused by a STRICT
        // column of another type. Every value Duikou binds has its column's type, so this happens only
        // when a trigger's sum of amounts (V004_progress_summary.sql) went past the largest integer and
        // SQLite made it a floating-point number: the write is refused as bad data.
        let totalOverflow = extendedCode == SQLITE_CONSTRAINT | (12 << 8)
        let code: Code
        switch extendedCode & 0xFF {
        case _ where totalOverflow: code = .invalidInput
        case SQLITE_BUSY, SQLITE_LOCKED: code = .busy
        case SQLITE_READONLY: code = .readOnly
        case SQLITE_IOERR, SQLITE_FULL, SQLITE_CANTOPEN, SQLITE_PERM: code = .io
        case SQLITE_CORRUPT: code = .corrupt
        case SQLITE_NOTADB: code = .notADatabase
        case SQLITE_CONSTRAINT: code = .constraint
        case SQLITE_TOOBIG: code = .invalidInput
        default: code = .internal
        }
        let prefix = context.isEmpty ? "" : "\(context): "
        let explanation: String
        switch code {
        case _ where totalOverflow: explanation = "\(Totals.overflowMessage) (\(sqliteMessage))"
        case .busy: explanation = "the database is locked by another writer (\(sqliteMessage)); try again later"
        case .readOnly: explanation = "the database cannot be written (\(sqliteMessage))"
        case .notADatabase: explanation = "the file is not an SQLite database (\(sqliteMessage)); it was left untouched"
        case .corrupt: explanation = "the database file is damaged (\(sqliteMessage))"
        default: explanation = sqliteMessage
        }
        return DuikouError(code, prefix + explanation, sqliteCode: extendedCode)
    }
}
