import ArgumentParser
import DuikouKit

/// `duikou alerts`.
struct AlertsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "alerts",
        abstract: "List early warnings (预警): projects stalled, late to start or complete, long suspended, not landed or not reported.",
        discussion: """
            Rules, for each project in its state as of the date: stalled 长期无进展 (signed, landed, started or completed \
            with no update for more than --stalled-days: yellow; more than --stalled-red-days: red); start_overdue \
            逾期未开工 (planned start passed, not started: yellow, red after --overdue-red-days); completion_overdue \
            逾期未竣工 (planned completion passed, not completed or operating: same bands); suspended_long 长期停建 \
            (suspended more than --suspended-days: red); not_landed 签约未落地 (signed more than --not-landed-days \
            ago, not landed: yellow); not_reported 逾期未报送 (in the scope of a reporting round past its due date and \
            not reported for it: red, counted from the due date). Red first, then the longest-standing. \
            With --known-on, the warnings listed on that day come out again, whatever was recorded since.
            Example: duikou alerts --pairing 深哈 --rule start_overdue --rule completion_overdue --format csv
            """)

    @OptionGroup var database: DatabaseOptions

    @Option(help: "Judge projects as they stood on this date, YYYY-MM-DD (default today, China Standard Time).")
    var asOf: String?

    @Option(help: "Answer as the database stood at the end of this day (China Standard Time), before any later update, correction, void, plan revision or round.")
    var knownOn: String?

    @Option(help: ArgumentHelp(NameHelp.pairingFilter))
    var pairing: String?

    @Option(help: "Only this rule (repeatable): stalled, start_overdue, completion_overdue, suspended_long, not_landed, not_reported.")
    var rule: [String] = []

    @Option(help: "Days without an update before a project is stalled (yellow).")
    var stalledDays = 180

    @Option(help: "Days without an update before a stalled project turns red.")
    var stalledRedDays = 365

    @Option(help: "Days past a planned start or completion before the warning turns red.")
    var overdueRedDays = 90

    @Option(help: "Days suspended before a red warning.")
    var suspendedDays = 180

    @Option(help: "Days since signing, without landing, before a yellow warning.")
    var notLandedDays = 365

    @OptionGroup var output: OutputOptions

    func validate() throws {
        for (option, days) in [("--stalled-days", stalledDays), ("--stalled-red-days", stalledRedDays), ("--overdue-red-days", overdueRedDays),
                               ("--suspended-days", suspendedDays), ("--not-landed-days", notLandedDays)]
        where days < 0 || days > AlertThresholds.maximumDays {
            throw ValidationError("\(option): '\(days)' must be a number of days from 0 to \(AlertThresholds.maximumDays)")
        }
        guard stalledRedDays >= stalledDays else {
            throw ValidationError("--stalled-red-days: '\(stalledRedDays)' must not be below --stalled-days (\(stalledDays))")
        }
    }

    func run() throws {
        let rules = try Set(rule.map { try AlertRule(parsing: $0, field: "--rule") })
        let thresholds = try AlertThresholds(stalledDays: stalledDays, stalledRedDays: stalledRedDays, overdueRedDays: overdueRedDays,
                                             suspendedDays: suspendedDays, notLandedDays: notLandedDays)
        let asOf = try Read.date(asOf, "--as-of") ?? .today()
        let repository = try database.open()
        let query = AlertQuery(asOf: asOf, pairing: try repository.pairingID(pairing), rules: rules, thresholds: thresholds,
                               knownOn: try Read.date(knownOn, "--known-on"))
        try output.emit(.alerts(try repository.alerts(query), output.language, catalogue: try repository.catalogue()))
    }
}
