import Foundation
import Testing
@testable import DuikouKit

/// Reporting rounds: scope, who has reported, unchanged reports, lateness, closing and what it freezes.
@Suite struct ReportingRoundTests {
    let db: TemporaryDatabase
    let repo: Repository

    init() throws {
        db = try TemporaryDatabase()
        repo = try db.open()
    }

    static func day(_ text: String) throws -> LocalDate { try LocalDate(parsing: text) }
    static func period(_ text: String) throws -> ReportingPeriod { try ReportingPeriod(parsing: text) }

    /// Adds a project with its first update and then `updates`, in order.
    @discardableResult
    func project(_ title: String, pairing: String = "harbin-shenzhen", _ date: String, _ status: ProjectStatus = .signed,
                 updates: [(String, ProjectStatus)] = []) throws -> UUID {
        let id = try repo.addProject(NewProject(pairing: pairing, task: "2.1", title: title, planned: Money(parsing: "1亿"),
                                                status: status, date: Self.day(date))).id
        for (date, next) in updates {
            try repo.recordUpdate(NewProgressUpdate(date: Self.day(date), status: next), toProject: id)
        }
        return id
    }

    /// Lets the clock move on, so that what is recorded next is recorded after what came before.
    func tick() { usleep(5000) }

    func code(_ body: () throws -> Void) -> DuikouError.Code? {
        do { try body() } catch let error as DuikouError { return error.code } catch { return nil }
        return nil
    }

    /// The scenario of most tests: 2020-Q3 (2020-07-01 to 2020-09-30), due 2020-10-10 (long past).
    struct Scenario {
        var silent, datedUpdate, terminatedDuring, terminatedOnStart, createdOnEnd, unchanged, dalian: UUID
        var outOfScope: [UUID]
    }

    func scenario() throws -> Scenario {
        let silent = try project("沉默的项目 \"引号\", 逗号", "2020-03-01")
        let datedUpdate = try project("按期报送", "2020-01-01", updates: [("2020-08-15", .started)])
        let operatingBefore = try project("早已运营", "2019-01-01", updates: [("2019-06-01", .operating)])
        let terminatedBefore = try project("早已终止", "2019-01-01", updates: [("2020-02-01", .terminated)])
        let operatingDayBefore = try project("前一天运营", "2020-01-01", updates: [("2020-06-30", .operating)])
        let terminatedDuring = try project("期间终止", "2020-01-01", updates: [("2020-08-01", .terminated)])
        let terminatedOnStart = try project("首日终止", "2020-01-01", updates: [("2020-07-01", .terminated)])
        let createdAfter = try project("期后新增", "2020-10-01")
        let createdOnEnd = try project("期末新增 🚀", "2020-09-30")
        let unchanged = try project("无变化", "2020-01-01")
        try repo.recordUpdate(NewProgressUpdate(unchangedOn: Self.day("2020-09-30")), toProject: unchanged)
        let dalian = try project("大连项目", pairing: "dalian-shanghai", "2020-01-01")
        return Scenario(silent: silent, datedUpdate: datedUpdate, terminatedDuring: terminatedDuring, terminatedOnStart: terminatedOnStart,
                        createdOnEnd: createdOnEnd, unchanged: unchanged, dalian: dalian,
                        outOfScope: [operatingBefore, terminatedBefore, operatingDayBefore, createdAfter])
    }

    @Test func openCoversEveryActivePairingWithTheDefaultDueDate() throws {
        let round = try repo.openRound(Self.period("2020-Q3"))
        #expect(round.due.description == "2020-10-10")
        #expect(round.state == .open && round.closedAt == nil)
        let active = try repo.catalogue().pairings.filter { $0.status == .active }.map(\.id)
        #expect(round.pairings == active)
        #expect(!round.pairings.contains("inner-mongolia"))
        #expect(try repo.rounds() == [round])
        let audit = try repo.history().last
        #expect(audit?.recordKind == "round" && audit?.recordID == "2020-Q3" && audit?.action == .add)
    }

    @Test func scopeAndReporting() throws {
        let s = try scenario()
        tick()
        try repo.openRound(Self.period("2020-Q3"))
        let status = try repo.roundStatus()
        #expect(status.period.description == "2020-Q3" && status.state == .open)
        let harbin = try #require(status.pairings.first { $0.pairing == "harbin-shenzhen" })
        // In scope: silent, dated update, terminated during, terminated on the first day, created on the last day, unchanged.
        #expect(harbin.inScope == 6)
        #expect(harbin.reported == 5)
        #expect(harbin.notReported == [s.silent])
        #expect(harbin.late)
        #expect(status.titles[s.silent] == "沉默的项目 \"引号\", 逗号")
        let dalian = try #require(status.pairings.first { $0.pairing == "dalian-shanghai" })
        #expect(dalian.inScope == 1 && dalian.reported == 0 && dalian.notReported == [s.dalian] && dalian.late)
        #expect(status.inScope == 7 && status.reported == 5)
        let quiet = try #require(status.pairings.first { $0.pairing == "liaoning-jiangsu" })
        #expect(quiet.inScope == 0 && quiet.notReported.isEmpty && !quiet.late)

        // Recorded while the round is open, though dated after the period: reported.
        tick()
        try repo.recordUpdate(NewProgressUpdate(date: Self.day("2020-10-02"), note: "迟报"), toProject: s.dalian)
        let after = try repo.roundStatus(period: Self.period("2020-Q3"), pairing: "dalian-shanghai")
        #expect(after.pairings.map(\.pairing) == ["dalian-shanghai"])
        #expect(after.pairings[0].reported == 1 && after.pairings[0].notReported.isEmpty && !after.pairings[0].late)
    }

    @Test func unchangedKeepsTheStateAndIsMarked() throws {
        let id = try project("无变化", "2020-01-01", updates: [("2020-03-01", .started)])
        try repo.recordUpdate(NewProgressUpdate(date: Self.day("2020-04-01"), completed: Money(parsing: "3000万")), toProject: id)
        let kept = try repo.recordUpdate(NewProgressUpdate(unchangedOn: Self.day("2020-09-30"), note: "本期无变化"), toProject: id)
        let completed = try Money(parsing: "3000万")
        #expect(kept.status == .started && kept.completed == completed && kept.statusDate.description == "2020-09-30")
        let history = try repo.projectHistory(id).updates
        #expect(history.count == 4 && history[3].status == .started && history[3].note == "本期无变化")
        let flags = try repo.read { snapshot in
            try snapshot.connection.query("SELECT unchanged FROM progress_update WHERE project_id = ? ORDER BY seq", [.text(id.key)]) { try $0.int("unchanged") }
        }
        #expect(flags == [0, 0, 0, 1])
        #expect(try repo.history().last?.summary.contains("unchanged") == true)
        // The lifecycle rules still apply to its date, and to a terminated project.
        #expect(code { try repo.recordUpdate(NewProgressUpdate(unchangedOn: Self.day("2020-09-01")), toProject: id) } == .invalidInput)
        let ended = try project("终止", "2020-01-01", updates: [("2020-02-01", .terminated)])
        #expect(code { try repo.recordUpdate(NewProgressUpdate(unchangedOn: Self.day("2020-09-30")), toProject: ended) } == .invalidInput)
    }

    @Test func aRoundNotYetDueIsNotLate() throws {
        try project("未来", "2100-01-15")
        let silent = try project("未来无报", "2099-06-01")
        tick()
        try repo.openRound(Self.period("2100-Q1"), due: Self.day("2100-04-30"))
        let harbin = try #require(try repo.roundStatus().pairings.first { $0.pairing == "harbin-shenzhen" })
        #expect(harbin.inScope == 2 && harbin.reported == 1 && harbin.notReported == [silent] && !harbin.late)
    }

    @Test func closingFreezesTheStatusAndTheProgress() throws {
        let s = try scenario()
        tick()
        let period = try Self.period("2020-Q3")
        try repo.openRound(period)
        let open = try repo.roundStatus(period: period)
        #expect(code { _ = try repo.roundProgress(period: period) } == .invalidInput)
        let closed = try repo.closeRound(period)
        #expect(closed.state == .closed)
        #expect(closed.pairings.map(\.inScope) == open.pairings.map(\.inScope))
        #expect(closed.pairings.map(\.notReported) == open.pairings.map(\.notReported))
        #expect(closed.pairings.map(\.late) == open.pairings.map(\.late))
        let frozenProgress = try repo.roundProgress(period: period)
        #expect(frozenProgress == (try repo.progress(ProgressQuery(grouping: .pairing, asOf: period.end))))
        #expect(try repo.history().last?.action == .update)

        // Later writes: an update dated in the period, a project created in it, an import.
        tick()
        try repo.recordUpdate(NewProgressUpdate(date: Self.day("2020-09-15"), status: .started, completed: Money(parsing: "5000万")), toProject: s.silent)
        try project("补录", "2020-08-01")
        let file = db.folder.appendingPathComponent("updates.csv").path
        try Data("project,date,status,completed\n\(s.dalian.key),2020-09-20,landed,1亿\n".utf8).write(to: URL(fileURLWithPath: file))
        let imported = try repo.importCSV(.updates, from: file)
        #expect(imported.problems.isEmpty && imported.added == 1)

        let later = try repo.roundStatus(period: period)
        #expect(later == closed)
        #expect(later.titles[s.silent] == "沉默的项目 \"引号\", 逗号")
        #expect(try repo.roundProgress(period: period) == frozenProgress)
        #expect(try repo.progress(ProgressQuery(grouping: .pairing, asOf: period.end)) != frozenProgress)
        let harbin = try #require(try repo.roundStatus(period: period, pairing: "harbin-shenzhen").pairings.first)
        #expect(harbin.notReported == [s.silent] && harbin.inScope == 6 && harbin.late)

        // The frozen rows cannot be rewritten behind the library's back either.
        #expect(throws: (any Error).self) { try tamper(db.path, "UPDATE round_pairing SET reported = in_scope") }
        #expect(throws: (any Error).self) { try tamper(db.path, "DELETE FROM round_unreported") }
        #expect(throws: (any Error).self) { try tamper(db.path, "UPDATE round SET state = 'open', closed_at = NULL, progress_json = NULL") }
    }

    @Test func refusals() throws {
        let period = try Self.period("2020-Q3")
        #expect(code { try repo.closeRound(period) } == .notFound)
        #expect(code { _ = try repo.roundStatus(period: period) } == .notFound)
        #expect(code { _ = try repo.roundStatus() } == .notFound)
        #expect(code { _ = try repo.roundProgress(period: period) } == .notFound)
        do {
            try repo.openRound(period, due: Self.day("2020-06-30"))
            Issue.record("a due date before the start was accepted")
        } catch let error as DuikouError {
            #expect(error.code == .invalidInput && error.field == "due")
        }
        #expect(code { try repo.openRound(period, pairings: ["no-such-pairing"]) } == .notFound)
        #expect(try repo.rounds().isEmpty)
        try repo.openRound(period, due: Self.day("2020-07-01"))
        #expect(code { try repo.openRound(period) } == .constraint)
        try repo.closeRound(period)
        #expect(code { try repo.closeRound(period) } == .constraint)
        #expect(code { try repo.openRound(period) } == .constraint)
        #expect(try repo.rounds().map(\.state) == [.closed])
        #expect(code { _ = try repo.roundStatus() } == .notFound)
    }

    @Test func aPairingsRoundTakesThePairingsBelowIt() throws {
        try repo.addRegion(try Region(code: "440600", nameZH: "佛山市", nameEN: "Foshan", level: .prefectureCity, side: .east))
        try repo.addRegion(try Region(code: "230800", nameZH: "佳木斯市", nameEN: "Jiamusi", level: .prefectureCity, side: .northeast))
        try repo.addPairing(NewPairing(id: "jiamusi-foshan", northeast: "230800", east: "440600", parent: "heilongjiang-guangdong"))
        try project("佳木斯项目", pairing: "jiamusi-foshan", "2100-01-01")
        let round = try repo.openRound(Self.period("2100-01"), pairings: ["heilongjiang-guangdong"])
        #expect(round.pairings == ["heilongjiang-guangdong", "jiamusi-foshan"])
        let status = try repo.roundStatus()
        #expect(status.pairings.map(\.inScope) == [0, 1] && status.reported == 1)
        #expect(try repo.roundStatus(pairing: "jiamusi-foshan").pairings.map(\.pairing) == ["jiamusi-foshan"])
        #expect(try repo.roundStatus(pairing: "harbin-shenzhen").pairings.isEmpty)
    }

    @Test func overdueUnreportedNamesTheProjectsOfOverdueRounds() throws {
        let s = try scenario()
        tick()
        try repo.openRound(Self.period("2020-Q3"))
        try repo.openRound(Self.period("2100-Q1"))
        let today = LocalDate.today()
        let overdue = try repo.read { try Repository.overdueUnreported(asOf: today, in: $0.connection) }
        // Pairings in catalogue order.
        #expect(overdue.map(\.project.key) == [s.dalian.key, s.silent.key])
        #expect(overdue.map(\.pairing) == ["dalian-shanghai", "harbin-shenzhen"])
        #expect(overdue.allSatisfy { $0.round == "2020-Q3" && $0.due.description == "2020-10-10" })
        // On the due date itself nothing is overdue (and the round was not open yet then).
        #expect(try repo.read { try Repository.overdueUnreported(asOf: Self.day("2020-10-10"), in: $0.connection) }.isEmpty)
        // A closed round answers with what it froze.
        try repo.closeRound(Self.period("2020-Q3"))
        let yesterday = LocalDate(daysSinceEpoch: today.daysSinceEpoch - 1)
        #expect(try repo.read { try Repository.overdueUnreported(asOf: yesterday, in: $0.connection) }.count <= 2)
        #expect(try repo.read { try Repository.overdueUnreported(asOf: LocalDate(daysSinceEpoch: today.daysSinceEpoch + 1), in: $0.connection) }.isEmpty)
    }

    @Test func asyncTwinsAgree() async throws {
        try project("异步", "2020-08-01")
        let period = try Self.period("2020-Q3")
        try await repo.openRound(period)
        let open = try await repo.roundStatus(period: period)
        #expect(open.reported == 1)
        let closed = try await repo.closeRound(period)
        #expect(try await repo.roundStatus(period: period) == closed)
        #expect(try await repo.rounds().count == 1)
        let progress = try await repo.roundProgress(period: period)
        #expect(progress.asOf == period.end && progress.grouping == .pairing)
    }

    @Test func statusJSONRoundTrips() throws {
        try project("JSON", "2020-01-01")
        try repo.openRound(Self.period("2020-Q3"))
        let status = try repo.roundStatus()
        let decoded = try JSONDecoder().decode(RoundStatus.self, from: Data(status.json.text().utf8))
        #expect(decoded.pairings == status.pairings && decoded.due == status.due && decoded.period == status.period)
        let encoded = try JSONEncoder().encode(status)
        #expect(try JSONDecoder().decode(RoundStatus.self, from: encoded).pairings == status.pairings)
        let rounds = try repo.rounds()
        #expect(try JSONDecoder().decode([ReportingRound].self, from: Data(ReportingRound.json(rounds).text().utf8)) == rounds)
    }
}
