import ArgumentParser
import DuikouKit

/// `duikou backup`.
struct BackupCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "backup",
        abstract: "Copy the database to DEST: an online, consistent copy, while others keep writing.",
        discussion: """
            Uses SQLite's backup API inside one read transaction, so the copy is one snapshot. The copy \
            is readable and writable by its owner only and is moved into place when complete. An \
            existing DEST is refused unless --force.
            Example: duikou backup /backups/duikou-2024-12-31.sqlite
            """)

    @OptionGroup var database: DatabaseOptions

    @Argument(help: "Where to write the copy.")
    var destination: String

    @Flag(help: "Replace DEST if it exists.")
    var force = false

    func run() throws {
        try database.open().backup(to: destination, overwrite: force)
        print(destination)
    }
}
