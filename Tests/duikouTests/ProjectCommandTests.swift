import Foundation
import Testing

/// `project add` and `project show` through the binary.
@Suite struct ProjectAddShowTests {
    let cli: CLISandbox

    init() throws {
        cli = try CLISandbox()
    }

    @Test func addPrintsTheNewIDAlone() throws {
        let result = cli.duikou(["project", "add", "--pairing", "harbin-shenzhen", "--task", "2.2", "--title", "新能源汽车零部件项目"])
        #expect(result.status == 0, "\(result)")
        #expect(result.stderr.isEmpty, "\(result)")
        #expect(result.stdout.hasSuffix("\n"))
        let lines = result.stdoutLines
        #expect(lines.count == 1, "\(result)")
        let id = try #require(lines.first)
        #expect(isLowercaseUUID(id), "not a lower-case UUID: \(id)")
        let projects = try cli.projects()
        #expect(projects.count == 1)
        #expect(projects.first?["id"] as? String == id)
    }

    @Test func addHonoursGivenID() throws {
        let given = "3F2A9C1E-0000-4000-8000-00000000ABCD"
        let result = cli.duikou(["project", "add", "--pairing", "jilin-zhejiang", "--task", "1.1", "--title", "T", "--id", given])
        #expect(result.status == 0, "\(result)")
        #expect(result.stdout == given.lowercased() + "\n", "\(result)")
        let shown = try cli.show(given.lowercased())
        #expect(shown["id"] as? String == given.lowercased())
    }

    @Test func showByPrefixGivesOneObjectWithFieldsStatusAndHistory() throws {
        let id = cli.addProject(pairing: "heilongjiang-guangdong", task: "4.2", title: "深哈产业园", [
            "--status", "signed", "--date", "2019-05-09", "--planned", "1114.79亿", "--completed", "3500元",
            "--northeast-party", "哈尔滨市政府", "--east-party", "深圳市政府", "--landmark", "--description", "共建园区",
        ])
        #expect(cli.duikou(["project", "update", String(id.prefix(8)), "--date", "2020-01-02", "--status", "开工", "--completed", "12.5", "--note", "开工仪式"]).status == 0)

        let result = cli.duikou(["project", "show", String(id.prefix(8)), "--format", "json"])
        #expect(result.status == 0, "\(result)")
        let shown = try result.jsonObject()
        #expect(shown["id"] as? String == id)
        #expect(shown["pairing"] as? String == "heilongjiang-guangdong")
        #expect(shown["task"] as? String == "4.2")
        #expect(shown["title"] as? String == "深哈产业园")
        #expect(shown["description"] as? String == "共建园区")
        #expect(shown["northeast_party"] as? String == "哈尔滨市政府")
        #expect(shown["east_party"] as? String == "深圳市政府")
        #expect(shown["landmark"] as? Bool == true)
        #expect(int(shown["planned_investment_yuan"]) == 111_479_000_000)
        #expect(result.stdout.contains("111479000000"), "money is printed as an integer: \(result.stdout)")
        #expect(shown["status"] as? String == "started")
        #expect(int(shown["completed_investment_yuan"]) == 125_000)

        let history = try #require(shown["history"] as? [[String: Any]])
        #expect(history.count == 2)
        #expect(history.map { $0["date"] as? String } == ["2019-05-09", "2020-01-02"])
        #expect(history.map { $0["status"] as? String } == ["signed", "started"])
        #expect(history.map { int($0["completed_investment_yuan"]) } == [3500, 125_000])
        #expect(history.last?["note"] as? String == "开工仪式")
    }

    @Test(arguments: [("1114.79亿", 111_479_000_000), ("12.5", 125_000), ("3500元", 3500), ("626207万元", 6_262_070_000), ("0", 0)])
    func moneyIsIntegerYuan(amount: String, yuan: Int) throws {
        let id = cli.addProject(["--planned", amount])
        #expect(int(try cli.show(id)["planned_investment_yuan"]) == yuan)
    }

    @Test(arguments: [("开工", "started"), ("签约", "signed"), ("谋划", "planned"), ("投产", "operating"), ("landed", "landed")])
    func statusLabelsInChineseAreAccepted(label: String, key: String) throws {
        let id = cli.addProject(["--status", label, "--date", "2021-03-04"])
        let shown = try cli.show(id)
        #expect(shown["status"] as? String == key)
        let history = try #require(shown["history"] as? [[String: Any]])
        #expect(history.count == 1)
        #expect(history.first?["status"] as? String == key)
        #expect(history.first?["date"] as? String == "2021-03-04")
    }

    @Test func defaultsAreSignedAndToday() throws {
        let id = cli.addProject()
        let shown = try cli.show(id)
        #expect(shown["status"] as? String == "signed")
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.dateFormat = "yyyy-MM-dd"
        let before = formatter.string(from: Date(timeIntervalSinceNow: -86_400))
        let after = formatter.string(from: Date(timeIntervalSinceNow: 86_400))
        let date = try #require((shown["history"] as? [[String: Any]])?.first?["date"] as? String)
        // Today in the process's local time zone: between yesterday and tomorrow in any zone.
        #expect(date >= before && date <= after, "\(date)")
        #expect(int(shown["completed_investment_yuan"]) == 0)
    }

    @Test func hostileTextRoundTripsThroughJSON() throws {
        let title = "对口合作 \"quoted\", comma, 'single' 🚀🇨🇳 back\\slash\ttab"
        let description = "第一行\n第二行, with \"quotes\"\r\nthird line 😀\n\n  indented, last"
        let party = "=SUM(A1:A2),\"x\"\n{json: [1,2]}"
        let id = cli.addProject(title: title, ["--description", description, "--northeast-party", party, "--east-party", "a  b"])
        let shown = try cli.show(id)
        #expect(shown["title"] as? String == title)
        #expect(shown["description"] as? String == description)
        #expect(shown["northeast_party"] as? String == party)
        #expect(shown["east_party"] as? String == "a  b")
        let listed = try cli.projects()
        #expect(listed.count == 1)
        #expect(listed.first?["title"] as? String == title)
        #expect(listed.first?["description"] as? String == description)
    }

    /// Text fields are trimmed at both ends (the library's `requiredText`/`optionalText`), and an
    /// optional field with nothing left is no value.
    @Test func outerWhitespaceIsTrimmedAndBlankIsNull() throws {
        let id = cli.addProject(title: "  标题  ", ["--description", "\n说明\n", "--east-party", "   "])
        let shown = try cli.show(id)
        #expect(shown["title"] as? String == "标题")
        #expect(shown["description"] as? String == "说明")
        #expect(shown["east_party"] is NSNull)
        #expect(shown["northeast_party"] is NSNull)
        expectRefusal(cli.duikou(["project", "add", "--pairing", "harbin-shenzhen", "--task", "2.1", "--title", "  "]), 65, mentions: ["title"])
        #expect(try cli.projects().count == 1)
    }

    @Test func hostileTextKeepsTheTableOnOneLinePerRow() throws {
        _ = cli.addProject(title: "两行\n标题")
        _ = cli.addProject(title: "普通")
        let result = cli.duikou(["project", "list"])
        #expect(result.status == 0, "\(result)")
        // Header, rule and one line per project.
        #expect(result.stdoutLines.count == 4, "\(result.stdout)")
    }

    @Test func csvOfProjectsQuotesHostileText() throws {
        let title = "a,b \"c\"\nd"
        let id = cli.addProject(title: title)
        let result = cli.duikou(["project", "list", "--format", "csv"])
        #expect(result.status == 0, "\(result)")
        let records = try result.csvRecords()
        #expect(records.count == 2, "\(result.stdout)")
        let head = try #require(records.first)
        #expect(Array(head.prefix(4)) == ["id", "pairing", "task", "title"])
        #expect(records.last?.count == head.count)
        #expect(records.last?.first == id)
        #expect(records.last?[3] == title)
    }
}
