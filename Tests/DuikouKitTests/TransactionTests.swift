import Foundation
import Testing
@testable import DuikouKit

/// `Repository.write { tx in … }` and `Repository.read { snapshot in … }`: several operations in one
/// transaction or one snapshot, all or nothing, and misuse refused rather than deadlocked.
@Suite struct TransactionTests {
    private let date = try! LocalDate(parsing: "2024-03-01")

    private func newProject(_ title: String, park: UUID? = nil, planned: String = "1亿") throws -> NewProject {
        try NewProject(pairing: "harbin-shenzhen", task: "4.2", title: title, park: park, planned: Money(parsing: planned), date: date)
    }

    @Test func aParkAndItsProjectsCommitTogether() throws {
        let db = try TemporaryDatabase()
        let repo = try db.open()
        let (park, projects) = try repo.write { tx in
            let park = try tx.addPark(NewPark(pairing: "harbin-shenzhen", name: "深圳（哈尔滨）产业园区"))
            let first = try tx.addProject(newProject("园区一号项目", park: park.id))
            let second = try tx.addProject(newProject("园区二号项目", park: park.id, planned: "2亿"))
            // Reads through the transaction see its own changes, the search index included.
            #expect(try tx.parks().first?.projects == 2)
            #expect(try tx.search("园区二号").map(\.id) == [second.id])
            return (park, [first, second])
        }
        let parks = try repo.parks()
        #expect(parks.map(\.id) == [park.id])
        #expect(parks.first?.plannedInvestment.yuan == 300_000_000)
        #expect(Set(try repo.projects().map(\.id)) == Set(projects.map(\.id)))
        // Each change has its own audit entry, all with the transaction's one timestamp.
        let events = try repo.history()
        #expect(events.map(\.recordKind) == ["park", "project", "project"])
        #expect(Set(events.map(\.at)).count == 1)
    }

    @Test func anythingThrownRollsBackEverything() throws {
        let db = try TemporaryDatabase()
        let repo = try db.open()
        struct Abandoned: Error {}
        #expect(throws: Abandoned.self) {
            try repo.write { tx in
                try tx.addPark(NewPark(pairing: "harbin-shenzhen", name: "未建成的园区"))
                try tx.addProject(newProject("未提交的项目"))
                throw Abandoned()
            }
        }
        // A refused operation in the middle rolls back the ones before it too.
        #expect(throws: DuikouError.self) {
            try repo.write { tx in
                try tx.addProject(newProject("先记录的项目"))
                try tx.addProject(NewProject(pairing: "nowhere", task: "4.2", title: "错误的关系", date: date))
            }
        }
        #expect(try repo.parks().isEmpty)
        #expect(try repo.projects().isEmpty)
        #expect(try repo.history().isEmpty)
        #expect(try repo.search("项目").isEmpty)
        #expect(try repo.check().isSound)
    }

    @Test func theClosuresValueIsReturnedAndAnEmptyWriteLeavesTheFileAlone() throws {
        let db = try TemporaryDatabase()
        let repo = try db.open()
        let before = try Data(contentsOf: URL(fileURLWithPath: db.path))
        let answer = try repo.write { tx in try tx.catalogue().pairings.count }
        #expect(answer == 8)
        #expect(try repo.history().isEmpty)
        #expect(try Data(contentsOf: URL(fileURLWithPath: db.path)) == before)
    }

    @Test func anImportAndMoreInOneTransaction() throws {
        let db = try TemporaryDatabase()
        let repo = try db.open()
        let csv = db.folder.appendingPathComponent("projects.csv")
        try Data("pairing,task,title,date\nharbin-shenzhen,2.1,\"导入的项目, 一号\",2024-01-02\n".utf8).write(to: csv)
        let result = try repo.write { tx in
            let result = try tx.importCSV(.projects, from: csv.path)
            try tx.setTarget(NewPlanTarget(pairing: "harbin-shenzhen", year: 2024, metric: .projectsSigned, target: 1))
            return result
        }
        #expect(result.added == 1)
        #expect(try repo.projects().map(\.title) == ["导入的项目, 一号"])
        #expect(try repo.evaluate(year: 2024).rows.first?.actual == 1)
        // A dry run inside a transaction rolls back only its own part.
        let dry = try repo.write { tx in
            try tx.addProject(newProject("同一事务中的项目"))
            return try tx.importCSV(.projects, from: csv.path, dryRun: true)
        }
        #expect(dry.added == 1 && !dry.committed)
        #expect(try repo.projects().map(\.title) == ["导入的项目, 一号", "同一事务中的项目"])
    }

    @Test func aSnapshotSeesOneStateWhileOthersWrite() throws {
        let db = try TemporaryDatabase()
        let repo = try db.open()
        try repo.addProject(newProject("第一个项目"))
        let (before, after) = try repo.read { snapshot in
            let before = try snapshot.projects().count
            // Another writer (another repository on the file) commits meanwhile.
            let other = try db.open()
            try other.addProject(newProject("第二个项目"))
            return (before, try snapshot.progress().total.projects)
        }
        #expect(before == 1 && after == 1)
        #expect(try repo.projects().count == 2)
    }

    @Test func usingTheRepositoryInsideItsOwnClosuresIsRefused() throws {
        let db = try TemporaryDatabase()
        let repo = try db.open()
        func expectMisuse(_ body: () throws -> Void) {
            do {
                try body()
                Issue.record("nested use was allowed")
            } catch DuikouError.misuse {
            } catch {
                Issue.record("expected misuse, got \(error)")
            }
        }
        let project = try newProject("嵌套写入")
        expectMisuse { try repo.write { _ in _ = try repo.addProject(project) } }
        expectMisuse { try repo.write { _ in _ = try repo.progress() } }
        expectMisuse { try repo.read { _ in _ = try repo.progress() } }
        expectMisuse { try repo.read { _ in try repo.write { _ in } } }
        #expect(try repo.projects().isEmpty)
        // The repository works afterwards: nothing was left locked.
        try repo.addProject(newProject("之后的项目"))
        #expect(try repo.projects().count == 1)
    }

    @Test func aHandleKeptAfterItsClosureIsRefused() throws {
        let db = try TemporaryDatabase()
        let repo = try db.open()
        let kept = try repo.write { $0 }
        #expect(throws: DuikouError.self) { try kept.addProject(newProject("逃逸的句柄")) }
        let snapshot = try repo.read { $0 }
        do {
            _ = try snapshot.progress()
            Issue.record("a kept snapshot answered")
        } catch DuikouError.misuse {
        } catch { Issue.record("expected misuse, got \(error)") }
        #expect(try repo.projects().isEmpty)
    }

    @Test func aReadOnlyRepositoryReadsThroughItsPoolAndRefusesWrites() throws {
        let db = try TemporaryDatabase()
        try db.open().addProject(newProject("只读库中的项目"))
        let repo = try db.open(Repository.Options(readOnly: true, maximumReaders: 2))
        #expect(try repo.read { try $0.projects().count } == 1)
        do {
            try repo.write { _ in }
            Issue.record("a read-only repository wrote")
        } catch DuikouError.readOnly {
        } catch { Issue.record("expected read-only, got \(error)") }
        #expect(try repo.check().isSound)
    }
}
