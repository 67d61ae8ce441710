import Foundation
import Testing

/// `plan set`, `plan list`, `evaluate` and `history` through the binary.
@Suite struct PlanCLITests {
    let cli: CLISandbox

    init() throws {
        cli = try CLISandbox()
    }

    private func addProject(_ pairing: String, _ status: String, _ date: String, planned: String) throws -> String {
        let added = cli.duikou(["project", "add", "--pairing", pairing, "--task", "2.1", "--title", "项目 \(date)", "--status", status,
                                "--date", date, "--planned", planned])
        #expect(added.status == 0, "\(added)")
        return added.stdout.trimmingCharacters(in: .whitespacesAndNewlines)
    }

    @Test func targetsAreSetReplacedListedAndEvaluated() throws {
        let signed = try addProject("liaoning-jiangsu", "signed", "2024-01-01", planned: "20亿")
        _ = try addProject("liaoning-jiangsu", "landed", "2024-12-31", planned: "15亿")
        _ = try addProject("liaoning-jiangsu", "signed", "2025-01-01", planned: "99亿")
        #expect(cli.duikou(["project", "update", signed, "--date", "2024-06-30", "--status", "开工", "--completed", "3亿"]).status == 0)

        let first = cli.duikou(["plan", "set", "--pairing", "liaoning-jiangsu", "--year", "2024", "--metric", "investment_signed_yuan", "--target", "30亿"])
        #expect(first.status == 0, "\(first)")
        #expect(first.stdout == "liaoning-jiangsu  2024  investment_signed_yuan  3000000000\n")
        let replaced = cli.duikou(["plan", "set", "--pairing", "liaoning-jiangsu", "--year", "2024", "--metric", "investment_signed_yuan", "--target", "40亿"])
        #expect(replaced.stdout == "liaoning-jiangsu  2024  investment_signed_yuan  4000000000 (was 3000000000)\n")
        #expect(cli.duikou(["plan", "set", "--pairing", "liaoning-jiangsu", "--year", "2024", "--metric", "开工项目数", "--target", "1"]).status == 0)
        #expect(cli.duikou(["plan", "set", "--pairing", "liaoning-jiangsu", "--year", "2024", "--metric", "projects-signed", "--target", "3"]).status == 0)

        let list = try cli.duikou(["plan", "list", "--format", "json"]).jsonRows()
        #expect(list.map { $0["metric"] as? String } == ["projects_signed", "projects_started", "investment_signed_yuan"])
        #expect(list.map { $0["target"] as? Int } == [3, 1, 4_000_000_000])
        #expect(list[2]["revision"] as? Int == 2)
        #expect(list[2]["previous"] as? Int == 3_000_000_000)
        #expect(list[0]["pairing_name"] as? String == "辽宁省—江苏省")
        let revisions = try cli.duikou(["plan", "list", "--revisions", "--year", "2024", "--format", "json"]).jsonRows()
        #expect(revisions.count == 4)
        #expect(try cli.duikou(["plan", "list", "--year", "2025", "--format", "json"]).jsonRows().isEmpty)

        let evaluation = cli.duikou(["evaluate", "--year", "2024", "--format", "json"])
        #expect(evaluation.status == 0, "\(evaluation)")
        let object = try evaluation.jsonObject()
        #expect(object["year"] as? Int == 2024)
        let rows = try #require(object["rows"] as? [[String: Any]])
        #expect(rows.map { $0["metric"] as? String } == ["projects_signed", "projects_started", "investment_signed_yuan"])
        #expect(rows.map { $0["actual"] as? Int } == [2, 1, 3_500_000_000])
        #expect(rows.map { $0["met"] as? Bool } == [false, true, false])
        #expect(rows[2]["ratio"] as? Double == 0.875)
        let pairings = try #require(object["pairings"] as? [[String: Any]])
        #expect(pairings.count == 1)
        #expect(pairings[0]["metrics"] as? Int == 3)
        #expect(pairings[0]["met"] as? Int == 1)
        #expect(pairings[0]["score"] as? Double == 0.3333)

        let zh = cli.duikou(["evaluate", "--year", "2024"])
        #expect(zh.stdout.contains("辽宁省—江苏省"))
        #expect(zh.stdout.contains("签约投资额"))
        #expect(zh.stdout.contains("✗ 未达成"))
        let en = cli.duikou(["evaluate", "--year", "2024", "--lang", "en"])
        #expect(en.stdout.contains("Liaoning"))
        #expect(en.stdout.contains("Investment signed"))
        #expect(!en.stdout.contains("签约投资额"))
        let csv = try cli.duikou(["evaluate", "--year", "2024", "--format", "csv"]).csvRecords()
        #expect(csv.first == ["pairing", "metric", "target", "actual", "ratio", "met"])
        #expect(csv.count == 4)
    }

    @Test func aYearWithoutTargetsIsAnEmptyResultNotAnError() throws {
        let json = cli.duikou(["evaluate", "--year", "2019", "--format", "json"])
        #expect(json.status == 0)
        let object = try json.jsonObject()
        #expect((object["rows"] as? [Any])?.isEmpty == true)
        #expect((object["pairings"] as? [Any])?.isEmpty == true)
        #expect(json.stderrLines.count == 1)
        let table = cli.duikou(["evaluate", "--year", "2019"])
        #expect(table.status == 0)
        #expect(table.stdout.isEmpty)
        #expect(table.stderrLines.count == 1)
    }

    @Test func badPlanInputIsRefusedAndNothingIsWritten() throws {
        let base = ["plan", "set", "--pairing", "liaoning-jiangsu"]
        let cases: [([String], Int32)] = [
            (["--year", "2024", "--metric", "projects_landed", "--target", "3"], 64),
            (["--year", "1999", "--metric", "projects_signed", "--target", "3"], 65),
            (["--year", "2101", "--metric", "projects_signed", "--target", "3"], 65),
            (["--year", "2024", "--metric", "projects_signed", "--target", "-3"], 65),
            (["--year", "2024", "--metric", "projects_signed", "--target", "3.5"], 65),
            (["--year", "2024", "--metric", "projects_signed", "--target", "三"], 65),
            (["--year", "2024", "--metric", "investment_signed_yuan", "--target", "-1亿"], 65),
            (["--year", "2024", "--metric", "investment_signed_yuan", "--target", "99999999999999999999亿"], 65),
            (["--year", "二〇二四", "--metric", "projects_signed", "--target", "3"], 64),
            (["--year", "2024", "--metric", "projects_signed"], 64),
        ]
        for (arguments, status) in cases {
            let result = cli.duikou(base + arguments)
            #expect(result.status == status, "\(result)")
            #expect(result.stderrLines.count == 1, "\(result)")
        }
        let unknown = cli.duikou(["plan", "set", "--pairing", "no-such", "--year", "2024", "--metric", "projects_signed", "--target", "3"])
        #expect(unknown.status == 66)
        #expect(cli.duikou(["evaluate", "--year", "1999"]).status == 65)
        #expect(cli.duikou(["evaluate", "--year", "2024", "--pairing", "no-such"]).status == 66)
        #expect(try cli.duikou(["plan", "list", "--revisions", "--format", "json"]).jsonRows().isEmpty)
        #expect(try cli.duikou(["history", "--format", "json"]).jsonRows().isEmpty)
    }

    @Test func historyRecordsEveryChangeWithItsActorAndCommand() throws {
        let id = cli.duikou(["project", "add", "--pairing", "harbin-shenzhen", "--task", "2.2", "--title", "标题, 带“引号”\n和换行🚗",
                             "--date", "2024-03-01", "--actor", "张伟"]).stdout.trimmingCharacters(in: .whitespacesAndNewlines)
        #expect(cli.duikou(["project", "update", String(id.prefix(8)), "--date", "2024-05-01", "--status", "landed"]).status == 0)
        #expect(cli.duikou(["plan", "set", "--pairing", "harbin-shenzhen", "--year", "2024", "--metric", "projects_signed",
                            "--target", "5", "--actor", "李娜"]).status == 0)
        #expect(cli.duikou(["project", "update", id, "--date", "2024-04-01", "--status", "started"]).status == 65)
        #expect(cli.duikou(["plan", "set", "--pairing", "harbin-shenzhen", "--year", "2024", "--metric", "projects_signed",
                            "--target", "6", "--actor", " "]).status == 64)

        let events = try cli.duikou(["history", "--format", "json"]).jsonRows()
        #expect(events.map { $0["seq"] as? Int } == [1, 2, 3])
        #expect(events.map { $0["command"] as? String } == ["project add", "project update", "plan set"])
        #expect(events.map { $0["action"] as? String } == ["add", "update", "plan"])
        #expect(events[0]["actor"] as? String == "张伟")
        #expect(events[1]["actor"] as? String == NSUserName())
        #expect(events[2]["actor"] as? String == "李娜")
        #expect(events[0]["record_id"] as? String == id)
        #expect((events[0]["summary"] as? String)?.contains("标题, 带“引号”\n和换行🚗") == true)

        let csv = try cli.duikou(["history", "--format", "csv"]).csvRecords()
        #expect(csv.count == 4)
        #expect(csv[1][7].contains("\n和换行🚗"))
        #expect(try cli.duikou(["history", "--since", "2999-01-01", "--format", "json"]).jsonRows().isEmpty)
        #expect(try cli.duikou(["history", "--since", "2017-03-07", "--format", "json"]).jsonRows().count == 3)
        #expect(cli.duikou(["history", "--since", "2024-02-30"]).status == 65)
        let table = cli.duikou(["history", "--lang", "en"])
        #expect(table.stdout.contains("What changed"))
        #expect(table.stdout.contains("李娜"))
    }

    @Test func readOnlyRefusesATargetAndLeavesTheFileAlone() throws {
        #expect(cli.duikou(["tasks"]).status == 0)
        let before = try Data(contentsOf: URL(fileURLWithPath: cli.db))
        let refused = cli.duikou(["plan", "set", "--pairing", "liaoning-jiangsu", "--year", "2024", "--metric", "projects_signed",
                                  "--target", "3", "--read-only"])
        #expect(refused.status == 74)
        #expect(try Data(contentsOf: URL(fileURLWithPath: cli.db)) == before)
        #expect(cli.duikou(["plan", "list", "--read-only"]).status == 0)
        #expect(cli.duikou(["evaluate", "--year", "2024", "--read-only"]).status == 0)
        #expect(cli.duikou(["history", "--read-only"]).status == 0)
    }
}
