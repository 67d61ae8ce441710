#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif

/// Where rows are read from, a record at a time: a CSV file or a workbook's sheet.
protocol RecordReader: AnyObject {
    /// The next record, or `nil` at the end.
    func next() throws -> CSVRecord?
    /// How much of the file or sheet was read, for progress.
    var bytesRead: Int64 { get }
}

extension CSVReader: RecordReader {}
extension SheetRowReader: RecordReader {}

/// One sheet of a filled template: its language, how problems name its cells, and its rows.
struct TemplateSheet {
    /// The sheet as references name it, so that problems name cells; `nil` for a CSV file, whose
    /// problems name lines.
    let reference: String?
    let language: Language
    /// The size of what ``rows`` reads, for progress, when known.
    let size: Int64?
    /// Opens the sheet's rows from the start.
    let rows: () throws -> any RecordReader
}

/// Imports a filled reporting template (调度表) as progress updates, inside the import's savepoint.
///
/// A workbook is a template when at least one sheet's header row is exactly the template's (see
/// ``RoundTemplate``, in Chinese or English); those sheets are read, the others (the instructions)
/// are not. A CSV file is a template when its header row is: one sheet saved as CSV, which names no
/// round, so the round must be given. Each row whose fill-in cells hold something becomes one update
/// of the project its 项目编号 names: 本期状态 its status, 本期累计完成投资（万元） its completed
/// investment (a bare number in 万元, exact), 日期 its date (empty: the period's end, or today when
/// that is earlier), 备注 its note; 无变化 = 是 makes it an unchanged report, which may carry a note
/// but neither a status nor an amount. A row with nothing filled in, or only 无变化 = 否, is skipped:
/// that project has not reported. The project must be in the round's scope and appear once in the
/// file; the lifecycle and money rules apply as to any update. An update identical to one recorded
/// (the same template imported twice) is left unchanged.
struct TemplateImport {
    private let sheets: [TemplateSheet]
    /// The round the file names (a workbook's instructions sheet), and where.
    private let statedPeriod: () throws -> (period: ReportingPeriod, line: Int, cell: String?)?
    private let connection: SQLiteConnection
    private let now: String
    private let dryRun: Bool

    /// Recognizes a template workbook, or answers `nil` when no sheet's header is a template's. A
    /// sheet whose first row cannot be read is not a template's; the import of other kinds reports
    /// it if it reads it.
    init?(workbook: XLSXReader, connection: SQLiteConnection, now: String, dryRun: Bool) {
        var sheets: [TemplateSheet] = []
        for sheet in workbook.sheets {
            guard let header = try? Transaction.firstRowWithValues(try workbook.rows(of: sheet)),
                  let language = RoundTemplate.language(ofHeader: header.fields) else { continue }
            sheets.append(TemplateSheet(reference: sheet.reference, language: language, size: nil) { try workbook.rows(of: sheet) })
        }
        guard !sheets.isEmpty else { return nil }
        let templateSheets = Set(sheets.compactMap(\.reference))
        self.init(sheets: sheets, connection: connection, now: now, dryRun: dryRun) {
            try Self.statedPeriod(in: workbook, besides: templateSheets)
        }
    }

    /// Recognizes a template sheet saved as CSV, or answers `nil` when the file's header row is not
    /// a template's.
    init?(csv path: String, size: Int64?, connection: SQLiteConnection, now: String, dryRun: Bool) throws {
        guard let header = try Transaction.firstRowWithValues(try CSVReader(path: path)),
              let language = RoundTemplate.language(ofHeader: header.fields) else { return nil }
        let sheet = TemplateSheet(reference: nil, language: language, size: size) { try CSVReader(path: path) }
        self.init(sheets: [sheet], connection: connection, now: now, dryRun: dryRun) { nil }
    }

    private init(
        sheets: [TemplateSheet], connection: SQLiteConnection, now: String, dryRun: Bool,
        statedPeriod: @escaping () throws -> (period: ReportingPeriod, line: Int, cell: String?)?
    ) {
        self.sheets = sheets
        self.statedPeriod = statedPeriod
        self.connection = connection
        self.now = now
        self.dryRun = dryRun
    }

    /// The error for a round given with a file that is not a reporting template.
    static func notATemplate(_ path: String, _ round: ReportingPeriod) -> DuikouError {
        DuikouError(.invalidInput, "\(DuikouError.quoted(path)): is not a filled reporting template (调度表), so it cannot report to round \(DuikouError.quoted(round.description)); a template's sheets have the header row 项目编号, 项目名称, … 无变化",
                    field: "round", recordID: round.description)
    }

    /// The error for a template imported as another kind than updates.
    static func notUpdates(_ path: String, _ kind: InterchangeKind) -> DuikouError {
        DuikouError(.invalidInput, "\(DuikouError.quoted(path)): is a reporting template (调度表), whose rows are progress updates, not \(kind.rawValue)",
                    field: "kind", recordID: kind.rawValue)
    }

    /// Reads the template's rows and records their updates; problems go into the result.
    ///
    /// - Parameters:
    ///   - round: the round to report to; `nil` for the one the instructions sheet names.
    ///   - checkCancellation: called every few thousand rows; throws when the import is cancelled.
    /// - Throws: ``DuikouError/Code/notFound`` for a round that was never opened; I/O and database
    ///   errors; what `checkCancellation` throws.
    func run(round: ReportingPeriod?, progress: ((TransferProgress) -> Void)?, checkCancellation: () throws -> Void) throws -> ImportResult {
        var result = ImportResult(kind: .updates, dryRun: dryRun)
        let stated = try statedPeriod()
        if let round, let stated, stated.period != round {
            result.report(ImportProblem(line: stated.line, column: nil, message: "the template is for round \(stated.period), not \(round)", cell: stated.cell))
            return result
        }
        guard let period = round ?? stated?.period else {
            result.report(ImportProblem(line: 1, column: nil, message: "the template names no round (a sheet saved as CSV, or an instructions sheet without its 调度期 row); give the round to import it"))
            return result
        }
        _ = try Repository.requireRound(period, in: connection)
        result.round = period
        let scope = Set(try Repository.loadRoundProjects(period, pairing: nil, in: connection).map(\.id))
        let defaultDate = min(LocalDate.today(), period.end)
        let projects = try ProjectWriter(connection: connection, now: now)
        var seen: Set<UUID> = []
        for sheet in sheets {
            let language = sheet.language
            let rows = try sheet.rows()
            guard try Transaction.firstRowWithValues(rows) != nil else { continue }
            let header = ImportHeader(kind: .updates, keys: RoundTemplate.columns.map(\.key), units: ["completed": .wan], sheet: sheet.reference)
            while let record = try rows.next() {
                var row = ImportRow(record, header: header)
                let unchanged = row.flag("unchanged")
                let filled = RoundTemplate.fillInKeys.contains { $0 != "unchanged" && row.text($0) != nil }
                guard filled || unchanged || !row.problems.isEmpty else {
                    if !record.isBlank { result.skipped += 1 }
                    continue
                }
                result.rows += 1
                switch try apply(&row, unchanged: unchanged, scope: scope, period: period, defaultDate: defaultDate, seen: &seen, projects) {
                case .added: result.added += 1
                case .unchanged: result.unchanged += 1
                case .refused: break
                }
                if !row.problems.isEmpty {
                    result.refused += 1
                    for problem in row.problems {
                        result.report(ImportProblem(line: problem.line, column: problem.column.map { RoundTemplate.header(of: $0, language) },
                                                    message: problem.message, cell: problem.cell))
                    }
                }
                if result.rows % 2048 == 0 {
                    try checkCancellation()
                    progress?(TransferProgress(rows: result.rows, bytes: rows.bytesRead, total: sheet.size ?? (rows as? SheetRowReader)?.size))
                }
            }
        }
        if result.rows == 0 && result.problemCount == 0 {
            result.report(ImportProblem(line: 1, column: nil, message: "no row of the template is filled in; nothing to import"))
        }
        return result
    }

    private enum Outcome { case added, unchanged, refused }

    /// Records one filled row's update, adding its problems to it.
    private func apply(
        _ row: inout ImportRow, unchanged: Bool, scope: Set<UUID>, period: ReportingPeriod, defaultDate: LocalDate, seen: inout Set<UUID>,
        _ projects: ProjectWriter
    ) throws -> Outcome {
        let id = row.required("project").flatMap { _ in row.uuid("project") }
        let status = row.keyword("status", ProjectStatus.self)
        let completed = row.money("completed")
        let date = row.date("date")
        let note = row.parse("note") { try optionalText($0, field: "note") } ?? nil
        if unchanged && (row.text("status") != nil || row.text("completed") != nil) {
            row.problem("unchanged", "是 (nothing changed) cannot go with a 本期状态 or 本期累计完成投资 on the same row; clear one or the other")
        }
        if !unchanged && row.text("status") == nil && row.text("completed") == nil && row.text("note") == nil {
            row.problem("date", "give 本期状态, 本期累计完成投资, 备注, or 无变化 = 是 with the date")
        }
        guard row.problems.isEmpty, let id else { return .refused }
        guard try projects.state(of: id) != nil else {
            row.problem("project", "\(id.key) is not a recorded project")
            return .refused
        }
        guard scope.contains(id) else {
            row.problem("project", "\(id.key) is not in the scope of round \(period) (voided, recorded after the period, or terminated or operating before it)")
            return .refused
        }
        guard seen.insert(id).inserted else {
            row.problem("project", "\(id.key) appears on an earlier row of this template")
            return .refused
        }
        let when = date ?? defaultDate
        do {
            let update = unchanged
                ? try NewProgressUpdate(unchangedOn: when, note: note)
                : try NewProgressUpdate(date: when, status: status, completed: completed, note: note)
            if try projects.hasUpdate(id, date: when, status: status, completed: completed, note: note) { return .unchanged }
            try projects.record(update, to: id)
        } catch let error as DuikouError where error.code == .invalidInput {
            row.problem(nil, error)
            return .refused
        }
        return .added
    }

    /// The period the instructions sheet of `workbook` names on its 调度期 (`Round`) row, and where.
    private static func statedPeriod(
        in workbook: XLSXReader, besides templateSheets: Set<String>
    ) throws -> (period: ReportingPeriod, line: Int, cell: String?)? {
        let labels = Set(Language.allCases.map(RoundTemplate.periodLabel))
        for sheet in workbook.sheets where !templateSheets.contains(sheet.reference) {
            let rows = try workbook.rows(of: sheet)
            while let record = try rows.next() {
                guard let label = record.fields.first?.trimmingSpaces(), labels.contains(label), record.fields.count > 1 else { continue }
                let cell = ImportHeader.cell(sheet: sheet.reference, line: record.line, position: 1)
                guard let period = try? ReportingPeriod(parsing: record.fields[1].trimmingSpaces()) else { continue }
                return (period, record.line, cell)
            }
        }
        return nil
    }
}
