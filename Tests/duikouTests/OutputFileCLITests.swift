import Foundation
import Testing

/// `--out` of `export` and `report`: the file is written whole or not at all on every path, and the
/// descriptor it is written through is closed exactly once.
@Suite struct OutputFileCLITests {
    let cli: CLISandbox
    let demo: String

    init() throws {
        cli = try CLISandbox()
        demo = cli.path("demo.sqlite")
        let result = cli.run(["demo", "--db", demo])
        guard result.status == 0 else { throw CLIError("demo failed: \(result)") }
    }

    /// The commands that write `--out`.
    static let commands = ["export", "report"]

    /// The arguments of `command` writing the demo database's projects or report to `out`.
    private func arguments(_ command: String, out: String) -> [String] {
        (command == "export" ? ["export", "projects"] : ["report"]) + ["--db", demo, "--out", out]
    }

    /// The most a file may grow to in ``withFileSizeLimit(_:)``: more than SQLite's files need
    /// to read the demo database (its shared-memory file takes 32 KiB), less than either output.
    static let fileSizeLimit = 40 * 1024

    /// The arguments of `/bin/sh` that run duikou with `arguments` and files limited to
    /// ``fileSizeLimit`` bytes, so that writing more fails with EFBIG ("File too large") instead of
    /// raising the signal that would end the process. (`ulimit -f` counts 512-byte blocks in a POSIX shell.)
    private static func withFileSizeLimit(_ arguments: [String]) -> [String] {
        let script = "ulimit -f \(fileSizeLimit / 512) && trap '' XFSZ && exec \"$0\" \"$@\""
        return ["-c", script, CLIBinary.url.path] + arguments
    }

    private static let shell = URL(fileURLWithPath: "/bin/sh")

    /// The names in the working directory other than those given.
    private func strays(besides names: Set<String>) -> [String] {
        cli.names(in: cli.work).filter { !names.contains($0) }
    }

    @Test(arguments: commands)
    func successWritesTheWholeFile(_ command: String) throws {
        let result = cli.run(arguments(command, out: "out.txt"))
        #expect(result.status == 0, "\(result)")
        let written = try #require(cli.bytes(cli.work.appendingPathComponent("out.txt").path))
        #expect(written.count > Self.fileSizeLimit)
        if command == "export" {
            #expect(written == Data(cli.run(["export", "projects", "--db", demo]).stdout.utf8))
        } else {
            #expect(String(decoding: written, as: UTF8.self).hasSuffix("</html>\n"))
        }
        #expect(strays(besides: ["out.txt"]).isEmpty)
    }

    @Test(arguments: commands)
    func aFailedWriteIsAnIOErrorAndLeavesTheFileAsItWas(_ command: String) throws {
        let out = cli.work.appendingPathComponent("out.txt")
        let before = Data("the previous file\n".utf8)
        try before.write(to: out)
        let result = cli.run(Self.withFileSizeLimit(arguments(command, out: "out.txt")), executable: Self.shell)
        expectRefusal(result, 74, mentions: ["out.txt", "File too large"])
        #expect(cli.bytes(out.path) == before)
        #expect(strays(besides: ["out.txt"]).isEmpty)
    }

    @Test(arguments: commands)
    func anOutThatCannotBeReplacedIsAnIOErrorAndLeavesNothing(_ command: String) throws {
        // The temporary file is written in full, then cannot be renamed over a directory.
        let folder = cli.work.appendingPathComponent("folder")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        try Data("kept\n".utf8).write(to: folder.appendingPathComponent("inside.txt"))
        let result = cli.run(arguments(command, out: "folder"))
        expectRefusal(result, 74, mentions: ["--out", "folder"])
        #expect(cli.names(in: folder) == ["inside.txt"])
        #expect(strays(besides: ["folder"]).isEmpty)
    }

    /// Whether strace can trace a process here (it is not installed everywhere, and containers may forbid ptrace).
    static let straceWorks: Bool = {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/strace")
        process.arguments = ["-o", "/dev/null", "/bin/true"]
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        guard (try? process.run()) != nil else { return false }
        process.waitUntilExit()
        return process.terminationStatus == 0
    }()

    /// Closing a descriptor that is already closed fails with EBADF, or, worse, closes a file that
    /// another thread has opened since under the same number. On success and on each way of failing,
    /// no `close` of the traced process fails.
    @Test(.enabled(if: straceWorks, "needs strace"), arguments: commands)
    func noDescriptorIsClosedTwice(_ command: String) throws {
        let folder = cli.work.appendingPathComponent("folder")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let runs: [(name: String, arguments: [String], status: Int32)] = [
            ("success", [CLIBinary.url.path] + arguments(command, out: "out.txt"), 0),
            ("write failure", [Self.shell.path] + Self.withFileSizeLimit(arguments(command, out: "limited.txt")), 74),
            ("rename failure", [CLIBinary.url.path] + arguments(command, out: "folder"), 74),
            ("open failure", [CLIBinary.url.path] + arguments(command, out: "missing/out.txt"), 74),
        ]
        for run in runs {
            let trace = cli.path("trace-\(run.name)")
            let result = cli.run(["-f", "-e", "trace=close", "-o", trace] + run.arguments, executable: URL(fileURLWithPath: "/usr/bin/strace"))
            #expect(result.status == run.status, "\(run.name): \(result)")
            let failed = try String(contentsOfFile: trace, encoding: .utf8).split(separator: "\n").filter { $0.contains("close(") && $0.contains("= -1") }
            #expect(failed.isEmpty, "\(command), \(run.name): \(failed)")
        }
    }
}
