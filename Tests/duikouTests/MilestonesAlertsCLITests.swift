import Foundation
import Testing

/// Planned milestones, `project plan` and `alerts` through the binary.
@Suite struct MilestonesAlertsCLITests {
    let cli: CLISandbox

    init() throws { cli = try CLISandbox() }

    @Test func milestonesInAddShowExportImportAndMerge() throws {
        let id = cli.addProject(title: "模具\"基地\", 一期", ["--date", "2024-01-10", "--planned-start", "2024-03-01",
                                                             "--planned-completion", "2025-06-30", "--planned", "3亿"])
        let shown = try cli.show(id)
        #expect(shown["planned_start"] as? String == "2024-03-01")
        #expect(shown["planned_completion"] as? String == "2025-06-30")
        #expect((shown["plan_revisions"] as? [Any])?.isEmpty == true)
        let table = cli.duikou(["project", "show", id])
        #expect(table.stdout.contains("计划开工日期") && table.stdout.contains("2025-06-30"), "\(table)")

        let exported = cli.duikou(["export", "projects"])
        #expect(exported.status == 0)
        let records = try exported.csvRecords()
        #expect(Array(records[0].suffix(3)) == ["reached", "planned_start", "planned_completion"])
        #expect(Array(records[1].suffix(2)) == ["2024-03-01", "2025-06-30"])

        let file = cli.path("projects.csv")
        try exported.stdout.write(toFile: file, atomically: true, encoding: .utf8)
        let copy = try CLISandbox()
        #expect(copy.duikou(["import", "projects", file]).status == 0)
        let imported = try copy.show(id)
        #expect(imported["planned_start"] as? String == "2024-03-01")
        #expect(imported["planned_completion"] as? String == "2025-06-30")
        #expect(copy.duikou(["export", "projects"]).stdout == exported.stdout)

        // Chinese headers, and a completion before the start refused under its column with nothing written.
        let bad = cli.path("bad.csv")
        try "对口合作关系,任务,项目名称,计划开工日期,计划竣工日期\n深哈,2.1,好,2024-01-01,2024-12-31\n深哈,2.1,坏,2024-05-01,2024-04-30\n"
            .write(toFile: bad, atomically: true, encoding: .utf8)
        let refused = copy.duikou(["import", "projects", bad])
        #expect(refused.status == 65, "\(refused)")
        #expect(refused.stderr.contains("bad.csv:3: planned_completion"), "\(refused)")
        #expect(try copy.projects().count == 1)

        // Merge: a new project carries its milestones; a revised one differs and is taken with --prefer theirs.
        #expect(copy.duikou(["project", "plan", id, "--planned-start", "2024-04-01", "--reason", "审批推迟"]).status == 0)
        let other = copy.addProject(title: "新项目", ["--planned-start", "2030-01-01"])
        let merged = cli.duikou(["merge", copy.db, "--prefer", "theirs"])
        #expect(merged.status == 0, "\(merged)")
        #expect(try cli.show(id)["planned_start"] as? String == "2024-04-01")
        #expect(try cli.show(other)["planned_start"] as? String == "2030-01-01")
    }

    @Test func projectPlanKeepsRevisionsAndRefusesWithNothingWritten() throws {
        let id = cli.addProject(["--date", "2024-01-10", "--planned-start", "2024-03-01", "--planned-completion", "2025-06-30"])
        let revised = cli.duikou(["project", "plan", String(id.prefix(8)), "--planned-completion", "2025-12-31", "--planned", "2亿",
                                  "--reason", "设备到货推迟, \"二期\" 🚧", "--actor", "王科长"])
        #expect(revised.status == 0, "\(revised)")
        let shown = try cli.show(id)
        #expect(shown["planned_completion"] as? String == "2025-12-31")
        #expect(int(shown["planned_investment_yuan"]) == 200_000_000)
        let revisions = try #require(shown["plan_revisions"] as? [[String: Any]])
        #expect(revisions.count == 1)
        #expect(revisions[0]["reason"] as? String == "设备到货推迟, \"二期\" 🚧")
        #expect(revisions[0]["previous_planned_completion"] as? String == "2025-06-30")
        let history = cli.duikou(["history", "--format", "json"])
        #expect(history.stdout.contains("王科长") && history.stdout.contains("设备到货推迟"), "\(history)")

        expectRefusal(cli.duikou(["project", "plan", id, "--planned-start", "2024-04-01", "--reason", "   "]), 65, mentions: ["reason"])
        expectRefusal(cli.duikou(["project", "plan", id, "--reason", "无改动"]), 65, mentions: ["plan"])
        expectRefusal(cli.duikou(["project", "plan", id, "--planned-start", "2026-01-01", "--reason", "晚于竣工"]), 65,
                      mentions: ["planned_completion"])
        expectRefusal(cli.duikou(["project", "plan", id, "--planned-completion", "2025-12-31", "--reason", "相同"]), 65, mentions: ["plan"])
        expectRefusal(cli.duikou(["project", "plan", "00000000-0000-4000-8000-000000000000", "--planned-start", "2024-04-01",
                                  "--reason", "未知"]), 66, mentions: ["00000000"])
        expectRefusal(cli.duikou(["project", "plan", id, "--planned-start", "2024-02-30", "--reason", "坏日期"]), 65, mentions: ["--planned-start"])
        #expect(cli.duikou(["project", "plan", id, "--planned-start", "2024-04-01"]).status == 64)
        expectRefusal(cli.duikou(["project", "add", "--pairing", "深哈", "--task", "2.1", "--title", "x",
                                  "--planned-start", "2024-05-01", "--planned-completion", "2024-04-30"]), 65, mentions: ["planned_completion"])
        #expect(try #require(try cli.show(id)["plan_revisions"] as? [Any]).count == 1)
        #expect(try cli.projects().count == 1)
    }

    @Test func alertsEndToEnd() throws {
        // As of 2025-06-30: started and quiet for 400 days (stalled red); in a child pairing, the
        // planned start 91 days past (start_overdue red), signed 180 days ago (not yet stalled).
        let stalled = cli.addProject(title: "停滞项目", ["--status", "started", "--date", "2024-05-26"])
        #expect(cli.duikou(["region", "add", "--code", "230800", "--name-zh", "佳木斯市", "--name-en", "Jiamusi",
                            "--level", "prefecture-city", "--side", "northeast"]).status == 0)
        #expect(cli.duikou(["region", "add", "--code", "440600", "--name-zh", "佛山市", "--name-en", "Foshan",
                            "--level", "prefecture-city", "--side", "east"]).status == 0)
        #expect(cli.duikou(["pairing", "add", "--id", "foshan-jiamusi", "--northeast", "230800", "--east", "440600",
                            "--parent", "heilongjiang-guangdong"]).status == 0)
        let late = cli.addProject(pairing: "foshan-jiamusi", title: "逾期🏗", ["--date", "2025-01-01", "--planned-start", "2025-03-31"])

        let json = cli.duikou(["alerts", "--as-of", "2025-06-30", "--format", "json"])
        #expect(json.status == 0, "\(json)")
        let rows = try json.jsonRows()
        #expect(rows.map { $0["project"] as? String } == [stalled, late])
        #expect(rows.map { $0["rule"] as? String } == ["stalled", "start_overdue"])
        #expect(rows.map { $0["level"] as? String } == ["red", "red"])
        #expect(rows.map { int($0["days"]) } == [400, 91])
        #expect(Set(rows[0].keys) == ["project", "pairing", "rule", "level", "since", "days", "message_zh", "message_en"])

        let province = try cli.duikou(["alerts", "--as-of", "2025-06-30", "--pairing", "黑粤", "--format", "json"]).jsonRows()
        #expect(province.map { $0["project"] as? String } == [late])
        #expect(try cli.duikou(["alerts", "--as-of", "2025-06-30", "--rule", "stalled", "--format", "json"]).jsonRows().count == 1)
        #expect(try cli.duikou(["alerts", "--as-of", "2025-06-30", "--overdue-red-days", "91", "--rule", "start_overdue",
                                "--format", "json"]).jsonRows().first?["level"] as? String == "yellow")

        let csv = try cli.duikou(["alerts", "--as-of", "2025-06-30", "--format", "csv"]).csvRecords()
        #expect(csv[0] == ["project", "pairing", "rule", "level", "since", "days", "message_zh", "message_en"])
        #expect(csv.count == 3)
        let table = cli.duikou(["alerts", "--as-of", "2025-06-30"])
        #expect(table.stdout.contains("停滞项目") && table.stdout.contains("逾期🏗") && table.stdout.contains("佳木斯市—佛山市"), "\(table)")
        #expect(table.stdout.contains("红灯"), "\(table)")
        #expect(cli.duikou(["alerts", "--as-of", "2025-06-30", "--lang", "en"]).stdout.contains("start overdue"))

        expectRefusal(cli.duikou(["alerts", "--rule", "late"]), 65, mentions: ["--rule", "late"])
        expectRefusal(cli.duikou(["alerts", "--as-of", "2025-13-01"]), 65, mentions: ["--as-of"])
        expectRefusal(cli.duikou(["alerts", "--pairing", "nowhere"]), 66, mentions: ["nowhere"])
        #expect(cli.duikou(["alerts", "--stalled-days", "-1"]).status == 64)
        #expect(cli.duikou(["alerts", "--stalled-days", "400"]).status == 64)
    }

    @Test func notReportedThroughTheBinary() throws {
        // 2020-Q3 is due 2020-10-10, long past: the silent project is red, the one that reported is not.
        let silent = cli.addProject(title: "沉默, \"引号\"\n🚀", ["--date", "2020-03-01"])
        let reporter = cli.addProject(title: "按期报送", ["--date", "2020-03-01"])
        #expect(cli.duikou(["project", "update", reporter, "--date", "2020-08-15", "--status", "开工"]).status == 0)
        #expect(cli.duikou(["round", "open", "2020-Q3", "--pairing", "深哈"]).status == 0)
        let json = cli.duikou(["alerts", "--rule", "not_reported", "--format", "json"])
        #expect(json.status == 0, "\(json)")
        let rows = try json.jsonRows()
        #expect(rows.map { $0["project"] as? String } == [silent])
        #expect(rows.first?["rule"] as? String == "not_reported" && rows.first?["level"] as? String == "red")
        #expect(rows.first?["since"] as? String == "2020-10-10")
        #expect((rows.first?["message_en"] as? String)?.contains("2020-Q3") == true)
        #expect(cli.duikou(["alerts", "--rule", "not_reported"]).stdout.contains("逾期未报送"))
        // Progress by pairing counts it (with the stalled warnings of both projects, as of today).
        let progress = try cli.duikou(["progress", "--by", "pairing", "--format", "json"]).jsonObject()
        let total = try #require(progress["total"] as? [String: Any])
        let alerts = try cli.duikou(["alerts", "--format", "json"]).jsonRows()
        #expect(int(total["alerts_red"]) == alerts.filter { $0["level"] as? String == "red" }.count)
        #expect(int(total["alerts_yellow"]) == alerts.filter { $0["level"] as? String == "yellow" }.count)
        #expect(int(total["alerts_red"]) ?? 0 >= 1)
        #expect(cli.duikou(["progress", "--by", "pairing"]).stdout.contains("红灯"))
        // Reporting while the round is open clears it.
        #expect(cli.duikou(["project", "update", silent, "--unchanged", "--date", "2020-09-30"]).status == 0)
        #expect(try cli.duikou(["alerts", "--rule", "not_reported", "--format", "json"]).jsonRows().isEmpty)
    }
}
