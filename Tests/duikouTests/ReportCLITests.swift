import Foundation
import Testing

/// `duikou report` end to end: the file it writes, its determinism, languages, escaping and
/// redaction, refusals and their exit codes; and `export exchanges --redact-people`.
@Suite struct ReportCLITests {
    let cli: CLISandbox

    init() throws {
        cli = try CLISandbox()
    }

    private static let hostile = "<script>alert(\"x\")</script> & \"引号\" 🎉"

    /// Two projects with histories, a park and two exchanges, the latest update on 2024-09-30.
    private func record() {
        let a = cli.addProject(pairing: "harbin-shenzhen", task: "2.2", title: "新能源汽车零部件项目",
                               ["--date", "2023-03-01", "--planned", "12.5亿", "--landmark"])
        #expect(cli.duikou(["project", "update", a, "--date", "2024-09-30", "--status", "开工", "--completed", "2.1亿"]).status == 0)
        cli.addProject(pairing: "heilongjiang-guangdong", task: "1.1", title: Self.hostile, ["--date", "2022-05-01", "--planned", "3亿", "--landmark"])
        #expect(cli.duikou(["park", "add", "--pairing", "harbin-shenzhen", "--name", "深圳（哈尔滨）产业园区", "--established", "2019-05-09"]).status == 0)
        #expect(cli.duikou(["exchange", "add", "--pairing", "harbin-shenzhen", "--direction", "to-east", "--kind", "secondment",
                            "--start", "2019-07-01", "--person", "张三丰", "--post", "发展改革委副主任"]).status == 0)
        #expect(cli.duikou(["exchange", "add", "--pairing", "jilin-zhejiang", "--direction", "to-east", "--kind", "training",
                            "--start", "2018-04-10", "--participants", "52"]).status == 0)
    }

    /// Runs `report` into `name` in the working directory and returns the file's text.
    private func report(_ name: String, _ more: [String] = [], sourceLocation: SourceLocation = #_sourceLocation) throws -> String {
        let result = cli.duikou(["report", "--out", name] + more)
        #expect(result.status == 0, "\(result)", sourceLocation: sourceLocation)
        #expect(result.stdout.isEmpty, "\(result)", sourceLocation: sourceLocation)
        #expect(result.stderr.isEmpty, "\(result)", sourceLocation: sourceLocation)
        let bytes = try #require(cli.bytes(cli.work.appendingPathComponent(name).path), sourceLocation: sourceLocation)
        return String(decoding: bytes, as: UTF8.self)
    }

    private func dateLine(_ html: String) -> String? {
        guard let start = html.range(of: "<p class=\"dateline\">"), let end = html.range(of: "</p>", range: start.upperBound..<html.endIndex) else {
            return nil
        }
        return String(html[start.upperBound..<end.lowerBound])
    }

    @Test func sameDatabaseAndOptionsGiveTheSameBytes() throws {
        record()
        let first = try report("a.html")
        let second = try report("b.html")
        #expect(first == second)
        #expect(dateLine(first) == "截至2024年9月30日")
        let earlier = try report("c.html", ["--as-of", "2023-12-31"])
        #expect(earlier != first)
        #expect(dateLine(earlier) == "截至2023年12月31日")
        #expect(try report("d.html", ["--as-of", "2023-12-31"]) == earlier)
        #expect(cli.names(in: cli.work) == ["a.html", "b.html", "c.html", "d.html"])
    }

    @Test func fileIsSelfContainedWithChartsInEitherLanguage() throws {
        record()
        let zh = try report("zh.html")
        let en = try report("en.html", ["--lang", "en"])
        for html in [zh, en] {
            #expect(html.hasPrefix("<!DOCTYPE html>"))
            #expect(html.components(separatedBy: "<svg").count - 1 == 6)
            for forbidden in ["http://", "https://", "<script", "src="] {
                #expect(!html.lowercased().contains(forbidden), "\(forbidden)")
            }
        }
        for name in ["推进体制机制创新", "加快产业结构调整", "哈尔滨市—深圳市", "开工"] {
            #expect(zh.contains(name), "\(name)")
        }
        for name in ["Institutional and mechanism innovation", "Industrial cooperation and restructuring", "Harbin–Shenzhen", "started"] {
            #expect(en.contains(name), "\(name)")
        }
        #expect(!en.contains("推进体制机制创新"))
        #expect(!zh.contains("Institutional and mechanism innovation"))
        // Recorded text stays as recorded in both.
        #expect(en.contains("新能源汽车零部件项目"))
    }

    @Test func hostileTitleIsEscaped() throws {
        record()
        let html = try report("r.html")
        #expect(!html.contains(Self.hostile))
        #expect(!html.contains("<script"))
        #expect(html.contains("&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; &quot;引号&quot; 🎉"))
    }

    @Test func planYearDefaultsToTheAsOfYear() throws {
        record()
        #expect(try report("a.html").contains("2024年未设定年度目标"))
        #expect(try report("b.html", ["--as-of", "2023-06-30"]).contains("2023年未设定年度目标"))
        #expect(try report("c.html", ["--year", "2020", "--lang", "en"]).contains("No targets set for 2020."))
    }

    @Test func redactPeopleLeavesNamesOutOfReportAndExport() throws {
        record()
        #expect(try report("shown.html").contains("张三丰"))
        let redacted = try report("redacted.html", ["--redact-people"])
        #expect(!redacted.contains("张三丰"))
        #expect(redacted.contains("发展改革委副主任"))

        let plain = cli.duikou(["export", "exchanges"])
        let blank = cli.duikou(["export", "exchanges", "--redact-people"])
        #expect(plain.status == 0 && blank.status == 0, "\(blank)")
        #expect(plain.stdout.contains("张三丰"))
        #expect(!blank.stdout.contains("张三丰"))
        let plainRecords = try plain.csvRecords()
        let blankRecords = try blank.csvRecords()
        #expect(blankRecords.first == plainRecords.first)
        let person = try #require(blankRecords.first?.firstIndex(of: "person"))
        #expect(blankRecords.count == plainRecords.count)
        for (plainRow, blankRow) in zip(plainRecords.dropFirst(), blankRecords.dropFirst()) {
            #expect(blankRow[person] == "")
            var expected = plainRow
            expected[person] = ""
            #expect(blankRow == expected)
        }
        let jsonLines = cli.duikou(["export", "exchanges", "--format", "jsonl", "--redact-people"])
        #expect(jsonLines.status == 0)
        #expect(!jsonLines.stdout.contains("张三丰"))
        #expect(jsonLines.stdout.contains("\"person\":null"))

        for format in ["table", "json", "csv"] {
            #expect(cli.duikou(["exchange", "list", "--format", format]).stdout.contains("张三丰"))
            let listed = cli.duikou(["exchange", "list", "--format", format, "--redact-people"])
            #expect(listed.status == 0)
            #expect(!listed.stdout.contains("张三丰"), "\(format)")
        }
        #expect(try cli.duikou(["exchange", "list", "--format", "json", "--redact-people"]).jsonRows().first?["person"] is NSNull)
    }

    @Test func readOnlyDatabaseIsReported() throws {
        record()
        let html = try report("r.html", ["--read-only"])
        #expect(html.contains("新能源汽车零部件项目"))
    }

    @Test func unwritableOutIsAnIOErrorAndLeavesNothing() throws {
        record()
        let files = { cli.names(in: cli.root).filter { !$0.hasPrefix("test.sqlite") } }
        let before = files()
        let missing = cli.duikou(["report", "--out", cli.path("missing/report.html")])
        expectRefusal(missing, 74, mentions: ["--out"])
        #expect(files() == before)
        #expect(!FileManager.default.fileExists(atPath: cli.path("missing")))

        let folder = cli.work.appendingPathComponent("folder")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let onFolder = cli.duikou(["report", "--out", "folder"])
        expectRefusal(onFolder, 74, mentions: ["--out"])
        #expect(cli.names(in: cli.work) == ["folder"])
        #expect(cli.names(in: folder).isEmpty)
    }

    @Test func badArgumentsAreRefusedWithTheirExitCodes() throws {
        record()
        expectRefusal(cli.duikou(["report"]), 64, mentions: ["--out"])
        expectRefusal(cli.duikou(["report", "--out", ""]), 64, mentions: ["--out"])
        for year in ["1999", "2101"] {
            expectRefusal(cli.duikou(["report", "--out", "r.html", "--year", year]), 65, mentions: ["year"])
        }
        expectRefusal(cli.duikou(["report", "--out", "r.html", "--year", "20x4"]), 64, mentions: ["--year"])
        expectRefusal(cli.duikou(["report", "--out", "r.html", "--lang", "fr"]), 64, mentions: ["--lang"])
        for date in ["2024-02-30", "2024/01/01", "yesterday"] {
            expectRefusal(cli.duikou(["report", "--out", "r.html", "--as-of", date]), 65, mentions: ["--as-of", date])
        }
        #expect(cli.names(in: cli.work).isEmpty)
    }
}
