import DuikouKit
import Foundation

/// A failure of the benchmark itself: a path that did not do what it should have.
struct BenchError: Error, CustomStringConvertible {
    /// What went wrong.
    let description: String
}

/// The DuikouKit paths: bulk insert, CSV import and the progress report, through the public API only.
enum LibraryPath {
    /// Creates a fresh database at `path` and times `addProjects` alone.
    static func insert(_ workload: Workload, into path: String) throws -> Duration {
        let repository = try Repository(path: path)
        let projects = workload.projects
        var added = 0
        let elapsed = try ContinuousClock().measure {
            added = try repository.addProjects(projects)
        }
        guard added == projects.count else {
            throw BenchError(description: "addProjects recorded \(added) projects of \(projects.count)")
        }
        return elapsed
    }

    /// Creates a fresh database at `path` and times `importCSV(.projects, from: csv)` alone.
    static func importCSV(_ csv: String, rows: Int, into path: String) throws -> Duration {
        let repository = try Repository(path: path)
        var result: ImportResult?
        let elapsed = try ContinuousClock().measure {
            result = try repository.importCSV(.projects, from: csv)
        }
        guard let result, result.added == rows, result.problemCount == 0 else {
            let problems = result?.problems.prefix(3).map(\.description).joined(separator: "; ") ?? ""
            throw BenchError(description: "importCSV added \(result?.added ?? 0) projects of \(rows): \(problems)")
        }
        return elapsed
    }

    /// Times the progress report by area (as of `asOf` when given) and returns it with the time.
    static func progress(_ repository: Repository, asOf: LocalDate?) throws -> (ProgressReport, Duration) {
        var report: ProgressReport?
        let elapsed = try ContinuousClock().measure {
            report = try repository.progress(ProgressQuery(grouping: .area, asOf: asOf))
        }
        guard let report else { throw BenchError(description: "progress returned no report") }
        return (report, elapsed)
    }

    /// Where a report's totals differ from the raw GROUP BY's; `nil` when they agree.
    static func difference(_ report: ProgressReport, _ totals: RawPath.Totals, label: String) -> String? {
        let total = report.total
        let pairs: [(String, Int64, Int64)] = [
            ("projects", Int64(total.projects), totals.projects),
            ("landmark_projects", Int64(total.landmarkProjects), totals.landmarks),
            ("planned_investment_yuan", total.plannedInvestment.yuan, totals.plannedYuan),
            ("completed_investment_yuan", total.completedInvestment.yuan, totals.completedYuan),
        ]
        let differing = pairs.filter { $0.1 != $0.2 }.map { "\($0.0) \($0.1) vs raw \($0.2)" }
        return differing.isEmpty ? nil : "\(label): " + differing.joined(separator: ", ")
    }
}
