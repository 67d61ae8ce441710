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
        #expect(first.stdout == "liaoning-jiangsu  2024  investment_signed_yuan  3000000000  weight 1\n")
        let replaced = cli.duikou(["plan", "set", "--pairing", "liaoning-jiangsu", "--year", "2024", "--metric", "investment_signed_yuan", "--target", "40亿"])
        #expect(replaced.stdout == "liaoning-jiangsu  2024  investment_signed_yuan  4000000000 (was 3000000000)  weight 1\n")
        #expect(cli.duikou(["plan", "set", "--pairing", "liaoning-jiangsu", "--year", "2024", "--metric", "开工项目数", "--target", "1"]).status == 0)
        #expect(cli.duikou(["plan", "set", "--pairing", "liaoning-jiangsu", "--year", "2024", "--metric", "projects-signed", "--target", "3"]).status == 0)

        let list = try cli.duikou(["plan", "list", "--format", "json"]).jsonRows()
        #expect(list.map { $0["metric"] as? String } == ["projects_signed", "projects_started", "investment_signed_yuan"])
        #expect(list.map { $0["target"] as? Int } == [3, 1, 4_000_000_000])
        #expect(list[2]["revision"] as? Int == 2)
        #expect(list[2]["previous"] as? Int == 3_000_000_000)
        #expect(list[0]["pairing_name"] as? String == "辽宁省—江苏省")
        #expect(list.map { $0["weight"] as? Int } == [1, 1, 1])
        #expect((list[0]["set_at"] as? String)?.hasSuffix("+08:00") == true)
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
        // Scores 2/3, 1 and 35亿/40亿: their mean is 0.8472, good, where counting targets met gave 1/3.
        #expect(rows.map { $0["score"] as? Double } == [0.6667, 1, 0.875])
        #expect(rows.map { $0["weight"] as? Int } == [1, 1, 1])
        #expect(pairings[0]["score"] as? Double == 0.8472)
        #expect(pairings[0]["grade"] as? String == "good")

        let zh = cli.duikou(["evaluate", "--year", "2024"])
        #expect(zh.stdout.contains("辽宁省—江苏省"))
        #expect(zh.stdout.contains("签约投资额"))
        #expect(zh.stdout.contains("✗ 未达标"))
        #expect(zh.stdout.contains("✓ 达标"))
        #expect(!zh.stdout.contains("达成"))
        #expect(zh.stdout.contains("84.72%"))
        #expect(zh.stdout.contains("良好"))
        let en = cli.duikou(["evaluate", "--year", "2024", "--lang", "en"])
        #expect(en.stdout.contains("Liaoning"))
        #expect(en.stdout.contains("Investment signed"))
        #expect(!en.stdout.contains("签约投资额"))
        #expect(en.stdout.contains("good"))
        #expect(!en.stdout.contains("良好"))
        let csv = try cli.duikou(["evaluate", "--year", "2024", "--format", "csv"]).csvRecords()
        #expect(csv.first == ["pairing", "metric", "target", "actual", "ratio", "met", "weight", "score"])
        #expect(csv.dropFirst().map { $0[6] } == ["1", "1", "1"])
        #expect(csv.dropFirst().map { $0[7] } == ["0.6667", "1", "0.875"])
        #expect(csv.count == 4)
    }

    @Test func weightsAreSetListedAndWeighTheScore() throws {
        _ = try addProject("jilin-zhejiang", "signed", "2024-05-01", planned: "10亿")
        let base = ["plan", "set", "--pairing", "jilin-zhejiang", "--year", "2024"]
        let heavy = cli.duikou(base + ["--metric", "projects_signed", "--target", "2", "--weight", "3"])
        #expect(heavy.stdout == "jilin-zhejiang  2024  projects_signed  2  weight 3\n", "\(heavy)")
        #expect(cli.duikou(base + ["--metric", "签约投资额", "--target", "10亿", "--weight", "0.5"]).status == 0)
        #expect(cli.duikou(base + ["--metric", "cadres-trained-to-northeast", "--target", "0", "--weight", "1.25"]).status == 0)

        let list = try cli.duikou(["plan", "list", "--format", "json"]).jsonRows()
        #expect(list.map { $0["metric"] as? String } == ["projects_signed", "investment_signed_yuan", "cadres_trained_to_northeast"])
        #expect(list.map { $0["weight"] as? Double } == [3, 0.5, 1.25])
        let table = cli.duikou(["plan", "list"])
        #expect(table.stdout.contains("权重"))
        #expect(table.stdout.contains("1.25"))
        #expect(table.stdout.contains("赴东北培训干部"))

        // Setting a target again without --weight keeps its weight.
        let again = cli.duikou(base + ["--metric", "projects_signed", "--target", "1"])
        #expect(again.stdout == "jilin-zhejiang  2024  projects_signed  1 (was 2)  weight 3\n", "\(again)")

        // Scores 1 (weight 3), 1 (0.5) and 1 (1.25, a target of 0): excellent.
        let object = try cli.duikou(["evaluate", "--year", "2024", "--format", "json"]).jsonObject()
        let rows = try #require(object["rows"] as? [[String: Any]])
        #expect(rows.map { $0["weight"] as? Double } == [3, 0.5, 1.25])
        let pairings = try #require(object["pairings"] as? [[String: Any]])
        #expect(pairings.first?["score"] as? Double == 1)
        #expect(pairings.first?["grade"] as? String == "excellent")

        // A heavier target missed weighs the score down: (5 × 0.5 + 3 × 1 + 0.5 × 1 + 1.25 × 1) ÷ 9.75 = 0.7436, pass.
        #expect(cli.duikou(base + ["--metric", "projects_started", "--target", "2", "--weight", "5"]).status == 0)
        #expect(cli.duikou(["project", "update", try #require(try cli.projects().first?["id"] as? String), "--date", "2024-06-01",
                            "--status", "started"]).status == 0)
        let graded = try #require(try cli.duikou(["evaluate", "--year", "2024", "--format", "json"]).jsonObject()["pairings"] as? [[String: Any]])
        #expect(graded.first?["score"] as? Double == 0.7436)
        #expect(graded.first?["grade"] as? String == "pass")
        #expect(cli.duikou(["evaluate", "--year", "2024"]).stdout.contains("合格"))
    }

    @Test func badWeightsAreRefusedWithTheFieldNamedAndNothingWritten() throws {
        let base = ["plan", "set", "--pairing", "liaoning-jiangsu", "--year", "2024", "--metric", "projects_signed", "--target", "3"]
        for weight in ["0", "0.0", "-1", "-0.5", "NaN", "nan", "inf", "1e3", "abc", "二", "", "1001", "99999999999999999999", "0.0001",
                       "1,5", "½", "1\n2", "'; DROP TABLE plan_target; --"] {
            expectRefusal(cli.duikou(base + ["--weight", weight]), 65, mentions: ["--weight"])
        }
        #expect(cli.duikou(base + ["--weight"]).status == 64)
        #expect(try cli.duikou(["plan", "list", "--revisions", "--format", "json"]).jsonRows().isEmpty)
        #expect(try cli.duikou(["history", "--format", "json"]).jsonRows().isEmpty)
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

    /// Days are Beijing days: a change recorded at 07:30 in Beijing (23:30 UTC the day before) is
    /// listed from that Beijing day on, and every printed time carries its offset.
    @Test func historyDaysAndPrintedTimesAreChinaStandardTime() throws {
        #expect(cli.duikou(["tasks"]).status == 0)
        try SQLiteFile.execute(cli.db, """
            INSERT INTO audit_event (at, actor, command, action, record_kind, record_id, summary) VALUES
                ('2026-11-30T15:59:59.999Z', '张伟', 'park add', 'add', 'park', NULL, 'late on 30 November'),
                ('2026-11-30T23:30:00.000Z', '张伟', 'park add', 'add', 'park', NULL, 'early on 1 December');
            """)
        let since = try cli.duikou(["history", "--since", "2026-12-01", "--format", "json"]).jsonRows()
        #expect(since.map { $0["summary"] as? String } == ["early on 1 December"])
        #expect(since.first?["at"] as? String == "2026-12-01T07:30:00.000+08:00")
        let before = try cli.duikou(["history", "--since", "2026-11-30", "--format", "json"]).jsonRows()
        #expect(before.map { $0["at"] as? String } == ["2026-11-30T23:59:59.999+08:00", "2026-12-01T07:30:00.000+08:00"])
        let all = try cli.duikou(["history", "--format", "json"]).jsonRows()
        #expect(all.count == 2)
        #expect(all.allSatisfy { ($0["at"] as? String)?.hasSuffix("+08:00") == true })
        let table = cli.duikou(["history", "--since", "2026-12-01"])
        #expect(table.stdout.contains("2026-12-01T07:30:00.000+08:00"))
        #expect(table.stdout.contains("北京时间"))
        #expect(cli.duikou(["history", "--since", "2026-12-01", "--format", "csv"]).stdout.contains("2026-12-01T07:30:00.000+08:00"))
    }

    /// "Today" is the Beijing date whatever the machine's time zone, and `recorded_at` carries its offset.
    @Test func todayAndRecordedTimesAreChinaStandardTime() throws {
        let beijing = { Date(timeIntervalSinceNow: 8 * 3600).formatted(Date.ISO8601FormatStyle().year().month().day()) }
        let start = beijing()
        for zone in ["America/Los_Angeles", "Pacific/Kiritimati", "UTC"] {
            let added = cli.run(["project", "add", "--pairing", "harbin-shenzhen", "--task", "2.2", "--title", "项目 \(zone)", "--db", cli.db],
                                environment: ["TZ": zone])
            #expect(added.status == 0, "\(added)")
            let shown = try cli.show(added.stdout.trimmingCharacters(in: .whitespacesAndNewlines))
            #expect([start, beijing()].contains(shown["status_date"] as? String ?? ""), "\(zone): \(shown)")
            let history = try #require(shown["history"] as? [[String: Any]])
            let recorded = try #require(history.first?["recorded_at"] as? String)
            #expect(recorded.hasSuffix("+08:00") && recorded.count == 29, "\(recorded)")
            #expect([start, beijing()].contains(String(recorded.prefix(10))), "\(recorded)")
        }
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
