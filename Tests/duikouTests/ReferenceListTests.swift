import Foundation
import Testing

/// `regions`, `pairings` and `tasks` in every format and both languages.
@Suite struct ReferenceListTests {
    let cli: CLISandbox

    init() throws {
        cli = try CLISandbox()
    }

    @Test func tasksCSVQuotesNamesWithCommas() throws {
        let records = try cli.duikou(["tasks", "--format", "csv"]).csvRecords()
        let head = try #require(records.first)
        let code = try #require(head.firstIndex(of: "code"))
        let nameEN = try #require(head.firstIndex(of: "name_en"))
        let task = try #require(records.first { $0[code] == "2.2" })
        #expect(task[nameEN] == "Emerging industries (robotics, biomedicine, new materials)")
    }

    @Test func regionsAsJSON() throws {
        let result = cli.duikou(["regions", "--format", "json"])
        #expect(result.status == 0, "\(result)")
        let rows = try result.jsonRows()
        #expect(rows.count == 15)
        for row in rows {
            #expect(Set(row.keys).isSuperset(of: ["code", "name_zh", "name_en", "level", "side"]), "\(row)")
        }
        let heilongjiang = try #require(rows.first { $0["code"] as? String == "230000" })
        #expect(heilongjiang["name_zh"] as? String == "黑龙江省")
        #expect(heilongjiang["name_en"] as? String == "Heilongjiang")
        #expect(heilongjiang["level"] as? String == "province")
        #expect(heilongjiang["side"] as? String == "northeast")
        #expect(rows.filter { $0["side"] as? String == "northeast" }.count == 8)
        #expect(rows.filter { $0["side"] as? String == "east" }.count == 7)
        #expect(rows.first { $0["code"] as? String == "150000" }?["level"] as? String == "autonomous-region")
    }

    @Test func pairingsAsJSON() throws {
        let result = cli.duikou(["pairings", "--format", "json"])
        #expect(result.status == 0, "\(result)")
        let rows = try result.jsonRows()
        #expect(rows.count == 8)
        for row in rows {
            #expect(Set(row.keys).isSuperset(of: ["id", "name_zh", "name_en", "northeast", "east", "level", "status", "parent"]), "\(row)")
        }
        #expect(Set(rows.compactMap { $0["id"] as? String }) == [
            "liaoning-jiangsu", "jilin-zhejiang", "heilongjiang-guangdong", "shenyang-beijing", "dalian-shanghai",
            "changchun-tianjin", "harbin-shenzhen", "inner-mongolia",
        ])
        let guangdong = try #require(rows.first { $0["id"] as? String == "heilongjiang-guangdong" })
        #expect(guangdong["northeast"] as? String == "230000")
        #expect(guangdong["east"] as? String == "440000")
        #expect(guangdong["level"] as? String == "province")
        #expect(guangdong["status"] as? String == "active")
        #expect(guangdong["parent"] is NSNull)
        let mongolia = try #require(rows.first { $0["id"] as? String == "inner-mongolia" })
        #expect(mongolia["status"] as? String == "exploring")
        #expect(mongolia["east"] is NSNull)
    }

    @Test func tasksAsJSON() throws {
        let result = cli.duikou(["tasks", "--format", "json"])
        #expect(result.status == 0, "\(result)")
        let rows = try result.jsonRows()
        #expect(rows.count == 22)
        #expect(rows.filter { $0["kind"] as? String == "area" }.count == 4)
        #expect(rows.filter { $0["kind"] as? String == "task" }.count == 18)
        #expect(rows.compactMap { $0["code"] as? String } == [
            "1", "1.1", "1.2", "1.3", "1.4", "1.5", "2", "2.1", "2.2", "2.3", "2.4", "2.5",
            "3", "3.1", "3.2", "3.3", "3.4", "4", "4.1", "4.2", "4.3", "4.4",
        ])
        for row in rows {
            #expect(Set(row.keys).isSuperset(of: ["code", "name_zh", "name_en", "basis"]), "\(row)")
            #expect(Set(["verified", "field-verified", "inferred"]).contains(row["basis"] as? String ?? ""), "\(row)")
        }
        let task = try #require(rows.first { $0["code"] as? String == "4.2" })
        #expect(task["name_zh"] as? String == "共建产业合作园区")
        #expect(task["area"] as? String == "4")
    }

    @Test(arguments: [("regions", 15, "code,name_zh,name_en,level,side"), ("pairings", 8, "id,"), ("tasks", 22, "code,")])
    func csvHasAHeaderAndOneLinePerRow(command: String, rows: Int, header: String) throws {
        let result = cli.duikou([command, "--format", "csv"])
        #expect(result.status == 0, "\(result)")
        let records = try result.csvRecords()
        #expect(records.count == rows + 1, "\(result.stdout)")
        let head = try #require(records.first)
        #expect(head.joined(separator: ",").hasPrefix(header), "\(head)")
        #expect(head.contains("name_zh"))
        #expect(head.contains("name_en"))
        for record in records.dropFirst() {
            #expect(record.count == head.count, "\(record)")
        }
    }

    @Test(arguments: ["regions", "pairings", "tasks"])
    func tableInChineseByDefault(command: String) throws {
        let result = cli.duikou([command])
        #expect(result.status == 0, "\(result)")
        #expect(result.stderr.isEmpty)
        #expect(result.stdout.contains("黑龙江") || result.stdout.contains("推进"), "\(result.stdout)")
        let lines = result.stdoutLines
        #expect(lines.count >= 3)
        #expect(lines[1].allSatisfy { $0 == "-" }, "second line is a rule: \(lines[1])")
    }

    @Test func regionsTableAlignsChineseByDisplayWidth() throws {
        let result = cli.duikou(["regions"])
        let lines = result.stdoutLines
        #expect(lines.count == 17)
        // Each column after the Chinese name starts at the same display column on every line:
        // find where the English name starts in each data line.
        let starts = zip(lines.dropFirst(2), try cli.duikou(["regions", "--format", "json"]).jsonRows()).map { line, row in
            let english = row["name_en"] as? String ?? "?"
            guard let range = line.range(of: "  " + english) else { return -1 }
            return displayWidth(String(line[..<range.lowerBound])) + 2
        }
        #expect(Set(starts).count == 1, "\(starts)\n\(result.stdout)")
        #expect(!starts.contains(-1))
    }

    @Test func englishTables() throws {
        let regions = cli.duikou(["regions", "--lang", "en"])
        #expect(regions.status == 0, "\(regions)")
        #expect(regions.stdout.contains("Heilongjiang"))
        #expect(regions.stdoutLines.first?.contains("Code") == true, "\(regions.stdout)")
        #expect(!(regions.stdoutLines.first?.contains("代码") ?? true))

        let pairings = cli.duikou(["pairings", "--lang", "en"])
        #expect(pairings.status == 0, "\(pairings)")
        #expect(pairings.stdout.contains("harbin-shenzhen"))
        #expect(pairings.stdoutLines.first?.contains("Name") == true)
        #expect(!(pairings.stdoutLines.first?.contains("名称") ?? true))

        let tasks = cli.duikou(["tasks", "--lang", "en"])
        #expect(tasks.status == 0, "\(tasks)")
        #expect(tasks.stdout.contains("Co-built industrial parks"))
        #expect(tasks.stdoutLines.count == 24)

        let bad = cli.duikou(["tasks", "--lang", "fr"])
        expectRefusal(bad, 64, mentions: ["--lang", "fr"])
    }

    @Test func jsonIsTheSameWhateverTheLanguage() throws {
        let zh = cli.duikou(["pairings", "--format", "json"])
        let en = cli.duikou(["pairings", "--format", "json", "--lang", "en"])
        #expect(zh.status == 0 && en.status == 0)
        #expect(zh.stdout == en.stdout)
    }
}
