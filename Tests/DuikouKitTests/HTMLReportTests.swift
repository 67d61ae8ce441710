import Foundation
import Testing
import DuikouDemo
@testable import DuikouKit

/// The HTML report and the completed-investment-by-year query behind it, over small hand-computed
/// datasets.
///
/// Investment fixture (`investmentFixture`), completed investment after each update:
///
/// | # | history (date status completed) |
/// |---|---|
/// | A | 2018-01-01 signed 0; 2018-12-31 started 1亿; 2019-01-01 started 3亿; 2020-06-30 operating 5亿 |
/// | B | 2019-12-31 signed 2亿; 2021-01-01 started 4亿 |
/// | C | 2020-01-01 landed 0.5亿; 2020-12-31 terminated (0.5亿) |
/// | D | 2021-07-01 signed 1亿 (after the as-of dates below) |
///
/// Year ends: 2018 → 1亿 (A); 2019 → 3 + 2 = 5亿; 2020 → 5 + 2 + 0.5 = 7.5亿; 2021-06-30 → 5 + 4 + 0.5 = 9.5亿.
@Suite struct HTMLReportTests {
    private static let yi: Int64 = 100_000_000
    private static let hostile = "<script>alert(\"x\")</script> & \"引号\" 🎉"
    private static let hostileEscaped = "&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; &quot;引号&quot; 🎉"

    let db: TemporaryDatabase
    let repo: Repository

    init() throws {
        db = try TemporaryDatabase()
        repo = try db.open()
    }

    // MARK: - Fixtures

    @discardableResult
    private func project(
        _ title: String, pairing: String = "harbin-shenzhen", task: String = "2.1", landmark: Bool = false, planned: String? = nil,
        _ history: [(String, ProjectStatus?, String?)]
    ) throws -> Project {
        let first = history[0]
        var project = try repo.addProject(NewProject(
            pairing: pairing, task: task, title: title, landmark: landmark, planned: planned.map { try Money(parsing: $0) },
            status: first.1 ?? .signed, date: day(first.0), completed: first.2.map { try Money(parsing: $0) } ?? .zero))
        for (date, status, completed) in history.dropFirst() {
            project = try repo.recordUpdate(
                NewProgressUpdate(date: day(date), status: status, completed: completed.map { try Money(parsing: $0) }), toProject: project.id)
        }
        return project
    }

    private func investmentFixture() throws {
        try project("A", [("2018-01-01", .signed, nil), ("2018-12-31", .started, "1亿"), ("2019-01-01", nil, "3亿"), ("2020-06-30", .operating, "5亿")])
        try project("B", [("2019-12-31", .signed, "2亿"), ("2021-01-01", .started, "4亿")])
        try project("C", [("2020-01-01", .landed, "5000万"), ("2020-12-31", .terminated, nil)])
        try project("D", [("2021-07-01", .signed, "1亿")])
    }

    private func figures(_ years: [YearEndInvestment]) -> [(Int, String, Int64, Int64)] {
        years.map { ($0.year, $0.date.description, $0.cumulative.yuan, $0.increase.yuan) }
    }

    // MARK: - Completed investment by year

    @Test func investmentByYearMatchesHandComputedFigures() throws {
        try investmentFixture()
        let years = try repo.completedInvestmentByYear(asOf: day("2021-06-30"))
        let expected: [(Int, String, Int64, Int64)] = [
            (2018, "2018-12-31", 1 * Self.yi, 1 * Self.yi),
            (2019, "2019-12-31", 5 * Self.yi, 4 * Self.yi),
            (2020, "2020-12-31", 75 * Self.yi / 10, 25 * Self.yi / 10),
            (2021, "2021-06-30", 95 * Self.yi / 10, 2 * Self.yi),
        ]
        #expect(figures(years).elementsEqual(expected, by: ==), "\(figures(years))")
        // The last figure is the progress report's completed investment as of the same day.
        let progress = try repo.progress(ProgressQuery(asOf: day("2021-06-30")))
        #expect(progress.total.completedInvestment.yuan == 95 * Self.yi / 10)
    }

    @Test func yearEndsIncludeUpdatesDatedTheLastAndFirstDay() throws {
        try investmentFixture()
        // A's 2018-12-31 update counts at the end of 2018; its 2019-01-01 update does not.
        #expect(figures(try repo.completedInvestmentByYear(asOf: day("2018-12-31"))).elementsEqual([(2018, "2018-12-31", Self.yi, Self.yi)], by: ==))
        #expect(figures(try repo.completedInvestmentByYear(asOf: day("2018-12-30"))).elementsEqual([(2018, "2018-12-30", 0, 0)], by: ==))
        // The first day of 2019 already counts in 2019.
        let earlyNineteen = try repo.completedInvestmentByYear(asOf: day("2019-01-01"))
        #expect(figures(earlyNineteen).elementsEqual([(2018, "2018-12-31", Self.yi, Self.yi), (2019, "2019-01-01", 3 * Self.yi, 2 * Self.yi)], by: ==))
        // Before the first update there is nothing to show.
        #expect(try repo.completedInvestmentByYear(asOf: day("2017-12-31")).isEmpty)
    }

    @Test func yearsWithoutUpdatesCarryTheFigureBeforeThem() throws {
        try project("E", [("2017-12-31", .started, "1亿"), ("2020-01-01", nil, "2亿")])
        let years = try repo.completedInvestmentByYear(asOf: day("2020-12-31"))
        let expected: [(Int, String, Int64, Int64)] = [
            (2017, "2017-12-31", Self.yi, Self.yi), (2018, "2018-12-31", Self.yi, 0), (2019, "2019-12-31", Self.yi, 0),
            (2020, "2020-12-31", 2 * Self.yi, Self.yi),
        ]
        #expect(figures(years).elementsEqual(expected, by: ==), "\(figures(years))")
    }

    // MARK: - The report's content

    @Test func reportDefaultsToTheLatestUpdateAndItsYear() throws {
        try investmentFixture()
        let report = try repo.cooperationReport()
        #expect(report.asOf == (try day("2021-07-01")))
        #expect(report.year == 2021)
        #expect(report.byArea.total.projects == 4)
        #expect(report.byPairing.asOf == report.asOf)
        #expect(report.investmentByYear.last?.cumulative.yuan == 105 * Self.yi / 10)
        #expect(try repo.cooperationReport(year: 2020).year == 2020)
        #expect(try repo.cooperationReport(asOf: day("2019-06-30")).year == 2019)
    }

    @Test func parksExchangesAndLandmarksAreAsOfTheDate() throws {
        let park = try repo.addPark(NewPark(pairing: "harbin-shenzhen", name: "早园", established: day("2019-05-09")))
        try repo.addPark(NewPark(pairing: "harbin-shenzhen", name: "晚园", established: day("2021-01-01")))
        try repo.addPark(NewPark(pairing: "jilin-zhejiang", name: "无日期园"))
        let inPark = try repo.addProject(NewProject(
            pairing: "harbin-shenzhen", task: "4.2", title: "园内标志性项目", park: park.id, landmark: true, planned: Money(parsing: "10亿"),
            status: .signed, date: day("2019-06-01")))
        try repo.recordUpdate(NewProgressUpdate(date: day("2020-03-01"), status: .started, completed: Money(parsing: "2亿")), toProject: inPark.id)
        try repo.recordUpdate(NewProgressUpdate(date: day("2021-03-01"), status: .terminated), toProject: inPark.id)
        try project("后来的标志性项目", landmark: true, planned: "5亿", [("2021-02-01", .signed, nil)])
        try repo.addExchange(NewExchange(pairing: "harbin-shenzhen", direction: .toEast, kind: .secondment, start: day("2019-07-01"), person: "张三"))
        try repo.addExchange(NewExchange(pairing: "harbin-shenzhen", direction: .toEast, kind: .secondment, start: day("2021-07-01"), person: "李四"))

        let report = try repo.cooperationReport(asOf: day("2020-12-31"))
        #expect(report.parks.map(\.name) == ["早园", "无日期园"])
        let early = try #require(report.parks.first)
        #expect(early.projects == 1)
        #expect(early.plannedInvestment.yuan == 10 * Self.yi)
        #expect(early.completedInvestment.yuan == 2 * Self.yi)
        #expect(report.exchanges.compactMap(\.person) == ["张三"])
        #expect(report.landmarkProjects.map(\.title) == ["园内标志性项目"])
        #expect(report.landmarkProjects.first?.status == .started)
        #expect(report.landmarkProjects.first?.completed.yuan == 2 * Self.yi)

        // As things stand, the terminated project's planned investment leaves the park's roll-up.
        let now = try repo.cooperationReport()
        #expect(now.parks.map(\.name) == ["早园", "晚园", "无日期园"])
        #expect(now.parks.first?.plannedInvestment.yuan == 0)
        #expect(now.landmarkProjects.map(\.title) == ["园内标志性项目", "后来的标志性项目"])
    }

    @Test func emptyDatabaseGivesAReportWithoutADate() throws {
        let report = try repo.cooperationReport()
        #expect(report.asOf == nil)
        #expect(report.year == nil)
        #expect(report.investmentByYear.isEmpty)
        let html = report.html()
        #expect(html.contains("尚无进展记录"))
        #expect(html.contains("未设定年度目标"))
        #expect(html.hasPrefix("<!DOCTYPE html>"))
        #expect(html.hasSuffix("</html>\n"))
    }

    // MARK: - The HTML

    @Test func sameDatabaseGivesTheSameBytes() throws {
        try investmentFixture()
        try repo.addExchange(NewExchange(pairing: "dalian-shanghai", direction: .toNortheast, kind: .training, start: day("2019-03-01"), participants: 30))
        let first = try repo.htmlReport()
        let second = try Repository(path: db.path).htmlReport()
        #expect(first == second)
        let earlier = try repo.htmlReport(HTMLReportOptions(asOf: day("2020-12-31")))
        #expect(earlier != first)
        #expect(dateLine(first) == "截至2021年7月1日")
        #expect(dateLine(earlier) == "截至2020年12月31日")
        #expect(dateLine(try repo.htmlReport(HTMLReportOptions(asOf: day("2020-12-31"), language: .en))) == "As of 31 December 2020")
    }

    @Test func reportIsSelfContainedWithItsCharts() throws {
        try investmentFixture()
        let html = try repo.htmlReport()
        // Projects and investment by area and by pairing, the stages, and completed investment by year.
        #expect(occurrences(of: "<svg", in: html) == 6)
        #expect(occurrences(of: "</svg>", in: html) == 6)
        for forbidden in ["http://", "https://", "<script", "src=", "url(http", "@import", "<link"] {
            #expect(!html.lowercased().contains(forbidden), "\(forbidden)")
        }
        #expect(html.contains("@media print"))
        #expect(html.contains("\"Noto Sans CJK SC\""))
    }

    @Test func namesFollowTheLanguage() throws {
        try investmentFixture()
        let zh = try repo.htmlReport()
        let en = try repo.htmlReport(HTMLReportOptions(language: .en))
        #expect(zh.contains("<html lang=\"zh-CN\">"))
        #expect(en.contains("<html lang=\"en\">"))
        for name in ["推进体制机制创新", "搭建合作平台载体", "哈尔滨市—深圳市", "签约", "投产", "主要指标"] {
            #expect(zh.contains(name), "\(name)")
        }
        for name in ["Institutional and mechanism innovation", "Cooperation platforms", "Harbin–Shenzhen", "Headline figures"] {
            #expect(en.contains(name), "\(name)")
            #expect(!zh.contains(name), "\(name)")
        }
        for name in ["推进体制机制创新", "哈尔滨市—深圳市", "主要指标"] {
            #expect(!en.contains(name), "\(name)")
        }
    }

    @Test func institutionalCooperationHasItsSection() throws {
        try investmentFixture()
        let empty = try repo.htmlReport(HTMLReportOptions(asOf: day("2021-06-30")))
        #expect(empty.contains("<section id=\"institutional\">") && empty.contains("尚无改革举措、会议互访或资金支持记录。"))

        try repo.addReform(NewReformMeasure(pairing: "harbin-shenzhen", title: Self.hostile, source: "深圳市", date: day("2020-03-01"), policies: 12))
        try repo.addReform(NewReformMeasure(pairing: "harbin-shenzhen", title: "报告日之后的举措", date: day("2021-07-01"), policies: 99))
        try repo.addMeeting(NewMeeting(pairing: "harbin-shenzhen", kind: .jointMeeting, date: day("2020-05-01"), place: "哈尔滨市"))
        try repo.addMeeting(NewMeeting(pairing: "harbin-shenzhen", kind: .matchmaking, date: day("2021-01-01")))
        try repo.addFunding(NewFunding(recipient: .pairing("harbin-shenzhen"), source: .centralBudget, amount: Money(parsing: "1.5亿"),
                                       date: day("2020-08-08")))
        let html = try repo.htmlReport(HTMLReportOptions(asOf: day("2021-06-30")))
        #expect(html.contains("复制推广东部地区改革举措1项、政策12项；开展会议互访2次（联席会议1次，高层互访0次，对接活动1次）；资金支持1.50亿元。"))
        #expect(html.contains(Self.hostileEscaped) && !html.contains(Self.hostile))
        #expect(!html.contains("报告日之后的举措"))
        let english = try repo.htmlReport(HTMLReportOptions(asOf: day("2021-06-30"), language: .en))
        #expect(english.contains("1 reform measures copied from the East, with 12 policies"))
    }

    @Test func headlineFiguresAndFunnelCarryTheValues() throws {
        try investmentFixture()
        try repo.addExchange(NewExchange(pairing: "harbin-shenzhen", direction: .toEast, kind: .secondment, start: day("2019-07-01"), participants: 7))
        try repo.addExchange(NewExchange(pairing: "harbin-shenzhen", direction: .toEast, kind: .training, start: day("2019-09-01"), participants: 1234))
        let html = try repo.htmlReport(HTMLReportOptions(asOf: day("2021-06-30")))
        // 3 projects as of 2021-06-30, completed 9.5亿; A operating, B started, C terminated.
        #expect(html.contains("<div class=\"label\">合作项目</div><div class=\"value\">3<span class=\"unit\">个</span>"))
        #expect(html.contains("<div class=\"value\">9.50<span class=\"unit\">亿元</span>"))
        #expect(html.contains("<div class=\"value\">7<span class=\"unit\">人</span>"))
        #expect(html.contains("<div class=\"value\">1,234<span class=\"unit\">人次</span>"))
        #expect(html.contains("<div class=\"label\">东北赴东部挂职</div><div class=\"value\">7<span class=\"unit\">人</span>"))
        #expect(html.contains("<div class=\"label\">东部来东北挂职</div><div class=\"value\">0<span class=\"unit\">人</span>"))
        #expect(html.contains("<div class=\"label\">东北赴东部培训</div><div class=\"value\">1,234<span class=\"unit\">人次</span>"))
        // Signed → operating: 3, 3, 2, 1, 1 of the 3 that reached signed (C landed, then was terminated, and still counts).
        #expect(occurrences(of: ">3 个 · 100.0%<", in: html) == 2)
        #expect(occurrences(of: ">2 个 · 66.7%<", in: html) == 1)
        #expect(occurrences(of: ">1 个 · 33.3%<", in: html) == 2)
        #expect(html.contains("终止1个"))
    }

    @Test func hostileTextIsEscapedEverywhere() throws {
        let park = try repo.addPark(NewPark(pairing: "harbin-shenzhen", name: Self.hostile, partner: Self.hostile, benefitSharing: Self.hostile))
        try repo.addProject(NewProject(pairing: "harbin-shenzhen", task: "2.1", title: Self.hostile, park: park.id, landmark: true,
                                       planned: Money(parsing: "1亿"), date: day("2020-01-01")))
        try repo.addExchange(NewExchange(pairing: "harbin-shenzhen", direction: .toEast, kind: .secondment, start: day("2020-01-01"),
                                         person: Self.hostile, fromOrg: Self.hostile, toOrg: Self.hostile, post: Self.hostile))
        for language in Language.allCases {
            let html = try repo.htmlReport(HTMLReportOptions(language: language))
            #expect(!html.contains(Self.hostile))
            #expect(!html.contains("<script"))
            #expect(!html.contains("alert(\"x\")"))
            #expect(html.contains(Self.hostileEscaped))
        }
    }

    @Test func escapingCoversMarkupQuotesAndControls() {
        #expect(HTMLText.escape("a<b>&\"c\"'d'") == "a&lt;b&gt;&amp;&quot;c&quot;&#39;d&#39;")
        #expect(HTMLText.escape("行\n二\u{0}\u{7}") == "行\n二  ")
        #expect(HTMLText.escape("🎉 引号") == "🎉 引号")
    }

    @Test func redactingPeopleLeavesNamesOut() throws {
        try project("P", [("2020-01-01", .signed, nil)])
        try repo.addExchange(NewExchange(pairing: "harbin-shenzhen", direction: .toEast, kind: .secondment, start: day("2019-07-01"),
                                         person: "王小明", post: "副主任"))
        let shown = try repo.htmlReport()
        let redacted = try repo.htmlReport(HTMLReportOptions(redactPeople: true))
        #expect(shown.contains("王小明"))
        #expect(!redacted.contains("王小明"))
        #expect(redacted.contains("副主任"))
    }

    @Test func planAgainstActualShowsTargetsWithMarks() throws {
        try investmentFixture()
        let base = try repo.cooperationReport(asOf: day("2021-06-30"))
        #expect(base.planAgainstActual.isEmpty)
        #expect(base.html().contains("2021年未设定年度目标"))
        #expect(base.html(.en).contains("No targets set for 2021."))

        let rows = [
            Evaluation.Row(pairing: "harbin-shenzhen", metric: .investmentCompletedYuan, target: 1_250_000_000, actual: 200_000_000,
                           weight: try PlanWeight(parsing: "3")),
            Evaluation.Row(pairing: "harbin-shenzhen", metric: .projectsSigned, target: 2, actual: 3),
            Evaluation.Row(pairing: "liaoning-jiangsu", metric: .cadresTrained, target: 0, actual: 0),
        ]
        let report = CooperationReport(
            asOf: base.asOf, year: 2021, pairing: nil, isSampleData: false, catalogue: base.catalogue, byArea: base.byArea, byPairing: base.byPairing, byProvince: base.byProvince,
            investmentByYear: base.investmentByYear, planAgainstActual: rows, parks: base.parks, exchanges: base.exchanges,
            reformMeasures: base.reformMeasures, landmarkProjects: base.landmarkProjects, alerts: base.alerts, round: base.round)
        // Sorted by the catalogue's pairing order, then by metric.
        #expect(report.planAgainstActual.map(\.metric) == [.cadresTrained, .projectsSigned, .investmentCompletedYuan])
        let html = report.html()
        #expect(!html.contains("未设定年度目标"))
        #expect(occurrences(of: "<svg", in: html) == 7)
        #expect(occurrences(of: "✓ 达标", in: html) == 2)
        #expect(occurrences(of: "✗ 未达标", in: html) == 1)
        #expect(html.contains("<td class=\"num\">12.50 亿元</td><td class=\"num\">2.00 亿元</td><td class=\"num\">16.0%</td>"))
        #expect(html.contains("<td class=\"num\">2 个</td><td class=\"num\">3 个</td><td class=\"num\">150.0%</td>"))
        #expect(html.contains("<td class=\"num\">0 人次</td><td class=\"num\">0 人次</td><td class=\"num\">-</td>"))
        #expect(html.contains("共设定目标3项，达标2项。"))
        #expect(!html.contains("达成"))
        // Weights and scores per target; harbin-shenzhen weighs 16 % three times and 100 % once: 37 %, fail.
        #expect(html.contains("<td class=\"num\">3</td><td class=\"num\">16.00%</td>"))
        #expect(html.contains("<td class=\"num\">1</td><td class=\"num\">100.00%</td>"))
        #expect(html.contains("<td>哈尔滨市—深圳市</td><td class=\"num\">2</td><td class=\"num\">1</td><td class=\"num\">37.00%</td><td>不合格</td>"))
        #expect(html.contains("<td>辽宁省—江苏省</td><td class=\"num\">1</td><td class=\"num\">1</td><td class=\"num\">100.00%</td><td>优秀</td>"))
        #expect(html.contains("37.00% 不合格"))
        let english = report.html(.en)
        #expect(occurrences(of: "✓ met", in: english) == 2)
        #expect(occurrences(of: "✗ not met", in: english) == 1)
        #expect(english.contains("<td class=\"num\">37.00%</td><td>fail</td>"))
        #expect(english.contains("<td class=\"num\">100.00%</td><td>excellent</td>"))
    }

    @Test func demoDataIsLabelledAsSuch() throws {
        let folder = try TemporaryDatabase()
        let (demo, _) = try DemoData.create(at: folder.path)
        let report = try demo.cooperationReport()
        #expect(report.isSampleData)
        #expect(report.html().contains("示例数据（虚构）"))
        #expect(try !repo.cooperationReport().isSampleData)
        #expect(try !repo.htmlReport().contains("示例数据（虚构）"))
    }

    // MARK: - Helpers

    private func dateLine(_ html: String) -> String? {
        guard let start = html.range(of: "<p class=\"dateline\">"), let end = html.range(of: "</p>", range: start.upperBound..<html.endIndex) else {
            return nil
        }
        return String(html[start.upperBound..<end.lowerBound])
    }
}

private func day(_ text: String) throws -> LocalDate { try LocalDate(parsing: text) }

private func occurrences(of needle: String, in text: String) -> Int {
    text.components(separatedBy: needle).count - 1
}
