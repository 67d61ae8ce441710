import DuikouKit
import Foundation
import Testing

/// A tool that embeds DuikouKit through its public API only (no `@testable`): the sample in the
/// README's "Embedding DuikouKit" section, kept here so that it always compiles and runs.
enum QuarterlyReporter {
    /// Records a signed project, moves it on, and returns the pairing's figures for the first area.
    static func run(databasePath: String) throws -> (projects: Int, started: Int, completedYuan: Int64) {
        let repository = try Repository(path: databasePath)

        let project = try repository.addProject(NewProject(
            pairing: "harbin-shenzhen", task: "2.2", title: "新能源汽车零部件项目",
            landmark: true, planned: Money(parsing: "12.5亿"), date: LocalDate(parsing: "2024-03-01")))

        try repository.recordUpdate(
            NewProgressUpdate(date: LocalDate(parsing: "2024-09-30"), status: ProjectStatus(parsing: "开工", field: "status"),
                              completed: Money(parsing: "2.1亿")),
            toProject: project.id)

        let report = try repository.progress(ProgressQuery(pairing: "harbin-shenzhen", grouping: .area))
        let industry = report.rows.first { $0.key == "2" }
        return (report.total.projects, industry?.figures.byStatus[.started] ?? 0, report.total.completedInvestment.yuan)
    }
}

@Suite struct EmbeddingTests {
    private func temporaryPath() throws -> (folder: URL, path: String) {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("duikou-embed-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        return (folder, folder.appendingPathComponent("embedded.sqlite").path)
    }

    @Test func aToolRecordsAndReportsThroughThePublicAPI() throws {
        let (folder, path) = try temporaryPath()
        defer { try? FileManager.default.removeItem(at: folder) }
        let result = try QuarterlyReporter.run(databasePath: path)
        #expect(result.projects == 1)
        #expect(result.started == 1)
        #expect(result.completedYuan == 210_000_000)
    }

    @Test func errorsCarryACodeAnEmbedderCanSwitchOn() throws {
        let (folder, path) = try temporaryPath()
        defer { try? FileManager.default.removeItem(at: folder) }
        let repository = try Repository(path: path)
        do {
            _ = try repository.addProject(NewProject(pairing: "nowhere", task: "2.1", title: "x", date: LocalDate(parsing: "2020-01-01")))
            Issue.record("an unknown pairing was accepted")
        } catch let error as DuikouError {
            #expect(error.code == .notFound)
            #expect(error.message.contains("nowhere"))
        }
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
                        try repository.addProject(NewProject(pairing: "dalian-shanghai", task: "2.4", title: "项目 \(worker)-\(index)", date: date))
                    }
                }
            }
            try await group.waitForAll()
        }
        #expect(try await repository.projects(ProjectFilter(pairing: "dalian-shanghai")).count == 100)
    }
}
