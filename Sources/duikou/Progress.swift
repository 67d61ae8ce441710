import ArgumentParser
import DuikouKit

/// `duikou progress`.
struct Progress: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Report how far the cooperation has come, by task area, task or pairing, now or as of a date.",
        discussion: """
            Rows list every area, task, pairing or Northeast province in scope, with zeros where nothing is \
            recorded. As of a date D, a project counts when its first update is on or before D, with the status \
            and completed investment of its latest update on or before D. Planned investment sums projects that \
            are not terminated; completed investment sums all. 落地率, 开工率 and 投产率 are over the projects \
            whose history has reached 签约, whatever became of them since. --pairing takes the pairing and every \
            pairing below it; --by pairing counts each pairing's own records and adds its subtree; --by province \
            counts every pairing whose Northeast region is the province or lies inside it. By pairing and by \
            province, rows also count the red and yellow early warnings (红灯, 黄灯; see duikou alerts) of their \
            projects as of D, else as of today (China Standard Time).
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

    @Option(help: "Answer as the database stood at the end of this day (China Standard Time), before any later update, correction or void.")
    var knownOn: String?

    @OptionGroup var output: OutputOptions

    func run() throws {
        let asOf = try Read.date(asOf, "--as-of")
        let knownOn = try Read.date(knownOn, "--known-on")
        let repository = try database.open()
        let query = ProgressQuery(pairing: try repository.pairingID(pairing), area: area, grouping: by, asOf: asOf, knownOn: knownOn,
                                  countsAlerts: by.countsPairingActivity)
        let report = try repository.progress(query)
        switch output.format {
        case .table: print(report.table(output.language), terminator: "")
        case .json: print(report.json.text(pretty: true))
        case .csv: print(report.csv, terminator: "")
        }
    }
}
