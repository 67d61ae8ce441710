import Foundation
import Testing
@testable import DuikouKit

/// The audit log: one entry per change, in the change's own transaction, append-only.
@Suite struct AuditLogTests {
    private let db: TemporaryDatabase

    init() throws {
        db = try TemporaryDatabase()
    }

    private func open(actor: String? = "王芳", command: String? = "测试") throws -> Repository {
        try db.open(Repository.Options(identity: AuditIdentity(actor: actor, command: command)))
    }

    @Test func everyKindOfWriteAddsOneEntryWithItsActorAndCommand() throws {
        let repo = try open()
        try repo.addRegion(Region(code: "440600", nameZH: "佛山市", nameEN: "Foshan", level: .prefectureCity, side: .east))
        try repo.addRegion(Region(code: "230800", nameZH: "佳木斯市", nameEN: "Jiamusi", level: .prefectureCity, side: .northeast))
        try repo.addPairing(NewPairing(id: "foshan-jiamusi", northeast: "230800", east: "440600", parent: "heilongjiang-guangdong"))
        let project = try repo.addProject(NewProject(pairing: "foshan-jiamusi", task: "2.3", title: "佛佳“飞地”, 项目🏭",
                                                     planned: Money(parsing: "3亿"), date: LocalDate(parsing: "2024-03-01")))
        try repo.recordUpdate(NewProgressUpdate(date: LocalDate(parsing: "2024-09-30"), status: .started,
                                                completed: Money(parsing: "1.2亿"), note: "主体开工"), toProject: project.id)
        let park = try repo.addPark(NewPark(pairing: "foshan-jiamusi", name: "佛山（佳木斯）产业园"))
        let exchange = try repo.addExchange(NewExchange(pairing: "foshan-jiamusi", direction: .toEast, kind: .secondment,
                                                        start: LocalDate(parsing: "2024-04-01"), person: "李明"))
        try repo.setTarget(NewPlanTarget(pairing: "foshan-jiamusi", year: 2024, metric: .investmentSignedYuan, target: 500_000_000))
        try repo.setTarget(NewPlanTarget(pairing: "foshan-jiamusi", year: 2024, metric: .investmentSignedYuan, target: 600_000_000))

        let events = try repo.history()
        #expect(events.map(\.seq) == Array(1...9))
        #expect(events.allSatisfy { $0.actor == "王芳" && $0.command == "测试" })
        #expect(events.map(\.action) == [.add, .add, .add, .add, .update, .add, .add, .plan, .plan])
        #expect(events.map(\.recordKind) == ["region", "region", "pairing", "project", "project", "park", "exchange", "plan-target", "plan-target"])
        #expect(events.map(\.recordID) == ["440600", "230800", "foshan-jiamusi", project.id.key, project.id.key, park.id.key,
                                           exchange.id.key, "foshan-jiamusi/2024/investment_signed_yuan", "foshan-jiamusi/2024/investment_signed_yuan"])
        #expect(events[3].summary.contains("佛佳“飞地”, 项目🏭"))
        #expect(events[4].summary.contains("started on 2024-09-30"))
        #expect(events[4].summary.contains("主体开工"))
        #expect(events[8].summary.contains("6亿元"))
        #expect(events[8].summary.contains("was 5亿元"))
        // Stored in UTC, printed in China Standard Time with its offset: 2026-12-01T00:15:02.123+08:00.
        #expect(events.allSatisfy { $0.at.hasSuffix("+08:00") && $0.at.count == 29 })
        let stored = try repo.rawRead { try $0.query("SELECT at FROM audit_event ORDER BY seq") { try $0.text("at") } }
        #expect(stored.map(Timestamp.printed) == events.map(\.at))
        #expect(stored.allSatisfy { $0.hasSuffix("Z") && $0.count == 24 })
    }

    @Test func aWriteAsAnotherIdentityIsRecordedUnderItsName() async throws {
        let repo = try open()
        let project = try await repo.write(as: AuditIdentity(actor: "张伟 <reporter>", command: "web: POST /api/v1/projects")) {
            try $0.addProject(NewProject(pairing: "shenyang-beijing", task: "2.3", title: "沈京合作项目",
                                         planned: Money(parsing: "1亿"), date: LocalDate(parsing: "2024-03-01")))
        }
        _ = try await repo.write { try $0.recordUpdate(NewProgressUpdate(date: LocalDate(parsing: "2024-09-30"), status: .started),
                                                   toProject: project.id) }
        let events = try await repo.history()
        #expect(events.map(\.actor) == ["张伟 <reporter>", "王芳"])
        #expect(events.map(\.command) == ["web: POST /api/v1/projects", "测试"])
        #expect(repo.identity.actor == "王芳")
    }

    @Test func bulkWritesImportsAndMergesAreOneEntryEach() throws {
        let repo = try open(command: "import")
        let csv = db.folder.appendingPathComponent("projects.csv").path
        try "pairing,task,title,date\nharbin-shenzhen,2.1,甲,2024-01-01\nharbin-shenzhen,2.2,乙,2024-01-02\n".write(toFile: csv, atomically: true, encoding: .utf8)
        #expect(try repo.importCSV(.projects, from: csv).added == 2)
        #expect(try repo.importCSV(.projects, from: csv, dryRun: true).added == 2)

        let other = try TemporaryDatabase()
        let theirs = try other.open()
        try theirs.addProject(NewProject(pairing: "dalian-shanghai", task: "4.1", title: "丙", date: LocalDate(parsing: "2024-02-02")))
        _ = try repo.merge(from: other.path)
        _ = try repo.merge(from: other.path)

        let events = try repo.history()
        #expect(events.map(\.action) == [.import, .merge])
        #expect(events.map(\.recordKind) == ["database", "database"])
        #expect(events[0].summary.contains(csv))
        #expect(events[0].summary.contains("added 2"))
        #expect(events[1].summary.contains("added 2"))  // the project and its first update
        // The merged database's own log is not copied: it records what its writers did there.
        #expect(try theirs.history().count == 1)
    }

    @Test func aRefusedWriteLeavesNoEntry() throws {
        let repo = try open()
        let project = try repo.addProject(NewProject(pairing: "harbin-shenzhen", task: "2.1", title: "甲", date: LocalDate(parsing: "2024-05-01")))
        #expect(throws: DuikouError.self) {
            try repo.recordUpdate(NewProgressUpdate(date: LocalDate(parsing: "2024-04-01"), status: .started), toProject: project.id)
        }
        #expect(throws: DuikouError.self) {
            try repo.addProject(NewProject(pairing: "no-such-pairing", task: "2.1", title: "乙", date: LocalDate(parsing: "2024-05-01")))
        }
        let csv = db.folder.appendingPathComponent("bad.csv").path
        try "pairing,task,title\nharbin-shenzhen,9.9,坏\n".write(toFile: csv, atomically: true, encoding: .utf8)
        #expect(try repo.importCSV(.projects, from: csv).committed == false)
        #expect(try repo.history().map(\.action) == [.add])
    }

    @Test func theActorDefaultsToTheUserNameAndTheCommandToTheProcess() throws {
        let identity = AuditIdentity(actor: "  ", command: nil)
        #expect(!identity.actor.trimmingCharacters(in: .whitespaces).isEmpty)
        #expect(identity.actor == AuditIdentity.userName())
        #expect(identity.command == ProcessInfo.processInfo.processName)
        let repo = try open(actor: nil, command: nil)
        try repo.addPark(NewPark(pairing: "harbin-shenzhen", name: "深圳（哈尔滨）产业园区"))
        #expect(try repo.history().first?.actor == AuditIdentity.userName())
    }

    @Test func historySinceADayLeavesOutEarlierEntries() throws {
        let repo = try open()
        try repo.addPark(NewPark(pairing: "harbin-shenzhen", name: "园区"))
        let today = LocalDate.today()
        #expect(try repo.history(since: today).count == 1)
        #expect(try repo.history(since: LocalDate(year: today.year + 1, month: 1, day: 1)).isEmpty)
        #expect(try repo.history(since: LocalDate(parsing: "2017-03-07")).count == 1)
    }

    /// Days are Beijing days (UTC+8): a change recorded at 07:30 in Beijing on 1 December, 23:30 UTC
    /// on 30 November, belongs to 1 December.
    @Test func historySinceADayUsesChinaStandardTimeDays() throws {
        let repo = try open()
        let instants = ["2026-11-30T15:59:59.999Z", "2026-11-30T16:00:00.000Z", "2026-11-30T23:30:00.000Z", "2026-12-01T16:00:00.000Z"]
        try repo.rawWrite { connection, _ in
            for at in instants {
                try connection.run("""
                    INSERT INTO audit_event (at, actor, command, action, record_kind, record_id, summary)
                    VALUES (?, '王芳', '测试', 'add', 'park', NULL, ?)
                    """, [.text(at), .text(at)])
            }
            return ((), nil)
        }
        let december = try repo.history(since: LocalDate(parsing: "2026-12-01"))
        #expect(december.map(\.summary) == Array(instants.dropFirst()))
        #expect(december.map(\.at) == ["2026-12-01T00:00:00.000+08:00", "2026-12-01T07:30:00.000+08:00", "2026-12-02T00:00:00.000+08:00"])
        #expect(try repo.history(since: LocalDate(parsing: "2026-12-02")).map(\.summary) == ["2026-12-01T16:00:00.000Z"])
        #expect(try repo.history(since: LocalDate(parsing: "2026-11-30")).map(\.at).first == "2026-11-30T23:59:59.999+08:00")
        #expect(try repo.history(since: LocalDate(parsing: "2026-12-03")).isEmpty)
    }

    @Test func theLogIsAppendOnly() throws {
        let repo = try open()
        try repo.addPark(NewPark(pairing: "harbin-shenzhen", name: "园区"))
        for sql in ["UPDATE audit_event SET actor = 'someone else'", "DELETE FROM audit_event"] {
            let error = #expect(throws: DuikouError.self) {
                try repo.rawWrite { connection, _ in
                    try connection.run(sql)
                    return ((), nil)
                }
            }
            #expect(error?.code == .constraint)
        }
        #expect(try repo.history().map(\.actor) == ["王芳"])
    }

    @Test func readOnlyRepositoriesReadTheLog() throws {
        try open().addPark(NewPark(pairing: "harbin-shenzhen", name: "园区"))
        let reader = try db.open(Repository.Options(readOnly: true))
        #expect(try reader.history().count == 1)
    }

    @Test func theDataVersionMovesWithEveryChangeOfRecordsFromAnyConnection() throws {
        let repo = try open()
        #expect(try repo.read { try $0.dataVersion } == 0)
        let park = try repo.addPark(NewPark(pairing: "harbin-shenzhen", name: "园区"))
        let afterPark = try repo.read { try $0.dataVersion }
        #expect(afterPark == 1)

        // Another program's write on the same file (as the CLI's next to a server).
        let other = try open(actor: "李明", command: "import")
        try other.addProject(NewProject(pairing: "harbin-shenzhen", task: "2.1", title: "新项目", park: park.id, date: LocalDate(parsing: "2024-03-01")))
        let afterProject = try repo.read { try $0.dataVersion }
        #expect(afterProject == 2)

        // Sessions and failed logins are not records: the version stays.
        try repo.addAccount(NewAccount(name: "王芳", role: .admin, passwordHash: "h"))
        let withAccount = try repo.read { try $0.dataVersion }
        #expect(withAccount == 3)
        let now = Date()
        try repo.createSession(NewAccountSession(idHash: String(repeating: "a", count: 64), account: "王芳", csrfToken: "c", createdAt: now,
                                                 expiresAt: now.addingTimeInterval(60)))
        try repo.recordFailedLogin(name: "nobody", at: now, forgettingBefore: now.addingTimeInterval(-60))
        #expect(try repo.read { try $0.dataVersion } == withAccount)

        // A write that fails changes nothing, the version neither.
        #expect(throws: DuikouError.self) { try repo.addPark(NewPark(pairing: "nowhere", name: "园区")) }
        #expect(try repo.read { try $0.dataVersion } == withAccount)

        // A snapshot keeps the version it started with while others write.
        try repo.read { snapshot in
            let seen = try snapshot.dataVersion
            try other.addPark(NewPark(pairing: "harbin-shenzhen", name: "第二个园区"))
            #expect(try snapshot.dataVersion == seen)
        }
        #expect(try repo.read { try $0.dataVersion } == withAccount + 1)
    }
}
