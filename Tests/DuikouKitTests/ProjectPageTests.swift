import DuikouDemo
import Foundation
import Testing
@testable import DuikouKit

/// `Snapshot.projectPage`: pages cut by the database are the same projects, in the same order, as
/// the whole listing cut afterwards, with the count of every project that passes.
@Suite struct ProjectPageTests {
    let db: TemporaryDatabase
    let repo: Repository

    init() throws {
        db = try TemporaryDatabase()
        repo = try db.open()
        _ = try DemoData.populate(repo)
    }

    private func day(_ text: String) throws -> LocalDate { try LocalDate(parsing: text) }

    @Test func everyPageIsASliceOfTheWholeListing() throws {
        let filters = [
            ProjectFilter(),
            ProjectFilter(pairing: "heilongjiang-guangdong"),
            ProjectFilter(area: "2", status: .started),
            ProjectFilter(task: "2.1", asOf: try day("2021-06-30")),
            ProjectFilter(pairing: "liaoning-jiangsu", knownOn: try day("2026-12-31")),
            ProjectFilter(asOf: try day("2023-12-31"), knownOn: try day("2026-12-31")),
        ]
        for filter in filters { try expectSlices(filter) }
    }

    private func expectSlices(_ filter: ProjectFilter) throws {
        let all = try repo.projects(filter)
        #expect(!all.isEmpty, "\(filter)")
        for (offset, limit) in [(0, 1), (0, 7), (3, 5), (all.count - 1, 10), (all.count, 10), (all.count + 5, 1)] {
            let page = try repo.projectPage(filter, offset: offset, limit: limit)
            #expect(page.projects == Array(all.dropFirst(offset).prefix(limit)), "offset \(offset), limit \(limit)")
            #expect(page.total == all.count && page.offset == offset)
        }
        let whole = try repo.projectPage(filter)
        #expect(whole.projects == all && whole.total == all.count)
        let rest = try repo.projectPage(filter, offset: 2)
        #expect(rest.projects == Array(all.dropFirst(2)))
    }

    @Test func searchedTextNarrowsThePageAndItsCount() throws {
        let title = "哈尔滨\"冰雪\", 装备🎿\n第二行"
        let ids = try (1...12).map { n in
            try repo.addProject(NewProject(pairing: "harbin-shenzhen", task: "2.1", title: "\(title) \(n)", date: day("2024-03-0\(n % 9 + 1)"))).id
        }
        _ = try repo.addProject(NewProject(pairing: "dalian-shanghai", task: "2.1", title: "\(title) 大连", date: day("2024-03-01")))
        let filter = ProjectFilter(pairing: "harbin-shenzhen")
        let expected = try repo.projects(filter).filter { ids.contains($0.id) }

        let first = try repo.projectPage(filter, containing: "\"冰雪\", 装备🎿", offset: 0, limit: 5)
        #expect(first.total == 12 && first.projects == Array(expected.prefix(5)))
        let last = try repo.projectPage(filter, containing: "冰雪\", 装", offset: 10, limit: 5)
        #expect(last.total == 12 && last.projects == Array(expected.dropFirst(10)))
        // Two characters are found by scanning rather than by the index: the same projects.
        #expect(try repo.projectPage(filter, containing: "🎿\n", limit: 100).projects == expected)
        #expect(try repo.projectPage(ProjectFilter(), containing: "装备🎿").total == 13)
        let none = try repo.projectPage(filter, containing: "不存在的项目名称", limit: 5)
        #expect(none.projects.isEmpty && none.total == 0)
        // Quotes and SQL in the text are only text.
        #expect(try repo.projectPage(filter, containing: "'); DROP TABLE project; --").total == 0)
        #expect(try repo.projects().count > 13)
    }

    @Test func refusesBadPagesAndUnknownFilters() throws {
        #expect(try code { try repo.projectPage(offset: -1) } == .invalidInput)
        #expect(try code { try repo.projectPage(limit: 0) } == .invalidInput)
        #expect(try code { try repo.projectPage(containing: "   ") } == .invalidInput)
        #expect(try code { try repo.projectPage(ProjectFilter(pairing: "nowhere")) } == .notFound)
        #expect(try code { try repo.projectPage(ProjectFilter(task: "9.9"), containing: "冰雪") } == .notFound)
    }

    @Test func aPageOfTheWholeListWalksTheIndexInsteadOfSortingEveryProject() throws {
        let plan = try repo.rawRead { connection in
            try connection.query("EXPLAIN QUERY PLAN " + ProjectSQL.list.rows, Array(repeating: .null, count: 7) + [.integer(50), .integer(2500)]) { row in
                row.text(3)
            }
        }
        #expect(plan.contains { $0.contains("USING INDEX project_by_first_date") }, "\(plan)")
        #expect(!plan.contains { $0.contains("TEMP B-TREE FOR ORDER BY") }, "\(plan)")
    }

    @Test func asyncTwinReadsTheSamePage() async throws {
        let filter = ProjectFilter(area: "2")
        let page = try await repo.projectPage(filter, offset: 2, limit: 3)
        #expect(page == (try blockingPage(filter, offset: 2, limit: 3)))
    }

    private func blockingPage(_ filter: ProjectFilter, offset: Int, limit: Int) throws -> ProjectPage {
        try repo.projectPage(filter, offset: offset, limit: limit)
    }

    private func code(_ body: () throws -> ProjectPage) throws -> DuikouError.Code? {
        do {
            _ = try body()
            return nil
        } catch let error as DuikouError {
            return error.code
        }
    }
}
