import ArgumentParser
import DuikouKit
#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif

/// `duikou exchange …`.
struct ExchangeCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "exchange",
        abstract: "Record cadre exchanges: secondments (挂职, persons) and training (培训, person-times).",
        subcommands: [Add.self, List.self])

    /// `duikou exchange add`.
    struct Add: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Add a secondment or a training batch; prints its new id alone.",
            discussion: "Example: duikou exchange add --pairing jilin-zhejiang --direction to-east --kind training --start 2018-04-10 --participants 52")

        @OptionGroup var database: DatabaseOptions
        @OptionGroup var actor: ActorOptions

        @Option(help: ArgumentHelp(NameHelp.pairing))
        var pairing: String

        @Option(help: "Which way the cadres go.")
        var direction: ExchangeDirection

        @Option(help: "A secondment (persons) or a training batch (person-times).")
        var kind: ExchangeKind

        @Option(help: "The first day, YYYY-MM-DD.")
        var start: String

        @Option(help: "The last day, YYYY-MM-DD.")
        var end: String?

        @Option(help: "Persons seconded (default 1) or training participants (required for training), at most 1000000.")
        var participants: String?

        @Option(help: "The seconded person's name.")
        var person: String?

        @Option(help: "The sending organisation.")
        var fromOrg: String?

        @Option(help: "The receiving organisation.")
        var toOrg: String?

        @Option(help: "The post held.")
        var post: String?

        func run() throws {
            let start = try LocalDate(parsing: start, field: "--start")
            let end = try Read.date(end, "--end")
            let participants = try participants.map { try NewExchange.participants(parsing: $0, field: "--participants") }
            let repository = try database.open(writing: "exchange add", as: actor)
            let exchange = try NewExchange(
                pairing: try repository.pairingID(pairing), direction: direction, kind: kind, start: start, end: end,
                participants: participants, person: person, fromOrg: fromOrg, toOrg: toOrg, post: post)
            print(try repository.addExchange(exchange).id.uuidString.lowercased())
        }
    }

    /// `duikou exchange list`.
    struct List: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "List cadre exchanges by start date.")

        @OptionGroup var database: DatabaseOptions

        @Option(help: ArgumentHelp(NameHelp.pairingFilter))
        var pairing: String?

        @Flag(help: "Leave the names of seconded persons out (the person field stays, empty).")
        var redactPeople = false

        @OptionGroup var output: OutputOptions

        func run() throws {
            let repository = try database.open()
            try output.emit(.exchanges(try repository.exchanges(pairing: try repository.pairingID(pairing)), output.language, catalogue: try repository.catalogue(),
                                   redactingPeople: redactPeople))
        }
    }
}
