import Foundation

/// Writes projects and their progress updates inside a transaction the caller holds, checking the
/// references and the lifecycle rules first so that a refusal names the record and the field.
struct ProjectWriter {
    let connection: SQLiteConnection
    let now: String
    private let pairings: Set<String>
    private let tasks: Set<String>

    init(connection: SQLiteConnection, now: String) throws {
        self.connection = connection
        self.now = now
        pairings = Set(try connection.query("SELECT id FROM pairing") { $0.text(0) })
        tasks = Set(try connection.query("SELECT code FROM task") { $0.text(0) })
    }

    func add(_ project: NewProject) throws {
        let name = "project \(DuikouError.quoted(project.title))"
        guard pairings.contains(project.pairing) else { throw DuikouError.notFound("\(name): pairing", project.pairing) }
        guard tasks.contains(project.task) else {
            throw DuikouError(.notFound, "\(name): task: \(DuikouError.quoted(project.task)) does not exist; tasks are 1.1 to 4.4 (see `duikou tasks`)")
        }
        if let park = project.park,
           try connection.queryFirst("SELECT 1 FROM park WHERE id = ?", [.text(park.key)], { _ in true }) == nil {
            throw DuikouError.notFound("\(name): park", park.key)
        }
        if try connection.queryFirst("SELECT 1 FROM project WHERE id = ?", [.text(project.id.key)], { _ in true }) != nil {
            throw DuikouError(.constraint, "\(name): id: \(project.id.key) is already recorded")
        }
        try connection.run("""
            INSERT INTO project (id, pairing_id, task_code, title, description, northeast_party, east_party, park_id,
                                 landmark, planned_yuan, status, first_date, status_date, completed_yuan, resume_floor, recorded_at)
            VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?12, ?13, NULL, ?14)
            """, [
                .text(project.id.key), .text(project.pairing), .text(project.task), .text(project.title),
                .optional(project.description), .optional(project.northeastParty), .optional(project.eastParty),
                .optional(project.park?.key), .integer(project.landmark ? 1 : 0), .optional(project.planned?.yuan),
                .text(project.status.rawValue), .text(project.date.description), .integer(project.completed.yuan),
                .text(now),
            ], context: name)
        try insertUpdate(project: project.id, sequence: 1, date: project.date, status: project.status,
                         completed: project.completed, note: project.note, name: name)
    }

    func record(_ update: NewProgressUpdate, to id: UUID) throws {
        let name = "project \(id.key)"
        guard let current = try connection.queryFirst(
            "SELECT status, status_date, completed_yuan, resume_floor, (SELECT max(seq) FROM progress_update WHERE project_id = ?1) FROM project WHERE id = ?1",
            [.text(id.key)], { row in
                (state: ProjectLifecycle.State(status: try stored(ProjectStatus.self, row.text(0)), date: try storedDate(row.text(1)),
                                               completed: Money(uncheckedYuan: row.int64(2)),
                                               resumeFloor: try row.optionalText(3).map { try stored(ProjectStatus.self, $0) }),
                 sequence: row.int(4))
            })
        else { throw DuikouError.notFound("project", id.key) }
        let next = try ProjectLifecycle.apply(to: current.state, status: update.status, date: update.date,
                                              completed: update.completed, project: id.key)
        try insertUpdate(project: id, sequence: current.sequence + 1, date: next.date, status: next.status,
                         completed: next.completed, note: update.note, name: name)
        try connection.run(
            "UPDATE project SET status = ?2, status_date = ?3, completed_yuan = ?4, resume_floor = ?5 WHERE id = ?1",
            [.text(id.key), .text(next.status.rawValue), .text(next.date.description), .integer(next.completed.yuan), .optional(next.resumeFloor?.rawValue)],
            context: name)
    }

    private func insertUpdate(project: UUID, sequence: Int, date: LocalDate, status: ProjectStatus, completed: Money, note: String?, name: String) throws {
        try connection.run(
            "INSERT INTO progress_update (project_id, seq, date, status, completed_yuan, note, recorded_at) VALUES (?, ?, ?, ?, ?, ?, ?)",
            [.text(project.key), .integer(Int64(sequence)), .text(date.description), .text(status.rawValue),
             .integer(completed.yuan), .optional(note), .text(now)],
            context: name)
    }
}
