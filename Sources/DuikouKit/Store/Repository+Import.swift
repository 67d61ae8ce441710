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
            while let record = try reader.next() {
                if record.isBlank && record.problems.isEmpty { continue }
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
                    progress?(TransferProgress(rows: result.rows, bytes: reader.bytesRead, total: size))
                }
            }
            if result.rows == 0 {
                result.report(ImportProblem(line: headerRecord.line, column: nil, message: "the file has a header but no data rows"))
            }
            progress?(TransferProgress(rows: result.rows, bytes: reader.bytesRead, total: size))
            // Here as well as before the commit, so that a dry run finds it too.
            if result.problemCount == 0 { try Totals.check(connection) }
            let changed = result.added + result.updated > 0
            let summary = "\(kind.rawValue) from \(path): added \(result.added), updated \(result.updated), unchanged \(result.unchanged)"
            return (result, result.committed, changed ? AuditNote(.import, "database", nil, summary) : nil)
        }
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
}
