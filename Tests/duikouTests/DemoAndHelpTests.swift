import Foundation
import Testing

/// `demo` and `--help`.
@Suite struct DemoAndHelpTests {
    let cli: CLISandbox

    init() throws {
        cli = try CLISandbox()
    }

    @Test func demoBuildsAnIllustrativeDatabaseAndReportsByArea() throws {
        let file = cli.path("demo.sqlite")
        let result = cli.run(["demo", "--db", file])
        #expect(result.status == 0, "\(result)")
        #expect(result.stderr.isEmpty, "\(result)")
        #expect(result.stdout.contains("示例"), "\(result.stdout)")
        for name in ["推进体制机制创新", "加快产业结构调整", "提升创新创业水平", "搭建合作平台载体"] {
            #expect(result.stdout.contains(name), "\(name)")
        }
        #expect(FileManager.default.fileExists(atPath: file))
        let projects = cli.run(["project", "list", "--db", file, "--format", "json"])
        #expect(projects.status == 0, "\(projects)")
        let count = try projects.jsonRows().count
        #expect(count >= 300, "\(count) projects")

        let report = try cli.run(["progress", "--db", file, "--format", "json"]).jsonObject()
        #expect(int((report["total"] as? [String: Any])?["projects"]) == count)
        #expect(try cli.run(["park", "list", "--db", file, "--format", "json"]).jsonRows().count > 0)
        #expect(try cli.run(["exchange", "list", "--db", file, "--format", "json"]).jsonRows().count > 0)
        // Nothing went to the default files in the working directory.
        #expect(cli.names(in: cli.work).isEmpty, "\(cli.names(in: cli.work))")
    }

    @Test func demoTwiceGivesTheSameData() throws {
        let file = cli.path("demo.sqlite")
        let first = cli.run(["demo", "--db", file])
        #expect(first.status == 0, "\(first)")
        let before = cli.run(["progress", "--db", file, "--format", "json", "--by", "pairing"])
        let second = cli.run(["demo", "--db", file])
        #expect(second.status == 0, "\(second)")
        #expect(second.stdout == first.stdout)
        let after = cli.run(["progress", "--db", file, "--format", "json", "--by", "pairing"])
        #expect(before.status == 0 && after.status == 0)
        #expect(after.stdout == before.stdout)
    }

    @Test func demoInEnglish() throws {
        let result = cli.run(["demo", "--db", cli.path("demo.sqlite"), "--lang", "en"])
        #expect(result.status == 0, "\(result)")
        #expect(result.stdout.contains("Illustrative"), "\(result.stdout)")
        #expect(result.stdout.contains("Cooperation platforms"))
    }

    @Test func demoRefusesADatabaseWithTheUsersData() throws {
        _ = cli.addProject(title: "真实项目")
        let before = try #require(cli.bytes(cli.db))
        let names = cli.names(in: cli.root)
        let result = cli.run(["demo", "--db", cli.db])
        expectRefusal(result, 65, mentions: [])
        #expect(result.stderr.contains("give another --db"), "\(result)")
        #expect(cli.bytes(cli.db) == before, "the user's database changed")
        #expect(cli.names(in: cli.root) == names)
        let projects = try cli.projects()
        #expect(projects.count == 1)
        #expect(projects.first?["title"] as? String == "真实项目")
    }

    @Test func demoRefusesAForeignFile() throws {
        let file = cli.path("notes.txt")
        let text = Data("not a database\n".utf8)
        try text.write(to: URL(fileURLWithPath: file))
        let result = cli.run(["demo", "--db", file])
        expectRefusal(result, 65, mentions: [])
        #expect(cli.bytes(file) == text)
    }

    @Test func binaryIsTheOneBuiltWithTheseTests() {
        #expect(CLIBinary.foundBesideTheTests, "\(CLIBinary.url.path), bundle \(Bundle.main.bundleURL.path)")
        #expect(FileManager.default.isExecutableFile(atPath: CLIBinary.url.path))
    }

    @Test func helpPrintsUsage() throws {
        let result = cli.run(["--help"])
        #expect(result.status == 0, "\(result)")
        #expect(result.stdout.contains("USAGE:"), "\(result.stdout)")
        for command in ["regions", "pairings", "tasks", "project", "park", "exchange", "progress", "demo"] {
            #expect(result.stdout.contains(command), "\(command)")
        }
        #expect(cli.names(in: cli.work).isEmpty, "help creates no database")
    }

    @Test(arguments: [
        (["project", "add", "--help"], ["--pairing", "--task", "--title", "--planned", "--id", "--db"]),
        (["project", "update", "--help"], ["--date", "--status", "--completed", "--note"]),
        (["progress", "--help"], ["--by", "--as-of", "--format"]),
        (["help", "park", "add"], ["--pairing", "--name", "--kind"]),
    ])
    func subcommandHelp(arguments: [String], options: [String]) throws {
        let result = cli.run(arguments)
        #expect(result.status == 0, "\(result)")
        #expect(result.stdout.contains("USAGE:"), "\(result.stdout)")
        for option in options {
            #expect(result.stdout.contains(option), "\(option)")
        }
    }

    @Test func versionPrintsAndExitsZero() throws {
        let result = cli.run(["--version"])
        #expect(result.status == 0, "\(result)")
        #expect(!result.stdout.isEmpty)
    }
}
