import Foundation
import Testing

/// `--read-only` on every command: reports work, writes are refused with 74 and change nothing.
@Suite struct ReadOnlyCLITests {
    let cli: CLISandbox

    init() throws {
        cli = try CLISandbox()
    }

    @Test func reportsWorkAndWritesAreRefusedUntouched() throws {
        let demo = cli.path("demo.sqlite")
        #expect(cli.run(["demo", "--db", demo]).status == 0)
        let before = try Data(contentsOf: URL(fileURLWithPath: demo))
        let expected = cli.run(["progress", "--db", demo, "--format", "json"]).stdout

        for report in [["progress", "--format", "json"], ["project", "list"], ["park", "list"], ["exchange", "list"],
                       ["tasks"], ["search", "项目"], ["check"], ["export", "projects"]] {
            let result = cli.run(report + ["--db", demo, "--read-only"])
            #expect(result.status == 0, "\(result)")
        }
        #expect(cli.run(["progress", "--db", demo, "--format", "json", "--read-only"]).stdout == expected)

        let csv = cli.path("rows.csv")
        try "title,pairing,task\n只读,harbin-shenzhen,2.2\n".write(toFile: csv, atomically: true, encoding: .utf8)
        let writes: [[String]] = [
            ["project", "add", "--pairing", "harbin-shenzhen", "--task", "2.2", "--title", "只读"],
            ["region", "add", "--code", "440600", "--name-zh", "佛山市", "--name-en", "Foshan", "--level", "prefecture-city", "--side", "east"],
            ["park", "add", "--pairing", "harbin-shenzhen", "--name", "只读园区"],
            ["import", "projects", csv],
        ]
        for write in writes {
            let result = cli.run(write + ["--db", demo, "--read-only"])
            #expect(result.status == 74, "\(result)")
            #expect(result.stderrLines.count == 1 && result.stderr.contains("read-only"), "\(result)")
        }
        #expect(try Data(contentsOf: URL(fileURLWithPath: demo)) == before)
    }

    @Test func aMissingDatabaseIsNotCreated() {
        let missing = cli.path("missing.sqlite")
        let result = cli.run(["tasks", "--db", missing, "--read-only"])
        #expect(result.status == 66, "\(result)")
        #expect(!FileManager.default.fileExists(atPath: missing))
    }
}
