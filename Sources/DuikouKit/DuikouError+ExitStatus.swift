extension DuikouError {
    /// The status a command-line tool exits with for this error, after sysexits(3), as Duikou's
    /// commands (`duikou`, `duikou-server`) do:
    ///
    /// | code | status |
    /// |---|---|
    /// | `invalidInput`, `constraint`, `foreignDatabase`, `notADatabase`, `migrationMismatch` | 65 (data error) |
    /// | `notFound` | 66 (no input) |
    /// | `io`, `readOnly`, `corrupt` | 74 (I/O error) |
    /// | `busy` | 75 (temporary failure: try again) |
    /// | `schemaTooNew` | 78 (configuration: a newer Duikou wrote the file) |
    /// | anything else | 70 (internal software error) |
    public var exitStatus: Int32 {
        switch code {
        case .invalidInput, .constraint, .foreignDatabase, .notADatabase, .migrationMismatch: 65
        case .notFound: 66
        case .io, .readOnly, .corrupt: 74
        case .busy: 75
        case .schemaTooNew: 78
        default: 70
        }
    }
}
