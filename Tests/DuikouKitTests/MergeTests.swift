import CSQLite
import Foundation
import Testing
@testable import DuikouKit

/// Merging another reporter's database: records by id, conflicts, united histories, idempotence,
/// dry runs and refused sources.
@Suite struct MergeTests {
    let ours: TemporaryDatabase
    let theirs: TemporaryDatabase

    init() throws {
        ours = try TemporaryDatabase()
        theirs = try TemporaryDatabase()
    }

    // MARK: - Fixtures

    private static func id(_ number: Int) -> UUID {
        let digits = String(number)
        return UUID(uuidString: "00000000-0000-4000-8000-" + String(repeating: "0", count: 12 - digits.count) + digits) ?? UUID()
    }

    private static let park = id(1)
    private static let project = id(2)
    private static let terminated = id(3)
    private static let exchange = id(4)

    private static func day(_ text: String) throws -> LocalDate { try LocalDate(parsing: text) }

    /// Two regions, a city pairing inside a provincial one and another inside it, a park, a project
    /// in the park with three updates, a terminated project and a training batch. With `variant`,
    /// the same records with some fields changed, as another reporter might have them.
    private static func populate(_ repository: Repository, variant: Bool = false) throws {
        try repository.addRegion(Region(code: "230800", nameZH: "佳木斯市", nameEN: variant ? "Jiamusi City" : "Jiamusi",
                                         level: .prefectureCity, side: .northeast))
        try repository.addRegion(Region(code: "440600", nameZH: "佛山市", nameEN: "Foshan", level: .prefectureCity, side: .east))
        try repository.addPairing(NewPairing(id: "jiamusi-foshan", northeast: "230800", east: "440600",
                                             status: variant ? .ended : nil, parent: "heilongjiang-guangdong"))
        try repository.addPairing(NewPairing(id: "jiamusi-foshan-tech", northeast: "230800", east: "440600", parent: "jiamusi-foshan"))
        try repository.addPark(NewPark(
            id: park, pairing: "jiamusi-foshan", name: variant ? "佛山（佳木斯）产业园" : "佳木斯—佛山产业园", kind: .enclave,
            hostRegion: "230800", partner: "佛山市", established: day("2019-05-09"), plannedArea: LandArea(parsingKm2: "1.53"),
            benefitSharing: "税收五五分成"))
        try repository.addProject(NewProject(
            id: project, pairing: "jiamusi-foshan", task: "2.2", title: variant ? "智能装备项目（二期）" : "智能装备项目",
            description: "机器人\n生产线", northeastParty: "佳木斯市政府", eastParty: "美的集团", park: park, landmark: true,
            planned: Money(parsing: variant ? "13亿" : "12.5亿"), status: .signed, date: day("2024-03-01"), note: "签约仪式"))
        try repository.recordUpdate(NewProgressUpdate(date: day("2024-05-01"), status: .landed), toProject: project)
        try repository.recordUpdate(NewProgressUpdate(date: day("2024-06-01"), status: .started, completed: Money(parsing: "1亿")), toProject: project)
        try repository.addProject(NewProject(
            id: terminated, pairing: "jiamusi-foshan-tech", task: "3.1", title: "孵化器", status: .negotiating, date: day("2023-01-10")))
        try repository.recordUpdate(NewProgressUpdate(date: day("2023-09-01"), status: .terminated, note: "对方退出"), toProject: terminated)
        try repository.addExchange(NewExchange(
            id: exchange, pairing: "jiamusi-foshan", direction: .toEast, kind: .training, start: day("2019-04-10"),
            end: day("2019-04-17"), participants: variant ? 48 : 52, fromOrg: "佳木斯市委组织部", toOrg: "佛山市委党校"))
    }

    /// Everything a database holds, as text, to compare before and after; when updates were
    /// recorded is left out, since two databases recording the same thing differ in that.
    private static func state(_ repository: Repository) throws -> String {
        let catalogue = try repository.catalogue()
        let histories = try repository.projects().map { project in
            let updates = try repository.projectHistory(project.id).updates
            return "\(project) \(updates.map { [String($0.sequence), $0.date.description, $0.status.rawValue, String($0.completed.yuan), $0.note ?? "-"] })"
        }
        return "\(catalogue.regions)\n\(catalogue.pairings)\n\(try repository.parks())\n\(histories)\n\(try repository.exchanges())"
    }

    private func merge(_ options: MergeOptions = MergeOptions()) throws -> MergeReport {
        try ours.open().merge(from: theirs.path, options: options)
    }

    private func bytes(_ path: String) -> Data? { FileManager.default.contents(atPath: path) }

    // MARK: - New, identical and differing records

    @Test func newRecordsOfEveryKindAreAddedWithTheirIdsAndHistories() throws {
        let other = try theirs.open()
        try Self.populate(other)

        let report = try merge()

        #expect(report[.region] == MergeReport.Counts(added: 2, identical: 15))
        #expect(report[.pairing] == MergeReport.Counts(added: 2, identical: 8))
        #expect(report[.park] == MergeReport.Counts(added: 1))
        #expect(report[.project] == MergeReport.Counts(added: 2))
        #expect(report[.exchange] == MergeReport.Counts(added: 1))
        #expect(report[.progressUpdate] == MergeReport.Counts(added: 5))
        #expect(report.conflicts.isEmpty)
        #expect(report.changesAnything)
        #expect(!report.options.dryRun)

        let repo = try ours.open()
        #expect(try Self.state(repo) == (try Self.state(other)))
        // Whole histories, each update with its date, status, amount, note and when it was recorded.
        let history = try repo.projectHistory(Self.project)
        #expect(history == (try other.projectHistory(Self.project)))
        #expect(history.updates.map(\.status) == [.signed, .landed, .started])
        #expect(history.updates.first?.note == "签约仪式")
        #expect(history.project.park == Self.park)
        #expect(history.project.completed.yuan == 100_000_000)
        #expect(try repo.projectHistory(Self.terminated).project.status == .terminated)
        #expect(try repo.catalogue().pairing("jiamusi-foshan-tech")?.parent == "jiamusi-foshan")
        #expect(try repo.parks().first?.projects == 1)
        #expect(try repo.exchanges().map(\.id) == [Self.exchange])
        #expect(try repo.progress(ProgressQuery(grouping: .area)).total.projects == 2)
    }

    @Test func identicalRecordsAreSkippedWhateverWhenTheyWereRecorded() throws {
        try Self.populate(ours.open())
        try Self.populate(theirs.open())
        let before = try Self.state(ours.open())

        let report = try merge()

        #expect(report[.region] == MergeReport.Counts(identical: 17))
        #expect(report[.pairing] == MergeReport.Counts(identical: 10))
        #expect(report[.park] == MergeReport.Counts(identical: 1))
        #expect(report[.project] == MergeReport.Counts(identical: 2))
        #expect(report[.exchange] == MergeReport.Counts(identical: 1))
        #expect(report[.progressUpdate] == MergeReport.Counts(identical: 5))
        #expect(report.conflicts.isEmpty)
        #expect(!report.changesAnything)
        #expect(try Self.state(ours.open()) == before)
    }

    @Test func differingRecordsAreConflictsListingTheFieldsAndOursIsKept() throws {
        try Self.populate(ours.open())
        try Self.populate(theirs.open(), variant: true)
        let before = try Self.state(ours.open())

        let report = try merge()

        #expect(try Self.state(ours.open()) == before)
        #expect(report[.region] == MergeReport.Counts(identical: 16, conflicts: 1))
        #expect(report[.pairing] == MergeReport.Counts(identical: 9, conflicts: 1))
        #expect(report[.park] == MergeReport.Counts(conflicts: 1))
        #expect(report[.project] == MergeReport.Counts(identical: 1, conflicts: 1))
        #expect(report[.exchange] == MergeReport.Counts(conflicts: 1))
        #expect(report[.progressUpdate] == MergeReport.Counts(identical: 5))
        #expect(!report.changesAnything)

        let byID = Dictionary(uniqueKeysWithValues: report.conflicts.map { ($0.id, $0) })
        #expect(report.conflicts.allSatisfy { $0.resolution == .keptOurs && $0.reason == nil })
        #expect(report.conflicts.map(\.kind) == [.region, .pairing, .park, .project, .exchange])
        #expect(byID["230800"]?.differences == [.init(field: "name_en", ours: "Jiamusi", theirs: "Jiamusi City")])
        #expect(byID["jiamusi-foshan"]?.differences == [.init(field: "status", ours: "active", theirs: "ended")])
        #expect(byID[Self.park.key]?.differences == [.init(field: "name", ours: "佳木斯—佛山产业园", theirs: "佛山（佳木斯）产业园")])
        #expect(byID[Self.project.key]?.differences == [
            .init(field: "title", ours: "智能装备项目", theirs: "智能装备项目（二期）"),
            .init(field: "planned_investment_yuan", ours: "1250000000", theirs: "1300000000"),
        ])
        #expect(byID[Self.exchange.key]?.differences == [.init(field: "participants", ours: "52", theirs: "48")])
    }

    @Test func preferTheirsTakesTheirFieldsAndLeavesHistoryAlone() throws {
        try Self.populate(ours.open())
        let other = try theirs.open()
        try Self.populate(other, variant: true)
        let history = try ours.open().projectHistory(Self.project).updates

        let report = try merge(MergeOptions(preference: .theirs))

        #expect(report.conflicts.count == 5)
        #expect(report.conflicts.allSatisfy { $0.resolution == .tookTheirs })
        for kind in [MergeReport.Kind.region, .pairing, .park, .project, .exchange] {
            #expect(report[kind].updated == 1, "\(kind)")
            #expect(report[kind].conflicts == 1, "\(kind)")
        }
        #expect(report.totalUpdated == 5)
        #expect(report.changesAnything)

        let repo = try ours.open()
        #expect(try Self.state(repo) == (try Self.state(other)))
        #expect(try repo.catalogue().region("230800")?.nameEN == "Jiamusi City")
        #expect(try repo.catalogue().pairing("jiamusi-foshan")?.status == .ended)
        let project = try repo.projectHistory(Self.project)
        #expect(project.project.title == "智能装备项目（二期）")
        #expect(project.project.planned?.yuan == 1_300_000_000)
        #expect(project.updates == history)
        #expect(try repo.exchanges().first?.participants == 48)

        // Taken once, the records are now the same.
        let again = try merge(MergeOptions(preference: .theirs))
        #expect(again.conflicts.isEmpty)
        #expect(!again.changesAnything)
    }

    // MARK: - Progress updates

    @Test func updatesOfTwoReportersAreUnitedWithoutDuplicates() throws {
        let mine = try ours.open()
        let other = try theirs.open()
        try Self.populate(mine)
        try Self.populate(other)
        // Each reporter records later progress of the same project.
        try mine.recordUpdate(NewProgressUpdate(date: Self.day("2024-06-15"), note: "设备进场"), toProject: Self.project)
        try other.recordUpdate(NewProgressUpdate(date: Self.day("2024-07-01"), completed: Money(parsing: "2亿")), toProject: Self.project)
        try other.recordUpdate(NewProgressUpdate(date: Self.day("2024-12-20"), status: .completed, completed: Money(parsing: "9亿"),
                                                 note: "竣工验收"), toProject: Self.project)

        let report = try merge()

        #expect(report[.progressUpdate] == MergeReport.Counts(added: 2, identical: 5))
        #expect(report.conflicts.isEmpty)
        let history = try mine.projectHistory(Self.project)
        #expect(history.updates.map(\.date.description) == ["2024-03-01", "2024-05-01", "2024-06-01", "2024-06-15", "2024-07-01", "2024-12-20"])
        #expect(history.updates.map(\.sequence) == [1, 2, 3, 4, 5, 6])
        #expect(history.updates.last?.note == "竣工验收")
        #expect(history.project.status == .completed)
        #expect(history.project.statusDate == (try Self.day("2024-12-20")))
        #expect(history.project.completed.yuan == 900_000_000)
        // Their updates keep when they were recorded.
        #expect(history.updates.suffix(2).map(\.recordedAt) == (try other.projectHistory(Self.project)).updates.suffix(2).map(\.recordedAt))

        // Nothing doubles on a second merge.
        let again = try merge()
        #expect(again[.progressUpdate] == MergeReport.Counts(identical: 7))
        #expect(try mine.projectHistory(Self.project).updates.count == 6)
    }

    @Test func anUpdateOfTheirsDatedBeforeOurLatestIsAConflictNotInserted() throws {
        let mine = try ours.open()
        let other = try theirs.open()
        try Self.populate(mine)
        try Self.populate(other)
        try mine.recordUpdate(NewProgressUpdate(date: Self.day("2024-08-01"), completed: Money(parsing: "3亿")), toProject: Self.project)
        try other.recordUpdate(NewProgressUpdate(date: Self.day("2024-07-01"), completed: Money(parsing: "2亿"), note: "二季度"), toProject: Self.project)
        let before = try mine.projectHistory(Self.project)

        for preference in MergePreference.allCases {
            let report = try merge(MergeOptions(preference: preference))
            #expect(report[.progressUpdate] == MergeReport.Counts(identical: 5, conflicts: 1))
            let conflict = try #require(report.conflicts.first)
            #expect(report.conflicts.count == 1)
            #expect(conflict.kind == .progressUpdate)
            #expect(conflict.id == Self.project.key)
            #expect(conflict.resolution == .keptOurs)
            #expect(conflict.reason?.contains("before our latest update (2024-08-01)") == true)
            #expect(conflict.differences == [
                .init(field: "date", ours: "2024-08-01", theirs: "2024-07-01"),
                .init(field: "completed_investment_yuan", ours: "300000000", theirs: "200000000"),
                .init(field: "note", ours: nil, theirs: "二季度"),
            ])
            #expect(!report.changesAnything)
            #expect(try mine.projectHistory(Self.project) == before)
        }
    }

    @Test func anUpdateTheLifecycleRefusesIsAConflict() throws {
        let mine = try ours.open()
        let other = try theirs.open()
        try Self.populate(mine)
        try Self.populate(other)
        try mine.recordUpdate(NewProgressUpdate(date: Self.day("2024-07-01"), status: .terminated), toProject: Self.project)
        try other.recordUpdate(NewProgressUpdate(date: Self.day("2024-09-01"), status: .operating), toProject: Self.project)

        let report = try merge()

        #expect(report[.progressUpdate] == MergeReport.Counts(identical: 5, conflicts: 1))
        #expect(report.conflicts.first?.reason?.contains("terminated") == true)
        #expect(try mine.projectHistory(Self.project).project.status == .terminated)
        #expect(try mine.projectHistory(Self.project).updates.count == 4)
    }

    // MARK: - Idempotence and dry runs

    @Test func mergingTheSameFileTwiceChangesNothingTheSecondTime() throws {
        let mine = try ours.open()
        let other = try theirs.open()
        try Self.populate(mine)
        try other.addPark(NewPark(pairing: "harbin-shenzhen", name: "深圳（哈尔滨）产业园区"))
        try other.addProject(NewProject(pairing: "harbin-shenzhen", task: "2.1", title: "新项目", date: Self.day("2024-01-01")))
        try other.addExchange(NewExchange(pairing: "harbin-shenzhen", direction: .toNortheast, kind: .secondment, start: Self.day("2020-01-01")))

        let first = try merge()
        #expect(first.changesAnything)
        #expect(first.totalAdded == 4)
        let afterFirst = try Self.state(mine)

        let second = try merge()
        #expect(!second.changesAnything)
        #expect(second.totalAdded == 0)
        #expect(second.totalUpdated == 0)
        #expect(second.conflicts.isEmpty)
        #expect(second[.park] == MergeReport.Counts(identical: 1))
        #expect(second[.project] == MergeReport.Counts(identical: 1))
        #expect(second[.exchange] == MergeReport.Counts(identical: 1))
        #expect(second[.progressUpdate] == MergeReport.Counts(identical: 1))
        #expect(try Self.state(mine) == afterFirst)
    }

    @Test func aDryRunReportsTheMergeAndWritesNothing() throws {
        try Self.populate(ours.open())
        do {
            let other = try theirs.open()
            try Self.populate(other, variant: true)
            try other.addProject(NewProject(pairing: "harbin-shenzhen", task: "2.1", title: "新项目", date: Self.day("2024-01-01")))
            try other.recordUpdate(NewProgressUpdate(date: Self.day("2024-09-01"), status: .operating), toProject: Self.project)
        }
        let state = try Self.state(ours.open())
        let fileBytes = try #require(bytes(ours.path))

        let dryRun = try merge(MergeOptions(preference: .theirs, dryRun: true))

        #expect(dryRun.options.dryRun)
        #expect(dryRun.changesAnything)
        #expect(dryRun[.project] == MergeReport.Counts(added: 1, identical: 1, updated: 1, conflicts: 1))
        #expect(dryRun[.progressUpdate] == MergeReport.Counts(added: 2, identical: 5))
        #expect(bytes(ours.path) == fileBytes)
        #expect(try Self.state(ours.open()) == state)

        // The real merge does exactly what the dry run said.
        let real = try merge(MergeOptions(preference: .theirs))
        #expect(real.counts == dryRun.counts)
        #expect(real.conflicts == dryRun.conflicts)
        #expect(try Self.state(ours.open()) != state)
    }

    // MARK: - Refused sources

    @Test func aForeignSQLiteFileIsRefusedUntouched() throws {
        let file = theirs.folder.appendingPathComponent("invoices.sqlite").path
        try MergeTestSQLite.execute(file, "CREATE TABLE invoices (id INTEGER PRIMARY KEY, amount REAL); INSERT INTO invoices (amount) VALUES (12.5);")
        try expectRefused(file, .foreignDatabase)
    }

    @Test func aJunkFileIsRefusedUntouched() throws {
        let file = theirs.folder.appendingPathComponent("notes.sqlite").path
        try Data(String(repeating: "这不是数据库 — not a database\n", count: 300).utf8).write(to: URL(fileURLWithPath: file))
        try expectRefused(file, .notADatabase)
    }

    @Test func anEmptyFileIsRefusedUntouched() throws {
        let file = theirs.folder.appendingPathComponent("empty.sqlite").path
        #expect(FileManager.default.createFile(atPath: file, contents: Data()))
        try expectRefused(file, .foreignDatabase)
    }

    @Test func aNewerDuikouDatabaseIsRefusedUntouched() throws {
        try Self.populate(theirs.open())
        try MergeTestSQLite.execute(theirs.path, "PRAGMA user_version = 999;")
        try expectRefused(theirs.path, .schemaTooNew)
    }

    @Test func anOlderDuikouDatabaseIsRefusedUntouchedSayingHowToBringItUpToDate() throws {
        try Self.populate(theirs.open())
        try MergeTestSQLite.execute(theirs.path, "PRAGMA user_version = \(Migrator().latestVersion - 1);")
        let before = try #require(bytes(theirs.path))
        let error = #expect(throws: DuikouError.self) { try merge() }
        #expect(error?.message.contains("older than this build") == true)
        #expect(error?.message.contains(theirs.path) == true)
        #expect(bytes(theirs.path) == before)
    }

    @Test func aMissingFileIsRefusedAndNotCreated() throws {
        let file = theirs.folder.appendingPathComponent("missing.sqlite").path
        let error = #expect(throws: DuikouError.self) { try merge(from: file) }
        #expect(error?.code == .notFound)
        #expect(error?.message.contains("missing.sqlite") == true)
        #expect(!FileManager.default.fileExists(atPath: file))
    }

    @Test func mergingADatabaseIntoItselfIsRefused() throws {
        try Self.populate(ours.open())
        let state = try Self.state(ours.open())
        let spellings = [ours.path, ours.folder.appendingPathComponent(".").appendingPathComponent("test.sqlite").path]
        let link = ours.folder.appendingPathComponent("link.sqlite").path
        try FileManager.default.createSymbolicLink(atPath: link, withDestinationPath: ours.path)
        for path in spellings + [link] {
            let error = #expect(throws: DuikouError.self) { try ours.open().merge(from: path) }
            #expect(error?.code == .invalidInput)
            #expect(error?.message.contains("itself") == true)
        }
        #expect(try Self.state(ours.open()) == state)
    }

    @Test func aPairingLeftWithARegionOnTheWrongSideRefusesTheWholeMerge() throws {
        // We hold 230800 as an Eastern region; they hold it as a Northeast one and pair it.
        try ours.open().addRegion(Region(code: "230800", nameZH: "佳木斯市", nameEN: "Jiamusi", level: .prefectureCity, side: .east))
        let other = try theirs.open()
        try other.addRegion(Region(code: "230800", nameZH: "佳木斯市", nameEN: "Jiamusi", level: .prefectureCity, side: .northeast))
        try other.addPairing(NewPairing(id: "jiamusi-guangdong", northeast: "230800", east: "440000"))
        try other.addExchange(NewExchange(pairing: "jiamusi-guangdong", direction: .toEast, kind: .secondment, start: Self.day("2020-01-01")))
        let state = try Self.state(ours.open())

        let error = #expect(throws: DuikouError.self) { try merge() }
        #expect(error?.code == .invalidInput)
        #expect(error?.message.contains("jiamusi-guangdong") == true)
        #expect(error?.message.contains("230800") == true)
        #expect(try Self.state(ours.open()) == state)
    }

    private func merge(from path: String) throws -> MergeReport {
        try ours.open().merge(from: path)
    }

    /// Expects `file` to be refused as a merge source with `code`, left byte for byte as it was,
    /// and our database unchanged.
    private func expectRefused(_ file: String, _ code: DuikouError.Code, sourceLocation: SourceLocation = #_sourceLocation) throws {
        try Self.populate(ours.open())
        let state = try Self.state(ours.open())
        let before = try #require(bytes(file), sourceLocation: sourceLocation)
        let names = try FileManager.default.contentsOfDirectory(atPath: theirs.folder.path).sorted()

        let error = #expect(throws: DuikouError.self, sourceLocation: sourceLocation) { try merge(from: file) }
        #expect(error?.code == code, sourceLocation: sourceLocation)
        #expect(error?.message.contains(URL(fileURLWithPath: file).lastPathComponent) == true, sourceLocation: sourceLocation)
        #expect(bytes(file) == before, "the source's bytes changed", sourceLocation: sourceLocation)
        if code != .schemaTooNew {
            // (A Duikou file is in WAL mode; reading it read-only leaves SQLite's -wal and -shm beside it.)
            #expect(try FileManager.default.contentsOfDirectory(atPath: theirs.folder.path).sorted() == names,
                    "files appeared beside the source", sourceLocation: sourceLocation)
        }
        #expect(try Self.state(ours.open()) == state, sourceLocation: sourceLocation)
    }
}

/// Writes SQLite files with the C API, as another program would.
private enum MergeTestSQLite {
    static func execute(_ path: String, _ sql: String) throws {
        var handle: OpaquePointer?
        guard sqlite3_open_v2(path, &handle, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE, nil) == SQLITE_OK else {
            sqlite3_close(handle)
            throw DuikouError(.io, "cannot open \(path)")
        }
        defer { sqlite3_close(handle) }
        guard sqlite3_exec(handle, sql, nil, nil, nil) == SQLITE_OK else {
            throw DuikouError(.internal, "\(sql): \(String(cString: sqlite3_errmsg(handle)))")
        }
    }
}
