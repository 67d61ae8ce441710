@testable import DuikouKit
import DuikouDemo
import DuikouServer
import Foundation
import Hummingbird
import HummingbirdTesting
import Testing

/// The pages over a small database: two pairings' projects, one of them hostile text.
struct PageScenario {
    let database: TemporaryDatabase
    let repository: Repository
    let liaoning: UUID
    let jilin: UUID

    static let payload = "<script>alert(1)</script> \"onmouseover=alert(2) ' & 😀\n第二行"

    init(hostile: Bool = false) throws {
        database = try TemporaryDatabase()
        repository = try database.open()
        let title = hostile ? "项目" + Self.payload : "沈阳机器人产业园"
        liaoning = try repository.addProject(NewProject(
            pairing: "liaoning-jiangsu", task: "2.1", title: title, planned: Money(parsing: "12亿"), status: .started,
            date: LocalDate(parsing: "2020-01-10"), completed: Money(parsing: "3000"), note: hostile ? Self.payload : "首次填报")).id
        jilin = try repository.addProject(NewProject(
            pairing: "jilin-zhejiang", task: "2.3", title: "吉浙绿色食品", planned: Money(parsing: "5000"),
            date: LocalDate(parsing: "2021-03-01"))).id
    }

    static func key(_ id: UUID) -> String { id.uuidString.lowercased() }
}

@Suite struct PageTests {
    @Test func anonymousRequestsGoToTheLoginPage() async throws {
        let scenario = try PageScenario()
        let id = PageScenario.key(scenario.liaoning)
        try await pageApplication(scenario.repository).test(.router) { client in
            for path in ["/", "/projects", "/projects/\(id)", "/rounds", "/rounds/2024-Q4", "/alerts", "/report", "/export/projects.xlsx",
                         "/template/2024-Q4.xlsx"] {
                let answer = try await client.page(path, as: nil)
                #expect(answer.status == .seeOther, "\(path)")
                #expect(answer.headers[.location] == "/login", "\(path)")
            }
            let post = try await client.post("/projects/\(id)/updates", as: nil, [("date", "2024-01-01"), ("note", "x")])
            #expect(post.status == .seeOther && post.headers[.location] == "/login")
            let login = try await client.page("/login", as: nil)
            #expect(login.status == .ok)
            #expect(login.text.contains("action=\"/login\"") && login.text.contains("method=\"post\""))
            let form = login.text.components(separatedBy: "<form class=\"login\"").last?.components(separatedBy: "</form>").first ?? ""
            let names = form.components(separatedBy: " name=\"").dropFirst().map { $0.prefix { $0 != "\"" } }
            #expect(names == ["name", "password"])
        }
        #expect(try await scenario.repository.history().allSatisfy { !$0.command.hasPrefix("web:") })
    }

    @Test func theDashboardShowsTheLibrarysFigures() async throws {
        let database = try TemporaryDatabase()
        let (repository, _) = try DemoData.create(at: database.path)
        usleep(5000)
        try await repository.openRound(ReportingPeriod(parsing: "2024-Q4"))
        let byArea = try await repository.progress(ProgressQuery(grouping: .area))
        let byPairing = try await repository.progress(ProgressQuery(grouping: .pairing, countsAlerts: true))
        let alerts = try await repository.alerts(AlertQuery())
        let round = try await repository.roundStatus()
        try await pageApplication(repository).test(.router) { client in
            let answer = try await client.page("/", as: TestUser.viewer)
            #expect(answer.status == .ok)
            #expect(answer.headers[.contentType] == "text/html; charset=utf-8")
            let html = answer.text
            for report in [byArea, byPairing] {
                for progressRow in report.rows {
                    let cells = row(html, key: progressRow.key)
                    #expect(cells.contains(">\(DisplayText.count(progressRow.figures.projects))<"), "\(progressRow.key)")
                    #expect(cells.contains(">\(DisplayText.money(progressRow.figures.plannedInvestment, in: .yi))<"), "\(progressRow.key)")
                    #expect(cells.contains(">\(DisplayText.money(progressRow.figures.completedInvestment, in: .yi))<"), "\(progressRow.key)")
                    #expect(cells.contains(escaped(progressRow.nameZH)))
                }
            }
            for pairing in byPairing.rows {
                let cells = row(html, key: pairing.key)
                #expect(cells.contains("red\">\(DisplayText.count(pairing.figures.alertsRed))<"))
                #expect(cells.contains("yellow\">\(DisplayText.count(pairing.figures.alertsYellow))<"))
            }
            #expect(html.contains(byArea.charts(id: "areas", subject: "分任务方面", language: .zh).projects))
            #expect(html.contains(byPairing.charts(id: "pairings", subject: "分对口合作关系", language: .zh).investment))
            #expect(html.contains("红灯 \(DisplayText.count(alerts.count { $0.level == .red }))<"))
            #expect(html.contains("黄灯 \(DisplayText.count(alerts.count { $0.level == .yellow }))<"))
            #expect(html.contains("data-key=\"reported\">\(DisplayText.count(round.reported))<"))
            #expect(html.contains("data-key=\"in-scope\">\(DisplayText.count(round.inScope))<"))
            for pairing in round.pairings {
                #expect(row(html, key: "round-" + pairing.pairing).contains(">\(DisplayText.count(pairing.notReported.count))<"))
            }
            #expect(html.contains("查看者乙") && html.contains("查看者"))
            #expect(!html.contains("<script>") && !html.contains(" onclick") && !html.contains("style=\""))

            let english = try await client.page("/?lang=en", as: TestUser.viewer)
            #expect(english.text.contains("<h1>Dashboard</h1>") && english.text.contains(escaped(byArea.rows[0].nameEN)))
            #expect(english.headers[.setCookie]?.hasPrefix("duikou_lang=en") == true)
            let kept = try await client.page("/projects", as: TestUser.viewer, headers: [.cookie: "duikou_lang=en"])
            #expect(kept.text.contains("<html lang=\"en\">") && kept.text.contains("href=\"/projects?lang=zh\""))

            let rounds = try await client.page("/rounds", as: TestUser.viewer)
            #expect(row(rounds.text, key: "2024-Q4").contains(">\(DisplayText.count(round.inScope))<"))
            let status = try await client.page("/rounds/2024-Q4", as: TestUser.viewer)
            #expect(status.status == .ok && status.text.contains("data-key=\"reported\">\(DisplayText.count(round.reported))<"))
            #expect(try await client.page("/rounds/2024-Q9", as: TestUser.viewer).status == .badRequest)
            #expect(try await client.page("/rounds/2019-Q1", as: TestUser.viewer).status == .notFound)

            let red = try await client.page("/alerts?level=red", as: TestUser.viewer)
            #expect(red.text.contains("红灯 \(DisplayText.count(alerts.count { $0.level == .red }))<"))
            #expect(red.text.contains("黄灯 0<"))
            let scoped = try await client.page("/alerts?pairing=%E9%BB%91%E7%B2%A4", as: TestUser.viewer)
            let expected = try await repository.alerts(AlertQuery(pairing: "heilongjiang-guangdong"))
            #expect(scoped.text.contains("红灯 \(DisplayText.count(expected.count { $0.level == .red }))<"))

            // A page at a time; the counts are of all of them.
            #expect(alerts.count > 7)
            let firstPage = try await client.page("/alerts?limit=5", as: TestUser.viewer)
            let alertRows = { (html: String) in html.components(separatedBy: "<tr><td class=\"").count - 1 }
            #expect(alertRows(firstPage.text) == 5)
            #expect(firstPage.text.contains("data-key=\"count\">\(DisplayText.count(alerts.count))<"))
            #expect(firstPage.text.contains("红灯 \(DisplayText.count(alerts.count { $0.level == .red }))<"))
            #expect(firstPage.text.contains("rel=\"next\" href=\"/alerts?limit=5&amp;offset=5\""))
            let lastPage = try await client.page("/alerts?limit=5&offset=\(alerts.count - 2)", as: TestUser.viewer)
            #expect(alertRows(lastPage.text) == 2 && !lastPage.text.contains("rel=\"next\""))
            #expect(lastPage.text.contains(alerts[alerts.count - 1].project.uuidString.lowercased()))
            #expect(try await client.page("/alerts?limit=0", as: TestUser.viewer).status == .badRequest)
            #expect(alertRows(try await client.page("/alerts", as: TestUser.viewer).text) == min(alerts.count, 100))

            let report = try await client.page("/report", as: TestUser.viewer)
            let expectedReport = try await repository.htmlReport(HTMLReportOptions(language: .zh))
            #expect(report.status == .ok && report.text == expectedReport)
            #expect(report.headers[.contentSecurityPolicy]?.contains("default-src 'none'") == true)
        }
    }

    @Test func projectsAreFilteredSearchedAndPaged() async throws {
        let database = try TemporaryDatabase()
        let (repository, _) = try DemoData.create(at: database.path)
        let all = try await repository.projects()
        let started = try await repository.projects(ProjectFilter(pairing: "heilongjiang-guangdong", status: .started))
        try await pageApplication(repository).test(.router) { client in
            let first = try await client.page("/projects?limit=5", as: TestUser.reporter("liaoning-jiangsu"))
            #expect(first.text.contains("data-key=\"count\">\(DisplayText.count(all.count))<"))
            #expect(first.text.components(separatedBy: "<tr data-key=").count - 1 == 5)
            #expect(first.text.contains("rel=\"next\" href=\"/projects?limit=5&amp;offset=5\""))
            #expect(!first.text.contains("rel=\"prev\""))
            let second = try await client.page("/projects?limit=5&offset=5", as: TestUser.viewer)
            #expect(second.text.contains("rel=\"prev\" href=\"/projects?limit=5\""))
            #expect(second.text.contains(PageScenario.key(all[5].id)))
            let filtered = try await client.page("/projects?pairing=%E9%BE%99%E7%B2%A4&status=%E5%BC%80%E5%B7%A5&limit=500", as: TestUser.viewer)
            #expect(filtered.text.contains("data-key=\"count\">\(DisplayText.count(started.count))<"))
            let word = String(all[0].title.prefix(2))
            let hits = Set(try await repository.search(word).filter { $0.kind == .project }.map(\.id))
            let searched = try await client.page("/projects?q=\(formEscape(word))", as: TestUser.viewer)
            #expect(searched.text.contains("data-key=\"count\">\(DisplayText.count(all.filter { hits.contains($0.id) }.count))<"))
            let bad = try await client.page("/projects?limit=0", as: TestUser.viewer)
            #expect(bad.status == .badRequest && bad.text.contains("data-field=\"limit\""))
            #expect(try await client.page("/projects?area=9", as: TestUser.viewer).status == .badRequest)
            #expect(try await client.page("/projects?status=flying", as: TestUser.viewer).status == .badRequest)
        }
    }

    @Test func aReporterRecordsTheirPairingsProjectsAndNoOthers() async throws {
        let scenario = try PageScenario()
        let own = PageScenario.key(scenario.liaoning)
        let other = PageScenario.key(scenario.jilin)
        let reporter = TestUser.reporter("liaoning-jiangsu", name: "王芳")
        try await pageApplication(scenario.repository).test(.router) { client in
            let page = try await client.page("/projects/\(own)", as: reporter)
            #expect(page.text.contains("id=\"form-updates\"") && page.text.contains("id=\"form-corrections\"") && page.text.contains("id=\"form-plan\""))
            #expect(page.text.contains("name=\"csrf_token\" value=\"\(try await client.csrfToken(of: reporter))\""))
            #expect(page.text.contains("<option value=\"completed\">竣工</option>"))
            let answer = try await client.post("/projects/\(own)/updates", as: reporter,
                                               [("date", "2024-06-30"), ("status", "竣工"), ("completed", "4500"), ("note", "主体完工")])
            #expect(answer.status == .seeOther)
            #expect(answer.headers[.location] == "/projects/\(own)#history")
            let history = try await scenario.repository.projectHistory(scenario.liaoning)
            let amount = try Money(parsing: "4500")
            #expect(history.project.status == .completed && history.project.completed == amount)
            let shown = try await client.page("/projects/\(own)", as: reporter)
            #expect(shown.text.contains("主体完工") && shown.text.contains(">4,500.00<"))
            let audit = try await scenario.repository.history().last
            #expect(audit?.actor == "王芳" && audit?.command.hasPrefix("web: POST /projects/") == true)

            let otherPage = try await client.page("/projects/\(other)", as: reporter)
            #expect(otherPage.status == .ok && !otherPage.text.contains("<form class=\"record\""))
            let refused = try await client.post("/projects/\(other)/updates", as: reporter, [("date", "2024-06-30"), ("status", "开工")])
            #expect(refused.status == .forbidden)
            #expect(try await scenario.repository.projectHistory(scenario.jilin).updates.count == 1)
        }
    }

    @Test func viewersSeeNoFormsAndTokensAreChecked() async throws {
        let scenario = try PageScenario()
        let id = PageScenario.key(scenario.liaoning)
        try await pageApplication(scenario.repository).test(.router) { client in
            let page = try await client.page("/projects/\(id)", as: TestUser.viewer)
            #expect(page.status == .ok && !page.text.contains("<form class=\"record\""))
            for form in ["updates", "corrections", "plan"] {
                let answer = try await client.post("/projects/\(id)/\(form)", as: TestUser.viewer,
                                                   [("date", "2024-06-30"), ("note", "x"), ("seq", "1"), ("planned", "1亿"), ("reason", "r")])
                #expect(answer.status == .forbidden, "\(form)")
            }
            let wrong = try await client.post("/projects/\(id)/updates", as: TestUser.admin, [("date", "2024-06-30"), ("note", "x")], csrf: String(try await client.csrfToken(of: TestUser.admin).dropLast()) + "X")
            #expect(wrong.status == .forbidden)
            let missing = try await client.post("/projects/\(id)/updates", as: TestUser.admin, [("date", "2024-06-30"), ("note", "x")], csrf: nil)
            #expect(missing.status == .forbidden)
            let empty = try await client.post("/projects/\(id)/updates", as: TestUser.admin, [("date", "2024-06-30"), ("note", "x")], csrf: "")
            #expect(empty.status == .forbidden)
        }
        #expect(try await scenario.repository.projectHistory(scenario.liaoning).updates.count == 1)
    }

    @Test func badInputIsShownBesideItsField() async throws {
        let scenario = try PageScenario()
        let id = PageScenario.key(scenario.liaoning)
        let cases: [(form: String, fields: [(String, String)], field: String)] = [
            ("updates", [("date", "2024-13-45"), ("note", "x")], "date"),
            ("updates", [("note", "x")], "date"),
            ("updates", [("date", "2019-01-01"), ("note", "x")], "date"),
            ("updates", [("date", "2024-06-30"), ("completed", "三千")], "completed"),
            ("updates", [("date", "2024-06-30"), ("completed", "100")], "completed"),
            ("updates", [("date", "2024-06-30"), ("status", "签约")], "status"),
            ("updates", [("date", "2024-06-30"), ("status", "flying")], "status"),
            ("updates", [("date", "2024-06-30"), ("unchanged", "1"), ("status", "竣工")], "unchanged"),
            ("corrections", [("seq", "1"), ("completed", "1亿")], "reason"),
            ("corrections", [("seq", "x"), ("completed", "1亿"), ("reason", "r")], "seq"),
            ("corrections", [("seq", "1"), ("date", "2020/02/30"), ("reason", "r")], "date"),
            ("plan", [("planned", "99999999999999999999亿"), ("reason", "r")], "planned"),
            ("plan", [("planned_start", "2025-01-01"), ("planned_completion", "2024-01-01"), ("reason", "r")], "planned_completion"),
        ]
        try await pageApplication(scenario.repository).test(.router) { client in
            for test in cases {
                let answer = try await client.post("/projects/\(id)/\(test.form)", as: TestUser.admin, test.fields)
                #expect(answer.status == .badRequest, "\(test.fields)")
                #expect(answer.text.contains("data-field=\"\(test.field)\""), "\(test.fields)")
                #expect(answer.text.contains("id=\"form-\(test.form)\""))
            }
            let unreadable = try await client.post("/projects/\(id)/updates", as: TestUser.admin, [("note", "%E4%ZZ")])
            #expect(unreadable.status == .forbidden || unreadable.status == .badRequest)
        }
        let history = try await scenario.repository.projectHistory(scenario.liaoning)
        #expect(history.updates.count == 1 && history.superseded.isEmpty && history.planRevisions.isEmpty)
    }

    @Test func correctionsAndPlanRevisionsAreRecordedAndShown() async throws {
        let scenario = try PageScenario()
        let id = PageScenario.key(scenario.liaoning)
        try await pageApplication(scenario.repository).test(.router) { client in
            let corrected = try await client.post("/projects/\(id)/corrections", as: TestUser.admin,
                                                   [("seq", "1"), ("completed", "300"), ("reason", "万亿单位填错")])
            #expect(corrected.status == .seeOther)
            let revised = try await client.post("/projects/\(id)/plan", as: TestUser.admin,
                                                 [("planned", "15亿"), ("planned_start", "2020-03-01"), ("reason", "追加投资")])
            #expect(revised.status == .seeOther)
            let page = try await client.page("/projects/\(id)", as: TestUser.admin)
            #expect(page.text.contains("class=\"superseded\""))
            #expect(page.text.contains("万亿单位填错") && page.text.contains("追加投资"))
            #expect(page.text.contains("120,000.00 → 150,000.00"))
        }
        let history = try await scenario.repository.projectHistory(scenario.liaoning)
        let corrected = try Money(parsing: "300")
        #expect(history.updates[0].completed == corrected && history.superseded.count == 1)
        #expect(history.planRevisions.count == 1)
        #expect(try await scenario.repository.history().suffix(2).allSatisfy { $0.actor == "管理员甲" })
    }

    @Test func hostileTextIsEscapedOnEveryPage() async throws {
        let scenario = try PageScenario(hostile: true)
        let repository = scenario.repository
        try await repository.addRegion(Region(code: "440600", nameZH: "佛山<script>alert(1)</script>\"onmouseover='&😀", nameEN: "Foshan \"onmouseover=", level: .prefectureCity, side: .east))
        try await repository.addRegion(Region(code: "230800", nameZH: "佳木斯市", nameEN: "Jiamusi", level: .prefectureCity, side: .northeast))
        _ = try await repository.addPairing(NewPairing(id: "foshan-jiamusi", northeast: "230800", east: "440600", parent: "heilongjiang-guangdong"))
        let hostile = try await repository.addProject(NewProject(pairing: "foshan-jiamusi", task: "4.2", title: "园区" + PageScenario.payload,
                                                           date: LocalDate(parsing: "2020-02-01"), note: PageScenario.payload))
        usleep(5000)
        try await repository.openRound(ReportingPeriod(parsing: "2020-Q3"))
        let id = PageScenario.key(scenario.liaoning)
        try await pageApplication(repository).test(.router) { client in
            let correction = try await client.post("/projects/\(id)/corrections", as: TestUser.admin,
                                                    [("seq", "1"), ("note", "更正" + PageScenario.payload), ("reason", PageScenario.payload)])
            #expect(correction.status == .seeOther)
            let revision = try await client.post("/projects/\(id)/plan", as: TestUser.admin, [("planned", "20亿"), ("reason", PageScenario.payload)])
            #expect(revision.status == .seeOther)
            let bad = try await client.post("/projects/\(id)/updates", as: TestUser.admin, [("date", PageScenario.payload), ("note", PageScenario.payload)])
            #expect(bad.status == .badRequest)
            let pages = ["/", "/projects", "/projects/\(id)", "/projects/\(PageScenario.key(hostile.id))", "/alerts", "/rounds/2020-Q3",
                         "/projects?q=\(formEscape(PageScenario.payload))", "/?lang=en", "/alerts?lang=en"]
            for (path, answer) in try await pages.asyncMap({ ($0, try await client.page($0, as: TestUser.reporter("foshan-jiamusi", name: "<b>'&\"</b>"))) })
                + [("bad update", bad)] {
                #expect(answer.status == .ok || path == "bad update", "\(path)")
                let html = answer.text
                #expect(!html.contains("<script>alert(1)</script>"), "\(path)")
                #expect(!html.contains("\"onmouseover="), "\(path)")
                #expect(!html.contains("'&"), "\(path)")
                #expect(!html.contains("<b>"), "\(path)")
                #expect(html.contains("&lt;script&gt;alert(1)&lt;/script&gt;"), "\(path)")
            }
            let projectPage = try await client.page("/projects/\(id)", as: TestUser.admin)
            #expect(projectPage.text.contains(escaped(PageScenario.payload)))
            #expect(projectPage.text.components(separatedBy: escaped(PageScenario.payload)).count - 1 >= 4)
        }
    }

    @Test func downloadsAreWorkbooksAndNoPathCanBeCrafted() async throws {
        let scenario = try PageScenario(hostile: true)
        usleep(5000)
        try await scenario.repository.openRound(ReportingPeriod(parsing: "2020-Q3"))
        let before = Set(try FileManager.default.contentsOfDirectory(atPath: NSTemporaryDirectory()).filter { $0.hasPrefix("duikou-download-") })
        try await pageApplication(scenario.repository).test(.router) { client in
            for (path, sheetCount) in [("/export/projects.xlsx", 1), ("/export/progress.xlsx", ProgressGrouping.allCases.count),
                                       ("/template/2020-Q3.xlsx?pairing=%E8%BE%BD%E8%8B%8F", 2)] {
                let answer = try await client.page(path, as: TestUser.viewer)
                #expect(answer.status == .ok, "\(path)")
                #expect(answer.headers[.contentType] == "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet")
                let disposition = try #require(answer.headers[.contentDisposition])
                #expect(disposition.hasPrefix("attachment; filename=\"duikou-") && disposition.contains("filename*=UTF-8''%E"))
                #expect(disposition.unicodeScalars.allSatisfy { $0.isASCII })
                let file = NSTemporaryDirectory() + "page-test-\(UUID().uuidString).xlsx"
                defer { try? FileManager.default.removeItem(atPath: file) }
                try Data(answer.body.readableBytesView).write(to: URL(fileURLWithPath: file))
                let workbook = try XLSXReader(path: file)
                #expect(workbook.sheets.count >= sheetCount, "\(path)")
                var rows: [[String]] = []
                let reader = try workbook.rows(of: workbook.sheets[0])
                while let record = try reader.next() { rows.append(record.fields) }
                #expect(rows.count >= 2, "\(path)")
                if path.hasPrefix("/export/projects") { #expect(rows.contains { $0.contains("项目" + PageScenario.payload) }) }
            }
            let template = try await client.page("/template/2020-Q3.xlsx?pairing=%E8%BE%BD%E8%8B%8F", as: TestUser.viewer)
            #expect(template.headers[.contentDisposition]?.contains("filename=\"duikou-template-2020-Q3-liaoning-jiangsu.xlsx\"") == true)
            let csv = try await client.page("/export/projects.csv?lang=zh", as: TestUser.viewer)
            #expect(csv.status == .ok && csv.headers[.contentType] == "text/csv; charset=utf-8")
            #expect(csv.text.hasPrefix("\u{FEFF}") && csv.text.contains("项目名称"))
            for path in ["/export/..%2F..%2Fetc%2Fpasswd", "/export/..%2F..%2Fetc%2Fpasswd.xlsx", "/export/%2Fetc%2Fpasswd.xlsx",
                         "/export/secrets.xlsx", "/export/projects.exe", "/export/progress.csv", "/export/projects", "/export/.xlsx",
                         "/template/..%2F..%2Fetc%2Fpasswd.xlsx", "/template/%2Ftmp%2Fx.xlsx", "/template/2020-Q3.csv", "/template/2020-Q9.xlsx",
                         "/template/2031-Q1.xlsx", "/export/projects.xlsx?pairing=..%2F..%2Fetc"] {
                let answer = try await client.page(path, as: TestUser.viewer)
                #expect(answer.status == .badRequest || answer.status == .notFound, "\(path): \(answer.status)")
                #expect(answer.headers[.contentDisposition] == nil, "\(path)")
            }
            let css = try await client.page("/assets/duikou.css", as: nil)
            #expect(css.status == .ok && css.headers[.contentType] == "text/css; charset=utf-8" && css.headers[.cacheControl]?.contains("max-age") == true)
            #expect(try await client.page("/assets/duikou.js", as: nil).status == .ok)
        }
        let after = Set(try FileManager.default.contentsOfDirectory(atPath: NSTemporaryDirectory()).filter { $0.hasPrefix("duikou-download-") })
        #expect(after.subtracting(before).isEmpty)
    }
}

extension Array {
    func asyncMap<T>(_ transform: (Element) async throws -> T) async rethrows -> [T] {
        var out: [T] = []
        for element in self { out.append(try await transform(element)) }
        return out
    }
}
