import ArgumentParser
import DuikouKit
#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif

/// `--db`: which database a command works on.
struct DatabaseOptions: ParsableArguments {
    @Option(name: .long, help: ArgumentHelp("The database file; else $DUIKOU_DB, else ./duikou.sqlite.", valueName: "path"))
    var db: String?

    @Flag(help: "Open the database without write access: reports work, every write is refused.")
    var readOnly = false

    @Option(help: ArgumentHelp("How long a write waits for another writer's lock before giving up (exit 75).", valueName: "ms"))
    var busyTimeout = 5000

    func validate() throws {
        guard busyTimeout >= 0 else { throw ValidationError("--busy-timeout: '\(busyTimeout)' must be 0 or more milliseconds") }
    }

    var path: String {
        if let db { return db }
        if let env = ProcessInfo.processInfo.environment["DUIKOU_DB"], !env.isEmpty { return env }
        return "duikou.sqlite"
    }

    func open() throws -> Repository {
        try Repository(path: path, options: Repository.Options(busyTimeout: .milliseconds(busyTimeout), readOnly: readOnly))
    }

    /// Opens the database for `command`, which writes, with the actor the audit log records.
    func open(writing command: String, as actor: ActorOptions) throws -> Repository {
        let identity = AuditIdentity(actor: actor.actor, command: command)
        return try Repository(path: path, options: Repository.Options(busyTimeout: .milliseconds(busyTimeout), readOnly: readOnly, identity: identity))
    }
}

/// `--actor`: who makes the changes of a command that writes.
struct ActorOptions: ParsableArguments {
    @Option(help: ArgumentHelp("Who makes the change, as the audit log (duikou history) records it; else the user name.", valueName: "name"))
    var actor: String?

    func validate() throws {
        if let actor, actor.allSatisfy(\.isWhitespace) {
            throw ValidationError("--actor: give a name, or leave the option out to record the user name")
        }
    }
}

/// Reads option values with the library's parsers, naming the option in any error.
enum Read {
    static func money(_ text: String?, _ option: String) throws -> Money? {
        try text.map { try Money(parsing: $0, field: option) }
    }

    static func date(_ text: String?, _ option: String) throws -> LocalDate? {
        try text.map { try LocalDate(parsing: $0, field: option) }
    }

    static func uuid(_ text: String?, _ option: String) throws -> UUID? {
        guard let text else { return nil }
        guard let id = UUID(uuidString: String(trimmed(text))) else {
            throw DuikouError(.invalidInput, "\(option): '\(text)' is not a UUID")
        }
        return id
    }

    /// The text without the whitespace around it.
    private static func trimmed(_ text: String) -> Substring {
        guard let first = text.firstIndex(where: { !$0.isWhitespace }), let last = text.lastIndex(where: { !$0.isWhitespace }) else {
            return ""
        }
        return text[first...last]
    }
}
