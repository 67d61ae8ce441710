import ArgumentParser
import DuikouKit

/// `duikou project plan`.
struct ProjectPlan: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "plan",
        abstract: "Revise a project's planned investment, start or completion, with a reason; every revision is kept.",
        discussion: "Example: duikou project plan 3f2a9c1e --planned-completion 2026-06-30 --reason 设备到货推迟")

    @OptionGroup var database: DatabaseOptions
    @OptionGroup var actor: ActorOptions

    @Argument(help: "The project's id or a unique prefix of at least 8 characters.")
    var id: String

    @Option(parsing: .unconditional, help: "The new planned total investment, e.g. 12.5亿, 3000万; a bare number is 万元.")
    var planned: String?

    @Option(help: "The new planned start of construction (计划开工日期), YYYY-MM-DD.")
    var plannedStart: String?

    @Option(help: "The new planned completion (计划竣工日期), YYYY-MM-DD; not before the planned start.")
    var plannedCompletion: String?

    @Option(help: "Why the plan changed (required).")
    var reason: String

    func run() throws {
        let revision = try NewPlanRevision(
            planned: try Read.money(planned, "--planned"), plannedStart: try Read.date(plannedStart, "--planned-start"),
            plannedCompletion: try Read.date(plannedCompletion, "--planned-completion"), reason: reason)
        let repository = try database.open(writing: "project plan", as: actor)
        let project = try repository.reviseProjectPlan(try repository.resolveID(id, of: .project), revision)
        print("\(project.id.uuidString.lowercased())  \(project.planned?.yuan.description ?? "-")  "
              + "\(project.plannedStart?.description ?? "-")  \(project.plannedCompletion?.description ?? "-")")
    }
}
