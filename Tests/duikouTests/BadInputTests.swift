import Foundation
import Testing

/// Bad input: the exact exit code, one `error: …` line naming what was wrong, nothing on stdout,
/// and nothing written.
@Suite struct BadInputTests {
    let cli: CLISandbox

    init() throws {
        cli = try CLISandbox()
    }

    private func add(_ more: [String]) -> CLIResult {
        cli.duikou(["project", "add", "--pairing", "harbin-shenzhen", "--task", "2.1", "--title", "T"] + more)
    }

    private func expectNothingWritten(sourceLocation: SourceLocation = #_sourceLocation) throws {
        #expect(try cli.projects().isEmpty, sourceLocation: sourceLocation)
        let parks = cli.duikou(["park", "list", "--format", "json"])
        #expect(try parks.jsonRows().isEmpty, sourceLocation: sourceLocation)
        let exchanges = cli.duikou(["exchange", "list", "--format", "json"])
        #expect(try exchanges.jsonRows().isEmpty, sourceLocation: sourceLocation)
    }

    @Test func unknownPairing() throws {
        let result = cli.duikou(["project", "add", "--pairing", "nowhere-pairing", "--task", "2.1", "--title", "T"])
        expectRefusal(result, 66, mentions: ["nowhere-pairing"])
        try expectNothingWritten()
    }

    @Test func unknownTask() throws {
        let result = cli.duikou(["project", "add", "--pairing", "harbin-shenzhen", "--task", "9.9", "--title", "T"])
        expectRefusal(result, 66, mentions: ["9.9"])
        try expectNothingWritten()
    }

    @Test(arguments: ["2019/03/01", "2019-3-1", "yesterday", "2019-02-30", "2019-13-01", "2019-04-31", "2100-02-29"])
    func badDate(_ date: String) throws {
        expectRefusal(add(["--date", date]), 65, mentions: ["--date", date])
        try expectNothingWritten()
    }

    @Test(arguments: ["abc", "12x", "1.2.3亿", "亿", "--5", "0.5元"])
    func malformedAmount(_ amount: String) throws {
        expectRefusal(add(["--planned=\(amount)"]), 65, mentions: ["--planned", amount])
        try expectNothingWritten()
    }

    @Test(arguments: ["-5", "-1亿", "-3500元"])
    func negativeAmount(_ amount: String) throws {
        expectRefusal(add(["--planned=\(amount)"]), 65, mentions: ["--planned", amount])
        expectRefusal(add(["--completed=\(amount)"]), 65, mentions: ["--completed", amount])
        try expectNothingWritten()
    }

    @Test func unknownProjectID() throws {
        _ = cli.addProject(["--id", "11111111-2222-4333-8444-555555555555"])
        let missing = "99999999-2222-4333-8444-555555555555"
        expectRefusal(cli.duikou(["project", "show", missing]), 66, mentions: [missing])
        expectRefusal(cli.duikou(["project", "show", "99999999"]), 66, mentions: ["99999999"])
        #expect(try cli.projects().count == 1)
    }

    @Test func tooShortPrefix() throws {
        let id = cli.addProject()
        let prefix = String(id.prefix(7))
        expectRefusal(cli.duikou(["project", "show", prefix]), 65, mentions: [prefix])
        expectRefusal(cli.duikou(["project", "update", prefix, "--date", "2099-01-01", "--status", "started"]), 65, mentions: [prefix])
        #expect(try cli.show(id)["status"] as? String == "signed")
    }

    @Test func ambiguousPrefix() throws {
        let first = "abcdef12-3456-4000-8000-000000000001"
        let second = "abcdef12-3456-4000-8000-000000000002"
        _ = cli.addProject(title: "甲", ["--id", first])
        _ = cli.addProject(title: "乙", ["--id", second])
        expectRefusal(cli.duikou(["project", "show", "abcdef12"]), 65, mentions: ["abcdef12"])
        expectRefusal(cli.duikou(["project", "show", "abcdef12-3456-4000-8000"]), 65, mentions: ["abcdef12-3456-4000-8000"])
        expectRefusal(
            cli.duikou(["project", "update", "abcdef12-3456", "--date", "2099-01-01", "--status", "started"]), 65,
            mentions: ["abcdef12-3456"])
        expectRefusal(cli.duikou(["project", "show", "abcdef12-3456-4000-8000-00000000000"]), 65, mentions: ["ambiguous"])
        #expect(try cli.projects().map { $0["status"] as? String } == ["signed", "signed"])
    }

    @Test func longerPrefixResolves() throws {
        let first = "abcdef12-3456-4000-8000-000000000001"
        let second = "abcdef12-3456-4000-8000-000000000002"
        _ = cli.addProject(title: "甲", ["--id", first])
        _ = cli.addProject(title: "乙", ["--id", second])
        #expect(try cli.show(second)["title"] as? String == "乙")
        #expect(try cli.show("ABCDEF12-3456-4000-8000-000000000001")["title"] as? String == "甲")
        let statuses = try cli.projects().map { $0["status"] as? String }
        #expect(statuses == ["signed", "signed"])
    }

    @Test(arguments: ["finished", "done", "开始", ""])
    func badStatus(_ status: String) throws {
        let result = add(["--status", status])
        expectRefusal(result, 64, mentions: ["--status"])
        try expectNothingWritten()
    }

    @Test func badStatusFilterOnList() throws {
        expectRefusal(cli.duikou(["project", "list", "--status", "finished"]), 64, mentions: ["--status", "finished"])
    }

    @Test func missingRequiredOption() throws {
        expectRefusal(cli.duikou(["project", "add", "--pairing", "harbin-shenzhen", "--task", "2.1"]), 64, mentions: ["--title"])
        expectRefusal(cli.duikou(["project", "add", "--task", "2.1", "--title", "T"]), 64, mentions: ["--pairing"])
        expectRefusal(cli.duikou(["project", "update", "abcdef12", "--status", "started"]), 64, mentions: ["--date"])
        try expectNothingWritten()
    }

    @Test func unknownOption() throws {
        expectRefusal(add(["--colour", "red"]), 64, mentions: ["--colour"])
        expectRefusal(cli.duikou(["regions", "--verbose"]), 64, mentions: ["--verbose"])
        try expectNothingWritten()
    }

    @Test func unknownSubcommand() throws {
        expectRefusal(cli.run(["project", "delete", "abcdef12"]), 64, mentions: ["delete"])
    }

    @Test(arguments: [["regions"], ["project", "list"], ["progress"], ["park", "list"], ["exchange", "list"]])
    func badFormatValue(_ command: [String]) throws {
        expectRefusal(cli.duikou(command + ["--format", "xml"]), 64, mentions: ["--format", "xml"])
        try expectNothingWritten()
    }

    @Test func csvIsRefusedForProjectShow() throws {
        let id = cli.addProject()
        // The message should name the option (or the value) that was wrong.
        expectRefusal(cli.duikou(["project", "show", id, "--format", "csv"]), 64, mentions: ["--format"])
    }

    @Test func badIDOption() throws {
        expectRefusal(add(["--id", "not-a-uuid"]), 65, mentions: ["--id", "not-a-uuid"])
        try expectNothingWritten()
    }

    @Test func unknownParkForProject() throws {
        expectRefusal(add(["--park", "deadbeef"]), 66, mentions: ["deadbeef"])
        try expectNothingWritten()
    }

    @Test func badProgressGrouping() throws {
        expectRefusal(cli.duikou(["progress", "--by", "year"]), 64, mentions: ["--by", "year"])
    }

    @Test func badExchange() throws {
        let base = ["exchange", "add", "--pairing", "jilin-zhejiang", "--kind", "training", "--start", "2018-04-10", "--participants", "5"]
        expectRefusal(cli.duikou(base + ["--direction", "sideways"]), 64, mentions: ["--direction", "sideways"])
        expectRefusal(
            cli.duikou(["exchange", "add", "--pairing", "nowhere", "--direction", "to-east", "--kind", "training", "--start", "2018-04-10", "--participants", "5"]),
            66, mentions: ["nowhere"])
        expectRefusal(
            cli.duikou(["exchange", "add", "--pairing", "jilin-zhejiang", "--direction", "to-east", "--kind", "training", "--start", "2018-02-30", "--participants", "5"]),
            65, mentions: ["--start", "2018-02-30"])
        let training = ["exchange", "add", "--pairing", "jilin-zhejiang", "--direction", "to-east", "--kind", "training", "--start", "2018-04-10"]
        expectRefusal(cli.duikou(training), 65, mentions: ["participants"])
        expectRefusal(cli.duikou(training + ["--participants", "0"]), 65, mentions: ["participants", "0"])
        expectRefusal(cli.duikou(training + ["--participants", "3", "--end", "2018-04-01"]), 65, mentions: ["2018-04-01"])
        try expectNothingWritten()
    }

    @Test func badPark() throws {
        expectRefusal(cli.duikou(["park", "add", "--pairing", "harbin-shenzhen", "--name", "P", "--kind", "castle"]), 64, mentions: ["--kind", "castle"])
        expectRefusal(cli.duikou(["park", "add", "--pairing", "nowhere", "--name", "P"]), 66, mentions: ["nowhere"])
        expectRefusal(
            cli.duikou(["park", "add", "--pairing", "harbin-shenzhen", "--name", "P", "--established", "2019-02-29"]), 65,
            mentions: ["--established", "2019-02-29"])
        try expectNothingWritten()
    }
}
