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
            against actual, parks, cadre exchanges, reforms, meetings and funding, early warnings (预警), the \
            latest reporting round (调度) and landmark projects, with SVG charts. It uses inline \
            CSS and SVG only: no script, nothing fetched. It describes the database as of --as-of, else as \
            of the latest progress update, never the clock: the same database and options always give the \
            same bytes. --pairing makes the report of one pairing and the pairings below it, for that \
            province's or city's own meetings: every section leaves the other pairings out. --known-on D \
            makes the report again as the database stood at the end of day D (China Standard Time), \
            before later additions, corrections, voids and revisions. The file is written whole or not at all.
            Example: duikou report --out 对口合作进展.html --as-of 2024-12-31
            Example: duikou report --out 黑粤.html --pairing 黑粤 --as-of 2025-06-30 --known-on 2025-07-10
            """)

    @OptionGroup var database: DatabaseOptions

    @Option(help: ArgumentHelp("The HTML file to write.", valueName: "file"))
    var out: String

    @Option(help: "Report as things stood on this date, YYYY-MM-DD (default: the date of the latest progress update).")
    var asOf: String?

    @Option(help: "Answer as the database stood at the end of this day (China Standard Time), before any later addition, correction, void or revision.")
    var knownOn: String?

    @Option(help: ArgumentHelp(NameHelp.pairingFilter))
    var pairing: String?

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
        let asOf = try Read.date(asOf, "--as-of")
        let knownOn = try Read.date(knownOn, "--known-on")
        let repository = try database.open()
        let options = HTMLReportOptions(
            asOf: asOf, year: year, language: lang.language, redactPeople: redactPeople, pairing: try repository.pairingID(pairing),
            knownOn: knownOn)
        let html = try repository.htmlReport(options)
        try BufferedOutput.writing(to: out) { try $0.write(html) }
    }
}
