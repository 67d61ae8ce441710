#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif
import ArgumentParser
import DuikouKit

/// `duikou project …`.
struct ProjectCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "project",
        abstract: "Record cooperation projects and their progress, and look them up.",
        discussion: """
            A project's state is a series of dated progress updates. Statuses, in order: planned 谋划, \
            negotiating 洽谈, signed 签约, landed 落地, started 开工, completed 竣工, operating 投产; off track: \
            suspended 停建, terminated 终止. Projects move forward (steps may be skipped), may be suspended and \
            resumed at or past the step they left, and may be terminated, which is final.
            Projects are named by their UUID or any unique prefix of at least 8 characters.
            """,
        subcommands: [ProjectAdd.self, ProjectUpdate.self, ProjectCorrect.self, ProjectVoidCommand.self, ProjectPlan.self, ProjectShow.self,
                      ProjectList.self])
}

/// `duikou project add`.
struct ProjectAdd: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "add",
        abstract: "Add a project; prints its new id alone.",
        discussion: "Example: duikou project add --pairing 深哈 --task 推进新兴产业合作 --title 新能源汽车零部件项目 --planned 12.5亿 --date 2024-03-01")

    @OptionGroup var database: DatabaseOptions
    @OptionGroup var actor: ActorOptions

    @Option(help: ArgumentHelp(NameHelp.pairing))
    var pairing: String

    @Option(help: ArgumentHelp(NameHelp.task))
    var task: String

    @Option(help: "The project's title.")
    var title: String

    @Option(help: "The status of the first update.")
    var status: ProjectStatus = .signed

    @Option(help: "The date of the first update, YYYY-MM-DD (default today).")
    var date: String?

    @Option(parsing: .unconditional, help: "Planned total investment, e.g. 12.5亿, 3000万, 800元; a bare number is 万元.")
    var planned: String?

    @Option(parsing: .unconditional, help: "Completed investment so far (default 0).")
    var completed: String?

    @Option(help: "The Northeast party.")
    var northeastParty: String?

    @Option(help: "The Eastern party.")
    var eastParty: String?

    @Option(help: "The park the project sits in (id or prefix).")
    var park: String?

    @Flag(help: "Mark the project as a landmark (标志性) project.")
    var landmark = false

    @Option(help: "What the project is.")
    var description: String?

    @Option(help: "Use this UUID as the project's id.")
    var id: String?

    @Option(help: "The planned start of construction (计划开工日期), YYYY-MM-DD.")
    var plannedStart: String?

    @Option(help: "The planned completion (计划竣工日期), YYYY-MM-DD; not before the planned start.")
    var plannedCompletion: String?

    func run() throws {
        let planned = try Read.money(planned, "--planned")
        let plannedStart = try Read.date(plannedStart, "--planned-start")
        let plannedCompletion = try Read.date(plannedCompletion, "--planned-completion")
        let completed = try Read.money(completed, "--completed") ?? .zero
        let date = try Read.date(date, "--date") ?? .today()
        let id = try Read.uuid(id, "--id") ?? UUID()
        let repository = try database.open(writing: "project add", as: actor)
        let project = try NewProject(
            id: id, pairing: try repository.pairingID(pairing), task: try repository.taskCode(task), title: title, description: description,
            northeastParty: northeastParty, eastParty: eastParty,
            park: try park.map { try repository.resolveID($0, of: .park) }, landmark: landmark,
            planned: planned, status: status, date: date, completed: completed,
            plannedStart: plannedStart, plannedCompletion: plannedCompletion)
        print(try repository.addProject(project).id.uuidString.lowercased())
    }
}

/// `duikou project update`.
struct ProjectUpdate: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "update",
        abstract: "Record a progress update: a new status, completed investment or note, as of a date.",
        discussion: "Example: duikou project update 3f2a9c1e --date 2024-09-30 --status 开工 --completed 2.1亿")

    @OptionGroup var database: DatabaseOptions
    @OptionGroup var actor: ActorOptions

    @Argument(help: "The project's id or a unique prefix of at least 8 characters.")
    var id: String

    @Option(help: "The date of the update, YYYY-MM-DD; on or after the latest update.")
    var date: String

    @Option(help: "The new status.")
    var status: ProjectStatus?

    @Option(parsing: .unconditional, help: "Cumulative completed investment; never less than before.")
    var completed: String?

    @Option(help: "A note.")
    var note: String?

    @Flag(help: "Report that nothing changed (无变化): the status and completed investment stay as they are.")
    var unchanged = false

    func validate() throws {
        if unchanged && (status != nil || completed != nil) {
            throw ValidationError("--unchanged keeps the status and completed investment; leave out --status and --completed")
        }
    }

    func run() throws {
        let date = try LocalDate(parsing: date, field: "--date")
        let update = unchanged
            ? try NewProgressUpdate(unchangedOn: date, note: note)
            : try NewProgressUpdate(date: date, status: status, completed: try Read.money(completed, "--completed"), note: note)
        let repository = try database.open(writing: "project update", as: actor)
        let project = try repository.recordUpdate(update, toProject: try repository.resolveID(id, of: .project))
        print("\(project.id.uuidString.lowercased())  \(project.status.rawValue)  \(project.statusDate)  \(project.completed.yuan)")
    }
}

/// `duikou project show`.
struct ProjectShow: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "show",
        abstract: "Show a project with its whole history, oldest update first.")

    @OptionGroup var database: DatabaseOptions

    @Argument(help: "The project's id or a unique prefix of at least 8 characters.")
    var id: String

    @Option(help: "Show the project as the database stood at the end of this day (China Standard Time), before later updates, corrections, plan revisions and voids.")
    var knownOn: String?

    @OptionGroup var output: DocumentOutputOptions

    func run() throws {
        let knownOn = try Read.date(knownOn, "--known-on")
        let repository = try database.open()
        let history = try repository.projectHistory(try repository.resolveID(id, of: .project), knownOn: knownOn)
        switch output.format {
        case .table: print(history.table(output.language, catalogue: try repository.catalogue()), terminator: "")
        case .json: print(history.json.text(pretty: true))
        }
    }
}

/// `duikou project list`.
struct ProjectList: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "list",
        abstract: "List projects, oldest first, optionally as they stood on a date.")

    @OptionGroup var database: DatabaseOptions

    @Option(help: ArgumentHelp(NameHelp.pairingFilter))
    var pairing: String?

    @Option(help: "Only this task area, 1 … 4.")
    var area: String?

    @Option(help: ArgumentHelp(NameHelp.taskFilter))
    var task: String?

    @Option(help: "Only projects in this status.")
    var status: ProjectStatus?

    @Option(help: "Show projects as they stood on this date; later ones are left out.")
    var asOf: String?

    @Option(help: "List as the database stood at the end of this day (China Standard Time), before later updates, corrections and voids.")
    var knownOn: String?

    @OptionGroup var output: OutputOptions

    func run() throws {
        let asOf = try Read.date(asOf, "--as-of")
        let knownOn = try Read.date(knownOn, "--known-on")
        let repository = try database.open()
        let filter = ProjectFilter(
            pairing: try repository.pairingID(pairing), area: area, task: try repository.taskCode(task), status: status, asOf: asOf,
            knownOn: knownOn)
        try output.emit(.projects(try repository.projects(filter), output.language, catalogue: try repository.catalogue()))
    }
}
