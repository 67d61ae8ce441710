import ArgumentParser
import DuikouKit

/// `duikou search TEXT`.
struct SearchCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "search",
        abstract: "Find projects, parks, reform measures, meetings and funding whose text contains the text.",
        discussion: """
            Looks for TEXT as a substring of project titles, descriptions, Northeast and Eastern \
            parties, park names, reform measures' titles and Eastern sources, meetings' places and \
            outcomes, and funding notes, ignoring the case of ASCII letters. Text of 3 or more \
            characters is looked up in the full-text (trigram) index and ranked by relevance; \
            shorter text (1 or 2 characters, such as 园 or 哈尔) is found by scanning, titles and \
            park names first. One row per record, with the field that matched and the text around \
            the match. Nothing found is not an error: the list is empty.

            Examples:
              duikou search 哈尔滨
              duikou search 新能源 --format json
              duikou search 园 --limit 20
              duikou search "AI 工厂" --lang en --format csv
            """)

    @Argument(help: ArgumentHelp("The text to look for (leading and trailing spaces are ignored).", valueName: "text"))
    var text: String

    @OptionGroup var database: DatabaseOptions

    @Option(help: "Show at most this many matches, best first.")
    var limit: Int?

    @OptionGroup var output: OutputOptions

    func run() throws {
        if let limit, limit < 1 {
            throw DuikouError(.invalidInput, "--limit: '\(limit)' must be at least 1")
        }
        let repository = try database.open()
        try output.emit(.searchHits(try repository.search(text, limit: limit), output.language, catalogue: try repository.catalogue()))
    }
}
