import ArgumentParser
import DuikouKit

/// `duikou round …`.
struct RoundCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "round",
        abstract: "Reporting rounds (调度): open a round for a period, see who has reported, close it.",
        discussion: "PERIOD is a quarter (2025-Q3), a month (2025-09) or a year (2025).",
        subcommands: [Open.self, Status.self, Close.self, List.self])

    /// `duikou round open`.
    struct Open: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Open a reporting round for a period.",
            discussion: "Example: duikou round open 2025-Q3 --due 2025-10-15 --pairing 深哈")

        @OptionGroup var database: DatabaseOptions
        @OptionGroup var actor: ActorOptions

        @Argument(help: "The period: 2025-Q3, 2025-09 or 2025.")
        var period: String

        @Option(help: "The due date, YYYY-MM-DD (default: the 10th day after the period ends).")
        var due: String?

        @Option(help: "A pairing the round covers, with the pairings inside it; repeat for more (default: every active pairing).")
        var pairing: [String] = []

        func run() throws {
            let period = try ReportingPeriod(parsing: period, field: "period")
            let due = try Read.date(due, "--due")
            let repository = try database.open(writing: "round open", as: actor)
            let round = try repository.openRound(period, due: due, pairings: try pairing.map(repository.pairingID))
            print("\(round.period)  \(round.period.start)  \(round.period.end)  due \(round.due)  \(round.pairings.count) pairings")
        }
    }

    /// `duikou round status`.
    struct Status: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Show who is in a round's scope and who has reported, pairing by pairing.",
            discussion: "Without PERIOD: the open round whose period ends latest. A closed round shows what was frozen when it closed.")

        @OptionGroup var database: DatabaseOptions

        @Argument(help: "The period: 2025-Q3, 2025-09 or 2025 (default: the latest open round).")
        var period: String?

        @Option(help: ArgumentHelp(NameHelp.pairingFilter))
        var pairing: String?

        @OptionGroup var output: OutputOptions

        func run() throws {
            let period = try period.map { try ReportingPeriod(parsing: $0, field: "period") }
            let repository = try database.open()
            let status = try repository.roundStatus(period: period, pairing: try repository.pairingID(pairing))
            switch output.format {
            case .table: print(status.table(output.language, catalogue: try repository.catalogue()), terminator: "")
            case .json: print(status.json.text(pretty: true))
            case .csv: print(status.csv, terminator: "")
            }
        }
    }

    /// `duikou round close`.
    struct Close: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Close a round: its status and the progress as of its end are frozen as they stand now.")

        @OptionGroup var database: DatabaseOptions
        @OptionGroup var actor: ActorOptions

        @Argument(help: "The period: 2025-Q3, 2025-09 or 2025.")
        var period: String

        func run() throws {
            let period = try ReportingPeriod(parsing: period, field: "period")
            let repository = try database.open(writing: "round close", as: actor)
            let status = try repository.closeRound(period)
            print("\(status.period)  closed  \(status.reported) of \(status.inScope) reported")
        }
    }

    /// `duikou round list`.
    struct List: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "List the reporting rounds, the earliest period first.")

        @OptionGroup var database: DatabaseOptions
        @OptionGroup var output: DocumentOutputOptions

        func run() throws {
            let rounds = try database.open().rounds()
            switch output.format {
            case .table: print(ReportingRound.table(rounds, output.language), terminator: "")
            case .json: print(ReportingRound.json(rounds).text(pretty: true))
            }
        }
    }
}
