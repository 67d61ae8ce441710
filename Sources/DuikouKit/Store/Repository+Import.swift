#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif

extension Transaction {
    /// Imports a CSV file of projects, updates, parks or exchanges: all of it, or nothing.
    ///
    /// The file is read a chunk at a time and written with one prepared statement per table, inside a
    /// savepoint of the transaction. Every row is checked (values, references, the lifecycle rules against what is
    /// recorded and what the file added before it); when any row has a problem, or on a dry run,
    /// the savepoint is rolled back (the rest of the transaction stays) and the result lists the
    /// problems with their lines and columns.
    ///
    /// Rows whose `id` is recorded already correct that record; for projects, a change of status,
    /// date or completed investment becomes a progress update. Other rows add records. An update
    /// row identical to one in the project's history is left unchanged.
    ///
    /// - Parameters:
    ///   - kind: what the file holds.
    ///   - path: the CSV file.
    ///   - dryRun: check and count everything, then roll the savepoint back.
    ///   - progress: called every few thousand rows with how far the file has been read.
    /// - Throws: ``DuikouError/Code/notFound`` when the file does not exist; I/O and database errors;
    ///   ``DuikouError/Code/cancelled`` when the task that asked for it was cancelled.
    ///   Problems with the file's content are not thrown: they are in the result.
    public func importCSV(
        _ kind: InterchangeKind, from path: String, dryRun: Bool = false,
        progress: ((TransferProgress) -> Void)? = nil
    ) throws -> ImportResult {
        let size = (try? FileManager.default.attributesOfItem(atPath: path)[.size] as? Int64) ?? nil
        return try tentativeChange { connection, now in
            let reader = try CSVReader(path: path)
            var result = ImportResult(kind: kind, dryRun: dryRun)
            let importer = try RowImporter(kind: kind, connection: connection, now: now)
            defer { importer.finish() }
            guard let headerRecord = try reader.next() else {
                result.report(ImportProblem(line: 1, column: nil, message: "the file is empty; it needs a header row and data rows"))
                return (result, false, nil)
            }
            let (header, headerProblems) = ImportHeader.read(headerRecord, kind: kind)
            headerProblems.forEach { result.report($0) }
            guard headerProblems.isEmpty else { return (result, false, nil) }
            try importRows(reader.next, header: header, headerRecord: headerRecord, importer: importer, into: &result, progress: progress) {
                TransferProgress(rows: $0, bytes: reader.bytesRead, total: size)
            }
            return try finishImport(kind, from: path, result, connection: connection)
        }
    }

    /// Imports `path` as a spreadsheet (`.xlsx`) when its content is a zip archive, whatever its name,
    /// and as CSV otherwise; see ``importSpreadsheet(_:from:round:dryRun:progress:)`` and
    /// ``importCSV(_:from:dryRun:progress:)``. A CSV file whose header row is a reporting
    /// template's (one sheet of a template saved as CSV) is read as a filled template, like a
    /// workbook; it names no round, so `round` must be given.
    ///
    /// - Parameter round: for a filled reporting template (updates only), the round it reports to;
    ///   see ``importSpreadsheet(_:from:round:dryRun:progress:)``.
    /// - Throws: ``DuikouError/Code/invalidInput`` when `round` is given for a file that is not a
    ///   reporting template; the errors of the import.
    public func importFile(
        _ kind: InterchangeKind, from path: String, round: ReportingPeriod? = nil, dryRun: Bool = false,
        progress: ((TransferProgress) -> Void)? = nil
    ) throws -> ImportResult {
        if ZipReader.looksLikeZip(path: path) {
            return try importSpreadsheet(kind, from: path, round: round, dryRun: dryRun, progress: progress)
        }
        let size = (try? FileManager.default.attributesOfItem(atPath: path)[.size] as? Int64) ?? nil
        let imported: ImportResult? = try tentativeChange { connection, now in
            guard let template = try TemplateImport(csv: path, size: size, connection: connection, now: now, dryRun: dryRun) else {
                return (nil, false, nil)
            }
            guard kind == .updates else { throw TemplateImport.notUpdates(path, kind) }
            let result = try template.run(round: round, progress: progress, checkCancellation: checkCancellation)
            let (finished, keep, audit) = try finishImport(kind, from: path, result, connection: connection)
            return (finished, keep, audit)
        }
        if let imported { return imported }
        if let round { throw TemplateImport.notATemplate(path, round) }
        return try importCSV(kind, from: path, dryRun: dryRun, progress: progress)
    }

    /// Imports an `.xlsx` workbook of projects, updates, parks or exchanges: all of it, or nothing,
    /// with the rules and messages of ``importCSV(_:from:dryRun:progress:)``.
    ///
    /// The rows come from the first sheet whose header row (its first row with a value) names the
    /// kind's columns; ``ImportResult/sheet`` says which. When no sheet matches, every sheet's header
    /// problems are reported. Problems name their cells (``ImportProblem/cell``), `'Sheet 1'!B3`.
    ///
    /// A filled reporting template (调度表, see ``Snapshot/writeRoundTemplate(period:to:pairing:language:)``),
    /// imported as updates, is told by its sheets' header rows (exactly the template's headers) and
    /// read sheet by sheet: each filled row becomes a progress update of its project, 无变化 = 是 an
    /// unchanged report; see ``TemplateImport``. Its round is `round` or, when `nil`, the period its
    /// instructions sheet names (调度期), and every row's project must be in that round's scope.
    /// Shared and inline strings, numbers (read exactly from their decimal text), date cells (the
    /// 1900 and 1904 systems), booleans, and formula cells by their cached value are read; the
    /// workbook is inflated and read as a stream, so memory stays flat but for its shared strings.
    ///
    /// - Throws: ``DuikouError/Code/notFound`` when the file does not exist;
    ///   ``DuikouError/Code/invalidInput`` when it is not an `.xlsx` workbook, is damaged, encrypted,
    ///   inflates beyond its allowance (100 times the file's size, at least 16 MiB, at most 1 GiB: a
    ///   possible zip bomb), has a document type declaration or an entity other than XML's five, or
    ///   breaks Excel's limits (1,048,576 rows, 16,384 columns, 32,767 characters in a cell), the
    ///   message naming the cell, `FILE:SHEET!CELL: problem`; I/O and database errors;
    ///   ``DuikouError/Code/cancelled``. Nothing is written when any is thrown.
    ///   ``DuikouError/Code/notFound`` also for a template's round that was never opened, and
    ///   ``DuikouError/Code/invalidInput`` for `round` given with a workbook that is not a template,
    ///   and for a template imported as another kind than updates.
    public func importSpreadsheet(
        _ kind: InterchangeKind, from path: String, round: ReportingPeriod? = nil, dryRun: Bool = false,
        progress: ((TransferProgress) -> Void)? = nil
    ) throws -> ImportResult {
        try importSpreadsheet(kind, from: path, round: round, dryRun: dryRun, limits: .standard, progress: progress)
    }

    /// ``importSpreadsheet(_:from:round:dryRun:progress:)`` under given limits, which tests lower.
    func importSpreadsheet(
        _ kind: InterchangeKind, from path: String, round: ReportingPeriod? = nil, dryRun: Bool, limits: SpreadsheetLimits,
        progress: ((TransferProgress) -> Void)? = nil
    ) throws -> ImportResult {
        try tentativeChange { connection, now in
            let workbook = try XLSXReader(path: path, limits: limits)
            if let template = TemplateImport(workbook: workbook, connection: connection, now: now, dryRun: dryRun) {
                guard kind == .updates else { throw TemplateImport.notUpdates(path, kind) }
                let result = try template.run(round: round, progress: progress, checkCancellation: checkCancellation)
                return try finishImport(kind, from: path, result, connection: connection)
            }
            if let round { throw TemplateImport.notATemplate(path, round) }
            var result = ImportResult(kind: kind, dryRun: dryRun)
            var mismatches: [ImportProblem] = []
            for sheet in workbook.sheets {
                let rows = try workbook.rows(of: sheet)
                guard var headerRecord = try Self.firstRowWithValues(rows) else {
                    mismatches.append(ImportProblem(line: 1, column: nil, message: "the sheet is empty", cell: "\(sheet.reference)!A1"))
                    continue
                }
                while headerRecord.fields.last?.isBlank == true { headerRecord = headerRecord.droppingLastField() }
                let (header, headerProblems) = ImportHeader.read(headerRecord, kind: kind, sheet: sheet.reference)
                guard headerProblems.isEmpty else {
                    mismatches += headerProblems
                    continue
                }
                result.sheet = sheet.name
                let importer = try RowImporter(kind: kind, connection: connection, now: now)
                defer { importer.finish() }
                try importRows(rows.next, header: header, headerRecord: headerRecord, importer: importer, into: &result, progress: progress) {
                    TransferProgress(rows: $0, bytes: rows.bytesRead, total: rows.size)
                }
                return try finishImport(kind, from: path, result, connection: connection)
            }
            if workbook.sheets.isEmpty {
                result.report(ImportProblem(line: 1, column: nil, message: "the workbook has no sheets"))
            }
            mismatches.forEach { result.report($0) }
            return (result, false, nil)
        }
    }

    /// The first row of a sheet with a value in it, its header.
    static func firstRowWithValues(_ rows: some RecordReader) throws -> CSVRecord? {
        while let record = try rows.next() {
            if !record.isBlank || !record.fieldProblems.isEmpty { return record }
        }
        return nil
    }

    /// Reads and applies the data rows after the header, counting and reporting into `result`.
    private func importRows(
        _ next: () throws -> CSVRecord?, header: ImportHeader, headerRecord: CSVRecord, importer: RowImporter,
        into result: inout ImportResult, progress: ((TransferProgress) -> Void)?, at position: (Int) -> TransferProgress
    ) throws {
        while let record = try next() {
            if record.isBlank && record.problems.isEmpty && record.fieldProblems.isEmpty { continue }
            result.rows += 1
            var row = ImportRow(record, header: header)
            if row.problems.isEmpty {
                switch importer.apply(&row) {
                case .added: result.added += 1
                case .updated: result.updated += 1
                case .unchanged: result.unchanged += 1
                case .refused: break
                }
            }
            if !row.problems.isEmpty {
                result.refused += 1
                row.problems.forEach { result.report($0) }
            }
            if result.rows % 2048 == 0 {
                try checkCancellation()
                progress?(position(result.rows))
            }
        }
        if result.rows == 0 {
            result.report(ImportProblem(line: headerRecord.line, column: nil, message: "the file has a header but no data rows",
                                        cell: ImportHeader.cell(sheet: header.sheet, line: headerRecord.line, position: nil)))
        }
        progress?(position(result.rows))
    }

    /// Checks the totals and says whether to keep what the import wrote, with its audit note.
    func finishImport(
        _ kind: InterchangeKind, from path: String, _ result: ImportResult, connection: SQLiteConnection
    ) throws -> (ImportResult, Bool, AuditNote?) {
        // Here as well as before the commit, so that a dry run finds it too.
        if result.problemCount == 0 { try Totals.check(connection) }
        let changed = result.added + result.updated > 0
        let summary = "\(kind.rawValue) from \(path): added \(result.added), updated \(result.updated), unchanged \(result.unchanged)"
        return (result, result.committed, changed ? AuditNote(.import, "database", nil, summary) : nil)
    }
}

extension Repository {
    /// Imports a CSV file of projects, updates, parks or exchanges in one transaction: all of it, or
    /// nothing; see ``Transaction/importCSV(_:from:dryRun:progress:)``.
    public func importCSV(
        _ kind: InterchangeKind, from path: String, dryRun: Bool = false,
        progress: ((TransferProgress) -> Void)? = nil
    ) throws -> ImportResult {
        try write { try $0.importCSV(kind, from: path, dryRun: dryRun, progress: progress) }
    }

    /// Imports a spreadsheet or CSV file, told apart by content, in one transaction: all of it, or
    /// nothing; see ``Transaction/importFile(_:from:round:dryRun:progress:)``.
    public func importFile(
        _ kind: InterchangeKind, from path: String, round: ReportingPeriod? = nil, dryRun: Bool = false,
        progress: ((TransferProgress) -> Void)? = nil
    ) throws -> ImportResult {
        try write { try $0.importFile(kind, from: path, round: round, dryRun: dryRun, progress: progress) }
    }

    /// Imports an `.xlsx` workbook in one transaction: all of it, or nothing; see
    /// ``Transaction/importSpreadsheet(_:from:round:dryRun:progress:)``.
    public func importSpreadsheet(
        _ kind: InterchangeKind, from path: String, round: ReportingPeriod? = nil, dryRun: Bool = false,
        progress: ((TransferProgress) -> Void)? = nil
    ) throws -> ImportResult {
        try write { try $0.importSpreadsheet(kind, from: path, round: round, dryRun: dryRun, progress: progress) }
    }
}
