import Foundation
import Testing
import DuikouDemo
@testable import DuikouKit

/// The summary the triggers keep (V004) must always equal a fresh GROUP BY over the projects, whatever
/// writes went through: adds, progress updates (status and investment), suspensions, terminations,
/// corrections of pairing, task, landmark and planned investment by an import, and refused batches.
@Suite struct ProgressSummaryTests {
    private func summaryMatchesProjects(_ repository: Repository) throws -> Bool {
        try repository.rawRead { connection in
            let kept = try connection.query("""
                SELECT pairing_id, task_code, status, reached, projects, landmark_projects, planned_yuan, completed_yuan
                FROM progress_summary WHERE projects > 0 ORDER BY 1, 2, 3, 4
                """) { "\($0.text(0))|\($0.text(1))|\($0.text(2))|\($0.text(3))|\($0.int(4))|\($0.int(5))|\($0.int64(6))|\($0.int64(7))" }
            let fresh = try connection.query("""
                SELECT pairing_id, task_code, status, coalesce(reached, ''), count(*), sum(landmark), coalesce(sum(planned_yuan), 0), sum(completed_yuan)
                FROM project GROUP BY 1, 2, 3, 4 ORDER BY 1, 2, 3, 4
                """) { "\($0.text(0))|\($0.text(1))|\($0.text(2))|\($0.text(3))|\($0.int(4))|\($0.int(5))|\($0.int64(6))|\($0.int64(7))" }
            return kept == fresh && !fresh.isEmpty
        }
    }

    @Test func summaryFollowsEveryKindOfWrite() throws {
        let database = try TemporaryDatabase()
        let repository = try database.open()
        var random = SeededGenerator(seed: 20_240_930)
        let pairings = ["liaoning-jiangsu", "jilin-zhejiang", "harbin-shenzhen", "inner-mongolia"]
        let tasks = ["1.1", "2.2", "3.4", "4.2"]
        var ids: [UUID] = []
        for index in 0..<60 {
            let project = try NewProject(
                pairing: pairings[index % pairings.count], task: tasks[index % tasks.count], title: "项目 \(index)",
                landmark: index % 7 == 0, planned: index % 5 == 0 ? nil : Money(yuan: Int64(index) * 10_000_000),
                status: index % 3 == 0 ? .negotiating : .signed, date: LocalDate(parsing: "2019-01-01"))
            ids.append(project.id)
            try repository.addProject(project)
        }
        #expect(try summaryMatchesProjects(repository))

        let moves: [ProjectStatus] = [.landed, .started, .suspended, .completed, .operating, .terminated]
        for (offset, id) in ids.enumerated() {
            let status = moves[Int(random.next(below: UInt64(moves.count)))]
            _ = try? repository.recordUpdate(
                NewProgressUpdate(date: LocalDate(parsing: "2020-0\(offset % 9 + 1)-15"), status: status,
                                  completed: Money(yuan: Int64(offset) * 1_000_000)),
                toProject: id)
        }
        #expect(try summaryMatchesProjects(repository))

        // An import corrects pairing, task, landmark and planned investment in place.
        let file = database.folder.appendingPathComponent("corrections.csv")
        var csv = "id,pairing,task,title,landmark,planned\n"
        for (offset, id) in ids.prefix(20).enumerated() {
            csv += "\(id.key),\(pairings[(offset + 1) % pairings.count]),\(tasks[(offset + 2) % tasks.count]),项目 \(offset),\(offset % 2),\(offset + 1)亿\n"
        }
        try csv.write(to: file, atomically: true, encoding: .utf8)
        let result = try repository.importCSV(.projects, from: file.path)
        #expect(result.committed)
        #expect(result.updated == 20)
        #expect(try summaryMatchesProjects(repository))

        // A refused batch leaves the summary as it was.
        let before = try repository.progress().json.text()
        let bad = try NewProject(pairing: "nowhere", task: "2.2", title: "坏", date: LocalDate(parsing: "2021-01-01"))
        let good = try NewProject(pairing: "jilin-zhejiang", task: "2.2", title: "好", date: LocalDate(parsing: "2021-01-01"))
        #expect(throws: DuikouError.self) { try repository.addProjects([good, bad]) }
        #expect(try repository.progress().json.text() == before)
        #expect(try summaryMatchesProjects(repository))
    }
}
