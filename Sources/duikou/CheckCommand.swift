import ArgumentParser
import DuikouKit

/// `duikou check`.
struct CheckCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "check",
        abstract: "Check the database: SQLite's integrity and foreign keys, and Duikou's own rules.",
        discussion: """
            Checks SQLite's integrity and foreign keys, that every project's history is lawful and \
            numbered without gaps, that each project's current state is its latest update's, that the \
            progress summary equals the projects, and the search index. Exit 0 when sound; 65 with \
            the problems listed when not.
            """)

    @OptionGroup var database: DatabaseOptions

    func run() throws {
        let report = try database.open().check()
        if report.isSound {
            print("sound: " + report.checks.joined(separator: ", ") + " checked")
            return
        }
        report.problems.forEach { print($0) }
        if report.problemCount > report.problems.count {
            print("… and \(report.problemCount - report.problems.count) more problems")
        }
        throw DuikouError(.invalidInput, "\(database.path): \(report.problemCount) problem\(report.problemCount == 1 ? "" : "s") found")
    }
}
