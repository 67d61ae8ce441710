import ArgumentParser
import DuikouKit
#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif

/// `duikou import`.
struct ImportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "import",
        abstract: "Import projects, updates, parks, exchanges, reforms, meetings or funding from an .xlsx or CSV file: all of it or nothing.",
        discussion: """
            The file is an .xlsx workbook (Excel, WPS, LibreOffice; told by its content, not its name) or UTF-8 \
            CSV (a byte-order mark is fine), with a header row in English or Chinese and columns in any \
            order; an amount header may name its unit, as in 计划总投资（亿元）. From a workbook, the first sheet \
            whose header fits the kind is read. Rows whose id is recorded already correct that record (for \
            projects, a change of status, date or completed investment becomes a progress update); other \
            rows add records. On any bad row nothing is written: every problem is listed as \
            FILE:LINE: column: problem (FILE:SHEET!CELL: column: problem for a workbook) and the exit code is 65.
            Use --dry-run first to see what would be added, updated and left unchanged.
            A filled reporting template (调度表, written by `duikou template`) imports as updates: each filled \
            row becomes an update of its project for the round (无变化 = 是: an unchanged report), unfilled rows \
            are skipped. Its round is the one its instructions sheet names; --round checks it. A template's sheet \
            saved as CSV is read the same way, and needs --round.
            Example: duikou import projects 2024Q3-黑龙江.csv --dry-run
            """)

    @OptionGroup var database: DatabaseOptions
    @OptionGroup var actor: ActorOptions

    @Argument(help: "What the file holds.")
    var kind: InterchangeKind

    @Argument(help: "The .xlsx or CSV file.")
    var file: String

    @Option(help: ArgumentHelp("For a filled reporting template: the round it reports to (default: the one it names).", valueName: "period"))
    var round: String?

    @Flag(help: "Check the file and report what would change, without writing anything.")
    var dryRun = false

    func run() throws {
        let period = try round.map { try ReportingPeriod(parsing: $0, field: "round") }
        let bar = ProgressBar(label: "importing \(file)")
        let result = try database.open(writing: "import", as: actor).importFile(kind, from: file, round: period, dryRun: dryRun, progress: bar.update)
        bar.finish()
        if let sheet = result.sheet {
            FileDescriptor.writeToStandardError("\(file): read the sheet \"\(sheet)\"\n")
        }
        if let round = result.round {
            let rows = result.skipped == 1 ? "1 unfilled row" : "\(result.skipped) unfilled rows"
            FileDescriptor.writeToStandardError("\(file): a reporting template of round \(round); skipped \(rows) (not reported)\n")
        }
        for problem in result.problems {
            FileDescriptor.writeToStandardError("\(file):\(problem)\n")
        }
        if result.problemCount > result.problems.count {
            FileDescriptor.writeToStandardError("\(file): … and \(result.problemCount - result.problems.count) more problems\n")
        }
        print(ImportSummary(result).text)
        if result.problemCount > 0 {
            let count = result.problemCount == 1 ? "1 problem" : "\(result.problemCount) problems"
            throw DuikouError(.invalidInput, "\(file): \(count); nothing was imported")
        }
    }
}

/// One line saying what an import did or would do: `would add 400 projects, update 3, leave 10 unchanged`.
struct ImportSummary {
    let text: String

    init(_ result: ImportResult) {
        let noun = switch (result.kind, result.added == 1) {
        case (.funding, true): "funding record"
        case (.funding, false): "funding records"
        case (_, true): String(result.kind.rawValue.dropLast())
        case (_, false): result.kind.rawValue
        }
        let verbs = result.dryRun || result.problemCount > 0
            ? ("would add", "update", "leave", "refuse")
            : ("added", "updated", "left", "refused")
        var parts = ["\(verbs.0) \(result.added) \(noun)", "\(verbs.1) \(result.updated)", "\(verbs.2) \(result.unchanged) unchanged"]
        if result.refused > 0 { parts.append("\(verbs.3) \(result.refused) row\(result.refused == 1 ? "" : "s")") }
        let prefix = result.dryRun ? "dry run, nothing written: " : (result.problemCount > 0 ? "nothing written: " : "")
        text = prefix + parts.joined(separator: ", ") + " (\(result.rows) row\(result.rows == 1 ? "" : "s") read)"
    }
}
