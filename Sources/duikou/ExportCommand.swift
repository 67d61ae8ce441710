import ArgumentParser
import DuikouKit

/// `duikou export`.
struct ExportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "export",
        abstract: "Export projects, updates, parks, exchanges, reforms, meetings or funding as CSV or JSON Lines, in a stable order.",
        discussion: """
            The columns are those `duikou import` reads, so an export imports back as it was. CSV amounts \
            carry their unit (1250000000元); JSON Lines amounts are integer yuan. With --out the file is \
            written whole or not at all. --redact-people leaves the person column of exchanges empty.
            Example: duikou export projects --out 项目.csv --bom
            """)

    @OptionGroup var database: DatabaseOptions

    @Argument(help: "What to export.")
    var kind: InterchangeKind

    @Option(help: "The file format.")
    var format: ExportFormat = .csv

    @Option(help: ArgumentHelp("Write to this file instead of standard output.", valueName: "file"))
    var out: String?

    @Flag(help: "Start the CSV with a byte-order mark, so that Excel reads it as UTF-8.")
    var bom = false

    @Flag(help: "Leave the names of seconded persons out: the person column of exchanges stays, empty.")
    var redactPeople = false

    func run() throws {
        let repository = try database.open()
        let bar = ProgressBar(label: "exporting \(kind.rawValue)")
        try BufferedOutput.writing(to: out) { output in
            // The bar's line is cleared before the last of the output is written.
            defer { bar.finish() }
            try repository.export(kind, format: format, byteOrderMark: bom, redactingPeople: redactPeople, progress: bar.update) { try output.write($0) }
        }
    }
}
