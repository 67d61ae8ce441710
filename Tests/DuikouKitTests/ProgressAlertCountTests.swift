import Foundation
import Testing
@testable import DuikouKit

/// Red and yellow early warnings counted per row of progress by pairing and by province, and in the total.
@Suite struct ProgressAlertCountTests {
    static func day(_ text: String) throws -> LocalDate { try LocalDate(parsing: text) }

    @discardableResult
    static func add(_ repository: Repository, _ title: String, pairing: String, status: ProjectStatus, on date: String,
                    plannedStart: String? = nil) throws -> UUID {
        try repository.addProject(NewProject(pairing: pairing, task: "2.1", title: title, status: status, date: day(date),
                                             plannedStart: try plannedStart.map(day))).id
    }

    /// As of 2025-06-30: in 深哈 one red (stalled 400 days) and one yellow (not landed, 400 days ago,
    /// and stalled 400 days: two alerts, one red and one yellow); in a child of 黑粤 one yellow (start 10 days late).
    static func seeded() throws -> (TemporaryDatabase, Repository) {
        let database = try TemporaryDatabase()
        let repository = try database.open()
        try repository.addRegion(try Region(code: "440600", nameZH: "佛山市", nameEN: "Foshan", level: .prefectureCity, side: .east))
        try repository.addRegion(try Region(code: "230800", nameZH: "佳木斯市", nameEN: "Jiamusi", level: .prefectureCity, side: .northeast))
        try repository.addPairing(NewPairing(id: "jiamusi-foshan", northeast: "230800", east: "440600", parent: "heilongjiang-guangdong"))
        try add(repository, "停滞 \"引号\", 🚧", pairing: "harbin-shenzhen", status: .started, on: "2024-05-26")
        try add(repository, "签约未落地", pairing: "harbin-shenzhen", status: .signed, on: "2024-05-26")
        try add(repository, "逾期开工", pairing: "jiamusi-foshan", status: .signed, on: "2025-06-01", plannedStart: "2025-06-20")
        try add(repository, "正常", pairing: "dalian-shanghai", status: .started, on: "2025-06-01")
        return (database, repository)
    }

    @Test func countsByPairingWithTheSubtreeAndTheTotal() throws {
        let (_, repository) = try Self.seeded()
        let asOf = try Self.day("2025-06-30")
        let alerts = try repository.alerts(AlertQuery(asOf: asOf))
        let report = try repository.progress(ProgressQuery(grouping: .pairing, asOf: asOf, countsAlerts: true))
        let rows = Dictionary(uniqueKeysWithValues: report.rows.map { ($0.key, $0) })
        #expect(rows["harbin-shenzhen"]?.figures.alertsRed == 2 && rows["harbin-shenzhen"]?.figures.alertsYellow == 1)
        #expect(rows["jiamusi-foshan"]?.figures.alertsYellow == 1 && rows["jiamusi-foshan"]?.figures.alertsRed == 0)
        #expect(rows["heilongjiang-guangdong"]?.figures.alertsYellow == 0 && rows["heilongjiang-guangdong"]?.subtree?.alertsYellow == 1)
        #expect(rows["dalian-shanghai"]?.figures.alertsRed == 0 && rows["dalian-shanghai"]?.figures.alertsYellow == 0)
        #expect(report.total.alertsRed == alerts.filter { $0.level == .red }.count)
        #expect(report.total.alertsYellow == alerts.filter { $0.level == .yellow }.count)
        #expect(report.total.alertsRed == 2 && report.total.alertsYellow == 2)
        // Earlier, fewer: on 2025-01-01 both 深哈 projects are stalled yellow and the late one does not exist yet.
        let earlier = try repository.progress(ProgressQuery(grouping: .pairing, asOf: Self.day("2025-01-01"), countsAlerts: true))
        #expect(earlier.total.alertsRed == 0 && earlier.total.alertsYellow == 2)
        // The pairing filter keeps its own.
        let filtered = try repository.progress(ProgressQuery(pairing: "heilongjiang-guangdong", grouping: .pairing, asOf: asOf, countsAlerts: true))
        #expect(filtered.total.alertsRed == 0 && filtered.total.alertsYellow == 1)
    }

    @Test func countsByProvinceAndNotByArea() throws {
        let (_, repository) = try Self.seeded()
        let asOf = try Self.day("2025-06-30")
        let report = try repository.progress(ProgressQuery(grouping: .province, asOf: asOf, countsAlerts: true))
        let heilongjiang = try #require(report.rows.first { $0.key == "230000" })
        #expect(heilongjiang.figures.alertsRed == 2 && heilongjiang.figures.alertsYellow == 2)
        #expect(report.total.alertsRed == 2)
        let byArea = try repository.progress(ProgressQuery(grouping: .area, asOf: asOf, countsAlerts: true))
        #expect(byArea.total.alertsRed == 0 && byArea.rows.allSatisfy { $0.figures.alertsRed == 0 && $0.figures.alertsYellow == 0 })
    }

    @Test func jsonCSVAndTableCarryTheCounts() throws {
        let (_, repository) = try Self.seeded()
        let report = try repository.progress(ProgressQuery(grouping: .pairing, asOf: Self.day("2025-06-30"), countsAlerts: true))
        let csv = report.csv.split(separator: "\r\n").map { $0.split(separator: ",", omittingEmptySubsequences: false).map(String.init) }
        let header = csv[0]
        let red = try #require(header.firstIndex(of: "alerts_red"))
        let yellow = try #require(header.firstIndex(of: "alerts_yellow"))
        #expect(header.contains("subtree_alerts_red"))
        let total = try #require(csv.last)
        #expect(total.count == header.count)
        #expect(total[red] == "2" && total[yellow] == "2")
        let decoded = try JSONDecoder().decode(ProgressReport.self, from: JSONEncoder().encode(report))
        #expect(decoded == report)
        guard case .object(let members) = report.json, case .object(let totals)? = members.first(where: { $0.0 == "total" })?.1 else {
            Issue.record("no total in \(report.json)")
            return
        }
        #expect(totals.contains { $0.0 == "alerts_red" && $0.1 == .integer(2) })
        #expect(totals.contains { $0.0 == "alerts_yellow" && $0.1 == .integer(2) })
        let table = report.table(.zh)
        #expect(table.contains("红灯") && table.contains("黄灯"))
        #expect(report.table(.en).contains("Yellow"))
        let byArea = try repository.progress(ProgressQuery(grouping: .area, asOf: Self.day("2025-06-30"), countsAlerts: true))
        #expect(!byArea.csv.contains("alerts_red") && !byArea.table(.zh).contains("红灯"))
        // Counting is asked for: a library report by pairing leaves it out unless told.
        #expect(try repository.progress(ProgressQuery(grouping: .pairing, asOf: Self.day("2025-06-30"))).total.alertsRed == 0)
    }

    @Test func theReportShowsTheAlertsAsOfItsDateNeverTheClock() throws {
        let (_, repository) = try Self.seeded()
        // Without a date the report stands on the latest update, 2025-06-01.
        let report = try repository.cooperationReport()
        #expect(report.asOf == (try Self.day("2025-06-01")))
        #expect(report.alerts == (try repository.alerts(AlertQuery(asOf: Self.day("2025-06-01")))))
        #expect(report.byPairing.total.alertsRed == report.alerts.filter { $0.level == .red }.count)
        let html = report.html()
        #expect(html.contains("<section id=\"alerts\">") && html.contains("停滞 &quot;引号&quot;, 🚧"))
        #expect(html.range(of: "id=\"alerts\"")?.lowerBound ?? html.endIndex < html.range(of: "id=\"landmarks\"")?.lowerBound ?? html.startIndex)
        #expect(try repository.cooperationReport().html() == html)
        let json = try JSONEncoder().encode(report)
        let decoded = try JSONDecoder().decode(CooperationReport.self, from: json)
        #expect(decoded.alerts.map(\.project) == report.alerts.map(\.project) && decoded.alerts.allSatisfy { $0.title == nil })
    }

    @Test func theReportListsThirtyRedAlertsAndCountsTheRest() throws {
        let database = try TemporaryDatabase()
        let repository = try database.open()
        for index in 1...33 {
            try Self.add(repository, "停滞\(index)", pairing: "harbin-shenzhen", status: .started, on: "2023-01-01")
        }
        let html = try repository.cooperationReport(asOf: Self.day("2025-06-30")).html(.en)
        #expect(html.contains("3 more red warnings not listed."))
        #expect(html.components(separatedBy: "no progress update for").count - 1 == 30)
    }
}
