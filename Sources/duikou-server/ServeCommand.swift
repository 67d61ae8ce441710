import ArgumentParser
import DuikouKit
import DuikouServer
import Logging

/// `duikou-server serve`.
struct ServeCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "serve",
        abstract: "Serve the web workspace and its JSON API until SIGINT or SIGTERM, then finish the requests in flight.",
        discussion: """
            The database is created and migrated when the server starts; one newer than this build is refused \
            (exit 78). Bodies over 1 MiB answer 413; connections silent for 30 seconds are closed; at most 512 \
            connections are open at once. One line is logged when the server listens, one per request after. \
            Run it behind nginx for TLS (with --behind-tls-proxy).
            Example: duikou-server serve --db /var/lib/duikou/duikou.sqlite --port 8080
            """)

    @OptionGroup var database: DatabaseOption

    @Option(help: "The address to listen on.")
    var host = "127.0.0.1"

    @Option(help: "The port to listen on; 0 picks a free one (logged when listening).")
    var port = 8080

    @Flag(help: "Browsers reach the server over HTTPS through a proxy: send Strict-Transport-Security and mark cookies Secure.")
    var behindTLSProxy = false

    func validate() throws {
        guard (0...65535).contains(port) else { throw ValidationError("--port: '\(port)' is not a port from 0 to 65535") }
    }

    func run() async throws {
        let repository = try database.open(command: "duikou-server serve")
        let logger = Logger(label: "duikou.server")
        let workspace = Workspace(repository: repository,
                                  configuration: WorkspaceConfiguration(host: host, port: port, behindTLSProxy: behindTLSProxy), logger: logger)
        let (host, path) = (self.host, database.path)
        try await workspace.application { port in
            logger.notice("listening", metadata: ["address": "http://\(host):\(port)", "port": "\(port)", "db": "\(path)"])
        }.runService()
    }
}
