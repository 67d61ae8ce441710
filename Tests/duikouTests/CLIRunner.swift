import Foundation
import Testing

/// What one run of the `duikou` binary gave back.
struct CLIResult: CustomStringConvertible {
    let arguments: [String]
    let status: Int32
    let stdout: String
    let stderr: String

    /// The lines of standard output, without the final line break.
    var stdoutLines: [String] { Self.lines(stdout) }
    /// The lines of standard error, without the final line break.
    var stderrLines: [String] { Self.lines(stderr) }

    /// Standard output parsed as JSON.
    func json() throws -> Any {
        try JSONSerialization.jsonObject(with: Data(stdout.utf8), options: [.fragmentsAllowed])
    }

    /// Standard output parsed as a JSON array of objects.
    func jsonRows() throws -> [[String: Any]] {
        let value = try json()
        guard let rows = value as? [[String: Any]] else {
            throw CLIError("expected a JSON array of objects from duikou \(arguments.joined(separator: " ")), got: \(stdout)")
        }
        return rows
    }

    /// Standard output parsed as one JSON object.
    func jsonObject() throws -> [String: Any] {
        let value = try json()
        guard let object = value as? [String: Any] else {
            throw CLIError("expected a JSON object from duikou \(arguments.joined(separator: " ")), got: \(stdout)")
        }
        return object
    }

    var description: String {
        "duikou \(arguments.joined(separator: " ")) → exit \(status)\nstdout: \(stdout)\nstderr: \(stderr)"
    }

    /// Standard output parsed as CSV records.
    func csvRecords() throws -> [[String]] {
        try parseCSV(stdout)
    }

    /// Lines ended by LF or CRLF (a CRLF is one Character in Swift, so split on scalars).
    static func lines(_ text: String) -> [String] {
        var lines = text.replacingOccurrences(of: "\r\n", with: "\n")
            .split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        if lines.last == "" { lines.removeLast() }
        return lines
    }
}

struct CLIError: Error, CustomStringConvertible {
    let description: String
    init(_ description: String) { self.description = description }
}

/// A fresh temporary folder for one test: `work` is the working directory of every run, and
/// `db` is the database the test works on unless it says otherwise. Removed when it goes away.
final class CLISandbox: Sendable {
    let root: URL
    let work: URL
    let db: String

    init() throws {
        root = FileManager.default.temporaryDirectory.appendingPathComponent("duikou-cli-\(UUID().uuidString)")
        work = root.appendingPathComponent("work")
        try FileManager.default.createDirectory(at: work, withIntermediateDirectories: true)
        db = root.appendingPathComponent("test.sqlite").path
    }

    deinit {
        try? FileManager.default.removeItem(at: root)
    }

    /// A path inside the sandbox (outside the working directory).
    func path(_ name: String) -> String {
        root.appendingPathComponent(name).path
    }

    /// Runs `duikou` with `arguments` followed by `--db <the sandbox's database>`.
    @discardableResult
    func duikou(_ arguments: [String]) -> CLIResult {
        run(arguments + ["--db", db])
    }

    /// A process that runs `executable` (the `duikou` binary unless told) with exactly `arguments`,
    /// in the working directory, with `DUIKOU_DB` unset unless `environment` sets it.
    private func makeProcess(_ arguments: [String], environment: [String: String], executable: URL) -> Process {
        let process = Process()
        process.executableURL = executable
        process.arguments = arguments
        process.currentDirectoryURL = work
        var env = ProcessInfo.processInfo.environment
        env.removeValue(forKey: "DUIKOU_DB")
        for (key, value) in environment { env[key] = value }
        process.environment = env
        return process
    }

    /// Runs `duikou` (or `executable`, such as a shell that runs it) with exactly `arguments`, in the
    /// working directory, with `DUIKOU_DB` unset unless `environment` sets it, and `input` (else
    /// nothing) on standard input.
    @discardableResult
    func run(_ arguments: [String], environment: [String: String] = [:], executable: URL = CLIBinary.url, input: String? = nil) -> CLIResult {
        let process = makeProcess(arguments, environment: environment, executable: executable)

        // Output goes to files, so that a large output can never fill a pipe and block the child.
        let token = UUID().uuidString
        let outURL = root.appendingPathComponent("stdout-\(token)")
        let errURL = root.appendingPathComponent("stderr-\(token)")
        let inURL = root.appendingPathComponent("stdin-\(token)")
        _ = FileManager.default.createFile(atPath: outURL.path, contents: nil)
        _ = FileManager.default.createFile(atPath: errURL.path, contents: nil)
        _ = FileManager.default.createFile(atPath: inURL.path, contents: Data((input ?? "").utf8))
        defer {
            try? FileManager.default.removeItem(at: outURL)
            try? FileManager.default.removeItem(at: errURL)
            try? FileManager.default.removeItem(at: inURL)
        }
        do {
            let out = try FileHandle(forWritingTo: outURL)
            let err = try FileHandle(forWritingTo: errURL)
            defer {
                try? out.close()
                try? err.close()
            }
            let stdin = try FileHandle(forReadingFrom: inURL)
            defer { try? stdin.close() }
            process.standardInput = input == nil ? FileHandle.nullDevice : stdin
            process.standardOutput = out
            process.standardError = err
            try process.run()
            process.waitUntilExit()
        } catch {
            Issue.record("could not run \(CLIBinary.url.path): \(error)")
            return CLIResult(arguments: arguments, status: -1, stdout: "", stderr: "\(error)")
        }
        let stdout = (try? String(contentsOf: outURL, encoding: .utf8)) ?? "<not UTF-8>"
        let stderr = (try? String(contentsOf: errURL, encoding: .utf8)) ?? "<not UTF-8>"
        return CLIResult(arguments: arguments, status: process.terminationStatus, stdout: stdout, stderr: stderr)
    }

    /// Starts `duikou` with exactly `arguments` without waiting for it, its output discarded: for
    /// a test that kills it part-way with ``sigkill(_:)``.
    func start(_ arguments: [String]) throws -> Process {
        let process = makeProcess(arguments, environment: [:], executable: CLIBinary.url)
        process.standardInput = FileHandle.nullDevice
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        try process.run()
        return process
    }

    /// Kills a process from ``start(_:)`` with SIGKILL, as a crash or `kill -9` would, and waits for
    /// it to end. Returns whether the signal ended it (`false` when it had finished first).
    @discardableResult
    func sigkill(_ process: Process) -> Bool {
        if process.isRunning { kill(process.processIdentifier, SIGKILL) }
        process.waitUntilExit()
        return process.terminationReason == .uncaughtSignal
    }

    // MARK: - Conveniences

    /// Adds a project (on the sandbox's database) and returns its id, recording an issue when that fails.
    @discardableResult
    func addProject(
        pairing: String = "harbin-shenzhen", task: String = "2.1", title: String = "测试项目",
        _ more: [String] = [], sourceLocation: SourceLocation = #_sourceLocation
    ) -> String {
        let result = duikou(["project", "add", "--pairing", pairing, "--task", task, "--title", title] + more)
        #expect(result.status == 0, "\(result)", sourceLocation: sourceLocation)
        return result.stdout.trimmingCharacters(in: .whitespacesAndNewlines)
    }

    /// The projects in the sandbox's database, from `project list --format json`.
    func projects(_ more: [String] = []) throws -> [[String: Any]] {
        let result = duikou(["project", "list", "--format", "json"] + more)
        guard result.status == 0 else { throw CLIError("project list failed: \(result)") }
        return try result.jsonRows()
    }

    /// `project show ID --format json` on the sandbox's database.
    func show(_ id: String) throws -> [String: Any] {
        let result = duikou(["project", "show", id, "--format", "json"])
        guard result.status == 0 else { throw CLIError("project show failed: \(result)") }
        return try result.jsonObject()
    }

    /// Reads a file's bytes.
    func bytes(_ path: String) -> Data? {
        FileManager.default.contents(atPath: path)
    }

    /// The names in a folder, sorted.
    func names(in folder: URL) -> [String] {
        ((try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []).sorted()
    }
}

/// Where the built `duikou` binary is.
enum CLIBinary {
    static let url: URL = locate().url
    /// Whether the binary was found in the products folder of this test run (not the fallback).
    static let foundBesideTheTests: Bool = locate().beside

    private static func locate() -> (url: URL, beside: Bool) {
        var folders: [URL] = []
        // On Linux the test runner is the `.xctest` executable in the products folder; on macOS
        // it is a bundle whose parent is the products folder.
        folders.append(Bundle.main.bundleURL)
        folders.append(Bundle.main.bundleURL.deletingLastPathComponent())
        if let executable = Bundle.main.executableURL { folders.append(executable.deletingLastPathComponent()) }
        for bundle in Bundle.allBundles where bundle.bundleURL.pathExtension == "xctest" {
            folders.append(bundle.bundleURL.deletingLastPathComponent())
        }
        for folder in folders {
            let candidate = folder.appendingPathComponent("duikou")
            var isFolder: ObjCBool = false
            if FileManager.default.fileExists(atPath: candidate.path, isDirectory: &isFolder), !isFolder.boolValue,
               FileManager.default.isExecutableFile(atPath: candidate.path) {
                return (candidate, true)
            }
        }
        // Fallback: the package's own default build folder.
        var folder = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        while folder.path != "/" {
            if FileManager.default.fileExists(atPath: folder.appendingPathComponent("Package.swift").path) {
                return (folder.appendingPathComponent(".build/debug/duikou"), false)
            }
            folder.deleteLastPathComponent()
        }
        return (URL(fileURLWithPath: ".build/debug/duikou"), false)
    }
}

// MARK: - Shared expectations

/// Expects a refusal: the exit code, exactly one line on stderr that starts with `error: ` and
/// mentions every one of `mentions`, and nothing on stdout.
func expectRefusal(
    _ result: CLIResult, _ status: Int32, mentions: [String], sourceLocation: SourceLocation = #_sourceLocation
) {
    #expect(result.status == status, "\(result)", sourceLocation: sourceLocation)
    #expect(result.stdout.isEmpty, "\(result)", sourceLocation: sourceLocation)
    #expect(result.stderr.hasSuffix("\n"), "\(result)", sourceLocation: sourceLocation)
    let lines = result.stderrLines
    #expect(lines.count == 1, "\(result)", sourceLocation: sourceLocation)
    #expect(lines.first?.hasPrefix("error: ") == true, "\(result)", sourceLocation: sourceLocation)
    for mention in mentions {
        #expect(result.stderr.contains(mention), "stderr should mention \(mention): \(result)", sourceLocation: sourceLocation)
    }
}

/// A lower-case UUID in its text form.
func isLowercaseUUID(_ text: String) -> Bool {
    text.count == 36 && UUID(uuidString: text) != nil && text == text.lowercased()
}

/// A JSON number as an Int (nil for anything else).
func int(_ value: Any?) -> Int? {
    if let number = value as? NSNumber { return number.intValue }
    return value as? Int
}

/// The width a terminal gives to text: East Asian wide and fullwidth characters take two columns.
func displayWidth(_ text: String) -> Int {
    text.unicodeScalars.reduce(0) { width, scalar in
        let v = scalar.value
        if scalar.properties.generalCategory == .nonspacingMark || scalar.properties.generalCategory == .enclosingMark { return width }
        let wide = (0x1100...0x115F).contains(v) || (0x2E80...0x303E).contains(v) || (0x3041...0x33FF).contains(v)
            || (0x3400...0x4DBF).contains(v) || (0x4E00...0x9FFF).contains(v) || (0xA000...0xA4CF).contains(v)
            || (0xAC00...0xD7A3).contains(v) || (0xF900...0xFAFF).contains(v) || (0xFE30...0xFE4F).contains(v)
            || (0xFF00...0xFF60).contains(v) || (0xFFE0...0xFFE6).contains(v) || (0x1F300...0x1FAFF).contains(v)
            || (0x20000...0x3FFFD).contains(v)
        return width + (wide ? 2 : 1)
    }
}

/// Parses RFC 4180 CSV: fields separated by commas, records ended by CRLF or LF, quoted fields
/// may hold commas, doubled quotes and line breaks.
func parseCSV(_ text: String) throws -> [[String]] {
    var records: [[String]] = []
    var record: [String] = []
    var field = ""
    var quoted = false
    var scalars = Array(text.unicodeScalars)[...]
    var fieldStarted = false
    while let c = scalars.popFirst() {
        if quoted {
            if c == "\"" {
                if scalars.first == "\"" {
                    scalars.removeFirst()
                    field.unicodeScalars.append(c)
                } else {
                    quoted = false
                }
            } else {
                field.unicodeScalars.append(c)
            }
            continue
        }
        switch c {
        case "\"" where field.isEmpty:
            quoted = true
            fieldStarted = true
        case "\"":
            throw CLIError("a quote inside an unquoted CSV field: \(field)")
        case ",":
            record.append(field)
            field = ""
            fieldStarted = true
        case "\r" where scalars.first == "\n":
            break
        case "\n":
            record.append(field)
            records.append(record)
            record = []
            field = ""
            fieldStarted = false
        default:
            field.unicodeScalars.append(c)
            fieldStarted = true
        }
    }
    if quoted { throw CLIError("an unterminated quoted CSV field") }
    if fieldStarted || !record.isEmpty {
        record.append(field)
        records.append(record)
    }
    return records
}
