import ArgumentParser
import DuikouKit

/// How records and reports of flat rows are printed.
enum OutputFormat: String, ExpressibleByArgument, CaseIterable {
    case table, json, csv
}

/// How a single document is printed, such as a project with its history or a merge report: it has
/// no flat rows to give as CSV.
enum DocumentFormat: String, ExpressibleByArgument, CaseIterable {
    case table, json
}

/// `--lang zh|en`.
enum LanguageOption: String, ExpressibleByArgument, CaseIterable {
    case zh, en

    var language: Language { self == .zh ? .zh : .en }
}

/// `--lang` for commands that print names and labels.
struct LanguageOptions: ParsableArguments {
    @Option(help: "The language of names and labels in tables.")
    var lang: LanguageOption = .zh
}

/// `--format table|json|csv` and `--lang` for commands that print records.
struct OutputOptions: ParsableArguments {
    @Option(help: "How to print the records.")
    var format: OutputFormat = .table

    @OptionGroup var languageOptions: LanguageOptions

    var language: Language { languageOptions.lang.language }

    func emit(_ listing: Listing) {
        switch format {
        case .table: print(listing.table, terminator: "")
        case .json: print(listing.json.text(pretty: true))
        case .csv: print(listing.csv, terminator: "")
        }
    }
}

/// `--format table|json` and `--lang` for commands that print one document.
struct DocumentOutputOptions: ParsableArguments {
    @Option(help: "How to print the result.")
    var format: DocumentFormat = .table

    @OptionGroup var languageOptions: LanguageOptions

    var language: Language { languageOptions.lang.language }
}
