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

    /// Replaces this process with `duikou-server` run with `arguments` (the command word first).
    /// Returns only when that failed, with the exit code to leave with, after printing why.
    static func exec(_ arguments: [String]) -> Int32 {
        let copies = arguments.map { strdup($0) }
        defer { for copy in copies { free(copy) } }
        return exec(raw: copies)
    }

    /// `exec(_:)` with the arguments as the C strings the process was given, byte for byte (an
    /// argument that is not UTF-8 reaches `duikou-server` unchanged, to be refused there).
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
        let path = String(cString: buffer)
        guard let slash = path.lastIndex(of: "/") else { return nil }
        return slash == path.startIndex ? "/" : String(path[..<slash])
    }
}

/// A command of `duikou-server` as `duikou` lists it; `duikou` hands every use of it to
/// `duikou-server` before parsing (see ``ServerForwarding``), so its own parsing only serves the
/// listing in `duikou --help`.
protocol ForwardedCommand: ParsableCommand {
    var arguments: [String] { get }
}

extension ForwardedCommand {
    func run() throws {
        throw ExitCode(ServerForwarding.exec([Self._commandName] + arguments))
    }
}

/// `duikou serve`: `duikou-server serve`.
struct ServeForward: ForwardedCommand {
    static let configuration = CommandConfiguration(
        commandName: "serve",
        abstract: "Serve the web workspace (runs duikou-server serve, built beside duikou).",
        discussion: "Every argument is passed to `duikou-server serve`; see `duikou serve --help`."
    )

    @Argument(parsing: .captureForPassthrough, help: "The arguments of duikou-server serve.")
    var arguments: [String] = []
}

/// `duikou user …`: `duikou-server user …`.
struct UserForward: ForwardedCommand {
    static let configuration = CommandConfiguration(
        commandName: "user",
        abstract: "Add, list, disable the web workspace's users and set their passwords (runs duikou-server user).",
        discussion: """
            duikou user add NAME --role admin|reporter|viewer [--pairing ID] (password on standard input), \
            user list, user disable NAME, user password NAME (password on standard input). Every argument \
            is passed to `duikou-server user`; see `duikou user --help`.
            """
    )

    @Argument(parsing: .captureForPassthrough, help: "The arguments of duikou-server user.")
    var arguments: [String] = []
}

/// `duikou token …`: `duikou-server token …`.
struct TokenForward: ForwardedCommand {
    static let configuration = CommandConfiguration(
        commandName: "token",
        abstract: "Create API tokens for the web workspace's users (runs duikou-server token).",
        discussion: "duikou token create NAME prints a new API token once. Every argument is passed to `duikou-server token`."
    )

    @Argument(parsing: .captureForPassthrough, help: "The arguments of duikou-server token.")
    var arguments: [String] = []
}
