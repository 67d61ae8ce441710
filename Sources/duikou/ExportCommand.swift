import ArgumentParser
import DuikouKit

/// `duikou export`.
struct ExportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "export",
        abstract: "Export projects, updates, parks, exchanges, reforms, meetings, funding or progress as CSV, JSON Lines or Excel.",
        discussion: """
            Without --lang, CSV and JSON Lines are the machine format: the columns are those `duikou import` reads, \
            so an export imports back as it was. CSV amounts carry their unit (1250000000元); JSON Lines amounts are \
            integer yuan. --format xlsx (which needs --out) and CSV with --lang are for people: headers naming their \
            unit (计划总投资（万元）), statuses, pairings and tasks by name, amounts as numbers in 万元, dates as \
            dates; an .xlsx has a frozen header row and one sheet per kind (progress: one per breakdown, by area, \
            task, pairing and province). Progress as CSV for people (--lang) is one breakdown, chosen with --by. \
            --pairing takes the pairing and every pairing below it. With --out the file \
            is written whole or not at all. --redact-people leaves the person column of exchanges empty.
            Example: duikou export projects --format xlsx --out 项目.xlsx --pairing 辽苏
            """)

    @OptionGroup var database: DatabaseOptions

    @Argument(help: "What to export.")
    var kind: ExportSubject

    @Option(help: "The file format.")
    var format: ExportFileFormat = .csv

    @Option(help: ArgumentHelp("Write to this file instead of standard output.", valueName: "file"))
    var out: String?

    @Option(help: ArgumentHelp("Headers, statuses and names for people in this language (xlsx: zh unless given); CSV without it stays the machine format."))
    var lang: LanguageOption?

    @Option(help: ArgumentHelp("Only this pairing and the pairings below it (xlsx, or CSV with --lang).", valueName: "pairing"))
    var pairing: String?

    @Option(help: ArgumentHelp("Progress as CSV for people: what each row stands for (an .xlsx holds every breakdown).", valueName: "breakdown"))
    var by: ProgressGrouping?

    @Flag(help: "Start the CSV with a byte-order mark, so that Excel reads it as UTF-8.")
    var bom = false

    @Flag(help: "Leave the names of seconded persons out: the person column of exchanges stays, empty.")
    var redactPeople = false

    func validate() throws {
        switch format {
        case .xlsx:
            if out == nil { throw ValidationError("--format xlsx writes a file: give --out FILE.xlsx.") }
            if bom { throw ValidationError("--bom is for CSV; an .xlsx file needs none.") }
        case .jsonl:
            if lang != nil || pairing != nil { throw ValidationError("--lang and --pairing are for --format xlsx or csv; JSON Lines is the machine format.") }
        case .csv:
            if lang == nil && pairing != nil { throw ValidationError("--pairing needs --lang (CSV for people) or --format xlsx; the machine CSV holds every record.") }
        }
        if kind == .progress && (format == .jsonl || (format == .csv && lang == nil)) {
            throw ValidationError("progress is exported for people, as --format xlsx or as CSV with --lang; `duikou progress --by area|task|pairing|province --format csv|json` prints the machine format.")
        }
        if by != nil && !(kind == .progress && format == .csv) {
            throw ValidationError("--by chooses the breakdown of progress as CSV; an .xlsx holds every breakdown, one sheet each.")
        }
    }

    func run() throws {
        let repository = try database.open()
        let options = SpreadsheetOptions(pairing: try repository.pairingID(pairing), language: (lang ?? .zh).language, redactingPeople: redactPeople)
        let bar = ProgressBar(label: "exporting \(kind.rawValue)")
        defer { bar.finish() }
        if format == .xlsx, let out {
            if let records = kind.records {
                try repository.exportXLSX(records, to: out, options: options, progress: bar.update)
            } else {
                try repository.exportProgressXLSX(to: out, options: options)
            }
            return
        }
        try BufferedOutput.writing(to: out) { output in
            // The bar's line is cleared before the last of the output is written.
            defer { bar.finish() }
            guard let records = kind.records else {
                try repository.exportProgressCSV(by: by ?? .area, options: options, byteOrderMark: bom) { try output.write($0) }
                return
            }
            if lang != nil {
                try repository.exportCSV(records, options: options, byteOrderMark: bom, progress: bar.update) { try output.write($0) }
            } else {
                let machine: ExportFormat = format == .jsonl ? .jsonl : .csv
                try repository.export(records, format: machine, byteOrderMark: bom, redactingPeople: redactPeople, progress: bar.update) { try output.write($0) }
            }
        }
    }
}

/// What `duikou export` writes: the records of a kind, or the progress report.
enum ExportSubject: String, ExpressibleByArgument, CaseIterable {
    case projects, updates, parks, exchanges, reforms, meetings, funding, progress

    /// A kind of record by its key or Chinese label, as `duikou import` takes it, or `progress`.
    init?(argument: String) {
        if let kind = try? InterchangeKind(parsing: argument, field: "kind") {
            self.init(rawValue: kind.rawValue)
        } else {
            self.init(rawValue: argument)
        }
    }

    static var allValueDescriptions: [String: String] {
        Dictionary(uniqueKeysWithValues: allCases.map { ($0.rawValue, $0.records?.labelZH ?? "进展情况（每种分组一张表）") })
    }

    /// The kind of record, or `nil` for progress.
    var records: InterchangeKind? { InterchangeKind(rawValue: rawValue) }
}

/// `duikou export --format`.
enum ExportFileFormat: String, ExpressibleByArgument, CaseIterable {
    case csv, jsonl, xlsx

    /// The key in any case (`JSONL`, `XLSX`).
    init?(argument: String) {
        self.init(rawValue: argument.lowercased())
    }
}
