import ArgumentParser
import DuikouKit

/// `duikou project correct`.
struct ProjectCorrect: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "correct",
        abstract: "Correct a progress update keyed wrongly; the original stays in the history, marked superseded.",
        discussion: """
            The update at position --seq (as `project show` numbers the history) is replaced by one with the \
            values given; the rest keep the update's values. The corrected history must satisfy the lifecycle and \
            money rules as a whole, or nothing is written (exit 65). Prints the project's state after the correction.
            Example: duikou project correct 3f2a9c1e --seq 2 --completed 2100万 --reason "万/亿 keyed wrongly"
            """)

    @OptionGroup var database: DatabaseOptions
    @OptionGroup var actor: ActorOptions

    @Argument(help: "The project's id or a unique prefix of at least 8 characters.")
    var id: String

    @Option(help: "The position of the update to correct, from 1.")
    var seq: Int

    @Option(help: "The corrected date, YYYY-MM-DD.")
    var date: String?

    @Option(help: "The corrected status.")
    var status: ProjectStatus?

    @Option(parsing: .unconditional, help: "The corrected cumulative completed investment.")
    var completed: String?

    @Option(help: "The corrected note.")
    var note: String?

    @Option(help: "Why the update is corrected; required.")
    var reason: String

    func run() throws {
        let correction = try UpdateCorrection(
            sequence: seq, date: try Read.date(date, "--date"), status: status, completed: try Read.money(completed, "--completed"),
            note: note, reason: reason)
        let repository = try database.open(writing: "project correct", as: actor)
        let project = try repository.correctUpdate(correction, ofProject: try repository.resolveID(id, of: .project)).project
        print("\(project.id.uuidString.lowercased())  \(project.status.rawValue)  \(project.statusDate)  \(project.completed.yuan)")
    }
}

/// `duikou project void`.
struct ProjectVoidCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "void",
        abstract: "Withdraw a project recorded by mistake, such as a duplicate; nothing is deleted.",
        discussion: """
            A voided project leaves every count, list, report and search; `project show` still shows it, marked \
            voided with the reason. Voiding is final. Example: duikou project void 3f2a9c1e --reason "重复录入，见 7b1d0c22"
            """)

    @OptionGroup var database: DatabaseOptions
    @OptionGroup var actor: ActorOptions

    @Argument(help: "The project's id or a unique prefix of at least 8 characters.")
    var id: String

    @Option(help: "Why the project is withdrawn; required.")
    var reason: String

    func run() throws {
        let repository = try database.open(writing: "project void", as: actor)
        let id = try repository.resolveID(id, of: .project)
        try repository.voidProject(id, reason: reason)
        print("\(id.uuidString.lowercased())  voided")
    }
}
