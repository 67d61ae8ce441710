/// A problem with one row (or the header) of an imported file.
public struct ImportProblem: Sendable, Hashable, CustomStringConvertible {
    /// The physical line where the row starts.
    public let line: Int
    /// The column concerned, when one is.
    public let column: String?
    /// What is wrong.
    public let message: String
    /// For a spreadsheet, the cell concerned as Excel writes it, sheet and all: `'It''s'!B3`
    /// (`line` is then the row).
    public internal(set) var cell: String? = nil

    /// `LINE: column: problem`, or `SHEET!CELL: column: problem` for a spreadsheet; prefix the file
    /// name for the `FILE:LINE: column: problem` form.
    public var description: String {
        let place = cell ?? String(line)
        return column.map { "\(place): \($0): \(message)" } ?? "\(place): \(message)"
    }
}

/// What an import did, or would do in a dry run.
public struct ImportResult: Sendable, Hashable {
    /// What was imported.
    public let kind: InterchangeKind
    /// Whether this was a dry run, which writes nothing.
    public let dryRun: Bool
    /// Data rows read (blank rows are skipped and not counted).
    public internal(set) var rows = 0
    /// Records added.
    public internal(set) var added = 0
    /// Records changed (for projects, a change of status, date or completed investment is a progress update).
    public internal(set) var updated = 0
    /// Rows that matched what is recorded already.
    public internal(set) var unchanged = 0
    /// Rows with at least one problem.
    public internal(set) var refused = 0
    /// The first problems found, at most ``maximumProblems``, in file order.
    public internal(set) var problems: [ImportProblem] = []
    /// How many problems were found in all.
    public internal(set) var problemCount = 0
    /// For a spreadsheet, the sheet whose rows were imported, once one matched the kind.
    public internal(set) var sheet: String? = nil
    /// For a filled reporting template (调度表), the round it reported to.
    public internal(set) var round: ReportingPeriod? = nil
    /// For a filled reporting template, the rows left unfilled (projects that have not reported),
    /// which are skipped and not counted in ``rows``.
    public internal(set) var skipped = 0

    /// How many problems are kept in ``problems``; the rest are only counted.
    public static let maximumProblems = 100

    /// Whether the import was written: no problems and not a dry run.
    public var committed: Bool { !dryRun && problemCount == 0 }

    init(kind: InterchangeKind, dryRun: Bool) {
        self.kind = kind
        self.dryRun = dryRun
    }

    mutating func report(_ problem: ImportProblem) {
        problemCount += 1
        if problems.count < Self.maximumProblems { problems.append(problem) }
    }
}

/// How far an import or export has come, for a progress bar.
public struct TransferProgress: Sendable, Hashable {
    /// Rows done.
    public let rows: Int
    /// Bytes of the file read, for an import.
    public let bytes: Int64
    /// The file's size in bytes for an import, or the number of rows for an export, when known.
    public let total: Int64?
}
