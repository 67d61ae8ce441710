import Foundation
import Testing

/// `duikou import` and `duikou export` end to end through the built binary: summaries, dry runs,
/// problem lines and exit codes, output files written whole, and an export → import round trip.
@Suite struct ImportExportCLITests {
    let cli: CLISandbox

    init() throws {
        cli = try CLISandbox()
    }

    // MARK: - Helpers

    /// Writes `text` into the working directory under `name` and returns the name.
    @discardableResult
    private func write(_ text: String, to name: String) throws -> String {
        try Data(text.utf8).write(to: cli.work.appendingPathComponent(name))
        return name
    }

    private static let goodProjects = """
        title,pairing,task,status,date,planned,completed,landmark,description
        哈工大智能装备产业园,heilongjiang-guangdong,4.2,落地,2021-09-12,1114.79亿,626207万元,是,"两行
        简介, 带逗号"
        营商环境交流,inner-mongolia,1.1,谋划,2019-04-01,,,否,
        汽车零部件,harbin-shenzhen,2.1,开工,2022-05-02,12.5,0元,0,

        """

    // MARK: - Import

    @Test func dryRunPrintsWhatWouldBeAddedAndWritesNothing() throws {
        try write(Self.goodProjects, to: "projects.csv")
        let dry = cli.duikou(["import", "projects", "projects.csv", "--dry-run"])
        #expect(dry.status == 0, "\(dry)")
        #expect(dry.stdout == "dry run, nothing written: would add 3 projects, update 0, leave 0 unchanged (3 rows read)\n", "\(dry)")
        #expect(dry.stderr == "", "\(dry)")
        #expect(try cli.projects().isEmpty)

        let real = cli.duikou(["import", "projects", "projects.csv"])
        #expect(real.status == 0, "\(real)")
        #expect(real.stdout == "added 3 projects, updated 0, left 0 unchanged (3 rows read)\n", "\(real)")
        #expect(real.stderr == "", "\(real)")
        let projects = try cli.projects()
        #expect(projects.count == 3)
        let hit = try #require(projects.first { $0["title"] as? String == "哈工大智能装备产业园" })
        #expect(hit["status"] as? String == "landed")

        // One project is a project, not projects.
        let one = try write("title,pairing,task\n单个项目,harbin-shenzhen,2.1\n", to: "one.csv")
        let single = cli.duikou(["import", "projects", one, "--dry-run"])
        #expect(single.stdout == "dry run, nothing written: would add 1 project, update 0, leave 0 unchanged (1 row read)\n", "\(single)")
        #expect(try cli.projects().count == 3)
    }

    @Test func badFileExitsWithDataErrorListingEveryProblemAndWritesNothing() throws {
        let name = try write("""
            pairing,task,title,description
            harbin-shenzhen,2.1,好一,
            nowhere,2.1,坏一,
            harbin-shenzhen,2.2,好二,"三行
            的
            简介"
            harbin-shenzhen,9.9,坏二,

            """, to: "bad.csv")
        for arguments in [["import", "projects", name], ["import", "projects", name, "--dry-run"]] {
            let result = cli.duikou(arguments)
            #expect(result.status == 65, "\(result)")
            #expect(result.stderrLines == [
                "bad.csv:3: pairing: 'nowhere' does not exist; no pairing has this id, name or short name (see `duikou pairings`)",
                "bad.csv:7: task: '9.9' does not exist; tasks are 1.1 to 4.4, or their Chinese or English names (see `duikou tasks`)",
                "error: bad.csv: 2 problems; nothing was imported",
            ], "\(result)")
            let prefix = arguments.contains("--dry-run") ? "dry run, nothing written: " : "nothing written: "
            #expect(result.stdout == prefix + "would add 2 projects, update 0, leave 0 unchanged, refuse 2 rows (4 rows read)\n", "\(result)")
        }
        #expect(try cli.projects().isEmpty)
    }

    @Test func everyProblemLineHasFileLineColumnAndProblem() throws {
        let name = try write("""
            id,pairing,task,title,status,date,planned,landmark
            not-an-id,harbin-shenzhen,2.1,甲,signed,2020-01-01,,
            ,harbin-shenzhen,2.1,乙,未知,2020-02-30,abc,maybe
            ,harbin-shenzhen,2.1,  ,signed,2020-01-01,,

            """, to: "columns.csv")
        let result = cli.duikou(["import", "projects", name])
        #expect(result.status == 65, "\(result)")
        let lines = result.stderrLines
        #expect(lines.count == 7, "\(result)")
        #expect(lines.last?.hasPrefix("error: columns.csv: 6 problems") == true, "\(result)")
        let places = lines.dropLast().map { line -> String in
            let parts = line.split(separator: ":", maxSplits: 3, omittingEmptySubsequences: false)
            return parts.prefix(3).joined(separator: ":")
        }
        #expect(places == ["columns.csv:2: id", "columns.csv:3: status", "columns.csv:3: date", "columns.csv:3: planned",
                           "columns.csv:3: landmark", "columns.csv:4: title"], "\(result)")
        for line in lines.dropLast() {
            let parts = line.split(separator: ":", maxSplits: 3, omittingEmptySubsequences: false)
            #expect(parts.count == 4, "\(line)")
            #expect(parts.count == 4 && !parts[3].trimmingCharacters(in: .whitespaces).isEmpty, "\(line)")
        }
        #expect(try cli.projects().isEmpty)
    }

    @Test func aValueWithLineBreaksStaysOnItsOneProblemLine() throws {
        let name = try write("pairing,task,title\n\"harbin\nshenzhen\",2.1,甲\nharbin-shenzhen,\"9.9\r\n\",乙\n", to: "breaks.csv")
        let result = cli.duikou(["import", "projects", name])
        #expect(result.status == 65, "\(result)")
        #expect(result.stderrLines.count == 3, "\(result)")
        #expect(result.stderrLines.first?.hasPrefix("breaks.csv:2: pairing: ") == true, "\(result)")
        #expect(result.stderrLines.dropFirst().first?.hasPrefix("breaks.csv:4: task: ") == true, "\(result)")
    }

    @Test func problemsBeyondOneHundredAreCounted() throws {
        var text = "pairing,task,title\n"
        for index in 0..<130 { text += "harbin-shenzhen,9.9,项目\(index)\n" }
        let name = try write(text, to: "many.csv")
        let result = cli.duikou(["import", "projects", name])
        #expect(result.status == 65, "\(result)")
        let lines = result.stderrLines
        #expect(lines.count == 102, "\(lines.count) lines")
        #expect(lines.first?.hasPrefix("many.csv:2: task: ") == true)
        #expect(lines[99].hasPrefix("many.csv:101: task: "))
        #expect(lines[100] == "many.csv: … and 30 more problems")
        #expect(lines[101] == "error: many.csv: 130 problems; nothing was imported")
        #expect(try cli.projects().isEmpty)
    }

    @Test func missingFileIsNoInput() throws {
        let result = cli.duikou(["import", "projects", "nowhere.csv"])
        expectRefusal(result, 66, mentions: ["nowhere.csv"])
        let folder = cli.duikou(["import", "projects", "."])
        expectRefusal(folder, 74, mentions: ["cannot be read"])
    }

    @Test func updatesImportThroughTheBinary() throws {
        let id = cli.addProject(pairing: "harbin-shenzhen", task: "2.1", title: "进展", ["--date", "2020-01-01"])
        let name = try write("项目编号,日期,状态,累计完成投资,备注\n\(id),2020-06-01,落地,,\n\(id.prefix(8)),2021-01-01,开工,2亿,开工仪式\n", to: "updates.csv")
        let first = cli.duikou(["import", "updates", name])
        #expect(first.status == 0, "\(first)")
        #expect(first.stdout == "added 2 updates, updated 0, left 0 unchanged (2 rows read)\n", "\(first)")
        let again = cli.duikou(["import", "updates", name])
        #expect(again.stdout == "added 0 updates, updated 0, left 2 unchanged (2 rows read)\n", "\(again)")
        let shown = try cli.show(id)
        #expect(shown["status"] as? String == "started")
    }

    // MARK: - Export

    @Test func exportToAFileWritesItWholeAndLeavesNoTemporaryFile() throws {
        try write(Self.goodProjects, to: "projects.csv")
        #expect(cli.duikou(["import", "projects", "projects.csv"]).status == 0)
        let folder = cli.work.appendingPathComponent("out")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)

        let toStdout = cli.duikou(["export", "projects"])
        #expect(toStdout.status == 0, "\(toStdout)")
        #expect(toStdout.stderr == "")
        let toFile = cli.duikou(["export", "projects", "--out", "out/项目.csv"])
        #expect(toFile.status == 0, "\(toFile)")
        #expect(toFile.stdout == "")
        #expect(toFile.stderr == "")
        let bytes = try #require(cli.bytes(folder.appendingPathComponent("项目.csv").path))
        #expect(String(decoding: bytes, as: UTF8.self) == toStdout.stdout)
        #expect(cli.names(in: folder) == ["项目.csv"])

        let records = try toStdout.csvRecords()
        #expect(records.first == ["id", "pairing", "task", "title", "status", "date", "planned", "completed", "northeast_party",
                                  "east_party", "park", "landmark", "description", "reached", "planned_start", "planned_completion"])
        #expect(records.count == 4)
        let ids = records.dropFirst().map { $0[0] }
        #expect(ids == ids.sorted())
        let hit = try #require(records.first { $0.count > 3 && $0[3] == "哈工大智能装备产业园" })
        #expect(hit[6] == "111479000000元")
        #expect(hit[7] == "6262070000元")
        #expect(hit[11] == "1")
        #expect(hit[12] == "两行\n简介, 带逗号")
    }

    /// Exporting over an existing file replaces it, whole, without leftovers; when the export cannot be
    /// written, the old file must at least still be there.
    @Test func exportOverAnExistingFileReplacesIt() throws {
        try write(Self.goodProjects, to: "projects.csv")
        #expect(cli.duikou(["import", "projects", "projects.csv"]).status == 0)
        let expected = cli.duikou(["export", "projects"]).stdout
        let folder = cli.work.appendingPathComponent("out")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let target = folder.appendingPathComponent("项目.csv")
        try Data("旧内容\n".utf8).write(to: target)

        let result = cli.duikou(["export", "projects", "--out", "out/项目.csv"])
        #expect(result.status == 0, "\(result)")
        #expect(result.stderr == "", "\(result)")
        #expect(cli.names(in: folder) == ["项目.csv"])
        let bytes = cli.bytes(target.path)
        #expect(bytes != nil, "the existing file was deleted")
        #expect(bytes.map { String(decoding: $0, as: UTF8.self) } == expected)
    }

    @Test func byteOrderMarkOnRequest() throws {
        cli.addProject(title: "标记")
        #expect(cli.duikou(["export", "projects", "--out", "plain.csv"]).status == 0)
        #expect(cli.duikou(["export", "projects", "--bom", "--out", "bom.csv"]).status == 0)
        let plain = try #require(cli.bytes(cli.work.appendingPathComponent("plain.csv").path))
        let marked = try #require(cli.bytes(cli.work.appendingPathComponent("bom.csv").path))
        #expect(Array(plain.prefix(3)) == Array("id,".utf8))
        #expect(Array(marked.prefix(3)) == [0xEF, 0xBB, 0xBF])
        #expect(marked.dropFirst(3) == plain)
        // The marked file imports back: it only corrects what is there, so nothing changes.
        let back = cli.duikou(["import", "projects", "bom.csv"])
        #expect(back.stdout == "added 0 projects, updated 0, left 1 unchanged (1 row read)\n", "\(back)")
    }

    @Test func jsonLinesExport() throws {
        try write(Self.goodProjects, to: "projects.csv")
        #expect(cli.duikou(["import", "projects", "projects.csv"]).status == 0)
        let result = cli.duikou(["export", "projects", "--format", "jsonl"])
        #expect(result.status == 0, "\(result)")
        #expect(result.stderr == "")
        let lines = result.stdoutLines
        #expect(lines.count == 3)
        let objects = try lines.map { line in
            try #require(try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any], "\(line)")
        }
        let ids = objects.compactMap { $0["id"] as? String }
        #expect(ids.count == 3 && ids == ids.sorted())
        let hit = try #require(objects.first { $0["title"] as? String == "哈工大智能装备产业园" })
        #expect(int(hit["planned"]) == 111_479_000_000)
        #expect(int(hit["completed"]) == 6_262_070_000)
        #expect(hit["landmark"] as? Bool == true)
        #expect(hit["description"] as? String == "两行\n简介, 带逗号")
        let other = try #require(objects.first { $0["title"] as? String == "营商环境交流" })
        #expect(other["planned"] is NSNull)
        #expect(int(other["completed"]) == 0)
        // --bom is for CSV only.
        let marked = cli.duikou(["export", "projects", "--format", "jsonl", "--bom"])
        #expect(marked.stdout == result.stdout)
    }

    @Test func outInAMissingFolderIsAnIOErrorAndCreatesNothing() throws {
        cli.addProject(title: "某项目")
        let before = cli.names(in: cli.work)
        let result = cli.duikou(["export", "projects", "--out", "missing/folder/projects.csv"])
        expectRefusal(result, 74, mentions: ["missing/folder/projects.csv"])
        #expect(cli.names(in: cli.work) == before)
        #expect(!FileManager.default.fileExists(atPath: cli.work.appendingPathComponent("missing").path))
    }

    // MARK: - Round trip

    @Test func exportThenImportGivesTheSameProgressReport() throws {
        let source = cli.path("source.sqlite")
        let demo = cli.run(["demo", "--db", source])
        #expect(demo.status == 0, "\(demo)")

        for kind in ["parks", "projects", "exchanges", "updates", "reforms", "meetings", "funding"] {
            let result = cli.run(["export", kind, "--out", "\(kind).csv", "--db", source])
            #expect(result.status == 0, "\(result)")
            #expect(result.stderr == "", "\(result)")
        }
        try addOwnCatalogue(of: source)
        for kind in ["parks", "projects", "exchanges", "reforms", "meetings", "funding"] {
            let result = cli.duikou(["import", kind, "\(kind).csv"])
            #expect(result.status == 0, "\(result)")
            #expect(result.stdout.hasPrefix("added "), "\(result)")
            #expect(result.stderr == "", "\(result)")
        }
        for grouping in ["area", "task", "pairing", "province"] {
            let original = cli.run(["progress", "--by", grouping, "--format", "json", "--db", source])
            let copy = cli.duikou(["progress", "--by", grouping, "--format", "json"])
            #expect(original.status == 0 && copy.status == 0)
            #expect(!original.stdout.isEmpty)
            #expect(copy.stdout == original.stdout, "by \(grouping)")
        }

        // Importing the export back into its source changes nothing.
        for kind in ["parks", "projects", "exchanges", "updates", "reforms", "meetings", "funding"] {
            let result = cli.run(["import", kind, "\(kind).csv", "--db", source])
            #expect(result.status == 0, "\(result)")
            #expect(result.stdout.hasPrefix("added 0 "), "\(result)")
            #expect(result.stdout.contains(", updated 0, left "), "\(result)")
        }
    }

    // MARK: - Progress bar

    /// The progress bar is drawn only on a terminal; in the tests stderr is a file, so a long import and
    /// export say nothing on it.
    @Test func noProgressBarWhenStderrIsNotATerminal() throws {
        var text = "title,pairing,task,status,date,planned,description\n"
        for index in 0..<3_000 {
            text += "项目\(index),harbin-shenzhen,2.\(index % 5 + 1),signed,2020-01-01,\(index)万,\"简介, 第\(index)个\"\n"
        }
        try write(text, to: "big.csv")
        let imported = cli.duikou(["import", "projects", "big.csv"])
        #expect(imported.status == 0, "\(imported)")
        #expect(imported.stderr == "")
        #expect(imported.stdout == "added 3000 projects, updated 0, left 0 unchanged (3000 rows read)\n")
        let exported = cli.duikou(["export", "projects", "--out", "big-out.csv"])
        #expect(exported.status == 0, "\(exported)")
        #expect(exported.stderr == "")
        #expect(exported.stdout == "")
    }

    /// Adds the regions and pairings of `source` that the working database lacks, with `region add`
    /// and `pairing add`, as a user would: they are not among the exported kinds.
    private func addOwnCatalogue(of source: String) throws {
        let regions = Set(try cli.duikou(["regions", "--format", "json"]).jsonRows().compactMap { $0["code"] as? String })
        for region in try cli.run(["regions", "--format", "json", "--db", source]).jsonRows() {
            guard let code = region["code"] as? String, !regions.contains(code) else { continue }
            let added = cli.duikou(["region", "add", "--code", code] + ["name_zh", "name_en", "level", "side"].flatMap { key in
                ["--" + key.replacingOccurrences(of: "_", with: "-"), region[key] as? String ?? ""]
            })
            #expect(added.status == 0, "\(added)")
        }
        let pairings = Set(try cli.duikou(["pairings", "--format", "json"]).jsonRows().compactMap { $0["id"] as? String })
        for pairing in try cli.run(["pairings", "--format", "json", "--db", source]).jsonRows() {
            guard let id = pairing["id"] as? String, !pairings.contains(id) else { continue }
            var arguments = ["pairing", "add", "--id", id]
            for key in ["northeast", "east", "parent", "level", "status"] {
                if let value = pairing[key] as? String { arguments += ["--" + key, value] }
            }
            let added = cli.duikou(arguments)
            #expect(added.status == 0, "\(added)")
        }
    }
}
