import Foundation

/// The built `duikou-server serve --db F --port 0` running in the background, its output in a log
/// file, and the port it said it listens on.
final class ServerProcess {
    let process = Process()
    let log: URL
    private let output: FileHandle
    private(set) var port = 0

    /// Starts the server on `database` and waits (up to 30 seconds) for its "listening" line. With
    /// `fileSizeLimitBlocks`, it runs under a soft `ulimit -f` (in 512-byte blocks) with SIGXFSZ
    /// ignored, so that a write past the limit fails with EFBIG, as on a full disk, instead of
    /// killing it; ``liftFileSizeLimit()`` makes room again.
    init(database: String, logFolder: URL, fileSizeLimitBlocks: Int? = nil) throws {
        log = logFolder.appendingPathComponent("server-\(UUID().uuidString).log")
        _ = FileManager.default.createFile(atPath: log.path, contents: nil)
        output = try FileHandle(forWritingTo: log)
        let binary = try builtBinary(named: "duikou-server")
        let arguments = ["serve", "--db", database, "--port", "0"]
        if let fileSizeLimitBlocks {
            // An ignored signal stays ignored across exec; "$0" "$@" are the binary and its arguments.
            process.executableURL = URL(fileURLWithPath: "/bin/sh")
            process.arguments = ["-c", #"trap "" XFSZ; ulimit -S -f \#(fileSizeLimitBlocks) && exec "$0" "$@""#, binary.path] + arguments
        } else {
            process.executableURL = binary
            process.arguments = arguments
        }
        process.standardOutput = output
        process.standardError = output
        process.standardInput = FileHandle.nullDevice
        try process.run()
        do {
            port = try waitForPort()
        } catch {
            kill(process.processIdentifier, SIGKILL)
            throw error
        }
    }

    deinit {
        if process.isRunning { kill(process.processIdentifier, SIGKILL) }
    }

    var base: String { "http://127.0.0.1:\(port)" }

    /// What the server has logged so far.
    var logText: String { (try? String(contentsOf: log, encoding: .utf8)) ?? "" }

    /// Lifts the soft file size limit of the running server (`prlimit`, as its owner may).
    func liftFileSizeLimit() throws {
        let (status, output) = try runProgram("/usr/bin/prlimit", ["--pid", "\(process.processIdentifier)", "--fsize=unlimited"], timeout: 10)
        guard status == 0 else { throw TestFailure("prlimit → \(status): \(output)") }
    }

    /// Sends SIGKILL, as a crash would, and waits for the process to be gone.
    func killHard() throws {
        kill(process.processIdentifier, SIGKILL)
        process.waitUntilExit()
        try output.close()
    }

    /// Sends SIGTERM and waits for the server to end; its exit status (`-1` when it was killed by a signal).
    func terminate() throws -> Int32 {
        kill(process.processIdentifier, SIGTERM)
        process.waitUntilExit()
        try output.close()
        return process.terminationReason == .exit ? process.terminationStatus : -1
    }

    /// The port from the server's "listening" line.
    private func waitForPort() throws -> Int {
        let deadline = Date().addingTimeInterval(30)
        while Date() < deadline {
            let text = logText
            if text.contains("listening"), let range = text.range(of: #"port=(\d+)"#, options: .regularExpression),
               let port = Int(text[range].dropFirst("port=".count)) {
                return port
            }
            guard process.isRunning else { throw TestFailure("the server ended: \(text)") }
            Thread.sleep(forTimeInterval: 0.05)
        }
        throw TestFailure("the server did not say it was listening")
    }
}

/// The package's folder (where `.build-venv` and `scripts/` are).
let packageFolder = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

/// The external tools a test drives, failing (never skipping) when one is missing.
enum ExternalTool {
    static let chromium = "/usr/bin/chromium"
    static let chromedriver = "/usr/bin/chromedriver"
    static var python: String { packageFolder.appendingPathComponent(".build-venv/bin/python").path }
    static var schemathesis: String { packageFolder.appendingPathComponent(".build-venv/bin/schemathesis").path }

    /// Throws, naming what is missing and how to install it, unless every tool in `paths` is there.
    static func require(_ paths: [String]) throws {
        let missing = paths.filter { !FileManager.default.isExecutableFile(atPath: $0) }
        guard missing.isEmpty else {
            throw TestFailure("missing \(missing.joined(separator: ", ")): run .ci/run to install chromium, chromedriver and the .build-venv with selenium and schemathesis")
        }
    }
}

/// Runs a program to its end (killing it after `timeout` seconds) with `input` on its standard
/// input; its exit status and its output (standard output and error together).
func runProgram(_ path: String, _ arguments: [String], input: String? = nil, timeout: TimeInterval,
                environment: [String: String] = [:]) throws -> (status: Int32, output: String) {
    let process = Process()
    process.executableURL = URL(fileURLWithPath: path)
    process.arguments = arguments
    process.currentDirectoryURL = packageFolder
    process.environment = ProcessInfo.processInfo.environment.merging(environment) { $1 }
    let folder = FileManager.default.temporaryDirectory.appendingPathComponent("duikou-run-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: folder) }
    let outURL = folder.appendingPathComponent("out")
    _ = FileManager.default.createFile(atPath: outURL.path, contents: nil)
    let out = try FileHandle(forWritingTo: outURL)
    process.standardOutput = out
    process.standardError = out
    let stdin = Pipe()
    process.standardInput = input == nil ? FileHandle.nullDevice : stdin
    try process.run()
    if let input {
        try stdin.fileHandleForWriting.write(contentsOf: Data(input.utf8))
        try stdin.fileHandleForWriting.close()
    }
    let deadline = Date().addingTimeInterval(timeout)
    while process.isRunning && Date() < deadline { Thread.sleep(forTimeInterval: 0.1) }
    if process.isRunning {
        kill(process.processIdentifier, SIGKILL)
        process.waitUntilExit()
        try out.close()
        throw TestFailure("\(path) ran longer than \(Int(timeout)) seconds: \((try? String(contentsOf: outURL, encoding: .utf8)) ?? "")")
    }
    try out.close()
    return (process.terminationStatus, try String(contentsOf: outURL, encoding: .utf8))
}

/// A database in `folder` with the demo data, made by the built `duikou demo`.
func demoDatabase(in folder: URL) throws -> String {
    let path = folder.appendingPathComponent("demo.sqlite").path
    let (status, output) = try runProgram(try builtBinary(named: "duikou").path, ["demo", "--db", path], timeout: 60)
    guard status == 0 else { throw TestFailure("duikou demo → \(status): \(output)") }
    return path
}

/// Runs the built `duikou-server` with `arguments` (and `input` on standard input), expecting exit 0; its output.
func duikouServer(_ arguments: [String], input: String? = nil) throws -> String {
    let (status, output) = try runProgram(try builtBinary(named: "duikou-server").path, arguments, input: input, timeout: 30)
    guard status == 0 else { throw TestFailure("duikou-server \(arguments.joined(separator: " ")) → \(status): \(output)") }
    return output
}
