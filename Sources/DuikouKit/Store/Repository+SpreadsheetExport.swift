extension Snapshot {
    /// Writes every record of a kind to an `.xlsx` workbook at `path`, for people: one sheet with
    /// a bold, frozen header row naming each column's unit (计划总投资（万元）), statuses, pairings
    /// and tasks by name in the options' language, amounts as numbers in 万元 (exact to the yuan),
    /// dates as date cells, in the order of the machine export.
    ///
    /// Rows stream through deflate into the file, so memory stays flat however many there are. The
    /// workbook is written under a temporary name and moved into place when complete: `path` is
    /// either the whole workbook or as it was.
    ///
    /// - Parameters:
    ///   - kind: the records to export.
    ///   - path: the file to write; an existing file is replaced.
    ///   - options: the pairing, the language, and whether to leave out the names of persons.
    ///   - progress: called every few thousand rows.
    /// - Returns: how many records were exported.
    /// - Throws: ``DuikouError/Code/notFound`` for an unknown pairing; ``DuikouError/Code/invalidInput``
    ///   for a text longer than a cell holds (32,767 characters), naming the record and the field;
    ///   ``DuikouError/Code/io`` when the file cannot be written; ``DuikouError/Code/cancelled``.
    @discardableResult
    public func exportXLSX(
        _ kind: InterchangeKind, to path: String, options: SpreadsheetOptions = SpreadsheetOptions(),
        progress: ((TransferProgress) -> Void)? = nil
    ) throws -> Int {
        let columns = kind.peopleColumns
        let workbook = try XLSXWriter(path: path)
        try workbook.beginSheet(kind.sheetName(options.language), columns: columns.map { $0.sheetColumn(options.language) })
        let rows = try eachPeopleRow(kind, options: options, progress: progress) { cells, record in
            try workbook.appendRow(cells, record: record)
        }
        try workbook.finish()
        return rows
    }

    /// Exports every record of a kind as CSV for people: the columns, headers and values of the
    /// ``exportXLSX(_:to:options:progress:)`` sheet, amounts as decimal numbers in 万元 and dates
    /// `YYYY-MM-DD`. Rows are handed to `sink` one at a time.
    ///
    /// - Returns: how many records were exported.
    /// - Throws: what `sink` throws; ``DuikouError/Code/notFound`` for an unknown pairing;
    ///   ``DuikouError/Code/cancelled``.
    @discardableResult
    public func exportCSV(
        _ kind: InterchangeKind, options: SpreadsheetOptions, byteOrderMark: Bool = false,
        progress: ((TransferProgress) -> Void)? = nil, to sink: (String) throws -> Void
    ) throws -> Int {
        try sink((byteOrderMark ? "\u{FEFF}" : "") + CSVWriter.record(kind.peopleColumns.map { $0.header(options.language) }))
        return try eachPeopleRow(kind, options: options, progress: progress) { cells, _ in
            try sink(CSVWriter.record(cells.map(\.csv)))
        }
    }

    /// Writes the progress report to an `.xlsx` workbook at `path`: one sheet per breakdown (by task
    /// area, task, pairing and Northeast province), each row an area, task, pairing or province in
    /// the options' scope, then the total; investment as numbers in 万元, rates as percentages.
    ///
    /// - Throws: ``DuikouError/Code/notFound`` for an unknown pairing; ``DuikouError/Code/io`` when
    ///   the file cannot be written.
    public func exportProgressXLSX(to path: String, options: SpreadsheetOptions = SpreadsheetOptions()) throws {
        let workbook = try XLSXWriter(path: path)
        for grouping in ProgressGrouping.allCases {
            try checkCancellation()
            let report = try progress(ProgressQuery(pairing: options.pairing, grouping: grouping, asOf: options.asOf,
                                                    countsAlerts: grouping.countsPairingActivity))
            let sheet = ProgressSheet(report: report, language: options.language)
            try workbook.beginSheet(sheet.name, columns: sheet.columns)
            for (cells, record) in sheet.rows { try workbook.appendRow(cells, record: record) }
        }
        try workbook.finish()
    }

    /// Writes one breakdown of the progress report as CSV for people to `sink`: the header row and
    /// the rows of the `grouping` sheet of ``exportProgressXLSX(to:options:)`` (a row per area, task,
    /// pairing or province in the options' scope, then the total), investment as numbers in 万元,
    /// rates as percentages (`45.67%`), which Excel and WPS read as numbers.
    ///
    /// - Returns: the number of rows written after the header, the total included.
    /// - Throws: ``DuikouError/Code/notFound`` for an unknown pairing; what `sink` throws.
    @discardableResult
    public func exportProgressCSV(
        by grouping: ProgressGrouping, options: SpreadsheetOptions = SpreadsheetOptions(), byteOrderMark: Bool = false,
        to sink: (String) throws -> Void
    ) throws -> Int {
        let report = try progress(ProgressQuery(pairing: options.pairing, grouping: grouping, asOf: options.asOf,
                                                countsAlerts: grouping.countsPairingActivity))
        let sheet = ProgressSheet(report: report, language: options.language)
        try sink((byteOrderMark ? "\u{FEFF}" : "") + CSVWriter.record(sheet.columns.map(\.header)))
        for (cells, _) in sheet.rows { try sink(CSVWriter.record(cells.map(\.csv))) }
        return sheet.rows.count
    }

    /// Reads the records of a kind in the options' scope and hands each to `body` as the cells of
    /// its sheet row, with what errors call the record.
    private func eachPeopleRow(
        _ kind: InterchangeKind, options: SpreadsheetOptions, progress: ((TransferProgress) -> Void)?,
        _ body: ([SheetCell], String) throws -> Void
    ) throws -> Int {
        let connection = try connection
        try Repository.checkFilter(pairing: options.pairing, area: nil, task: nil, in: connection)
        let names = DisplayNames(try catalogue(), options.language)
        let columns = kind.peopleColumns
        let scoped = options.pairing != nil
        let values: [SQLiteValue] = scoped ? [.optional(options.pairing)] : []
        let total = try connection.queryFirst(ExportSQL.count(kind, scoped: scoped), values) { try $0.int64("records") }
        var rows = 0
        try connection.each(ExportSQL.rows(kind, scoped: scoped), values) { row in
            let exported = try ExportSQL.values(kind, row, redactingPeople: options.redactingPeople)
            var cells: [SheetCell] = []
            cells.reserveCapacity(columns.count)
            for (column, value) in zip(columns, exported) { cells.append(try column.cell(value, names, options.language)) }
            let record = if case .text(let id?) = exported.first { "\(kind.recordKind.rawValue) \(id)" } else { kind.rawValue }
            try body(cells, record)
            rows += 1
            if rows % 4096 == 0 {
                try checkCancellation()
                progress?(TransferProgress(rows: rows, bytes: 0, total: total))
            }
        }
        progress?(TransferProgress(rows: rows, bytes: 0, total: total))
        return rows
    }
}

extension Repository {
    /// Writes every record of a kind to an `.xlsx` workbook from one snapshot; see
    /// ``Snapshot/exportXLSX(_:to:options:progress:)``.
    @discardableResult
    public func exportXLSX(
        _ kind: InterchangeKind, to path: String, options: SpreadsheetOptions = SpreadsheetOptions(),
        progress: ((TransferProgress) -> Void)? = nil
    ) throws -> Int {
        try read { try $0.exportXLSX(kind, to: path, options: options, progress: progress) }
    }

    /// Exports every record of a kind as CSV for people from one snapshot; see
    /// ``Snapshot/exportCSV(_:options:byteOrderMark:progress:to:)``.
    @discardableResult
    public func exportCSV(
        _ kind: InterchangeKind, options: SpreadsheetOptions, byteOrderMark: Bool = false,
        progress: ((TransferProgress) -> Void)? = nil, to sink: (String) throws -> Void
    ) throws -> Int {
        try read { try $0.exportCSV(kind, options: options, byteOrderMark: byteOrderMark, progress: progress, to: sink) }
    }

    /// Writes one breakdown of the progress report as CSV for people from one snapshot; see
    /// ``Snapshot/exportProgressCSV(by:options:byteOrderMark:to:)``.
    @discardableResult
    public func exportProgressCSV(
        by grouping: ProgressGrouping, options: SpreadsheetOptions = SpreadsheetOptions(), byteOrderMark: Bool = false,
        to sink: (String) throws -> Void
    ) throws -> Int {
        try read { try $0.exportProgressCSV(by: grouping, options: options, byteOrderMark: byteOrderMark, to: sink) }
    }

    /// Writes the progress report to an `.xlsx` workbook from one snapshot; see
    /// ``Snapshot/exportProgressXLSX(to:options:)``.
    public func exportProgressXLSX(to path: String, options: SpreadsheetOptions = SpreadsheetOptions()) throws {
        try read { try $0.exportProgressXLSX(to: path, options: options) }
    }
}

extension Repository {
    /// Writes every record of a kind to an `.xlsx` workbook from one snapshot, on a reader thread;
    /// see ``Snapshot/exportXLSX(_:to:options:progress:)``.
    @discardableResult
    public func exportXLSX(
        _ kind: InterchangeKind, to path: String, options: SpreadsheetOptions = SpreadsheetOptions(),
        progress: (@Sendable (TransferProgress) -> Void)? = nil
    ) async throws -> Int {
        try await read { try $0.exportXLSX(kind, to: path, options: options, progress: progress) }
    }

    /// Exports every record of a kind as CSV for people from one snapshot, handing the text to
    /// `sink` on a reader thread; see ``Snapshot/exportCSV(_:options:byteOrderMark:progress:to:)``.
    @discardableResult
    public func exportCSV(
        _ kind: InterchangeKind, options: SpreadsheetOptions, byteOrderMark: Bool = false,
        progress: (@Sendable (TransferProgress) -> Void)? = nil, to sink: @escaping @Sendable (String) throws -> Void
    ) async throws -> Int {
        try await read { try $0.exportCSV(kind, options: options, byteOrderMark: byteOrderMark, progress: progress, to: sink) }
    }

    /// Writes one breakdown of the progress report as CSV for people from one snapshot, handing the
    /// text to `sink` on a reader thread; see ``Snapshot/exportProgressCSV(by:options:byteOrderMark:to:)``.
    @discardableResult
    public func exportProgressCSV(
        by grouping: ProgressGrouping, options: SpreadsheetOptions = SpreadsheetOptions(), byteOrderMark: Bool = false,
        to sink: @escaping @Sendable (String) throws -> Void
    ) async throws -> Int {
        try await read { try $0.exportProgressCSV(by: grouping, options: options, byteOrderMark: byteOrderMark, to: sink) }
    }

    /// Writes the progress report to an `.xlsx` workbook from one snapshot, on a reader thread; see
    /// ``Snapshot/exportProgressXLSX(to:options:)``.
    public func exportProgressXLSX(to path: String, options: SpreadsheetOptions = SpreadsheetOptions()) async throws {
        try await read { try $0.exportProgressXLSX(to: path, options: options) }
    }
}
