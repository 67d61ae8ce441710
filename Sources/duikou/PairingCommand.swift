import ArgumentParser
import DuikouKit

/// `duikou pairing …`.
struct PairingCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "pairing",
        abstract: "Record pairings of your own, such as city pairings inside a provincial one.",
        subcommands: [Add.self])

    /// `duikou pairing add`.
    struct Add: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Add a pairing between a Northeast region and an Eastern one.",
            discussion: """
                The level defaults to province when the Northeast region is a province or autonomous region, \
                else city; the status defaults to active, or exploring when there is no Eastern side yet.
                Example: duikou pairing add --id foshan-jiamusi --northeast 230800 --east 440600 --parent heilongjiang-guangdong
                """)

        @OptionGroup var database: DatabaseOptions
        @OptionGroup var actor: ActorOptions

        @Option(help: "The pairing's id: lower-case letters, digits and hyphens.")
        var id: String

        @Option(help: "The GB/T 2260 code of the Northeast region.")
        var northeast: String

        @Option(help: "The GB/T 2260 code of the Eastern region (may be left out while exploring).")
        var east: String?

        @Option(help: "The pairing this one sits inside.")
        var parent: String?

        @Option(help: "Whether it pairs provinces or cities.")
        var level: PairingLevel?

        @Option(help: "The state of the pairing.")
        var status: PairingStatus?

        func run() throws {
            let pairing = try NewPairing(
                id: id, northeast: northeast, east: east,
                level: level, status: status, parent: parent)
            print(try database.open(writing: "pairing add", as: actor).addPairing(pairing).id)
        }
    }
}
