import ArgumentParser
import DuikouKit
import Foundation

/// `--db`: the database the server and the account commands work on, chosen as the CLI chooses it.
struct DatabaseOption: ParsableArguments {
    @Option(name: .long, help: ArgumentHelp("The database file; else $DUIKOU_DB, else ./duikou.sqlite.", valueName: "path"))
    var db: String?

    var path: String {
        if let db { return db }
        if let env = ProcessInfo.processInfo.environment["DUIKOU_DB"], !env.isEmpty { return env }
        return "duikou.sqlite"
    }

    /// Opens the database, recording writes under `command` by the process's user.
    func open(command: String) throws -> Repository {
        try Repository(path: path, options: Repository.Options(identity: AuditIdentity(command: command)))
    }
}
