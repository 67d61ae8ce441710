import ArgumentParser
import DuikouKit

/// `duikou funding …`.
struct FundingCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "funding",
        abstract: "Record funding (资金支持) for a project or a pairing, by source, and list it.",
        discussion: """
            Sources: central-budget 中央预算内投资, special-fund 专项资金, bank-loan 银行贷款, private 社会资本, \
            other 其他. A funding supports either one project (given by its id or a unique prefix of at least \
            8 characters; it counts for the project's pairing) or a pairing as a whole.
            """,
        subcommands: [Add.self, List.self])

    /// `duikou funding add`.
    struct Add: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Add funding for a project or a pairing; prints its new id alone.",
            discussion: "Example: duikou funding add --project 3f2a9c1e --source central-budget --amount 5000万 --date 2024-06-30 --note 2024年中央预算内投资")

        @OptionGroup var database: DatabaseOptions
        @OptionGroup var actor: ActorOptions

        @Option(help: "The project funded (id or prefix); give this or --pairing.")
        var project: String?

        @Option(help: "The pairing funded as a whole; give this or --project.")
        var pairing: String?

        @Option(help: "Where the money comes from.")
        var source: FundingSource

        @Option(parsing: .unconditional, help: "How much, more than 0, e.g. 5000万, 1.2亿, 800000元; a bare number is 万元.")
        var amount: String

        @Option(help: "When it was granted, YYYY-MM-DD.")
        var date: String

        @Option(help: "A note, such as the programme or the lender.")
        var note: String?

        func validate() throws {
            switch (project, pairing) {
            case (nil, nil): throw ValidationError("give --project ID or --pairing ID: the project or the pairing funded")
            case (_?, _?): throw ValidationError("--project and --pairing: give one of them, not both")
            default: break
            }
        }

        func run() throws {
            let amount = try Money(parsing: amount, field: "--amount")
            let date = try LocalDate(parsing: date, field: "--date")
            let repository = try database.open(writing: "funding add", as: actor)
            let funding = try NewFunding(
                project: try project.map { try repository.resolveID($0, of: .project) }, pairing: try repository.pairingID(pairing), source: source,
                amount: amount, date: date, note: note)
            print(try repository.addFunding(funding).id.uuidString.lowercased())
        }
    }

    /// `duikou funding list`.
    struct List: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "List funding by date, with the funding of projects under their pairing.")

        @OptionGroup var database: DatabaseOptions

        @Option(help: "Only this pairing and the pairings inside it, with their projects.")
        var pairing: String?

        @OptionGroup var output: OutputOptions

        func run() throws {
            let repository = try database.open()
            try output.emit(.funding(try repository.funding(pairing: try repository.pairingID(pairing)), output.language, catalogue: try repository.catalogue()))
        }
    }
}
