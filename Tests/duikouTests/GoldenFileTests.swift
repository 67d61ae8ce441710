import Foundation
import Testing

/// Output that must not change unnoticed, compared byte for byte with the golden files in
/// `Golden/`: the `--help` of every command (`help/duikou-project-add.txt` for `duikou project add
/// --help`), and the HTML report of the demo database (`report-demo.html`).
///
/// The tests only read the golden files. When a change of output is intended, `scripts/update-goldens`
/// rebuilds the binary and rewrites them; review the difference and commit it with the change.
@Suite struct GoldenFileTests {
    /// The terminal width help is wrapped to, here and in `scripts/update-goldens`.
    static let columns = "100"

    static let folder = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Golden")

    let cli: CLISandbox

    init() throws {
        cli = try CLISandbox()
    }

    /// The golden file of the help of the command at `path`, relative to ``folder``.
    static func helpFile(_ path: [String]) -> String {
        "help/" + (["duikou"] + path).joined(separator: "-") + ".txt"
    }

    @Test func everyCommandHasAHelpFileAndEveryHelpFileACommand() throws {
        let commands = try CommandTree(cli).paths.map(Self.helpFile)
        let files = cli.names(in: Self.folder.appendingPathComponent("help")).map { "help/" + $0 }
        #expect(Set(files) == Set(commands), "without a command: \(Set(files).subtracting(commands).sorted()); without a file: \(Set(commands).subtracting(files).sorted()). \(Self.remedy)")
    }

    @Test func helpOfEveryCommandIsAsRecorded() throws {
        let paths = try CommandTree(cli).paths
        #expect(paths.count > 30)
        for path in paths {
            let result = cli.run(path + ["--help"], environment: ["COLUMNS": Self.columns])
            #expect(result.status == 0, "\(result)")
            #expect(result.stderr.isEmpty, "\(result)")
            expectGolden(Data(result.stdout.utf8), Self.helpFile(path))
        }
    }

    @Test func htmlReportOfTheDemoIsAsRecorded() throws {
        let database = cli.path("demo.sqlite")
        let demo = cli.run(["demo", "--db", database])
        #expect(demo.status == 0, "\(demo)")
        let file = cli.path("report-demo.html")
        let report = cli.run(["report", "--db", database, "--out", file])
        #expect(report.status == 0, "\(report)")
        expectGolden(try #require(cli.bytes(file)), "report-demo.html")
    }

    private static let remedy = "If the change is intended, run scripts/update-goldens and review the difference."

    /// Expects `actual` to be the bytes of the golden file `name`; otherwise says where they first
    /// differ and how to update the file.
    private func expectGolden(_ actual: Data, _ name: String, sourceLocation: SourceLocation = #_sourceLocation) {
        guard let golden = FileManager.default.contents(atPath: Self.folder.appendingPathComponent(name).path) else {
            Issue.record("there is no golden file Golden/\(name). \(Self.remedy)", sourceLocation: sourceLocation)
            return
        }
        guard actual != golden else { return }
        let actualLines = String(decoding: actual, as: UTF8.self).split(separator: "\n", omittingEmptySubsequences: false)
        let goldenLines = String(decoding: golden, as: UTF8.self).split(separator: "\n", omittingEmptySubsequences: false)
        let line = goldenLines.indices.first { $0 >= actualLines.count || actualLines[$0] != goldenLines[$0] } ?? goldenLines.count
        let expected = line < goldenLines.count ? String(goldenLines[line]) : "(end of file)"
        let got = line < actualLines.count ? String(actualLines[line]) : "(end of output)"
        Issue.record(
            "the output differs from Golden/\(name) at line \(line + 1):\n  golden: \(expected)\n  actual: \(got)\n\(Self.remedy)",
            sourceLocation: sourceLocation)
    }
}
