import Foundation
import Testing

/// `duikou template` and a filled template through `duikou import updates`, end to end, with
/// LibreOffice (headless) reading the template and writing the filled sheet.
@Suite struct TemplateCLITests {
    let cli: CLISandbox

    init() throws {
        cli = try CLISandbox()
        let projects = """
            title,pairing,task,status,date,completed
            "哈工大""智能""装备 <产业园> & 😀",harbin-shenzhen,2.1,落地,2024-03-01,100
            营商环境交流,harbin-shenzhen,1.1,签约,2024-05-01,
            大连项目,dalian-shanghai,2.1,开工,2024-06-01,12.5

            """
        try Data(projects.utf8).write(to: cli.work.appendingPathComponent("projects.csv"))
        let imported = cli.duikou(["import", "projects", "projects.csv"])
        #expect(imported.status == 0, "\(imported)")
        usleep(5000)
        let round = cli.duikou(["round", "open", "2024-Q4"])
        #expect(round.status == 0, "\(round)")
    }

    static let headers = "项目编号,项目名称,任务,上期状态,上期累计完成投资（万元）,本期状态,本期累计完成投资（万元）,日期,备注,无变化"

    func soffice(_ arguments: [String]) throws -> CLIResult {
        let soffice = "/usr/bin/soffice"
        try #require(FileManager.default.isExecutableFile(atPath: soffice), "LibreOffice (soffice) is missing: run .ci/run, which installs libreoffice-calc-nogui")
        return cli.run(["-env:UserInstallation=file://\(cli.path("lo-profile"))", "--headless"] + arguments, executable: URL(fileURLWithPath: soffice))
    }

    @Test func templateOpensInLibreOfficeAndAFilledSheetImportsForTheRound() throws {
        #expect(cli.duikou(["template", "--round", "2030-Q1", "--out", "x.xlsx"]).status == 66)
        #expect(cli.duikou(["template", "--round", "2024-Q4", "--pairing", "no-such", "--out", "x.xlsx"]).status == 66)
        let written = cli.duikou(["template", "--round", "2024-Q4", "--pairing", "深哈", "--out", "调度表.xlsx"])
        #expect(written.status == 0, "\(written)")
        #expect(written.stderr.contains("2 projects of round 2024-Q4"))

        let convert = try soffice(["--convert-to", "csv:Text - txt - csv (StarCalc):44,34,76,1,,0,false,true,true,false,false,-1",
                                   "--outdir", cli.path("lo"), cli.work.appendingPathComponent("调度表.xlsx").path])
        #expect(convert.status == 0, "\(convert)")
        let sheet = try parseCSV(String(contentsOfFile: cli.path("lo/调度表-哈尔滨市—深圳市.csv"), encoding: .utf8))
        #expect(sheet.first?.joined(separator: ",") == Self.headers)
        #expect(sheet.count == 3, "\(sheet)")
        let hostile = try #require(sheet.first { $0[1] == "哈工大\"智能\"装备 <产业园> & 😀" })
        #expect(hostile[2].hasPrefix("2.1 ") && hostile[3] == "落地" && hostile[4] == "100.0000")
        #expect(hostile.dropFirst(5).allSatisfy { $0.isEmpty })
        #expect(sheet.contains { $0[1] == "营商环境交流" && $0[3] == "签约" })
        #expect(!FileManager.default.fileExists(atPath: cli.path("lo/调度表-大连市—上海市.csv")))
        let instructions = try parseCSV(String(contentsOfFile: cli.path("lo/调度表-说明.csv"), encoding: .utf8))
        #expect(instructions.dropFirst().first == ["调度期", "2024-Q4"])

        // The filled sheet as a reporter might send it: typed into LibreOffice (here from CSV), one
        // sheet with the template's header and no instructions, so the round is given.
        let id = hostile[0]
        let other = try #require(sheet.first { $0[1] == "营商环境交流" })[0]
        let filled = """
            \(Self.headers)
            \(id),"哈工大""智能""装备 <产业园> & 😀",2.1,落地,100,开工,"1,234.5",2024/11/20,"备注, 带逗号",
            \(other),营商环境交流,1.1,签约,,,,,,是

            """
        try Data(filled.utf8).write(to: cli.work.appendingPathComponent("filled.csv"))
        let made = try soffice(["--infilter=CSV:44,34,76", "--convert-to", "xlsx", "--outdir", cli.work.appendingPathComponent("sent").path,
                               cli.work.appendingPathComponent("filled.csv").path])
        #expect(made.status == 0, "\(made)")

        let noRound = cli.duikou(["import", "updates", "sent/filled.xlsx"])
        #expect(noRound.status == 65, "\(noRound)")
        let dry = cli.duikou(["import", "updates", "sent/filled.xlsx", "--round", "2024-Q4", "--dry-run"])
        #expect(dry.status == 0, "\(dry)")
        #expect(dry.stdout.contains("would add 2 updates"), "\(dry)")
        let before = cli.duikou(["round", "status", "2024-Q4", "--format", "json"])
        #expect(try before.jsonObject()["total"].flatMap { $0 as? [String: Any] }?["reported"] as? Int == 0, "\(before)")

        let imported = cli.duikou(["import", "updates", "sent/filled.xlsx", "--round", "2024-Q4"])
        #expect(imported.status == 0, "\(imported)")
        #expect(imported.stderr.contains("a reporting template of round 2024-Q4"), "\(imported)")
        let after = cli.duikou(["round", "status", "2024-Q4", "--format", "json"])
        #expect(try after.jsonObject()["total"].flatMap { $0 as? [String: Any] }?["reported"] as? Int == 2, "\(after)")
        let shown = try cli.duikou(["project", "show", id, "--format", "json"]).jsonObject()
        #expect(shown["status"] as? String == "started")
        #expect(shown["completed_investment_yuan"] as? Int == 12_345_000)

        // A template for a round that is not open, and a round for a file that is not a template.
        #expect(cli.duikou(["import", "updates", "sent/filled.xlsx", "--round", "2030-Q1"]).status == 66)
        let notTemplate = cli.duikou(["import", "updates", "projects.csv", "--round", "2024-Q4"])
        #expect(notTemplate.status == 65 && notTemplate.stderr.contains("leave it out"), "\(notTemplate)")
        let asProjects = cli.duikou(["import", "projects", "调度表.xlsx"])
        #expect(asProjects.status == 65 && asProjects.stderr.contains("duikou import updates"), "\(asProjects)")
    }

    @Test func aTemplateSheetSavedAsCSVImportsForTheRoundGiven() throws {
        #expect(cli.duikou(["template", "--round", "2024-Q4", "--pairing", "深哈", "--out", "调度表.xlsx"]).status == 0)
        let convert = try soffice(["--convert-to", "csv:Text - txt - csv (StarCalc):44,34,76,1,,0,false,true,true,false,false,-1",
                                   "--outdir", cli.path("lo"), cli.work.appendingPathComponent("调度表.xlsx").path])
        #expect(convert.status == 0, "\(convert)")
        // The sheet as LibreOffice saves it, not yet filled in: a template with nothing to import.
        let empty = cli.duikou(["import", "updates", cli.path("lo/调度表-哈尔滨市—深圳市.csv"), "--round", "2024-Q4"])
        #expect(empty.status == 65 && empty.stderr.contains("no row of the template is filled in"), "\(empty)")

        let sheet = try parseCSV(String(contentsOfFile: cli.path("lo/调度表-哈尔滨市—深圳市.csv"), encoding: .utf8))
        let id = try #require(sheet.first { $0[1] == "哈工大\"智能\"装备 <产业园> & 😀" })[0]
        let filled = """
            \(Self.headers)
            \(id),"哈工大""智能""装备 <产业园> & 😀",2.1,落地,100,开工,"1,234.5",2024年11月20日,"备注, 带逗号
            第二行",

            """
        try Data(filled.utf8).write(to: cli.work.appendingPathComponent("已填.csv"))
        let noRound = cli.duikou(["import", "updates", "已填.csv"])
        #expect(noRound.status == 65 && noRound.stderr.contains("give the round"), "\(noRound)")
        let dry = cli.duikou(["import", "updates", "已填.csv", "--round", "2024-Q4", "--dry-run"])
        #expect(dry.status == 0 && dry.stdout.contains("would add 1 update"), "\(dry)")
        let imported = cli.duikou(["import", "updates", "已填.csv", "--round", "2024-Q4"])
        #expect(imported.status == 0 && imported.stderr.contains("a reporting template of round 2024-Q4"), "\(imported)")
        let shown = try cli.duikou(["project", "show", id, "--format", "json"]).jsonObject()
        #expect(shown["status"] as? String == "started")
        #expect(shown["completed_investment_yuan"] as? Int == 12_345_000)
        #expect(cli.duikou(["import", "projects", "已填.csv"]).status == 65)
    }
}
