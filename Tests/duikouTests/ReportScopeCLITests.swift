import Foundation
import Testing

/// `report --pairing` and `--known-on` on `report` and `project show`, end to end.
///
/// Fixture: 黑龙江省—广东省 with 佳木斯市—佛山市 below it, and 辽宁省—江苏省 and 哈尔滨市—深圳市
/// outside it; each records a landmark project in a park, a secondment and a reform measure, and
/// the outsiders' records are named 外部….
@Suite struct ReportScopeCLITests {
    let cli: CLISandbox

    init() throws {
        cli = try CLISandbox()
    }

    private func ok(_ arguments: [String], sourceLocation: SourceLocation = #_sourceLocation) {
        let result = cli.duikou(arguments)
        #expect(result.status == 0, "\(result)", sourceLocation: sourceLocation)
    }

    private func record(_ pairing: String, _ name: String, planned: String, date: String) {
        let park = cli.duikou(["park", "add", "--pairing", pairing, "--name", "\(name)园区", "--established", date])
        #expect(park.status == 0, "\(park)")
        let id = cli.addProject(pairing: pairing, task: "2.1", title: "\(name)项目",
                                ["--date", date, "--planned", planned, "--landmark", "--park", park.stdout.trimmingCharacters(in: .whitespacesAndNewlines)])
        ok(["project", "update", id, "--date", "2025-06-01", "--status", "开工", "--completed", "1亿"])
        ok(["exchange", "add", "--pairing", pairing, "--direction", "to-east", "--kind", "secondment", "--start", date, "--person", "\(name)干部"])
        ok(["reform", "add", "--pairing", pairing, "--title", "\(name)改革举措", "--date", date])
        ok(["meeting", "add", "--pairing", pairing, "--kind", "joint-meeting", "--date", date, "--place", "\(name)会场"])
    }

    private func fixture() {
        ok(["region", "add", "--code", "230800", "--name-zh", "佳木斯市", "--name-en", "Jiamusi", "--level", "prefecture-city", "--side", "northeast"])
        ok(["region", "add", "--code", "440600", "--name-zh", "佛山市", "--name-en", "Foshan", "--level", "prefecture-city", "--side", "east"])
        ok(["pairing", "add", "--id", "jiamusi-foshan", "--northeast", "230800", "--east", "440600", "--level", "city", "--parent", "黑粤"])
        record("heilongjiang-guangdong", "黑粤", planned: "12亿", date: "2025-03-01")
        record("jiamusi-foshan", "佳佛", planned: "4.5亿", date: "2025-04-01")
        record("liaoning-jiangsu", "外部辽苏", planned: "30亿", date: "2025-03-15")
        record("harbin-shenzhen", "外部深哈", planned: "50亿", date: "2025-03-20")
    }

    private func report(_ name: String, _ more: [String], sourceLocation: SourceLocation = #_sourceLocation) throws -> String {
        let result = cli.duikou(["report", "--out", name] + more)
        #expect(result.status == 0 && result.stdout.isEmpty && result.stderr.isEmpty, "\(result)", sourceLocation: sourceLocation)
        let bytes = try #require(cli.bytes(cli.work.appendingPathComponent(name).path), sourceLocation: sourceLocation)
        return String(decoding: bytes, as: UTF8.self)
    }

    @Test func aPairingsReportHasItsFiguresAndNoOthers() throws {
        fixture()
        for (pairing, outsiders) in [("龙粤", ["外部"]), ("黑龙江省—广东省", ["外部"]), ("jiamusi-foshan", ["外部", "黑粤"])] {
            let subtree = pairing == "jiamusi-foshan" ? pairing : "heilongjiang-guangdong"
            let progress = try cli.duikou(["progress", "--pairing", subtree, "--as-of", "2025-06-30", "--format", "json"]).jsonObject()
            let total = try #require(progress["total"] as? [String: Any])
            let projects = try #require(int(total["projects"]))
            let planned = try #require((total["planned_investment_yuan"] as? NSNumber)?.int64Value)
            let html = try report("\(subtree).html", ["--pairing", pairing, "--as-of", "2025-06-30"])
            let yi = String(format: "%.2f", Double(planned) / 100_000_000)
            #expect(html.contains("共有对口合作项目\(projects)个"), "\(pairing)")
            #expect(html.contains("计划总投资\(yi)亿元"), "\(pairing): \(yi)")
            #expect(!html.contains("共有对口合作项目4个"))
            if pairing == "jiamusi-foshan" {
                #expect(html.contains("<h1>佳木斯市—佛山市对口合作进展报告</h1>"))
                #expect(projects == 1)
            } else {
                #expect(html.contains("<h1>黑龙江省—广东省对口合作进展报告</h1>"))
                #expect(html.contains("含下级对口合作关系：佳木斯市—佛山市"))
                #expect(projects == 2 && html.contains("佳佛改革举措") && html.contains("黑粤干部"))
            }
            for outsider in outsiders {
                #expect(!html.contains(outsider), "\(pairing) shows \(outsider)")
            }
            #expect(!html.contains("辽宁省"))
        }
        let whole = try report("all.html", ["--as-of", "2025-06-30"])
        #expect(whole.contains("共有对口合作项目4个") && whole.contains("外部辽苏项目") && whole.contains("外部深哈干部"))
    }

    @Test func unknownAmbiguousAndHostilePairingsAreRefused() throws {
        fixture()
        for name in ["nowhere", "\"引号\", 逗号", "🎉", "黑龙江省—"] {
            expectRefusal(cli.duikou(["report", "--out", "r.html", "--pairing", name]), 66, mentions: ["duikou pairings"])
        }
        // Two pairings of the same regions share their names.
        ok(["pairing", "add", "--id", "jiamusi-foshan-2", "--northeast", "230800", "--east", "440600", "--level", "city"])
        expectRefusal(cli.duikou(["report", "--out", "r.html", "--pairing", "佳木斯市—佛山市"]), 65, mentions: ["jiamusi-foshan", "jiamusi-foshan-2"])
        expectRefusal(cli.duikou(["report", "--out", "r.html", "--known-on", "2025-02-30"]), 65, mentions: ["--known-on", "2025-02-30"])
        expectRefusal(cli.duikou(["report", "--out", "r.html", "--known-on", "today"]), 65, mentions: ["--known-on"])
        #expect(cli.names(in: cli.work).filter { $0.hasSuffix(".html") }.isEmpty)

        // A pairing named in Chinese with quotes and an emoji, by an alias of the same.
        let hostile = "龙江\"佳佛\", 🎉"
        ok(["pairing", "alias", "add", "--pairing", "jiamusi-foshan", "--alias", hostile])
        let html = try report("hostile.html", ["--pairing", hostile, "--lang", "en"])
        #expect(html.contains("<h1>Jiamusi–Foshan Paired Cooperation: Progress Report</h1>"))
    }

    @Test func knownOnADayReproducesTheReportAndLeavesLaterRecordsOut() throws {
        fixture()
        let now = try report("now.html", ["--pairing", "黑粤", "--as-of", "2025-06-30"])
        let farAhead = try report("ahead.html", ["--pairing", "黑粤", "--as-of", "2025-06-30", "--known-on", "2099-12-31"])
        #expect(farAhead == now)
        // Before anything was recorded: no project, no park, no exchange.
        let before = try report("before.html", ["--pairing", "黑粤", "--known-on", "2020-01-01"])
        #expect(before.contains("尚无进展记录") && !before.contains("黑粤园区") && !before.contains("黑粤干部"))
    }

    @Test func projectShowKnownOnADay() throws {
        let id = cli.addProject(title: "新能源 \"电池\", 项目 🎉", ["--date", "2025-03-01", "--planned", "5亿"])
        ok(["project", "update", id, "--date", "2025-06-01", "--status", "开工", "--completed", "2.1亿"])
        ok(["project", "correct", id, "--seq", "2", "--completed", "2100万", "--reason", "万/亿 录错"])
        ok(["project", "plan", id, "--planned", "8亿", "--reason", "追加投资"])
        ok(["project", "void", id, "--reason", "重复录入"])
        let now = cli.duikou(["project", "show", id, "--format", "json"])
        #expect(now.status == 0)
        let ahead = cli.duikou(["project", "show", String(id.prefix(8)), "--format", "json", "--known-on", "2099-12-31"])
        #expect(ahead.stdout == now.stdout, "\(ahead)")
        expectRefusal(cli.duikou(["project", "show", id, "--known-on", "2020-01-01"]), 66, mentions: [id, "2020-01-01", "--known-on"])
        expectRefusal(cli.duikou(["project", "show", id, "--known-on", "2025-13-01"]), 65, mentions: ["--known-on", "2025-13-01"])
        let table = cli.duikou(["project", "show", id, "--known-on", "2099-12-31"])
        #expect(table.status == 0 && table.stdout.contains("新能源 \"电池\", 项目 🎉"), "\(table)")
    }
}
