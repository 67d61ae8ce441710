import ArgumentParser

/// The root command.
struct Duikou: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "duikou",
        abstract: "Record and report the paired cooperation between China's Northeast and its Eastern partners (对口合作).",
        discussion: """
            Duikou keeps the pairings of the 2017 plan (国办发〔2017〕22号), their cooperation projects and \
            progress, co-built parks, cadre exchanges, reform measures copied, meetings and visits, funding \
            and annual work plans in one SQLite file; answers how \
            far each pairing and task area has come, as of any date, and which targets were met; writes an \
            HTML report for meetings; and keeps an audit log of every change (--actor on every command \
            that writes names who made it).

            Every command takes --db PATH; without it $DUIKOU_DB, else ./duikou.sqlite. The database is \
            created on first use. Amounts take 元, 万/万元 or 亿/亿元 (a bare number is 万元); dates are \
            YYYY-MM-DD; statuses may be given in English or Chinese (签约, 落地, 开工, …).

            Exit codes: 0 success, 64 bad usage, 65 bad data, 66 not found, 70 internal error, \
            74 I/O error, 75 database busy, 78 database newer than this build.
            """,
        version: "0.1.0",
        subcommands: [
            Regions.self, Pairings.self, Tasks.self,
            RegionCommand.self, PairingCommand.self,
            ProjectCommand.self, ParkCommand.self, ExchangeCommand.self,
            ReformCommand.self, MeetingCommand.self, FundingCommand.self, PlanCommand.self,
            Progress.self, AlertsCommand.self, EvaluateCommand.self, ReportCommand.self, SearchCommand.self,
            ImportCommand.self, ExportCommand.self, TemplateCommand.self, MergeCommand.self,
            RoundCommand.self, CheckCommand.self, BackupCommand.self, HistoryCommand.self,
            Demo.self,
            ServeForward.self, UserForward.self, TokenForward.self,
        ]
    )
}
