import Foundation
import Testing

/// `duikou search` through the binary.
@Suite struct SearchCLITests {
    let cli: CLISandbox

    init() throws {
        cli = try CLISandbox()
    }

    /// A park and a project in it; returns their ids.
    private func addRecords() -> (park: String, project: String) {
        let park = cli.duikou(["park", "add", "--pairing", "harbin-shenzhen", "--name", "深圳（哈尔滨）产业园区"])
        #expect(park.status == 0, "\(park)")
        let parkID = park.stdout.trimmingCharacters(in: .whitespacesAndNewlines)
        let project = cli.addProject(pairing: "harbin-shenzhen", task: "2.2", title: "新能源汽车零部件项目", [
            "--description", "在哈尔滨新区建设电池PACK生产线", "--northeast-party", "哈电集团",
            "--east-party", "比亚迪 \"BYD\"", "--park", parkID, "--date", "2020-03-01",
        ])
        cli.addProject(pairing: "jilin-zhejiang", task: "2.3", title: "吉浙农业合作示范基地", ["--date", "2019-06-15"])
        return (parkID, project)
    }

    @Test func tablePrintsOneRowPerMatch() throws {
        let (park, project) = addRecords()
        let result = cli.duikou(["search", "哈尔滨"])
        #expect(result.status == 0, "\(result)")
        #expect(result.stderr.isEmpty, "\(result)")
        let lines = result.stdoutLines
        #expect(lines.count == 4, "\(result)")   // heading, rule, two rows
        #expect(lines.first?.contains("摘录") == true, "\(result)")
        let projectRow = try #require(lines.first { $0.contains(String(project.prefix(8))) }, "\(result)")
        #expect(projectRow.contains("新能源汽车零部件项目"))
        #expect(projectRow.contains("项目简介"))
        #expect(projectRow.contains("在哈尔滨新区建设电池PACK生产线"))
        let parkRow = try #require(lines.first { $0.contains(String(park.prefix(8))) }, "\(result)")
        #expect(parkRow.contains("园区名称"))
        #expect(!result.stdout.contains("吉浙"))

        let english = cli.duikou(["search", "哈尔滨", "--lang", "en"])
        #expect(english.status == 0, "\(english)")
        #expect(english.stdout.contains("park name"), "\(english)")
        #expect(english.stdout.contains("Snippet"), "\(english)")
    }

    @Test func jsonIsAnArrayOfHitsWithSnakeCaseKeys() throws {
        let (park, project) = addRecords()
        let result = cli.duikou(["search", "哈尔滨", "--format", "json"])
        #expect(result.status == 0, "\(result)")
        let rows = try result.jsonRows()
        #expect(rows.count == 2)
        for row in rows {
            #expect(Set(row.keys) == ["kind", "id", "pairing", "title", "field", "snippet"], "\(row)")
        }
        let projectHit = try #require(rows.first { $0["kind"] as? String == "project" })
        #expect(projectHit["id"] as? String == project)
        #expect(projectHit["pairing"] as? String == "harbin-shenzhen")
        #expect(projectHit["title"] as? String == "新能源汽车零部件项目")
        #expect(projectHit["field"] as? String == "description")
        #expect(projectHit["snippet"] as? String == "在哈尔滨新区建设电池PACK生产线")
        let parkHit = try #require(rows.first { $0["kind"] as? String == "park" })
        #expect(parkHit["id"] as? String == park)
        #expect(parkHit["field"] as? String == "name")
        #expect(parkHit["title"] as? String == "深圳（哈尔滨）产业园区")
    }

    @Test func shortTextQuotesCaseAndLimit() throws {
        let (park, project) = addRecords()
        // One character: the scan.
        let one = try cli.duikou(["search", "园", "--format", "json"]).jsonRows()
        #expect(one.compactMap { $0["id"] as? String } == [park])
        // Two characters, and ASCII in any case.
        #expect(try cli.duikou(["search", "哈电", "--format", "json"]).jsonRows().first?["field"] as? String == "northeast_party")
        #expect(try cli.duikou(["search", "pack", "--format", "json"]).jsonRows().compactMap { $0["id"] as? String } == [project])
        #expect(try cli.duikou(["search", "Pa", "--format", "json"]).jsonRows().compactMap { $0["id"] as? String } == [project])
        // A quote in the text.
        let quoted = try cli.duikou(["search", "\"BYD\"", "--format", "json"]).jsonRows()
        #expect(quoted.first?["field"] as? String == "east_party")
        #expect(quoted.first?["snippet"] as? String == "比亚迪 \"BYD\"")
        // --limit.
        #expect(try cli.duikou(["search", "项目", "--format", "json"]).jsonRows().count == 1)
        #expect(try cli.duikou(["search", "合作", "--format", "json"]).jsonRows().count == 1)
        cli.addProject(pairing: "jilin-zhejiang", task: "2.3", title: "吉浙农业合作二期", ["--date", "2020-06-15"])
        #expect(try cli.duikou(["search", "农业合作", "--format", "json"]).jsonRows().count == 2)
        #expect(try cli.duikou(["search", "农业合作", "--format", "json", "--limit", "1"]).jsonRows().count == 1)
        // CSV.
        let csv = cli.duikou(["search", "园", "--format", "csv"])
        #expect(csv.status == 0, "\(csv)")
        let records = try csv.csvRecords()
        #expect(records.first == ["kind", "id", "pairing", "title", "field", "snippet"])
        #expect(records.count == 2)
        #expect(records.last?[1] == park)
    }

    @Test func nothingFoundIsAnEmptyListAndSuccess() throws {
        _ = addRecords()
        let json = cli.duikou(["search", "不存在的文字", "--format", "json"])
        #expect(json.status == 0, "\(json)")
        #expect(json.stderr.isEmpty, "\(json)")
        #expect(try json.jsonRows().isEmpty)

        let short = cli.duikou(["search", "鸡", "--format", "json"])
        #expect(short.status == 0, "\(short)")
        #expect(try short.jsonRows().isEmpty)

        let table = cli.duikou(["search", "'; DROP TABLE project; --"])
        #expect(table.status == 0, "\(table)")
        #expect(table.stdoutLines.count == 2, "\(table)")   // heading and rule only
        #expect(try cli.projects().count == 2)

        let csv = cli.duikou(["search", "不存在", "--format", "csv"])
        #expect(csv.status == 0, "\(csv)")
        #expect(try csv.csvRecords() == [["kind", "id", "pairing", "title", "field", "snippet"]])

        // On a database that does not exist yet: created, migrated, nothing found.
        let fresh = cli.run(["search", "汽车", "--db", cli.path("fresh.sqlite"), "--format", "json"])
        #expect(fresh.status == 0, "\(fresh)")
        #expect(try fresh.jsonRows().isEmpty)
    }

    @Test func blankTextIsRefusedWith65() {
        for text in ["", "   ", "\u{3000}"] {
            expectRefusal(cli.duikou(["search", text]), 65, mentions: ["search text"])
        }
        expectRefusal(cli.duikou(["search", "汽车", "--limit", "0"]), 65, mentions: ["--limit", "0"])
    }

    @Test func missingTextIsBadUsage() {
        let result = cli.duikou(["search"])
        #expect(result.status == 64, "\(result)")
        #expect(result.stdout.isEmpty, "\(result)")
        #expect(result.stderr.hasPrefix("error: "), "\(result)")
    }

    @Test func helpDescribesTheThreeCharacterRule() {
        let result = cli.run(["search", "--help"])
        #expect(result.status == 0, "\(result)")
        let words = result.stdout.split(whereSeparator: \.isWhitespace).joined(separator: " ")
        #expect(words.contains("3 or more characters"), "\(result)")
        #expect(result.stdout.contains("duikou search 哈尔滨"), "\(result)")
        #expect(result.stdout.contains("--limit"), "\(result)")
    }
}
