import Foundation
import Testing

/// `duikou reform|meeting|funding add|list` through the built binary, and the new kinds in
/// `import`, `export`, `merge`, `search`, `history` and `check`.
@Suite struct SoftCooperationCLITests {
    let cli: CLISandbox

    init() throws {
        cli = try CLISandbox()
    }

    /// Chinese, quotes, a comma, a line break and emoji, in one argument.
    private static let hostile = "复制“最多跑一次”, \"一网通办\"\n第二行🚀"

    /// Runs a command that adds a record and returns the id it prints, expecting exactly that.
    private func add(_ arguments: [String], sourceLocation: SourceLocation = #_sourceLocation) -> String {
        let result = cli.duikou(arguments)
        #expect(result.status == 0, "\(result)", sourceLocation: sourceLocation)
        #expect(result.stderr.isEmpty, "\(result)", sourceLocation: sourceLocation)
        let id = result.stdout.trimmingCharacters(in: .newlines)
        #expect(result.stdout == id + "\n" && isLowercaseUUID(id), "\(result)", sourceLocation: sourceLocation)
        return id
    }

    private func rows(_ arguments: [String], sourceLocation: SourceLocation = #_sourceLocation) throws -> [[String: Any]] {
        let result = cli.duikou(arguments + ["--format", "json"])
        #expect(result.status == 0, "\(result)", sourceLocation: sourceLocation)
        return try result.jsonRows()
    }

    @discardableResult
    private func write(_ text: String, to name: String) throws -> String {
        try Data(text.utf8).write(to: cli.work.appendingPathComponent(name))
        return name
    }

    /// A reform, a meeting, a project with funding and a pairing's funding, all with hostile text.
    private func populate() -> (reform: String, meeting: String, project: String, funding: String) {
        let reform = add(["reform", "add", "--pairing", "harbin-shenzhen", "--title", Self.hostile, "--source", "深圳市前海",
                          "--adopted-by", "230100", "--date", "2019-06-01", "--task", "1.1", "--policies", "12"])
        let meeting = add(["meeting", "add", "--pairing", "harbin-shenzhen", "--kind", "联席会议", "--date", "2024-05-20",
                           "--place", "哈尔滨市", "--level", "市级", "--participants", "60", "--outcomes", Self.hostile])
        let project = cli.addProject(pairing: "harbin-shenzhen", task: "2.2", title: "新能源汽车零部件项目", ["--date", "2024-01-01"])
        let funding = add(["funding", "add", "--project", String(project.prefix(8)), "--source", "central-budget", "--amount", "5000万",
                           "--date", "2024-06-30", "--note", Self.hostile])
        _ = add(["funding", "add", "--pairing", "jilin-zhejiang", "--source", "银行贷款", "--amount", "1.2亿", "--date", "2024-07-30"])
        return (reform, meeting, project, funding)
    }

    // MARK: - add and list

    @Test func eachKindIsAddedAndListedAsTableJSONAndCSV() throws {
        let (reform, meeting, project, funding) = populate()

        let reforms = try rows(["reform", "list"])
        #expect(reforms.count == 1)
        #expect(reforms.first?["id"] as? String == reform && reforms.first?["title"] as? String == Self.hostile)
        #expect(reforms.first?["adopted_by"] as? String == "230100" && int(reforms.first?["policies"]) == 12)
        #expect(reforms.first?["task"] as? String == "1.1" && reforms.first?["source"] as? String == "深圳市前海")

        let meetings = try rows(["meeting", "list"])
        #expect(meetings.first?["id"] as? String == meeting && meetings.first?["kind"] as? String == "joint-meeting")
        #expect(meetings.first?["outcomes"] as? String == Self.hostile && int(meetings.first?["participants"]) == 60)

        let fundings = try rows(["funding", "list"])
        #expect(fundings.map { $0["id"] as? String } == [funding, fundings.last?["id"] as? String])
        #expect(fundings.first?["project"] as? String == project && fundings.first?["pairing"] as? String == "harbin-shenzhen")
        #expect(int(fundings.first?["amount_yuan"]) == 50_000_000 && fundings.first?["note"] as? String == Self.hostile)
        #expect(fundings.last?["project"] is NSNull && int(fundings.last?["amount_yuan"]) == 120_000_000)
        #expect(fundings.last?["source"] as? String == "bank-loan")

        // CSV carries the same values, quoted; the table names pairings and regions and shows 万元.
        let csv = try cli.duikou(["reform", "list", "--format", "csv"]).csvRecords()
        #expect(csv.first == ["id", "pairing", "title", "source", "adopted_by", "date", "task", "policies"])
        #expect(csv.last?[2] == Self.hostile)
        #expect(try cli.duikou(["funding", "list", "--format", "csv"]).csvRecords().first
                == ["id", "project", "project_title", "pairing", "source", "amount_yuan", "date", "note"])
        let table = cli.duikou(["reform", "list"])
        #expect(table.stdout.contains("哈尔滨市—深圳市") && table.stdout.contains("哈尔滨市") && table.stdout.contains("⏎"), "\(table)")
        let fundingTable = cli.duikou(["funding", "list", "--lang", "en"])
        #expect(fundingTable.stdout.contains("5,000.00") && fundingTable.stdout.contains("central-budget"), "\(fundingTable)")
        #expect(cli.duikou(["meeting", "list"]).stdout.contains("联席会议"))
    }

    @Test func aPairingFilterTakesInThePairingsInsideItAndTheirProjectsFunding() throws {
        #expect(cli.duikou(["region", "add", "--code", "230800", "--name-zh", "佳木斯市", "--name-en", "Jiamusi", "--level", "prefecture-city", "--side", "northeast"]).status == 0)
        #expect(cli.duikou(["region", "add", "--code", "440600", "--name-zh", "佛山市", "--name-en", "Foshan", "--level", "prefecture-city", "--side", "east"]).status == 0)
        #expect(cli.duikou(["pairing", "add", "--id", "jiamusi-foshan", "--northeast", "230800", "--east", "440600", "--parent", "heilongjiang-guangdong"]).status == 0)
        let city = add(["reform", "add", "--pairing", "jiamusi-foshan", "--title", "市级", "--date", "2020-01-01"])
        let province = add(["reform", "add", "--pairing", "heilongjiang-guangdong", "--title", "省级", "--adopted-by", "230800", "--date", "2020-02-01"])
        _ = add(["reform", "add", "--pairing", "jilin-zhejiang", "--title", "别处", "--date", "2020-03-01"])
        #expect(try rows(["reform", "list", "--pairing", "heilongjiang-guangdong"]).map { $0["id"] as? String } == [city, province])
        let meeting = add(["meeting", "add", "--pairing", "jiamusi-foshan", "--kind", "matchmaking", "--date", "2024-01-01"])
        #expect(try rows(["meeting", "list", "--pairing", "heilongjiang-guangdong"]).map { $0["id"] as? String } == [meeting])
        let project = cli.addProject(pairing: "jiamusi-foshan", task: "2.1", title: "项目", ["--date", "2024-01-01"])
        let funding = add(["funding", "add", "--project", project, "--source", "other", "--amount", "1", "--date", "2024-02-01"])
        #expect(try rows(["funding", "list", "--pairing", "heilongjiang-guangdong"]).map { $0["id"] as? String } == [funding])
        #expect(try rows(["funding", "list", "--pairing", "harbin-shenzhen"]).isEmpty)
        expectRefusal(cli.duikou(["funding", "list", "--pairing", "nowhere"]), 66, mentions: ["nowhere"])
    }

    // MARK: - Refusals

    @Test func refusalsNameTheFieldExitWithTheirCodeAndWriteNothing() throws {
        let project = cli.addProject(pairing: "harbin-shenzhen", task: "2.2", title: "项目", ["--date", "2024-01-01"])
        let reform = ["reform", "add", "--pairing", "harbin-shenzhen", "--title", "x"]
        let funding = ["funding", "add", "--source", "other", "--date", "2024-06-30"]
        let cases: [([String], Int32, [String])] = [
            (reform + ["--date", "2025-02-30"], 65, ["--date", "2025-02-30"]),
            (reform + ["--date", "2019-1-1"], 65, ["--date"]),
            (reform + ["--date", "2020-01-01", "--task", "2.1"], 65, ["task", "2.1"]),
            (reform + ["--date", "2020-01-01", "--task", "1.9"], 66, ["1.9"]),
            (reform + ["--date", "2020-01-01", "--policies", "0"], 65, ["--policies"]),
            (reform + ["--date", "2020-01-01", "--policies", "10001"], 65, ["--policies", "10000"]),
            (reform + ["--date", "2020-01-01", "--adopted-by", "440300"], 65, ["adopted_by", "440300"]),
            (reform + ["--date", "2020-01-01", "--adopted-by", "220100"], 65, ["adopted_by", "220100"]),
            (reform + ["--date", "2020-01-01", "--adopted-by", "239999"], 66, ["239999"]),
            (["reform", "add", "--pairing", "nowhere", "--title", "x", "--date", "2020-01-01"], 66, ["nowhere"]),
            (["meeting", "add", "--pairing", "harbin-shenzhen", "--kind", "banquet", "--date", "2020-01-01"], 64, ["--kind", "banquet"]),
            (["meeting", "add", "--pairing", "harbin-shenzhen", "--kind", "matchmaking", "--date", "2020-01-01", "--participants", "0"], 65, ["--participants"]),
            (["meeting", "add", "--pairing", "harbin-shenzhen", "--kind", "matchmaking", "--date", "2020-01-01", "--participants", "1000001"], 65, ["--participants"]),
            (["meeting", "add", "--pairing", "nowhere", "--kind", "matchmaking", "--date", "2020-01-01"], 66, ["nowhere"]),
            (funding + ["--amount", "1万", "--project", project, "--pairing", "harbin-shenzhen"], 64, ["--project", "--pairing"]),
            (funding + ["--amount", "1万"], 64, ["--project", "--pairing"]),
            (funding + ["--amount", "0", "--pairing", "harbin-shenzhen"], 65, ["amount"]),
            (funding + ["--amount", "-5万", "--pairing", "harbin-shenzhen"], 65, ["--amount", "negative"]),
            (funding + ["--amount", "99999999999999999999亿", "--pairing", "harbin-shenzhen"], 65, ["--amount", "too large"]),
            (funding + ["--amount", "1万", "--pairing", "nowhere"], 66, ["nowhere"]),
            (funding + ["--amount", "1万", "--project", "deadbeef"], 66, ["deadbeef"]),
            (funding + ["--amount", "1万", "--project", "dead"], 65, ["dead"]),
            (["funding", "add", "--pairing", "harbin-shenzhen", "--source", "gift", "--amount", "1", "--date", "2020-01-01"], 64, ["--source", "gift"]),
        ]
        for (arguments, status, mentions) in cases {
            expectRefusal(cli.duikou(arguments), status, mentions: mentions)
        }
        #expect(try rows(["reform", "list"]).isEmpty && rows(["meeting", "list"]).isEmpty && rows(["funding", "list"]).isEmpty)
        #expect(try cli.duikou(["history", "--format", "json"]).jsonRows().count == 1)
    }

    // MARK: - Import and export

    @Test func csvWithAByteOrderMarkAndCRLFImportsAndABadRowWritesNothing() throws {
        try write("\u{FEFF}对口合作关系,类型,日期,地点,成果\r\nharbin-shenzhen,联席会议,2024-05-20,哈尔滨市,\"签约3项, \"\"落地\"\"\r\n🚀\"\r\n"
                  + "dalian-shanghai,对接会,2024-06-01,,\r\n", to: "meetings.csv")
        let dry = cli.duikou(["import", "meetings", "meetings.csv", "--dry-run"])
        #expect(dry.status == 0 && dry.stdout == "dry run, nothing written: would add 2 meetings, update 0, leave 0 unchanged (2 rows read)\n", "\(dry)")
        #expect(try rows(["meeting", "list"]).isEmpty)
        let real = cli.duikou(["import", "meetings", "meetings.csv"])
        #expect(real.status == 0 && real.stdout == "added 2 meetings, updated 0, left 0 unchanged (2 rows read)\n", "\(real)")
        #expect(try rows(["meeting", "list"]).first?["outcomes"] as? String == "签约3项, \"落地\"\r\n🚀")

        try write("project,pairing,source,amount,date,note\n,harbin-shenzhen,专项资金,3000万,2024-01-01,好\n,harbin-shenzhen,other,0,2024-01-01,\n,,other,1,2024-01-01,\n",
                  to: "funding.csv")
        let bad = cli.duikou(["import", "funding", "funding.csv"])
        #expect(bad.status == 65, "\(bad)")
        #expect(bad.stdout == "nothing written: would add 1 funding record, update 0, leave 0 unchanged, refuse 2 rows (3 rows read)\n", "\(bad)")
        #expect(bad.stderrLines == [
            "funding.csv:3: amount: '0元' is zero; a funding is more than 0 元",
            "funding.csv:4: project: give the project or the pairing funded",
            "error: funding.csv: 2 problems; nothing was imported",
        ], "\(bad)")
        #expect(try rows(["funding", "list"]).isEmpty)
    }

    @Test func exportThenImportIntoAnEmptyDatabaseGivesTheSameListings() throws {
        _ = populate()
        let copy = cli.path("copy.sqlite")
        for kind in ["projects", "reforms", "meetings", "funding"] {
            let export = cli.duikou(["export", kind, "--out", "\(kind).csv"])
            #expect(export.status == 0, "\(export)")
            let imported = cli.run(["import", kind, "\(kind).csv", "--db", copy])
            #expect(imported.status == 0, "\(imported)")
            let again = cli.run(["export", kind, "--db", copy])
            #expect(again.stdout == String(decoding: try #require(cli.bytes(cli.work.appendingPathComponent("\(kind).csv").path)), as: UTF8.self))
        }
        for list in [["reform", "list"], ["meeting", "list"], ["funding", "list"]] {
            #expect(cli.run(list + ["--format", "json", "--db", copy]).stdout == cli.duikou(list + ["--format", "json"]).stdout)
        }
        let jsonl = cli.duikou(["export", "funding", "--format", "jsonl"])
        #expect(jsonl.stdoutLines.count == 2 && jsonl.stdout.contains("\"amount\":50000000"), "\(jsonl)")
    }

    // MARK: - Merge, search, history, check

    @Test func mergeReportsTheNewKindsAndTheirConflicts() throws {
        let (_, meeting, _, _) = populate()
        // Another reporter starts from a copy of ours, corrects the meeting and adds a reform.
        let other = cli.path("other.sqlite")
        #expect(cli.run(["merge", cli.db, "--db", other]).status == 0)
        try write("id,pairing,kind,date,place,level,participants,outcomes\n\(meeting),harbin-shenzhen,joint-meeting,2024-05-20,深圳市,市级,60,改了\n",
                  to: "change.csv")
        #expect(cli.run(["import", "meetings", "change.csv", "--db", other]).status == 0)
        _ = cli.run(["reform", "add", "--pairing", "dalian-shanghai", "--title", "大连新增", "--date", "2021-01-01", "--db", other])

        let result = cli.duikou(["merge", other, "--format", "json"])
        #expect(result.status == 0, "\(result)")
        let report = try result.jsonObject()
        let counts = try #require(report["counts"] as? [String: [String: Any]])
        #expect(int(counts["reforms"]?["added"]) == 1 && int(counts["reforms"]?["identical"]) == 1)
        #expect(int(counts["meetings"]?["conflicts"]) == 1)
        #expect(int(counts["funding"]?["identical"]) == 2)
        let conflicts = try #require(report["conflicts"] as? [[String: Any]])
        #expect(conflicts.first?["kind"] as? String == "meeting" && conflicts.first?["id"] as? String == meeting)
        #expect(try rows(["meeting", "list"]).first?["place"] as? String == "哈尔滨市")
        #expect(cli.duikou(["merge", other, "--prefer", "theirs"]).status == 0)
        #expect(try rows(["meeting", "list"]).first?["place"] as? String == "深圳市")
        #expect(cli.duikou(["search", "改了", "--format", "json"]).stdout.contains(meeting))
    }

    @Test func searchHistoryAndCheckCoverTheNewKinds() throws {
        let (reform, meeting, _, funding) = populate()
        let hits = try cli.duikou(["search", "一网通办", "--format", "json"]).jsonRows()
        #expect(Set(hits.compactMap { $0["id"] as? String }) == [reform, meeting, funding])
        #expect(Set(hits.compactMap { $0["kind"] as? String }) == ["reform", "meeting", "funding"])
        #expect(Set(hits.compactMap { $0["field"] as? String }) == ["title", "outcomes", "note"])
        let scanned = try cli.duikou(["search", "前海", "--format", "json"]).jsonRows()
        #expect(scanned.map { $0["field"] as? String } == ["source"])
        let table = cli.duikou(["search", "哈尔滨市"])
        #expect(table.stdout.contains("会议互访") && table.stdout.contains("地点"), "\(table)")

        let history = try cli.duikou(["history", "--format", "json"]).jsonRows()
        #expect(history.compactMap { $0["record_kind"] as? String } == ["reform", "meeting", "project", "funding", "funding"])
        #expect(history.compactMap { $0["command"] as? String } == ["reform add", "meeting add", "project add", "funding add", "funding add"])
        let check = cli.duikou(["check"])
        #expect(check.status == 0 && check.stdout.contains("reform measures") && check.stdout.contains("search rowids"), "\(check)")
    }
}
