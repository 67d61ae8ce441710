import DuikouKit

/// What the tool adds to a library error so that the user knows which option or command helps.
/// The library's messages name records and fields, never the tool's options.
enum ErrorHint {
    /// The hint for `error`, given the command line it came from, or `nil`.
    static func hint(for error: DuikouError, arguments: [String]) -> String? {
        switch (error.code, error.field) {
        case (.readOnly, _) where arguments.contains("--read-only"):
            "leave out --read-only to write"
        case (.readOnly, "source"):
            "any duikou command on it without --read-only brings it up to date, e.g. `duikou regions --db PATH`"
        case (.invalidInput, "destination"):
            "give --force to replace it"
        case (.invalidInput, "database"):
            "give another --db"
        case (.notFound, "pairing"), (.constraint, "alias"):
            "see `duikou pairings`"
        case (.notFound, "known_on"):
            "give a later --known-on, or leave it out"
        case (.notFound, "task"):
            "see `duikou tasks`"
        case (.notFound, "adopted_by"):
            "see `duikou regions`; add a region of your own with `duikou region add`"
        case (.invalidInput, "round"):
            "--round is for a filled reporting template (duikou template); leave it out"
        case (.invalidInput, "kind"):
            "import it with `duikou import updates FILE`"
        case (.schemaTooNew, _):
            "upgrade duikou"
        case (.busy, _):
            "or raise --busy-timeout to wait longer"
        default:
            nil
        }
    }

    /// `message` with the hint for `error`, if any, after it.
    static func message(for error: DuikouError, arguments: [String] = CommandLine.arguments) -> String {
        hint(for: error, arguments: arguments).map { "\(error.message) (\($0))" } ?? error.message
    }
}
