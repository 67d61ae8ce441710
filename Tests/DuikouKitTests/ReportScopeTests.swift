import Foundation
import Testing
@testable import DuikouKit

/// The report of one pairing and the pairings below it (`report --pairing`), and the report as the
/// database stood at the end of a day (`report --known-on`).
///
/// Fixture: 黑龙江省—广东省 (heilongjiang-guangdong) with 佳木斯市—佛山市 (jiamusi-foshan) below it,
/// and two pairings outside it: 辽宁省—江苏省 (another province) and 哈尔滨市—深圳市 (a city of
/// 黑龙江省 that is not below heilongjiang-guangdong). Every pairing records a project, a park, an
/// exchange, a reform measure, a meeting and funding; the outsiders' records are named 外部….
@Suite struct ReportScopeTests {
    private static let yi: Int64 = 100_000_000

    let db: TemporaryDatabase
    let repo: Repository
    private let clock = RecordingClock()

    init() throws {
        db = try TemporaryDatabase()
        var options = Repository.Options()
        let clock = clock
        options.clock = { clock.now }
        repo = try db.open(options)
    }

    private func day(_ text: String) throws -> LocalDate { try LocalDate(parsing: text) }

    @discardableResult
    private func project(_ title: String, _ pairing: String, _ date: String, status: ProjectStatus = .signed, planned: String = "5亿",
                         completed: String = "0", landmark: Bool = false, park: UUID? = nil) throws -> UUID {
        try repo.addProject(NewProject(pairing: pairing, task: "2.1", title: title, park: park, landmark: landmark,
                                       planned: Money(parsing: planned), status: status, date: day(date),
                                       completed: Money(parsing: completed))).id
    }

    private func records(_ pairing: String, _ name: String, _ date: String) throws {
        let park = try repo.addPark(NewPark(pairing: pairing, name: "\(name)园区", established: day(date))).id
        try project("\(name)园区项目", pairing, date, status: .started, planned: "3亿", completed: "1亿", landmark: true, park: park)
        try repo.addExchange(NewExchange(pairing: pairing, direction: .toEast, kind: .secondment, start: day(date), participants: 2,
                                         person: "\(name)干部"))
        try repo.addReform(NewReformMeasure(pairing: pairing, title: "\(name)改革举措", date: day(date), policies: 3))
        try repo.addMeeting(NewMeeting(pairing: pairing, kind: .jointMeeting, date: day(date), place: "\(name)会场"))
        try repo.addFunding(NewFunding(recipient: .pairing(pairing), source: .specialFund, amount: Money(parsing: "2000万"), date: day(date)))
        try repo.setTarget(NewPlanTarget(pairing: pairing, year: 2025, metric: .projectsSigned, target: 2))
    }

    private func fixture() throws {
        clock.set("2025-07-01T02:00:00.000Z")
        try repo.addRegion(Region(code: "230800", nameZH: "佳木斯市", nameEN: "Jiamusi", level: .prefectureCity, side: .northeast))
        try repo.addRegion(Region(code: "440600", nameZH: "佛山市", nameEN: "Foshan", level: .prefectureCity, side: .east))
        try repo.addPairing(NewPairing(id: "jiamusi-foshan", northeast: "230800", east: "440600", level: .city, parent: "heilongjiang-guangdong"))
        try records("heilongjiang-guangdong", "黑粤", "2025-03-01")
        try records("jiamusi-foshan", "佳佛", "2025-04-01")
        try records("liaoning-jiangsu", "外部辽苏", "2025-05-01")
        try records("harbin-shenzhen", "外部深哈", "2025-05-02")
        try project("黑粤二号项目", "heilongjiang-guangdong", "2025-06-01", planned: "10亿")
        try project("外部辽苏二号项目", "liaoning-jiangsu", "2025-06-02", planned: "40亿")
    }

    // MARK: - One pairing and those below it

    @Test func aPairingsReportLeavesEveryOtherPairingOut() throws {
        try fixture()
        let report = try repo.cooperationReport(pairing: "heilongjiang-guangdong")
        let subtree = ["heilongjiang-guangdong", "jiamusi-foshan"]
        #expect(report.pairing == "heilongjiang-guangdong")
        #expect(report.asOf == (try day("2025-06-01")))
        #expect(report.byPairing.rows.map(\.key) == subtree)
        #expect(report.byProvince.rows.map(\.key) == ["230000"])
        #expect(report.byArea.total.projects == 3)
        #expect(report.byArea.total.plannedInvestment.yuan == 16 * Self.yi)
        #expect(report.byArea.total.parks == 2 && report.byArea.total.secondmentsToEast == 4)
        #expect(report.byArea.total.softCooperation.reforms == 2 && report.byArea.total.softCooperation.meetingCount == 2)
        #expect(report.byArea.total.softCooperation.fundingTotal.yuan == 40_000_000)
        #expect(report.byProvince.total.projects == 3)
        #expect(Set(report.parks.map(\.pairing)) == Set(subtree) && report.parks.count == 2)
        #expect(Set(report.exchanges.map(\.pairing)) == Set(subtree) && report.exchanges.count == 2)
        #expect(Set(report.reformMeasures.map(\.pairing)) == Set(subtree) && report.reformMeasures.count == 2)
        #expect(report.landmarkProjects.map(\.title) == ["黑粤园区项目", "佳佛园区项目"])
        #expect(report.planAgainstActual.map(\.pairing) == subtree)
        #expect(report.investmentByYear.last?.cumulative.yuan == 2 * Self.yi)
        #expect(report.alerts.allSatisfy { subtree.contains($0.pairing) })

        let html = report.html()
        #expect(html.contains("<h1>黑龙江省—广东省对口合作进展报告</h1>"))
        #expect(html.contains("含下级对口合作关系：佳木斯市—佛山市"))
        #expect(html.contains("黑粤园区") && html.contains("佳佛干部") && html.contains("佳佛改革举措"))
        #expect(!html.contains("外部"))
        #expect(!html.contains("辽宁省") && !html.contains("哈尔滨市—深圳市"))
        #expect(report.html(.en).contains("<h1>Heilongjiang–Guangdong Paired Cooperation: Progress Report</h1>"))

        // The whole report still has them all, and its province 黑龙江省 counts 哈尔滨市—深圳市 too.
        let whole = try repo.cooperationReport()
        #expect(whole.byArea.total.projects == 6)
        #expect(whole.byProvince.rows.first { $0.key == "230000" }?.figures.projects == 4)
        #expect(whole.html().contains("外部辽苏园区"))
        #expect(!whole.html().contains("含下级对口合作关系"))
    }

    @Test func aPairingsFiguresAreThoseOfProgressForTheSamePairing() throws {
        try fixture()
        for pairing in ["heilongjiang-guangdong", "jiamusi-foshan", "liaoning-jiangsu"] {
            let report = try repo.cooperationReport(asOf: day("2025-06-30"), pairing: pairing)
            let byArea = try repo.progress(ProgressQuery(pairing: pairing, grouping: .area, asOf: day("2025-06-30")))
            let byPairing = try repo.progress(ProgressQuery(pairing: pairing, grouping: .pairing, asOf: day("2025-06-30"), countsAlerts: true))
            #expect(report.byArea == byArea)
            #expect(report.byPairing == byPairing)
            #expect(report.byPairing.total == report.byArea.total)
        }
        // A city pairing alone: the pairing above it is left out.
        let city = try repo.cooperationReport(pairing: "jiamusi-foshan")
        #expect(city.byPairing.rows.map(\.key) == ["jiamusi-foshan"])
        #expect(city.landmarkProjects.map(\.title) == ["佳佛园区项目"])
        #expect(!city.html().contains("黑粤"))
    }

    @Test func anUnknownPairingIsRefused() throws {
        try fixture()
        for name in ["nowhere", "黑粤 ", "\"引号\"", "🎉"] {
            let error = #expect(throws: DuikouError.self) { try repo.cooperationReport(pairing: name) }
            #expect(error?.code == .notFound)
            let html = #expect(throws: DuikouError.self) { try repo.htmlReport(HTMLReportOptions(pairing: name)) }
            #expect(html?.code == .notFound)
        }
    }

    @Test func hostileNamesOfAPairingAreEscapedInItsReport() throws {
        try repo.addRegion(Region(code: "230900", nameZH: "<七台河>\"市\"🎉", nameEN: "Qitaihe & \"Co\"", level: .prefectureCity, side: .northeast))
        try repo.addPairing(NewPairing(id: "qitaihe-x", northeast: "230900", status: .exploring, parent: "heilongjiang-guangdong"))
        try project("项目, \"引号\"\n换行 🎉", "qitaihe-x", "2025-03-01", landmark: true)
        let html = try repo.htmlReport(HTMLReportOptions(pairing: "qitaihe-x"))
        #expect(html.contains("<h1>&lt;七台河&gt;&quot;市&quot;🎉—（待定）对口合作进展报告</h1>"))
        #expect(html.contains("项目, &quot;引号&quot;\n换行 🎉"))
        #expect(!html.contains("<七台河>"))
        #expect(try repo.htmlReport(HTMLReportOptions(language: .en, pairing: "qitaihe-x")).contains("Qitaihe &amp; &quot;Co&quot;"))
    }

    // MARK: - The round

    @Test func theRoundShowsThePairingsInScopeOnly() throws {
        try fixture()
        clock.set("2025-07-02T02:00:00.000Z")
        try repo.openRound(ReportingPeriod(parsing: "2025-Q2"))
        let report = try repo.cooperationReport(asOf: day("2025-06-30"), pairing: "heilongjiang-guangdong")
        let round = try #require(report.round)
        #expect(round.period.description == "2025-Q2" && round.state == .open)
        #expect(round.pairings.map(\.pairing) == ["heilongjiang-guangdong", "jiamusi-foshan"])
        // 黑粤园区项目 has no update dated in the period, nor one recorded since the round opened.
        #expect(round.inScope == 3 && round.reported == 2)
        #expect(round.pairings.map(\.notReported.count) == [1, 0] && round.pairings.allSatisfy { !$0.late })
        let status = try repo.roundStatus(pairing: "heilongjiang-guangdong")
        #expect(round.pairings.map(\.notReported) == status.pairings.map(\.notReported))
        #expect(round.pairings.map(\.inScope) == status.pairings.map(\.inScope))
        let html = try repo.htmlReport(HTMLReportOptions(asOf: day("2025-06-30"), pairing: "heilongjiang-guangdong"))
        #expect(html.contains("调度期 2025-Q2（2025-04-01 至 2025-06-30），报送截止 2025-07-10，进行中；应报项目3个，已报送2个，未报送1个。"))
        #expect(html.contains("<td class=\"wide\">黑粤园区项目</td>"))

        // As of a day past the due date, a project not reported makes its pairing late.
        clock.set("2025-07-03T02:00:00.000Z")
        try repo.openRound(ReportingPeriod(parsing: "2025-07"), due: day("2025-08-05"))
        let late = try #require(try repo.cooperationReport(asOf: day("2025-08-06"), pairing: "jiamusi-foshan").round)
        #expect(late.period.description == "2025-07")
        #expect(late.pairings.map(\.pairing) == ["jiamusi-foshan"])
        #expect(late.pairings.first?.late == true && late.pairings.first?.notReported.count == 1)
        let lateHTML = try repo.htmlReport(HTMLReportOptions(asOf: day("2025-08-06"), pairing: "jiamusi-foshan"))
        #expect(lateHTML.contains("<td class=\"nowrap\">逾期</td><td class=\"wide\">佳佛园区项目</td>"))

        // A report as of a day before a round's period starts does not show it; the closed one is shown once nothing is open.
        #expect(try repo.cooperationReport(asOf: day("2025-03-31")).round == nil)
        clock.set("2025-07-04T02:00:00.000Z")
        try repo.closeRound(ReportingPeriod(parsing: "2025-Q2"))
        try repo.closeRound(ReportingPeriod(parsing: "2025-07"))
        let closed = try #require(try repo.cooperationReport(asOf: day("2025-06-30"), pairing: "heilongjiang-guangdong").round)
        #expect(closed.period.description == "2025-Q2" && closed.state == .closed)
        #expect(try repo.cooperationReport(asOf: day("2025-08-06")).round?.period.description == "2025-07")
        #expect(try repo.htmlReport(HTMLReportOptions(asOf: day("2025-03-31"))).contains("尚无调度。"))
    }

    // MARK: - Known on a day

    @Test func theReportMadeOnADayIsMadeAgainByteForByte() throws {
        try fixture()
        let dalian = try project("黑粤三号项目", "heilongjiang-guangdong", "2025-06-10", planned: "7亿")
        let duplicate = try project("佳佛重复项目", "jiamusi-foshan", "2025-06-11", planned: "9亿")
        clock.set("2025-07-02T02:00:00.000Z")
        try repo.openRound(ReportingPeriod(parsing: "2025-Q2"))
        // 10 July (Beijing): the reports sent upward, for all pairings and for one.
        clock.set("2025-07-10T03:00:00.000Z")
        try repo.recordUpdate(NewProgressUpdate(date: day("2025-06-20"), status: .landed, completed: Money(parsing: "2亿")), toProject: dalian)
        let asOf = try day("2025-06-30")
        let options = { (pairing: String?, knownOn: LocalDate?, language: Language) in
            HTMLReportOptions(asOf: asOf, language: language, pairing: pairing, knownOn: knownOn)
        }
        let sent = try [nil, "heilongjiang-guangdong", "jiamusi-foshan"].flatMap { pairing in
            try [Language.zh, .en].map { try repo.htmlReport(options(pairing, nil, $0)) }
        }
        let sentReport = try repo.cooperationReport(asOf: asOf, pairing: "heilongjiang-guangdong")

        // 15 July: everything that can change, changes.
        clock.set("2025-07-15T03:00:00.000Z")
        try repo.correctUpdate(UpdateCorrection(sequence: 2, completed: Money(parsing: "2000万"), reason: "万/亿 录错"), ofProject: dalian)
        try repo.voidProject(duplicate, reason: "重复录入")
        try repo.reviseProjectPlan(dalian, NewPlanRevision(planned: Money(parsing: "70亿"), reason: "追加投资"))
        try repo.recordUpdate(NewProgressUpdate(date: day("2025-06-25"), status: .started, completed: Money(parsing: "3000万")), toProject: dalian)
        try project("佳佛迟报项目", "jiamusi-foshan", "2025-05-15", planned: "6亿", landmark: true)
        try records("jiamusi-foshan", "佳佛后补", "2025-06-15")
        try repo.setTarget(NewPlanTarget(pairing: "heilongjiang-guangdong", year: 2025, metric: .projectsSigned, target: 9))
        try repo.closeRound(ReportingPeriod(parsing: "2025-Q2"))

        let again = try [nil, "heilongjiang-guangdong", "jiamusi-foshan"].flatMap { pairing in
            try [Language.zh, .en].map { try repo.htmlReport(options(pairing, try day("2025-07-10"), $0)) }
        }
        #expect(again == sent)
        #expect(try repo.cooperationReport(asOf: asOf, pairing: "heilongjiang-guangdong", knownOn: day("2025-07-10")) == sentReport)
        let now = try repo.htmlReport(options("heilongjiang-guangdong", nil, .zh))
        #expect(now != sent[2])
        #expect(now.contains("佳佛迟报项目") && !sent[2].contains("佳佛迟报项目"))
        #expect(try repo.htmlReport(options("heilongjiang-guangdong", try day("2025-07-15"), .zh)) == now)

        // Known on a day before the round opened: no round; before anything was recorded: nothing.
        #expect(try repo.cooperationReport(asOf: asOf, knownOn: day("2025-07-01")).round == nil)
        let empty = try repo.cooperationReport(knownOn: day("2025-06-30"))
        #expect(empty.asOf == nil && empty.byArea.total.projects == 0 && empty.parks.isEmpty && empty.exchanges.isEmpty)
        #expect(empty.planAgainstActual.isEmpty && empty.reformMeasures.isEmpty)
    }

    @Test func knownOnADayTheLatestUpdateThenDatesTheReport() throws {
        try fixture()
        clock.set("2025-07-20T03:00:00.000Z")
        let id = try project("黑粤后补项目", "heilongjiang-guangdong", "2025-07-18")
        #expect(try repo.cooperationReport(pairing: "heilongjiang-guangdong").asOf == (try day("2025-07-18")))
        #expect(try repo.cooperationReport(pairing: "heilongjiang-guangdong", knownOn: day("2025-07-10")).asOf == (try day("2025-06-01")))
        // The outsiders' later update does not move a pairing's date.
        clock.set("2025-07-21T03:00:00.000Z")
        try project("外部辽苏三号项目", "liaoning-jiangsu", "2025-07-19")
        #expect(try repo.cooperationReport(pairing: "heilongjiang-guangdong").asOf == (try day("2025-07-18")))
        #expect(try repo.cooperationReport().asOf == (try day("2025-07-19")))
        try repo.voidProject(id, reason: "重复")
        #expect(try repo.cooperationReport(pairing: "heilongjiang-guangdong").asOf == (try day("2025-06-01")))
    }
}
