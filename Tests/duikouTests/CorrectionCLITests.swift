import Foundation
import Testing

/// `project correct`, `project void` and `progress --known-on` through the binary.
@Suite struct CorrectionCLITests {
    let cli: CLISandbox

    init() throws {
        cli = try CLISandbox()
    }

    @Test func correctKeepsTheOriginalAndRefusesWhatBreaksTheHistory() throws {
        let id = cli.addProject(title: "新能源汽车零部件项目, \"二期\"", ["--date", "2024-01-10", "--planned", "12.5亿"])
        #expect(cli.duikou(["project", "update", id, "--date", "2024-03-01", "--status", "开工", "--completed", "2.1亿"]).status == 0)
        let corrected = cli.duikou(["project", "correct", String(id.prefix(8)), "--seq", "2", "--completed", "2100万", "--reason", "万/亿 录错 🙈"])
        #expect(corrected.status == 0, "\(corrected)")
        #expect(corrected.stdout == "\(id)  started  2024-03-01  21000000\n")

        let shown = try cli.duikou(["project", "show", id, "--format", "json"]).jsonObject()
        let history = try #require(shown["history"] as? [[String: Any]])
        #expect(history.map { int($0["seq"]) } == [1, 2])
        #expect(history.last?["reason"] as? String == "万/亿 录错 🙈")
        let superseded = try #require(shown["superseded"] as? [[String: Any]])
        #expect(superseded.count == 1 && int(superseded.first?["completed_investment_yuan"]) == 210_000_000)
        #expect((superseded.first?["superseded_at"] as? String)?.hasSuffix("+08:00") == true)
        #expect(shown["voided_at"] is NSNull)
        let table = cli.duikou(["project", "show", id])
        #expect(table.stdout.contains("已被更正的原记录") && table.stdout.contains("万/亿 录错"), "\(table)")

        expectRefusal(cli.duikou(["project", "correct", id, "--seq", "7", "--completed", "1亿", "--reason", "x"]), 65, mentions: ["seq", "7"])
        expectRefusal(cli.duikou(["project", "correct", id, "--seq", "1", "--date", "2024-05-01", "--reason", "晚于下一条"]), 65, mentions: ["date"])
        expectRefusal(cli.duikou(["project", "correct", id, "--seq", "2", "--completed", "1亿", "--reason", "  "]), 65, mentions: ["reason"])
        expectRefusal(cli.duikou(["project", "correct", id, "--seq", "2", "--reason", "没有新值"]), 65, mentions: ["seq"])
        expectRefusal(cli.duikou(["project", "correct", id, "--seq", "2", "--completed", "1亿"]), 64, mentions: ["--reason"])
        let after = try cli.duikou(["project", "show", id, "--format", "json"]).jsonObject()
        #expect((after["superseded"] as? [Any])?.count == 1)
        #expect(cli.duikou(["check"]).status == 0)
    }

    @Test func voidWithdrawsTheProjectFromEveryListing() throws {
        let kept = cli.addProject(title: "保留", ["--date", "2024-01-10", "--planned", "1亿"])
        let duplicate = cli.addProject(title: "重复录入", ["--date", "2024-01-10", "--planned", "1亿"])
        let voided = cli.duikou(["project", "void", duplicate, "--reason", "重复录入，见 \(kept.prefix(8))"])
        #expect(voided.status == 0, "\(voided)")
        #expect(try cli.projects().compactMap { $0["id"] as? String } == [kept])
        let progress = try cli.duikou(["progress", "--format", "json"]).jsonObject()
        #expect(int((progress["total"] as? [String: Any])?["projects"]) == 1)
        #expect(try cli.duikou(["search", "重复录入", "--format", "json"]).jsonRows().isEmpty)
        let shown = try cli.duikou(["project", "show", duplicate, "--format", "json"]).jsonObject()
        #expect((shown["void_reason"] as? String)?.hasPrefix("重复录入") == true)
        #expect(cli.duikou(["project", "show", duplicate]).stdout.hasPrefix("已作废"))
        expectRefusal(cli.duikou(["project", "void", duplicate, "--reason", "再次"]), 65, mentions: [duplicate])
        expectRefusal(cli.duikou(["project", "update", duplicate, "--date", "2024-05-01", "--status", "landed"]), 65, mentions: [duplicate])
        let history = try cli.duikou(["history", "--format", "json"]).jsonRows()
        #expect(history.last?["command"] as? String == "project void")
    }

    @Test func knownOnLeavesOutWhatWasRecordedAfterTheDay() throws {
        cli.addProject(title: "甲", ["--date", "2024-01-10", "--planned", "1亿"])
        let today = cli.duikou(["progress", "--format", "json"]).stdout
        let yesterday = try cli.duikou(["progress", "--format", "json", "--known-on", "2020-01-01"]).jsonObject()
        #expect(int((yesterday["total"] as? [String: Any])?["projects"]) == 0)
        let farAhead = cli.duikou(["progress", "--format", "json", "--known-on", "2099-12-31"])
        #expect(farAhead.stdout == today, "\(farAhead)")
        expectRefusal(cli.duikou(["progress", "--known-on", "2025-02-30"]), 65, mentions: ["--known-on", "2025-02-30"])
    }
}
