import ArgumentParser
import DuikouKit

/// `duikou history`.
struct HistoryCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "history",
        abstract: "List the audit log: every change, when, by whom, through which command, and what changed.",
        discussion: """
            Every command that writes adds one entry in the same transaction as its change: an added \
            record, a progress update, a plan target, a whole import or merge. The actor is --actor, else \
            the user name. The log is append-only; no command rewrites or deletes it.

            Rows: seq, at (China Standard Time with its offset, e.g. 2026-12-01T00:15:02.123+08:00), actor, \
            command, action (add, update, plan, import, merge), record_kind, record_id, summary.
            """)

    @OptionGroup var database: DatabaseOptions

    @Option(help: "Only changes made on or after this day in China Standard Time (UTC+8), YYYY-MM-DD.")
    var since: String?

    @OptionGroup var output: OutputOptions

    func run() throws {
        let since = try Read.date(since, "--since")
        try output.emit(.auditEvents(try database.open().history(since: since), output.language))
    }
}
