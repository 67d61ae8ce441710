import ArgumentParser
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// `duikou serve`, `duikou user …` and `duikou token …` run the `duikou-server` executable built
/// beside `duikou`, with the same arguments, standard input and output: the web workspace lives in
/// its own product so that `duikou` links neither Hummingbird nor swift-crypto and starts fast.
enum ServerForwarding {
    /// The first arguments that belong to `duikou-server`.
    static let commands: Set<String> = ["serve", "user", "token"]

    /// Whether the command line (the program first) goes to `duikou-server`: every use of its
    /// commands but `duikou serve|user|token --help`, which `duikou` answers itself so that its own
    /// help does not depend on whether `duikou-server` is built.
    static func isForwarded(_ arguments: [String]) -> Bool {
        guard arguments.count > 1, commands.contains(arguments[1]) else { return false }
        return !(arguments.count == 3 && ["--help", "-h", "help"].contains(arguments[2]))
    }

    /// Replaces this process with `duikou-server` run with `arguments` (the command word first), the
    /// C strings the process was given, byte for byte (an argument that is not UTF-8 reaches
    /// `duikou-server` unchanged, to be refused there). Returns only when that failed, with the
    /// exit code to leave with, after printing why.
    static func exec(raw arguments: [UnsafeMutablePointer<CChar>?]) -> Int32 {
        let command = arguments.first.flatMap { $0.map { String(cString: $0) } } ?? ""
        guard let directory = executableDirectory() else {
            printError("cannot tell where duikou is installed, so cannot find duikou-server beside it")
            return ExitStatus.noInput
        }
        let server = directory + "/duikou-server"
        let name = strdup(server)
        defer { free(name) }
        execv(server, [name] + arguments + [nil])
        let failure = SystemError.current
        if failure.number == ENOENT {
            printError("'\(command)' is served by duikou-server, which is not built beside duikou (\(server)); build it with `swift build --product duikou-server`")
            return ExitStatus.noInput
        }
        printError("cannot run \(server): \(failure)")
        return ExitStatus.ioError
    }

    /// The folder of the running executable.
    private static func executableDirectory() -> String? {
        var buffer = [CChar](repeating: 0, count: Int(PATH_MAX) + 1)
        #if os(Linux)
        let length = readlink("/proc/self/exe", &buffer, buffer.count - 1)
        guard length > 0 else { return nil }
        #else
        var size = UInt32(buffer.count)
        guard _NSGetExecutablePath(&buffer, &size) == 0 else { return nil }
        #endif
        let path = String(decoding: buffer.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
        guard let slash = path.lastIndex(of: "/") else { return nil }
        return slash == path.startIndex ? "/" : String(path[..<slash])
    }
}

/// `duikou serve`, as `duikou --help` lists it and `duikou serve --help` describes it; every
/// other use goes to `duikou-server serve` (see ``ServerForwarding``).
struct ServeForward: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "serve",
        abstract: "Serve the web workspace (runs duikou-server serve, built beside duikou).",
        discussion: """
            duikou serve [--host 127.0.0.1] [--port 8080] serves the web workspace until SIGINT or SIGTERM. Every \
            argument is passed to `duikou-server serve`; `duikou-server serve --help` describes them.
            """
    )
}

/// `duikou user`, as `duikou --help` lists it; see ``ServeForward``.
struct UserForward: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "user",
        abstract: "Add, list, disable the web workspace's users and set their passwords (runs duikou-server user).",
        discussion: """
            duikou user add NAME --role admin|reporter|viewer [--pairing ID] (password on standard input), \
            user list, user disable NAME, user password NAME (password on standard input). Every argument \
            is passed to `duikou-server user`; `duikou user COMMAND --help` describes each command.
            """
    )
}

/// `duikou token`, as `duikou --help` lists it; see ``ServeForward``.
struct TokenForward: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "token",
        abstract: "Create API tokens for the web workspace's users (runs duikou-server token).",
        discussion: """
            duikou token create NAME prints a new API token once. Every argument is passed to \
            `duikou-server token`; `duikou token create --help` describes it.
            """
    )
}
