import ArgumentParser
import DuikouKit

/// `duikou progress`.
struct Progress: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Report how far the cooperation has come, by task area, task or pairing, now or as of a date.",
        discussion: """
            Rows list every area, task or pairing in scope, with zeros where nothing is recorded. As of a \
            date D, a project counts when its first update is on or before D, with the status and completed \
            investment of its latest update on or before D. Planned investment sums projects that are not \
            terminated; completed investment sums all. Rates are over projects signed or further along on track.
            """)

    @OptionGroup var database: DatabaseOptions

    @Option(help: ArgumentHelp(NameHelp.pairingFilter))
    var pairing: String?

    @Option(help: "Only this task area, 1 … 4.")
    var area: String?

    @Option(help: "What each row stands for.")
    var by: ProgressGrouping = .area

    @Option(help: "Report as things stood on this date, YYYY-MM-DD.")
    var asOf: String?

    @OptionGroup var output: OutputOptions

    func run() throws {
        let asOf = try Read.date(asOf, "--as-of")
        let repository = try database.open()
        let query = ProgressQuery(pairing: try repository.pairingID(pairing), area: area, grouping: by, asOf: asOf)
        let report = try repository.progress(query)
        switch output.format {
        case .table: print(report.table(output.language), terminator: "")
        case .json: print(report.json.text(pretty: true))
        case .csv: print(report.csv, terminator: "")
        }
    }
}
