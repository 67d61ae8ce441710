import Foundation
import Testing
@testable import DuikouKit

/// `alerts --known-on`: the early warnings listed on a day come out again, unchanged, after later
/// updates, corrections, voids, plan revisions, new projects and rounds; and the red and yellow
/// counts of progress by pairing follow them.
@Suite struct AlertKnownOnTests {
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

    func alerts(knownOn: String? = nil) throws -> [Alert] {
        try repo.alerts(AlertQuery(asOf: Self.day("2025-12-31"), knownOn: knownOn.map(Self.day)))
    }

    func counts(knownOn: String? = nil) throws -> [String: [Int]] {
        let report = try repo.progress(ProgressQuery(grouping: .pairing, asOf: Self.day("2025-12-31"), knownOn: knownOn.map(Self.day),
                                                     countsAlerts: true))
        return Dictionary(uniqueKeysWithValues: report.rows.map { ($0.key, [$0.figures.alertsRed, $0.figures.alertsYellow]) })
    }

    @Test func theWarningsOfADayComeOutAgainAfterEverythingRecordedSince() throws {
        // Recorded on 2025-11-10 (Beijing): four projects, one of them late to start, one stalled,
        // one suspended for long, one in a round past its due date and silent.
        clock.set("2025-11-10T01:00:00.000Z")
        let late = try repo.addProject(NewProject(pairing: "harbin-shenzhen", task: "2.2", title: "机器人产业园“一期”, 含\n厂房 🚧",
                                                  status: .signed, date: Self.day("2025-01-05"), plannedStart: Self.day("2025-06-30"))).id
        let stalled = try repo.addProject(NewProject(pairing: "dalian-shanghai", task: "2.1", title: "冷链物流基地",
                                                     status: .started, date: Self.day("2024-03-01"))).id
        let suspended = try repo.addProject(NewProject(pairing: "jilin-zhejiang", task: "2.3", title: "新材料项目",
                                                       status: .started, date: Self.day("2024-02-01"))).id
        try repo.recordUpdate(NewProgressUpdate(date: Self.day("2024-05-01"), status: .suspended), toProject: suspended)
        let silent = try repo.addProject(NewProject(pairing: "liaoning-jiangsu", task: "2.4", title: "智能装备项目",
                                                    status: .landed, date: Self.day("2025-03-01"))).id
        clock.set("2025-11-10T02:00:00.000Z")
        _ = try repo.openRound(ReportingPeriod(parsing: "2025-Q3"), pairings: ["liaoning-jiangsu"])
        let before = try alerts()
        #expect(Set(before.map(\.project)) == [late, stalled, suspended, silent])
        #expect(before.contains { $0.project == silent && $0.rule == .notReported })
        let countsBefore = try counts()

        // 2025-11-20: the late project starts after all (a correction of its signing date too), the
        // stalled one is voided, the suspended one resumes, the silent one reports, a new late
        // project is recorded and a round for every pairing is opened.
        clock.set("2025-11-20T03:00:00.000Z")
        try repo.recordUpdate(NewProgressUpdate(date: Self.day("2025-11-18"), status: .started), toProject: late)
        _ = try repo.correctUpdate(UpdateCorrection(sequence: 1, date: Self.day("2025-01-06"), reason: "日期录错"), ofProject: late)
        try repo.voidProject(stalled, reason: "重复录入")
        try repo.recordUpdate(NewProgressUpdate(date: Self.day("2025-11-19"), status: .started), toProject: suspended)
        try repo.recordUpdate(NewProgressUpdate(date: Self.day("2025-09-30"), status: .started), toProject: silent)
        _ = try repo.addProject(NewProject(pairing: "changchun-tianjin", task: "2.2", title: "后来录入的项目", status: .signed,
                                           date: Self.day("2025-02-01"), plannedStart: Self.day("2025-05-01")))
        _ = try repo.openRound(ReportingPeriod(parsing: "2025-10"))
        // 2025-12-01: the plan of a project recorded on the first day is revised.
        clock.set("2025-12-01T03:00:00.000Z")
        let planned = try repo.addProject(NewProject(pairing: "shenyang-beijing", task: "2.5", title: "较晚的项目", status: .signed,
                                                     date: Self.day("2025-11-25"), plannedStart: Self.day("2026-03-01")))
        _ = try repo.reviseProjectPlan(planned.id, NewPlanRevision(plannedStart: Self.day("2025-07-01"), reason: "按合同更正"))
        #expect(try alerts() != before)
        #expect(try counts() != countsBefore)

        // Known on 2025-11-10 the answer is the first one, to the byte; the day is a Beijing day,
        // so 2025-11-10T16:00Z (00:00 on the 11th in Beijing) is already the next day.
        #expect(try alerts(knownOn: "2025-11-10") == before)
        #expect(try counts(knownOn: "2025-11-10") == countsBefore)
        let encoder = JSONEncoder()
        encoder.outputFormatting = .sortedKeys
        #expect(try encoder.encode(alerts(knownOn: "2025-11-10")) == encoder.encode(before))
        // Known on 2025-11-09 nothing was recorded yet.
        #expect(try alerts(knownOn: "2025-11-09").isEmpty)
    }

    @Test func aRoundClosedLaterIsJudgedAsItStoodOpen() throws {
        clock.set("2025-10-12T01:00:00.000Z")
        let silent = try repo.addProject(NewProject(pairing: "harbin-shenzhen", task: "2.2", title: "未报送项目",
                                                    status: .landed, date: Self.day("2025-03-01"))).id
        clock.set("2025-10-12T02:00:00.000Z")
        _ = try repo.openRound(ReportingPeriod(parsing: "2025-Q3"))
        let known = try repo.alerts(AlertQuery(asOf: Self.day("2025-10-15"), rules: [.notReported]))
        #expect(known.map(\.project) == [silent])
        // Reported late, then the round is closed: now the round is frozen with the project reported.
        clock.set("2025-10-20T01:00:00.000Z")
        try repo.recordUpdate(NewProgressUpdate(date: Self.day("2025-10-19"), status: .started), toProject: silent)
        _ = try repo.closeRound(ReportingPeriod(parsing: "2025-Q3"))
        #expect(try repo.alerts(AlertQuery(asOf: Self.day("2025-10-15"), rules: [.notReported])).isEmpty)
        #expect(try repo.alerts(AlertQuery(asOf: Self.day("2025-10-15"), rules: [.notReported], knownOn: Self.day("2025-10-15"))) == known)
    }
}
