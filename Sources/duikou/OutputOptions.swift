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

    /// Prints `listing` in the format asked for; JSON and CSV a record at a time.
    ///
    /// - Throws: an I/O error (exit 74) when standard output cannot be written.
    func emit(_ listing: Listing) throws {
        switch format {
        case .table: print(listing.table, terminator: "")
        case .json:
            try BufferedOutput.writing(to: nil) { output in
                try listing.writeJSON { try output.write($0) }
                try output.write("\n")
            }
        case .csv: try BufferedOutput.writing(to: nil) { output in try listing.writeCSV { try output.write($0) } }
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
