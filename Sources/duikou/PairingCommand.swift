import ArgumentParser
import DuikouKit

/// `duikou pairing …`.
struct PairingCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "pairing",
        abstract: "Record pairings of your own, such as city pairings inside a provincial one, and their aliases.",
        subcommands: [Add.self, Alias.self])

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

        @Option(help: "The pairing this one sits inside (id, name or short name).")
        var parent: String?

        @Option(help: "Whether it pairs provinces or cities.")
        var level: PairingLevel?

        @Option(help: "The state of the pairing.")
        var status: PairingStatus?

        func run() throws {
            let repository = try database.open(writing: "pairing add", as: actor)
            let pairing = try NewPairing(
                id: id, northeast: northeast, east: east,
                level: level, status: status, parent: try repository.pairingID(parent))
            print(try repository.addPairing(pairing).id)
        }
    }

    /// `duikou pairing alias …`.
    struct Alias: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Give pairings other names, such as the short names people use.",
            discussion: """
                Wherever a pairing is read (options, imported files), its id, its Chinese name (辽宁省—江苏省, \
                with any dash), its English name (Liaoning–Jiangsu), its short names and its aliases are \
                accepted. The short names of the plan's pairings are built in: 辽苏, 吉浙, 黑粤 or 龙粤, 京沈 \
                or 沈京, 沪连 or 连沪, 津长 or 长津, 深哈 or 哈深, 内蒙古. `duikou pairings` lists them.
                """,
            subcommands: [Add.self])

        /// `duikou pairing alias add`.
        struct Add: ParsableCommand {
            static let configuration = CommandConfiguration(
                abstract: "Add an alias of a pairing; prints the alias and the pairing's id.",
                discussion: """
                    An alias names one pairing: one that reads as (spaces, dashes, full-width forms and the case \
                    of Latin letters aside) an alias, id or name of a pairing already is refused, naming that pairing.
                    Example: duikou pairing alias add --pairing jiamusi-foshan --alias 佳佛
                    """)

            @OptionGroup var database: DatabaseOptions
            @OptionGroup var actor: ActorOptions

            @Option(help: ArgumentHelp(NameHelp.pairing))
            var pairing: String

            @Option(help: "The new name, at most 64 characters.")
            var alias: String

            func run() throws {
                let repository = try database.open(writing: "pairing alias add", as: actor)
                let added = try repository.addPairingAlias(try PairingAlias(alias: alias, pairing: try repository.pairingID(pairing)))
                print("\(added.alias)  \(added.pairing)")
            }
        }
    }
}
