import ArgumentParser
import DuikouKit

/// `duikou regions`.
struct Regions: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "List the regions: GB/T 2260 code, names, level and side.")

    @OptionGroup var database: DatabaseOptions
    @OptionGroup var output: OutputOptions

    func run() throws {
        try output.emit(.regions(try database.open().catalogue(), output.language))
    }
}

/// `duikou pairings`.
struct Pairings: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "List the pairings (对口合作关系), each followed by the pairings inside it, with their short names and aliases.")

    @OptionGroup var database: DatabaseOptions
    @OptionGroup var output: OutputOptions

    func run() throws {
        try output.emit(.pairings(try database.open().catalogue(), output.language))
    }
}

/// `duikou tasks`.
struct Tasks: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "List the 4 task areas and 18 tasks of the plan, with the basis of each heading.")

    @OptionGroup var database: DatabaseOptions
    @OptionGroup var output: OutputOptions

    func run() throws {
        try output.emit(.tasks(try database.open().catalogue(), output.language))
    }
}
