import Foundation
import Testing
@testable import DuikouKit

/// The `not_reported` early warning: projects in the scope of a reporting round past its due date
/// that have not reported, red, counted from the due date; open rounds as they stand, closed rounds frozen.
@Suite struct NotReportedAlertTests {
    let db: TemporaryDatabase
    let repo: Repository
    let clock = RecordingClock()

    init() throws {
        db = try TemporaryDatabase()
        var options = Repository.Options()
        let clock = clock
        options.clock = { clock.now }
        repo = try db.open(options)
    }

    static func day(_ text: String) throws -> LocalDate { try LocalDate(parsing: text) }

    func project(_ title: String, pairing: String = "harbin-shenzhen", updates: [(String, ProjectStatus)] = []) throws -> UUID {
        let id = try repo.addProject(NewProject(pairing: pairing, task: "2.1", title: title, status: .signed, date: Self.day("2020-03-01"))).id
        for (date, status) in updates {
            try repo.recordUpdate(NewProgressUpdate(date: Self.day(date), status: status), toProject: id)
        }
        return id
    }

    func alerts(_ asOf: String, _ rules: Set<AlertRule> = [.notReported], pairing: String? = nil) throws -> [Alert] {
        try repo.alerts(AlertQuery(asOf: Self.day(asOf), pairing: pairing, rules: rules))
    }

    /// 2020-Q3, due 2020-10-10, opened on 2020-10-01: one project reported, one silent, one in Dalian, one in Jiamusi.
    func scenario() throws -> (reported: UUID, silent: UUID, dalian: UUID, jiamusi: UUID) {
        clock.set("2020-09-01T02:00:00.000Z")
        try repo.addRegion(try Region(code: "440600", nameZH: "佛山市", nameEN: "Foshan", level: .prefectureCity, side: .east))
        try repo.addRegion(try Region(code: "230800", nameZH: "佳木斯市", nameEN: "Jiamusi", level: .prefectureCity, side: .northeast))
        try repo.addPairing(NewPairing(id: "jiamusi-foshan", northeast: "230800", east: "440600", parent: "heilongjiang-guangdong"))
        let reported = try project("按期报送", updates: [("2020-08-15", .started)])
        let silent = try project("沉默 \"引号\", 逗号\n换行 🚀")
        let dalian = try project("大连项目", pairing: "dalian-shanghai")
        let jiamusi = try project("佳木斯项目", pairing: "jiamusi-foshan")
        clock.set("2020-10-01T02:00:00.000Z")
        try repo.openRound(ReportingPeriod(parsing: "2020-Q3"))
        return (reported, silent, dalian, jiamusi)
    }

    @Test func anOverdueRoundRaisesARedAlertPerProjectNotReported() throws {
        let s = try scenario()
        let alerts = try alerts("2020-10-20")
        #expect(Set(alerts.map(\.project)) == [s.silent, s.dalian, s.jiamusi])
        #expect(alerts.allSatisfy { $0.rule == .notReported && $0.level == .red && $0.days == 10 && $0.since.description == "2020-10-10" })
        #expect(alerts.allSatisfy { $0.messageZH.contains("2020-Q3") && $0.messageZH.contains("2020-10-10") && $0.messageEN.contains("2020-Q3") })
        #expect(alerts.first { $0.project == s.silent }?.title == "沉默 \"引号\", 逗号\n换行 🚀")
        // The pairing filter takes the pairings below it; other rules leave it out; every rule takes it in.
        #expect(try self.alerts("2020-10-20", pairing: "harbin-shenzhen").map(\.project) == [s.silent])
        #expect(try self.alerts("2020-10-20", pairing: "heilongjiang-guangdong").map(\.project) == [s.jiamusi])
        #expect(try self.alerts("2020-10-20", [.stalled]).allSatisfy { $0.rule != .notReported })
        #expect(try self.alerts("2020-10-20", []).filter { $0.rule == .notReported }.count == 3)
        // Not on the due date itself, nor before the round was opened.
        #expect(try self.alerts("2020-10-10").isEmpty)
        #expect(try self.alerts("2020-09-30").isEmpty)
        // A voided project raises no alert.
        clock.set("2020-10-21T02:00:00.000Z")
        try repo.voidProject(s.dalian, reason: "重复录入")
        #expect(try Set(self.alerts("2020-10-22").map(\.project)) == [s.silent, s.jiamusi])
    }

    @Test func reportingWhileTheRoundIsOpenClearsTheAlert() throws {
        let s = try scenario()
        clock.set("2020-10-25T02:00:00.000Z")
        try repo.recordUpdate(NewProgressUpdate(date: Self.day("2020-10-25"), status: .landed), toProject: s.silent)
        let alerts = try alerts("2020-10-26")
        #expect(!alerts.contains { $0.project == s.silent })
        #expect(alerts.count == 2)
    }

    @Test func aClosedRoundKeepsItsFrozenList() throws {
        let s = try scenario()
        clock.set("2020-10-30T02:00:00.000Z")
        try repo.closeRound(ReportingPeriod(parsing: "2020-Q3"))
        clock.set("2020-11-05T02:00:00.000Z")
        try repo.recordUpdate(NewProgressUpdate(date: Self.day("2020-11-05"), status: .landed), toProject: s.silent)
        // While it was open the silent project stays in the frozen list; once it is closed the round raises nothing.
        let frozen = try alerts("2020-10-29")
        #expect(Set(frozen.map(\.project)) == [s.silent, s.dalian, s.jiamusi])
        #expect(frozen.allSatisfy { $0.days == 19 })
        #expect(try self.alerts("2020-10-30").isEmpty)
    }

    @Test func oneAlertPerProjectCountedFromItsOldestRound() throws {
        let s = try scenario()
        clock.set("2021-01-02T02:00:00.000Z")
        try repo.openRound(ReportingPeriod(parsing: "2020-Q4"))
        let alerts = try alerts("2021-01-20", pairing: "harbin-shenzhen")
        #expect(alerts.map(\.project) == [s.silent, s.reported])
        #expect(alerts.map(\.since.description) == ["2020-10-10", "2021-01-10"])
        #expect(alerts.map(\.days) == [102, 10])
    }
}
