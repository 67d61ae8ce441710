import ArgumentParser
import DuikouKit

/// `duikou plan …`.
struct PlanCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "plan",
        abstract: "Set and list the targets of each pairing's annual work plan (年度工作计划).",
        discussion: """
            Metrics, counted for the pairing and the pairings inside it within the calendar year:
              projects_signed               projects first signed (or further on track) in the year
              projects_started              projects first started (or further) in the year
              projects_operating            projects first operating in the year
              investment_signed_yuan        planned investment of the projects in projects_signed
              investment_completed_yuan     completed investment at the year's end minus at the last year's end
              parks_established             parks established in the year
              cadres_seconded               persons whose secondment starts in the year (人)
              cadres_seconded_to_east       the same, seconded to the East (人)
              cadres_seconded_to_northeast  the same, seconded to the Northeast (人)
              cadres_trained                training participants of batches starting in the year (人次)
              cadres_trained_to_east        the same, trained in the East (人次)
              cadres_trained_to_northeast   the same, trained in the Northeast (人次)
            """,
        subcommands: [Set.self, List.self])

    /// `duikou plan set`.
    struct Set: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Set a target; setting it again replaces it and keeps the old one as an earlier revision.",
            discussion: """
                Investment targets take amounts (元, 万/万元, 亿/亿元; a bare number is 万元); the others take \
                whole numbers. The weight says how much the target counts in the pairing's score; without \
                --weight a new target weighs 1 and a target set again keeps its weight. Prints the target in \
                force and its weight.

                Example: duikou plan set --pairing liaoning-jiangsu --year 2025 --metric investment_signed_yuan --target 120亿 --weight 2
                """)

        @OptionGroup var database: DatabaseOptions
        @OptionGroup var actor: ActorOptions

        @Option(help: ArgumentHelp(NameHelp.pairing))
        var pairing: String

        @Option(help: "The calendar year, 2000 … 2100.")
        var year: Int

        @Option(help: "The metric (see `duikou plan --help`).")
        var metric: PlanMetric

        @Option(parsing: .unconditional, help: "The target: an amount for investment metrics, else a whole number.")
        var target: String

        @Option(parsing: .unconditional,
                help: "How much the target counts in the pairing's score: a number from 0.001 to 1000, such as 0.5 or 2 (default: 1, or the weight in force).")
        var weight: String?

        func run() throws {
            let value = try metric.parseTarget(target, field: "--target")
            let weight = try weight.map { try PlanWeight(parsing: $0, field: "--weight") }
            let repository = try database.open(writing: "plan set", as: actor)
            let target = try NewPlanTarget(pairing: try repository.pairingID(pairing), year: year, metric: metric, target: value, weight: weight)
            let recorded = try repository.setTarget(target)
            let was = recorded.previous.map { " (was \($0))" } ?? ""
            print("\(recorded.pairing)  \(recorded.year)  \(recorded.metric.rawValue)  \(recorded.target)\(was)  weight \(recorded.weight)")
        }
    }

    /// `duikou plan list`.
    struct List: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "List the targets in force, or with --revisions every setting of each.",
            discussion: """
                Rows: pairing, pairing_name, year, metric, target (yuan for investment metrics), weight, revision, \
                previous, set_at (China Standard Time, with its offset).
                """)

        @OptionGroup var database: DatabaseOptions

        @Option(help: "Only this year's targets.")
        var year: Int?

        @Option(help: ArgumentHelp(NameHelp.pairingFilter))
        var pairing: String?

        @Flag(help: "Every setting of each target, oldest first, not only the one in force.")
        var revisions = false

        @OptionGroup var output: OutputOptions

        func run() throws {
            let repository = try database.open()
            let targets = try repository.planTargets(year: year, pairing: try repository.pairingID(pairing), revisions: revisions)
            try output.emit(.planTargets(targets, try repository.catalogue(), output.language))
        }
    }
}
