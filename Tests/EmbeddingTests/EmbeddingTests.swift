import DuikouKit
import Foundation
import Testing

/// A tool that embeds DuikouKit through its public API only (no `@testable`): the sample of the
/// README's "Embedding DuikouKit" section, kept here word for word so that it always compiles and runs.
enum Sample {
    /// A park and its projects in one transaction (all of them, or none if anything throws), then
    /// several reads of one consistent state.
    static func recordQuarter(in repository: Repository) throws -> (park: Park, projects: [Project], report: ProgressReport) {
        let park = try repository.write { tx in
            let park = try tx.addPark(NewPark(pairing: "harbin-shenzhen", name: "深圳（哈尔滨）产业园区", kind: .joint))
            let project = try tx.addProject(NewProject(
                pairing: "harbin-shenzhen", task: "2.2", title: "新能源汽车零部件项目", park: park.id,
                landmark: true, planned: Money(parsing: "12.5亿"), date: LocalDate(parsing: "2024-03-01")))
            try tx.recordUpdate(NewProgressUpdate(date: LocalDate(parsing: "2024-09-30"), status: .started,
                                                  completed: Money(parsing: "2.1亿")), toProject: project.id)
            return park
        }
        let (projects, report) = try repository.read { snapshot in
            (try snapshot.projects(ProjectFilter(pairing: "harbin-shenzhen")),
             try snapshot.progress(ProgressQuery(pairing: "harbin-shenzhen", grouping: .area)))
        }
        return (park, projects, report)
    }

    /// From async code, the twins: here several pairings at once from a task group.
    static func projectCounts(in repository: Repository, pairings: [String]) async throws -> [String: Int] {
        try await withThrowingTaskGroup(of: (String, Int).self) { group in
            for pairing in pairings {
                group.addTask { (pairing, try await repository.progress(ProgressQuery(pairing: pairing)).total.projects) }
            }
            return try await group.reduce(into: [:]) { $0[$1.0] = $1.1 }
        }
    }

    /// Errors: a catch matches the code; the error names the field and the record.
    static func recordElsewhere(in repository: Repository) throws -> String {
        do {
            try repository.addProject(NewProject(pairing: "nowhere", task: "2.2", title: "无效项目", date: LocalDate(parsing: "2024-03-01")))
            return "recorded"
        } catch DuikouError.notFound {
            return "no such pairing"
        } catch let error as DuikouError where error.code == .invalidInput {
            return "refused: \(error.field ?? "") \(error.message)"
        }
    }

    /// Values are Codable with the CLI's JSON keys: store them, send them, read them back.
    static func roundTrip(_ project: Project) throws -> (json: Data, decoded: Project) {
        let json = try JSONEncoder().encode(project)     // {"id":"…","pairing":"harbin-shenzhen",…,"status":"started",…}
        return (json, try JSONDecoder().decode(Project.self, from: json))
    }
}

@Suite struct EmbeddingTests {
    private func temporaryPath() throws -> (folder: URL, path: String) {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("duikou-embed-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        return (folder, folder.appendingPathComponent("embedded.sqlite").path)
    }

    @Test func theReadmeSampleRuns() async throws {
        let (folder, path) = try temporaryPath()
        defer { try? FileManager.default.removeItem(at: folder) }
        let repository = try Repository(path: path)
        let (park, projects, report) = try Sample.recordQuarter(in: repository)
        #expect(projects.count == 1)
        #expect(projects.first?.park == park.id)
        #expect(projects.first?.status == .started)
        #expect(report.total.projects == 1)
        #expect(report.total.completedInvestment.yuan == 210_000_000)
        #expect(report.rows.first { $0.key == "2" }?.figures.byStatus[.started] == 1)
        #expect(try await Sample.projectCounts(in: repository, pairings: ["harbin-shenzhen", "dalian-shanghai"])
                == ["harbin-shenzhen": 1, "dalian-shanghai": 0])
        #expect(try Sample.recordElsewhere(in: repository) == "no such pairing")
        let project = try #require(projects.first)
        let (json, decoded) = try Sample.roundTrip(project)
        #expect(decoded == project)
        let object = try #require(JSONSerialization.jsonObject(with: json) as? [String: Any])
        #expect(object["pairing"] as? String == "harbin-shenzhen")
        #expect(object["planned_investment_yuan"] as? Int == 1_250_000_000)
        #expect(object["completed_investment_yuan"] as? Int == 210_000_000)
        #expect(object["status"] as? String == "started")
        #expect(object["id"] as? String == project.id.uuidString.lowercased())
    }

    /// The README's sample is this file's `Sample`, word for word, so that the README cannot show
    /// code that no longer compiles.
    @Test func theReadmeShowsThisSample() throws {
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        let readme = try String(contentsOf: root.appendingPathComponent("README.md"), encoding: .utf8)
        let section = try #require(readme.range(of: "## Embedding DuikouKit"))
        let open = try #require(readme.range(of: "```swift\n", range: section.upperBound..<readme.endIndex))
        let close = try #require(readme.range(of: "```\n", range: open.upperBound..<readme.endIndex))
        let shown = readme[open.upperBound..<close.lowerBound]
            .split(separator: "\n", omittingEmptySubsequences: false).filter { !$0.hasPrefix("import ") }
        let source = try String(contentsOf: URL(fileURLWithPath: #filePath), encoding: .utf8)
        let body = try #require(source.range(of: "enum Sample {\n")).upperBound
        let end = try #require(source.range(of: "\n}\n", range: body..<source.endIndex)).lowerBound
        let sample = source[body..<end].split(separator: "\n", omittingEmptySubsequences: false)
            .map { $0.hasPrefix("    ") ? $0.dropFirst(4) : $0 }
            .map { $0.replacingOccurrences(of: "static func ", with: "func ") }
        #expect(Array(shown.drop { $0.isEmpty }).map(String.init).joined(separator: "\n").trimmingCharacters(in: .whitespacesAndNewlines)
                == sample.joined(separator: "\n").trimmingCharacters(in: .whitespacesAndNewlines))
    }

    @Test func aTransactionThatThrowsLeavesNothing() throws {
        let (folder, path) = try temporaryPath()
        defer { try? FileManager.default.removeItem(at: folder) }
        let repository = try Repository(path: path)
        struct ChangedMyMind: Error {}
        #expect(throws: ChangedMyMind.self) {
            try repository.write { tx in
                try tx.addPark(NewPark(pairing: "dalian-shanghai", name: "临时园区"))
                throw ChangedMyMind()
            }
        }
        #expect(try repository.parks().isEmpty)
    }

    @Test func oneRepositoryIsSharedAcrossTasks() async throws {
        let (folder, path) = try temporaryPath()
        defer { try? FileManager.default.removeItem(at: folder) }
        let repository = try Repository(path: path)
        let date = try LocalDate(parsing: "2021-06-01")
        try await withThrowingTaskGroup(of: Void.self) { group in
            for worker in 0..<4 {
                group.addTask {
                    for index in 0..<25 {
                        try await repository.addProject(NewProject(pairing: "dalian-shanghai", task: "2.4", title: "项目 \(worker)-\(index)", date: date))
                    }
                }
            }
            try await group.waitForAll()
        }
        #expect(try await repository.projects(ProjectFilter(pairing: "dalian-shanghai")).count == 100)
    }
}
