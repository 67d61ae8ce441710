import ArgumentParser
import DuikouKit

/// `duikou report`.
struct ReportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "report",
        abstract: "Write the progress report as one self-contained HTML file, for the screen or A4 paper.",
        discussion: """
            The report holds the headline figures, progress by task area and by pairing, the project \
            stages (签约 → 落地 → 开工 → 竣工 → 投产), completed investment by year, the year's plan \
            against actual, parks, cadre exchanges, early warnings (预警) and landmark projects, with SVG charts. It uses inline \
            CSS and SVG only: no script, nothing fetched. It describes the database as of --as-of, else as \
            of the latest progress update, never the clock: the same database and options always give the \
            same bytes. The file is written whole or not at all.
            Example: duikou report --out 对口合作进展.html --as-of 2024-12-31
            """)

    @OptionGroup var database: DatabaseOptions

    @Option(help: ArgumentHelp("The HTML file to write.", valueName: "file"))
    var out: String

    @Option(help: "Report as things stood on this date, YYYY-MM-DD (default: the date of the latest progress update).")
    var asOf: String?

    @Option(help: "The year of the work-plan targets to set against what was achieved, 2000 … 2100 (default: the as-of year).")
    var year: Int?

    @Option(help: "The language of headings, labels and names.")
    var lang: LanguageOption = .zh

    @Flag(help: "Leave the names of seconded persons out of the report.")
    var redactPeople = false

    func validate() throws {
        if out.allSatisfy(\.isWhitespace) {
            throw ValidationError("--out: give the path of the HTML file to write")
        }
    }

    func run() throws {
        let options = HTMLReportOptions(
            asOf: try Read.date(asOf, "--as-of"), year: year, language: lang.language, redactPeople: redactPeople)
        let html = try database.open().htmlReport(options)
        try BufferedOutput.writing(to: out) { try $0.write(html) }
    }
}
