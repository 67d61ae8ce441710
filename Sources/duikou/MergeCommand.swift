import ArgumentParser
import DuikouKit

/// `duikou merge`.
struct MergeCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "merge",
        abstract: "Merge another reporter's Duikou database into this one.",
        discussion: """
            Takes regions, pairings, parks, projects, cadre exchanges, reform measures, meetings and funding \
            from OTHER by id: new records are \
            added with their ids (projects with their whole history), records with the same content are \
            skipped, and records that differ are listed as conflicts with the fields that differ; ours are \
            kept unless --prefer theirs. Progress updates are united without duplicates: an update of theirs \
            dated on or after our latest one is appended under the lifecycle rules; an earlier one is \
            reported and left out, since history is never rewritten. Corrections travel with their reasons \
            and the updates they superseded, and plan revisions with theirs, each keeping when it was \
            recorded; a correction of an update we hold with the values it corrects is carried, one that \
            meets a different correction here is reported and left out. Merging the same file again changes \
            nothing. OTHER is opened read-only and never written; a file that is not a Duikou database is \
            refused. Everything is merged in one transaction, or nothing is. Conflicts do not make the exit \
            code non-zero.
            Example: duikou merge reporter-harbin.sqlite --dry-run
            """)

    @OptionGroup var database: DatabaseOptions
    @OptionGroup var actor: ActorOptions

    @Argument(help: ArgumentHelp("The other Duikou database (opened read-only).", valueName: "other"))
    var other: String

    @Flag(help: "Show what the merge would do; write nothing.")
    var dryRun = false

    @Option(help: "Where a record differs: keep ours or take theirs.")
    var prefer: MergePreference = .ours

    @OptionGroup var output: DocumentOutputOptions

    func run() throws {
        // The source is read first, so that a refused one leaves no new database behind either.
        let source = try MergeSource(path: other)
        let repository = try database.open(writing: "merge", as: actor)
        let report = try repository.merge(source, options: MergeOptions(preference: prefer, dryRun: dryRun))
        switch output.format {
        case .table: print(report.table(output.language, catalogue: try repository.catalogue()), terminator: "")
        case .json: print(report.json.text(pretty: true))
        }
    }
}
