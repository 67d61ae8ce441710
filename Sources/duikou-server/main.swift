import ArgumentParser
import DuikouKit
import Foundation

/// The web workspace's executable: the server, and the accounts it serves.
struct DuikouServerCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "duikou-server",
        abstract: "Duikou's web workspace: serve it, and manage the accounts that use it.",
        subcommands: [ServeCommand.self, UserCommand.self, TokenCommand.self]
    )
}

/// Runs an async command's own `run()`: called on an existential, `run()` resolves to
/// ParsableCommand's synchronous default, which only prints the help.
func runAsync<Command: AsyncParsableCommand>(_ command: Command) async throws {
    var command = command
    try await command.run()
}

do {
    var command = try DuikouServerCommand.parseAsRoot()
    if let asyncCommand = command as? any AsyncParsableCommand {
        try await runAsync(asyncCommand)
    } else {
        try command.run()
    }
} catch let error as DuikouError {
    FileHandle.standardError.write(Data("error: \(error.message)\n".utf8))
    exit(error.exitStatus)
} catch {
    DuikouServerCommand.exit(withError: error)
}
