import ArgumentParser

/// The web workspace's executable: the server, and the accounts it serves.
struct DuikouServerCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "duikou-server",
        abstract: "Duikou's web workspace: serve it, and manage the accounts that use it.",
        subcommands: []
    )
}

await DuikouServerCommand.main()
