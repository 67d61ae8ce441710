import ArgumentParser
import DuikouKit

/// `duikou region …`.
struct RegionCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "region",
        abstract: "Record regions of your own, such as prefecture cities paired inside a province.",
        subcommands: [Add.self])

    /// `duikou region add`.
    struct Add: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Add a region by its GB/T 2260 code.",
            discussion: "Example: duikou region add --code 440600 --name-zh 佛山市 --name-en Foshan --level prefecture-city --side east")

        @OptionGroup var database: DatabaseOptions
        @OptionGroup var actor: ActorOptions

        @Option(help: "The six-digit GB/T 2260 code.")
        var code: String

        @Option(help: "The Chinese name, e.g. 佛山市.")
        var nameZh: String

        @Option(help: "The English name, e.g. Foshan.")
        var nameEn: String

        @Option(help: "The administrative level.")
        var level: RegionLevel

        @Option(help: "Which side of the cooperation the region is on.")
        var side: Side

        func run() throws {
            let region = try Region(code: code, nameZH: nameZh, nameEN: nameEn, level: level, side: side)
            try database.open(writing: "region add", as: actor).addRegion(region)
            print(region.code)
        }
    }
}
