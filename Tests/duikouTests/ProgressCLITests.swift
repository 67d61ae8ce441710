import Foundation
import Testing

/// `progress` in its three formats and three groupings, now and as of a date.
@Suite struct ProgressCLITests {
    let cli: CLISandbox

    init() throws {
        cli = try CLISandbox()
    }

    static let statuses = ["planned", "negotiating", "signed", "landed", "started", "completed", "operating", "suspended", "terminated"]
    static let figureKeys: Set<String> = ["projects", "landmark_projects", "by_status", "planned_investment_yuan", "completed_investment_yuan"]

    /// Three projects in area 2 and one in area 4, with histories.
    private func record() {
        // Area 2: a landmark that started in 2019 and is operating since 2021.
        let a = cli.addProject(task: "2.1", title: "甲", ["--status", "signed", "--date", "2018-03-01", "--planned", "10亿", "--landmark"])
        #expect(cli.duikou(["project", "update", a, "--date", "2019-06-01", "--status", "started", "--completed", "4亿"]).status == 0)
        #expect(cli.duikou(["project", "update", a, "--date", "2021-01-01", "--status", "operating", "--completed", "9亿"]).status == 0)
        // Area 2: terminated in 2020 after 1亿 was spent.
        let b = cli.addProject(task: "2.2", title: "乙", ["--status", "landed", "--date", "2019-01-15", "--planned", "5亿", "--completed", "1亿"])
        #expect(cli.duikou(["project", "update", b, "--date", "2020-02-01", "--status", "terminated"]).status == 0)
        // Area 2: first recorded in 2020.
        _ = cli.addProject(task: "2.5", title: "丙", ["--status", "negotiating", "--date", "2020-07-01", "--planned", "3000万"])
        // Area 4.
        _ = cli.addProject(pairing: "dalian-shanghai", task: "4.2", title: "丁", ["--status", "planned", "--date", "2018-01-01", "--planned", "2亿"])
    }

    private func report(_ arguments: [String]) throws -> [String: Any] {
        let result = cli.duikou(["progress", "--format", "json"] + arguments)
        guard result.status == 0 else { throw CLIError("\(result)") }
        #expect(result.stderr.isEmpty)
        return try result.jsonObject()
    }

    private func expectFigures(_ figures: [String: Any], sourceLocation: SourceLocation = #_sourceLocation) {
        #expect(Set(figures.keys).isSuperset(of: Self.figureKeys), "\(figures.keys.sorted())", sourceLocation: sourceLocation)
        let byStatus = figures["by_status"] as? [String: Any] ?? [:]
        #expect(Set(byStatus.keys) == Set(Self.statuses), "\(byStatus.keys.sorted())", sourceLocation: sourceLocation)
        #expect(byStatus.values.allSatisfy { int($0) != nil }, sourceLocation: sourceLocation)
        #expect(byStatus.values.compactMap { int($0) }.reduce(0, +) == int(figures["projects"]), sourceLocation: sourceLocation)
    }

    @Test func emptyDatabaseReportsEveryAreaWithZeros() throws {
        let json = try report([])
        #expect(Set(json.keys) == ["as_of", "by", "rows", "total"])
        #expect(json["as_of"] is NSNull)
        #expect(json["by"] as? String == "area")
        let rows = try #require(json["rows"] as? [[String: Any]])
        #expect(rows.compactMap { $0["key"] as? String } == ["1", "2", "3", "4"])
        for row in rows {
            #expect(Set(row.keys).isSuperset(of: Self.figureKeys.union(["key", "name_zh", "name_en"])))
            expectFigures(row)
            #expect(int(row["projects"]) == 0)
            #expect(int(row["planned_investment_yuan"]) == 0)
            #expect(int(row["completed_investment_yuan"]) == 0)
        }
        #expect(rows.first?["name_zh"] as? String == "推进体制机制创新")
        #expect(rows.first?["name_en"] as? String == "Institutional and mechanism innovation")
        let total = try #require(json["total"] as? [String: Any])
        expectFigures(total)
        #expect(int(total["projects"]) == 0)
    }

    @Test func byAreaNow() throws {
        record()
        let json = try report(["--by", "area"])
        let rows = try #require(json["rows"] as? [[String: Any]])
        #expect(rows.count == 4)
        let area2 = try #require(rows.first { $0["key"] as? String == "2" })
        expectFigures(area2)
        #expect(int(area2["projects"]) == 3)
        #expect(int(area2["landmark_projects"]) == 1)
        let byStatus = try #require(area2["by_status"] as? [String: Any])
        #expect(int(byStatus["operating"]) == 1)
        #expect(int(byStatus["terminated"]) == 1)
        #expect(int(byStatus["negotiating"]) == 1)
        #expect(int(byStatus["started"]) == 0)
        // Planned sums the projects not terminated; completed sums all.
        #expect(int(area2["planned_investment_yuan"]) == 1_030_000_000)
        #expect(int(area2["completed_investment_yuan"]) == 1_000_000_000)
        let area4 = try #require(rows.first { $0["key"] as? String == "4" })
        #expect(int(area4["projects"]) == 1)
        #expect(int((area4["by_status"] as? [String: Any])?["planned"]) == 1)
        #expect(int(rows.first { $0["key"] as? String == "1" }?["projects"]) == 0)

        let total = try #require(json["total"] as? [String: Any])
        expectFigures(total)
        #expect(int(total["projects"]) == 4)
        #expect(int(total["landmark_projects"]) == 1)
        #expect(int(total["planned_investment_yuan"]) == 1_230_000_000)
        #expect(int(total["completed_investment_yuan"]) == 1_000_000_000)
    }

    @Test func asOfLeavesOutLaterProjectsAndUsesTheStatusThen() throws {
        record()
        let json = try report(["--as-of", "2019-12-31"])
        #expect(json["as_of"] as? String == "2019-12-31")
        let rows = try #require(json["rows"] as? [[String: Any]])
        let area2 = try #require(rows.first { $0["key"] as? String == "2" })
        #expect(int(area2["projects"]) == 2, "丙 was first recorded in 2020")
        let byStatus = try #require(area2["by_status"] as? [String: Any])
        #expect(int(byStatus["started"]) == 1)
        #expect(int(byStatus["landed"]) == 1)
        #expect(int(byStatus["operating"]) == 0)
        #expect(int(byStatus["terminated"]) == 0)
        #expect(int(byStatus["negotiating"]) == 0)
        #expect(int(area2["planned_investment_yuan"]) == 1_500_000_000)
        #expect(int(area2["completed_investment_yuan"]) == 500_000_000)

        let early = try report(["--as-of", "2018-02-01"])
        let total = try #require(early["total"] as? [String: Any])
        #expect(int(total["projects"]) == 1, "only 丁 existed")
        #expect(int((total["by_status"] as? [String: Any])?["planned"]) == 1)

        // The day of an update counts.
        let onTheDay = try report(["--as-of", "2019-06-01"])
        let area2OnTheDay = try #require((onTheDay["rows"] as? [[String: Any]])?.first { $0["key"] as? String == "2" })
        #expect(int((area2OnTheDay["by_status"] as? [String: Any])?["started"]) == 1)

        let before = try report(["--as-of", "2017-12-31"])
        #expect(int((before["total"] as? [String: Any])?["projects"]) == 0)

        let listed = try cli.projects(["--as-of", "2019-12-31"])
        #expect(listed.count == 3)
        #expect(listed.first { $0["title"] as? String == "甲" }?["status"] as? String == "started")
    }

    @Test func byTaskHasEighteenRows() throws {
        record()
        let json = try report(["--by", "task"])
        #expect(json["by"] as? String == "task")
        let rows = try #require(json["rows"] as? [[String: Any]])
        #expect(rows.count == 18)
        #expect(rows.first?["key"] as? String == "1.1")
        #expect(rows.last?["key"] as? String == "4.4")
        for row in rows { expectFigures(row) }
        #expect(int(rows.first { $0["key"] as? String == "2.1" }?["projects"]) == 1)
        #expect(int(rows.first { $0["key"] as? String == "4.2" }?["projects"]) == 1)
        #expect(rows.compactMap { int($0["projects"]) }.reduce(0, +) == 4)
    }

    @Test func byPairingCoversEveryPairing() throws {
        record()
        let json = try report(["--by", "pairing"])
        let rows = try #require(json["rows"] as? [[String: Any]])
        #expect(rows.count == 8)
        #expect(int(rows.first { $0["key"] as? String == "harbin-shenzhen" }?["projects"]) == 3)
        #expect(int(rows.first { $0["key"] as? String == "dalian-shanghai" }?["projects"]) == 1)
        #expect(int(rows.first { $0["key"] as? String == "inner-mongolia" }?["projects"]) == 0)
    }

    @Test func byProvinceRollsUpAndRatesKeepTheirBase() throws {
        record()
        let json = try report(["--by", "province"])
        #expect(json["by"] as? String == "province")
        let rows = try #require(json["rows"] as? [[String: Any]])
        #expect(rows.compactMap { $0["key"] as? String } == ["150000", "210000", "220000", "230000"])
        let heilongjiang = try #require(rows.last)
        expectFigures(heilongjiang)
        #expect(heilongjiang["name_zh"] as? String == "黑龙江省")
        #expect(int(heilongjiang["projects"]) == 3)
        // 甲 reached operating, 乙 landed before it was terminated, 丙 is still negotiating.
        let reached = try #require(heilongjiang["reached"] as? [String: Any])
        #expect(["signed", "landed", "started", "completed", "operating"].map { int(reached[$0]) } == [2, 2, 1, 1, 1])
        #expect((heilongjiang["landed_rate"] as? NSNumber)?.doubleValue == 1)
        #expect((heilongjiang["started_rate"] as? NSNumber)?.doubleValue == 0.5)
        #expect(int(heilongjiang["terminated_completed_investment_yuan"]) == 100_000_000)
        #expect(int(heilongjiang["completed_investment_yuan"]) == 1_000_000_000)
        #expect((heilongjiang["investment_completion_rate"] as? NSNumber)?.doubleValue == 0.8738)
        for key in ["parks", "secondments_to_east", "secondments_to_northeast", "trainees_to_east", "trainees_to_northeast"] {
            #expect(int(heilongjiang[key]) == 0, "\(key)")
        }
        #expect(int(rows[1]["projects"]) == 1)

        let csv = try cli.duikou(["progress", "--by", "pairing", "--format", "csv"]).csvRecords()
        let header = try #require(csv.first)
        #expect(header.contains("subtree_projects") && header.contains("reached_signed") && header.contains("terminated_completed_investment_yuan"))
        #expect(csv.allSatisfy { $0.count == header.count })
        let table = cli.duikou(["progress", "--by", "province"])
        #expect(table.status == 0 && table.stdout.contains("黑龙江省") && table.stdout.contains("挂职来东北(人)"), "\(table)")
    }

    @Test func areaAndPairingFilters() throws {
        record()
        let area = try report(["--area", "4"])
        let rows = try #require(area["rows"] as? [[String: Any]])
        #expect(rows.compactMap { $0["key"] as? String } == ["4"])
        #expect(int((area["total"] as? [String: Any])?["projects"]) == 1)

        let pairing = try report(["--pairing", "harbin-shenzhen"])
        #expect(int((pairing["total"] as? [String: Any])?["projects"]) == 3)
        #expect((pairing["rows"] as? [Any])?.count == 4)

        expectRefusal(cli.duikou(["progress", "--pairing", "nowhere"]), 66, mentions: ["nowhere"])
        expectRefusal(cli.duikou(["progress", "--as-of", "2019-02-29"]), 65, mentions: ["--as-of", "2019-02-29"])
    }

    @Test func csvHasAHeaderRowsAndATotal() throws {
        record()
        let result = cli.duikou(["progress", "--format", "csv"])
        #expect(result.status == 0, "\(result)")
        let all = try result.csvRecords()
        #expect(all.count == 6, "\(result.stdout)")
        let header = try #require(all.first)
        #expect(Array(header.prefix(5)) == ["key", "name_zh", "name_en", "projects", "landmark_projects"])
        #expect(Set(header).isSuperset(of: Set(Self.statuses + ["planned_investment_yuan", "completed_investment_yuan"])))
        let records = Array(all.dropFirst())
        #expect(records.allSatisfy { $0.count == header.count })
        #expect(records.map(\.first) == ["1", "2", "3", "4", "total"])
        let total = try #require(records.last)
        func field(_ name: String) -> String? { header.firstIndex(of: name).map { total[$0] } }
        #expect(field("projects") == "4")
        #expect(field("planned_investment_yuan") == "1230000000")
        #expect(field("completed_investment_yuan") == "1000000000")
        #expect(field("terminated") == "1")

        let byTask = cli.duikou(["progress", "--format", "csv", "--by", "task"])
        let byTaskRecords = try byTask.csvRecords()
        #expect(byTaskRecords.count == 20)
        #expect(byTaskRecords.last?.first == "total")
    }

    @Test func tableShowsTheAreasAlignedByDisplayWidth() throws {
        record()
        let result = cli.duikou(["progress"])
        #expect(result.status == 0, "\(result)")
        for name in ["推进体制机制创新", "加快产业结构调整", "提升创新创业水平", "搭建合作平台载体"] {
            #expect(result.stdout.contains(name), "\(name) missing from\n\(result.stdout)")
        }
        #expect(result.stdout.contains("合计"))
        // The last column is right-aligned, so every line of the table ends at the same display column.
        // The header is the line above the first rule; the rules are as wide as the table.
        let all = result.stdoutLines
        let rule = try #require(all.firstIndex { $0.hasPrefix("---") })
        #expect(rule >= 1)
        let lines = all[(rule - 1)...].filter { !$0.isEmpty }
        #expect(lines.count == 8, "header, rule, 4 areas, rule, total:\n\(result.stdout)")
        let widths = Set(lines.map(displayWidth))
        #expect(widths.count == 1, "\(widths)\n\(result.stdout)")

        let english = cli.duikou(["progress", "--lang", "en", "--as-of", "2019-12-31"])
        #expect(english.status == 0, "\(english)")
        #expect(english.stdout.contains("Industrial cooperation and restructuring"))
        #expect(english.stdout.contains("2019-12-31"))
        #expect(english.stdout.contains("Total"))
    }
}
