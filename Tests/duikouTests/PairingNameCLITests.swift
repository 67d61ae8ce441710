import Foundation
import Testing

/// The names people use, end to end: every `--pairing` takes an id, a name with any dash, an English
/// name, a short name or an alias; `--task` a code or a Chinese name; `pairing alias add`; imports
/// read names per row; `project show` names the park.
@Suite struct PairingNameCLITests {
    let cli: CLISandbox

    init() throws {
        cli = try CLISandbox()
    }

    private static let shortNames: [(String, String)] = [
        ("辽苏", "liaoning-jiangsu"), ("吉浙", "jilin-zhejiang"), ("黑粤", "heilongjiang-guangdong"), ("龙粤", "heilongjiang-guangdong"),
        ("京沈", "shenyang-beijing"), ("沈京", "shenyang-beijing"), ("沪连", "dalian-shanghai"), ("连沪", "dalian-shanghai"),
        ("津长", "changchun-tianjin"), ("长津", "changchun-tianjin"), ("深哈", "harbin-shenzhen"), ("哈深", "harbin-shenzhen"),
        ("内蒙古", "inner-mongolia"),
    ]

    /// Adds two prefecture cities and a city pairing between them inside jilin-zhejiang.
    private func addCityPairing(_ id: String) {
        if cli.duikou(["regions", "--format", "json"]).stdout.contains("220200") == false {
            #expect(cli.duikou(["region", "add", "--code", "220200", "--name-zh", "吉林市", "--name-en", "Jilin City",
                                "--level", "prefecture-city", "--side", "northeast"]).status == 0)
            #expect(cli.duikou(["region", "add", "--code", "330300", "--name-zh", "温州市", "--name-en", "Wenzhou",
                                "--level", "prefecture-city", "--side", "east"]).status == 0)
        }
        let added = cli.duikou(["pairing", "add", "--id", id, "--northeast", "220200", "--east", "330300", "--parent", "吉林省—浙江省"])
        #expect(added.status == 0, "\(added)")
    }

    @Test func everyShortNameIdAndNameAddsAProjectToItsPairing() throws {
        var expected: [String] = []
        let names = Self.shortNames + [
            ("liaoning-jiangsu", "liaoning-jiangsu"), ("辽宁省—江苏省", "liaoning-jiangsu"), ("辽宁省–江苏省", "liaoning-jiangsu"),
            ("辽宁省-江苏省", "liaoning-jiangsu"), ("辽宁省－江苏省", "liaoning-jiangsu"), (" 辽宁省 — 江苏省 ", "liaoning-jiangsu"),
            ("Liaoning–Jiangsu", "liaoning-jiangsu"), ("Harbin-Shenzhen", "harbin-shenzhen"), ("内蒙古自治区—（待定）", "inner-mongolia"),
        ]
        for (name, id) in names {
            cli.addProject(pairing: name, task: "2.1", title: "项目 \(name)")
            expected.append(id)
        }
        let projects = try cli.projects()
        #expect(projects.compactMap { $0["pairing"] as? String } == expected)
    }

    @Test func filtersTakeNamesAndAliases() throws {
        addCityPairing("jilin-wenzhou")
        let added = cli.duikou(["pairing", "alias", "add", "--pairing", "jilin-wenzhou", "--alias", "吉温"])
        #expect(added.status == 0, "\(added)")
        #expect(added.stdout == "吉温  jilin-wenzhou\n")
        let id = cli.addProject(pairing: "吉温", task: "推进农业和绿色食品产业合作", title: "温州鞋业", ["--planned", "3亿", "--date", "2024-03-01"])
        cli.addProject(pairing: "深哈", task: "2.2", title: "别处")
        let project = try cli.show(id)
        #expect(project["pairing"] as? String == "jilin-wenzhou")
        #expect(project["task"] as? String == "2.3")

        for filter in ["吉温", "吉林市—温州市", "Jilin City–Wenzhou", "jilin-wenzhou", "吉浙", "吉林省－浙江省"] {
            #expect(try cli.projects(["--pairing", filter]).compactMap { $0["id"] as? String } == [id], "\(filter)")
            let progress = cli.duikou(["progress", "--pairing", filter, "--format", "json"])
            #expect(progress.status == 0, "\(progress)")
            #expect(int((try progress.jsonObject()["total"] as? [String: Any])?["projects"]) == 1, "\(filter)")
        }
        #expect(try cli.projects(["--task", "推进农业和绿色食品产业合作"]).count == 1)
        #expect(try cli.projects(["--task", "2.3 推进农业和绿色食品产业合作"]).count == 1)

        // The other commands that take a pairing take the alias too.
        #expect(cli.duikou(["park", "add", "--pairing", "吉温", "--name", "温州（吉林）产业园"]).status == 0)
        #expect(try cli.duikou(["park", "list", "--pairing", "吉温", "--format", "json"]).jsonRows().count == 1)
        #expect(cli.duikou(["exchange", "add", "--pairing", "吉温", "--direction", "to-east", "--kind", "training",
                            "--start", "2024-04-01", "--participants", "30"]).status == 0)
        #expect(try cli.duikou(["exchange", "list", "--pairing", "吉温", "--format", "json"]).jsonRows().first?["pairing"] as? String == "jilin-wenzhou")
        let plan = cli.duikou(["plan", "set", "--pairing", "吉温", "--year", "2024", "--metric", "projects_signed", "--target", "1"])
        #expect(plan.status == 0, "\(plan)")
        #expect(try cli.duikou(["plan", "list", "--pairing", "吉浙", "--format", "json"]).jsonRows().first?["pairing"] as? String == "jilin-wenzhou")
        let evaluation = cli.duikou(["evaluate", "--year", "2024", "--pairing", "吉温", "--format", "json"])
        #expect(evaluation.status == 0, "\(evaluation)")
        #expect(((try evaluation.jsonObject()["rows"] as? [[String: Any]])?.first?["met"] as? Bool) == true)
        #expect(cli.duikou(["pairing", "add", "--id", "jilin-wenzhou-2", "--northeast", "220200", "--east", "330300", "--parent", "吉温"]).status == 0)
        let pairings = try cli.duikou(["pairings", "--format", "json"]).jsonRows()
        #expect(pairings.first { $0["id"] as? String == "jilin-wenzhou-2" }?["parent"] as? String == "jilin-wenzhou")

        // Every write is in the audit log, the alias too.
        let history = try cli.duikou(["history", "--format", "json"]).jsonRows()
        #expect(history.contains { $0["record_kind"] as? String == "pairing" && $0["record_id"] as? String == "jilin-wenzhou"
                && ($0["summary"] as? String) == "alias 吉温" && $0["command"] as? String == "pairing alias add" })
    }

    @Test func pairingsListTheirAliasesAndKeepTheirKeys() throws {
        let hostile = "苏辽 🚗 \"引号\", 'q'"
        #expect(cli.duikou(["pairing", "alias", "add", "--pairing", "辽苏", "--alias", hostile]).status == 0)
        let rows = try cli.duikou(["pairings", "--format", "json"]).jsonRows()
        for row in rows {
            #expect(Set(row.keys) == ["id", "name_zh", "name_en", "northeast", "east", "level", "status", "parent", "aliases"], "\(row)")
        }
        #expect(rows.first { $0["id"] as? String == "liaoning-jiangsu" }?["aliases"] as? [String] == ["辽苏", hostile])
        #expect(rows.first { $0["id"] as? String == "heilongjiang-guangdong" }?["aliases"] as? [String] == ["黑粤", "龙粤"])
        let table = cli.duikou(["pairings"])
        #expect(table.stdout.contains("辽苏、\(hostile)"), "\(table)")
        let csv = try cli.duikou(["pairings", "--format", "csv"]).csvRecords()
        #expect(csv.first?.last == "aliases")
        // The alias with quotes, commas and an emoji names the pairing.
        cli.addProject(pairing: hostile, task: "2.1", title: "引号项目")
        #expect(try cli.projects(["--pairing", " \(hostile) "]).count == 1)
    }

    @Test func ambiguousUnknownAndTakenNamesAreRefused() throws {
        addCityPairing("jilin-wenzhou")
        addCityPairing("jilin-wenzhou-2")
        // Two pairings of the same regions share their names: refused with both, nothing written.
        expectRefusal(cli.duikou(["project", "add", "--pairing", "吉林市—温州市", "--task", "2.1", "--title", "x"]), 65,
                      mentions: ["吉林市—温州市", "jilin-wenzhou (吉林市—温州市)", "jilin-wenzhou-2 (吉林市—温州市)"])
        expectRefusal(cli.duikou(["project", "list", "--pairing", "Jilin City–Wenzhou"]), 65, mentions: ["jilin-wenzhou", "jilin-wenzhou-2"])
        expectRefusal(cli.duikou(["progress", "--pairing", "nowhere"]), 66, mentions: ["'nowhere'", "duikou pairings"])
        expectRefusal(cli.duikou(["project", "add", "--pairing", "辽苏", "--task", "新能源汽车", "--title", "x"]), 66,
                      mentions: ["'新能源汽车'", "duikou tasks"])
        #expect(try cli.projects().isEmpty)

        // An alias that is another pairing's id, name or alias is refused, naming that pairing.
        for (alias, taken) in [("harbin-shenzhen", "harbin-shenzhen"), ("HARBIN–SHENZHEN", "harbin-shenzhen"),
                               ("哈尔滨市-深圳市", "harbin-shenzhen"), ("龙粤", "heilongjiang-guangdong"), ("jilin-wenzhou-2", "jilin-wenzhou-2")] {
            expectRefusal(cli.duikou(["pairing", "alias", "add", "--pairing", "jilin-wenzhou", "--alias", alias]), 65, mentions: [taken])
        }
        expectRefusal(cli.duikou(["pairing", "alias", "add", "--pairing", "nowhere", "--alias", "无"]), 66, mentions: ["'nowhere'"])
        expectRefusal(cli.duikou(["pairing", "alias", "add", "--pairing", "吉浙", "--alias", "a\nb"]), 65, mentions: ["alias"])
        expectRefusal(cli.duikou(["pairing", "alias", "add", "--pairing", "吉浙", "--alias", String(repeating: "长", count: 65)]), 65,
                      mentions: ["alias", "64"])
        #expect(try cli.duikou(["history", "--format", "json"]).jsonRows().filter { $0["command"] as? String == "pairing alias add" }.isEmpty)
    }

    @Test func importReadsShortNamesFullNamesAndTaskNames() throws {
        let name = "projects.csv"
        try Data("""
            对口合作关系,任务,项目名称,状态,日期,计划总投资
            辽苏,推进新兴产业合作,新能源汽车电池,签约,2024-03-01,5亿
            辽宁省—江苏省,推进装备制造等优势产业合作,装备制造,落地,2024-03-02,1亿
            深哈,2.2,新能源汽车零部件,开工,2024-03-03,12.5亿

            """.utf8).write(to: cli.work.appendingPathComponent(name))
        let result = cli.duikou(["import", "projects", name])
        #expect(result.status == 0, "\(result)")
        let projects = try cli.projects()
        #expect(projects.compactMap { $0["pairing"] as? String } == ["liaoning-jiangsu", "liaoning-jiangsu", "harbin-shenzhen"])
        #expect(projects.compactMap { $0["task"] as? String } == ["2.2", "2.1", "2.2"])

        addCityPairing("jilin-wenzhou")
        addCityPairing("jilin-wenzhou-2")
        try Data("pairing,task,title\n吉林市—温州市,2.3,温州鞋业\n".utf8).write(to: cli.work.appendingPathComponent("bad.csv"))
        let bad = cli.duikou(["import", "projects", "bad.csv"])
        #expect(bad.status == 65, "\(bad)")
        #expect(bad.stderrLines.first == "bad.csv:2: pairing: '吉林市—温州市' names 2 pairings: jilin-wenzhou (吉林市—温州市), jilin-wenzhou-2 (吉林市—温州市); give one of their ids (see `duikou pairings`)", "\(bad)")
        #expect(try cli.projects().count == 3)
    }

    @Test func mergeConflictsNamePairings() throws {
        let id = "5d0c8a57-3a8b-4c1e-9a4f-0b8f2e6d7c11"
        cli.addProject(pairing: "深哈", task: "2.2", title: "新能源汽车零部件项目", ["--id", id, "--date", "2024-03-01"])
        let other = cli.path("reporter.sqlite")
        let theirs = cli.run(["project", "add", "--id", id, "--pairing", "黑粤", "--task", "2.2", "--title", "新能源汽车零部件项目",
                              "--date", "2024-03-01", "--db", other])
        #expect(theirs.status == 0, "\(theirs)")
        let merged = cli.duikou(["merge", other, "--dry-run"])
        #expect(merged.status == 0, "\(merged)")
        #expect(merged.stdout.contains("哈尔滨市—深圳市 (harbin-shenzhen)"), "\(merged)")
        #expect(merged.stdout.contains("黑龙江省—广东省 (heilongjiang-guangdong)"), "\(merged)")
        // JSON keeps the ids.
        let json = try cli.duikou(["merge", other, "--dry-run", "--format", "json"]).jsonObject()
        let fields = (json["conflicts"] as? [[String: Any]])?.first?["fields"] as? [[String: Any]]
        #expect(fields?.first?["ours"] as? String == "harbin-shenzhen")
        #expect(fields?.first?["theirs"] as? String == "heilongjiang-guangdong")
    }

    @Test func projectShowNamesItsPark() throws {
        let park = cli.duikou(["park", "add", "--pairing", "深哈", "--name", "深圳（哈尔滨）产业园区"]).stdout
            .trimmingCharacters(in: .whitespacesAndNewlines)
        let id = cli.addProject(pairing: "深哈", task: "2.2", title: "新能源汽车零部件项目", ["--park", String(park.prefix(8))])
        let table = cli.duikou(["project", "show", id])
        #expect(table.status == 0, "\(table)")
        #expect(table.stdout.contains("深圳（哈尔滨）产业园区 (\(park.prefix(8)))"), "\(table)")
        #expect(!table.stdout.contains(park), "\(table)")
        let json = try cli.show(id)
        #expect(json["park"] as? String == park)
        #expect(json["park_name"] as? String == "深圳（哈尔滨）产业园区")
        let english = cli.duikou(["project", "show", id, "--lang", "en"])
        #expect(english.stdout.contains("Harbin–Shenzhen") && english.stdout.contains("深圳（哈尔滨）产业园区"), "\(english)")
    }
}
