#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif

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
        pairings = Set(try connection.query("SELECT id FROM pairing") { try $0.text("id") })
        tasks = Set(try connection.query("SELECT code FROM task") { try $0.text("code") })
    }

    /// How messages name a project: by its title, which the user knows.
    static func name(_ project: NewProject) -> String { "project \(DuikouError.quoted(project.title))" }

    /// Checks a project's references, naming the field that is wrong.
    func check(_ project: NewProject) throws {
        guard pairings.contains(project.pairing) else {
            throw DuikouError(.notFound, "\(Self.name(project)): pairing: \(DuikouError.quoted(project.pairing)) does not exist", field: "pairing", recordID: project.id.key)
        }
        guard tasks.contains(project.task) else {
            throw DuikouError(.notFound, "\(Self.name(project)): task: \(DuikouError.quoted(project.task)) does not exist; tasks are 1.1 to 4.4", field: "task", recordID: project.id.key)
        }
        if let park = project.park,
           try connection.queryFirst("SELECT 1 FROM park WHERE id = ?", [.text(park.key)], { _ in true }) == nil {
            throw DuikouError(.notFound, "\(Self.name(project)): park: \(park.key) does not exist", field: "park")
        }
    }

    /// Adds a project and its first progress update.
    ///
    /// - Throws: ``DuikouError/Code/constraint`` when the id is recorded already.
    func add(_ project: NewProject) throws {
        guard try insert(project) else { throw Self.alreadyRecorded(project) }
    }

    /// The refusal of a new project whose id is recorded already.
    static func alreadyRecorded(_ project: NewProject) -> DuikouError {
        DuikouError(.constraint, "\(name(project)): id: \(project.id.key) is already recorded", field: "id")
    }

    /// Adds a project and its first progress update, or returns `false`, writing nothing, when its id
    /// is recorded already. No lookup comes first: the primary key says it, and bulk imports are
    /// spared a search per row.
    ///
    /// A project recorded as suspended or terminated with the step it had ``NewProject/reached``
    /// gets two updates of the same date: that step, then its status; so its history, its resume
    /// floor and the rates agree with what it had reached.
    func insert(_ project: NewProject) throws -> Bool {
        try check(project)
        let key = project.id.key
        let reached = project.reached ?? (project.status.isOnTrack ? project.status : nil)
        let resumeFloor = project.status == .suspended ? reached : nil
        do {
            try connection.run("""
                INSERT INTO project (id, pairing_id, task_code, title, description, northeast_party, east_party, park_id,
                                     landmark, planned_yuan, status, first_date, status_date, completed_yuan, resume_floor, reached, recorded_at,
                                     changed_at, planned_start, planned_completion)
                VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?12, ?13, ?14, ?15, ?16, ?16, ?17, ?18)
                """, [
                    .text(key), .text(project.pairing), .text(project.task), .text(project.title),
                    .optional(project.description), .optional(project.northeastParty), .optional(project.eastParty),
                    .optional(project.park?.key), .integer(project.landmark ? 1 : 0), .optional(project.planned?.yuan),
                    .text(project.status.rawValue), .text(project.date.description), .integer(project.completed.yuan),
                    .optional(resumeFloor?.rawValue), .optional(reached?.rawValue), .text(now),
                    .optional(project.plannedStart?.description), .optional(project.plannedCompletion?.description),
                ], context: Self.name(project))
        } catch let error as DuikouError where error.isDuplicateKey {
            return false
        }
        var sequence = 1
        if let before = project.reached {
            try insertUpdate(project: key, sequence: sequence, position: sequence, date: project.date, status: before,
                             completed: project.completed, note: nil, name: Self.name(project))
            sequence += 1
        }
        try insertUpdate(project: key, sequence: sequence, position: sequence, date: project.date, status: project.status,
                         completed: project.completed, note: project.note, name: Self.name(project))
        return true
    }

    /// Replaces a project's descriptive fields (not its state) with `project`'s; returns whether anything changed.
    func correct(_ project: NewProject) throws -> Bool {
        try check(project)
        let values: [SQLiteValue] = [
            .text(project.id.key), .text(project.pairing), .text(project.task), .text(project.title), .optional(project.description),
            .optional(project.northeastParty), .optional(project.eastParty), .optional(project.park?.key),
            .integer(project.landmark ? 1 : 0), .optional(project.planned?.yuan),
            .optional(project.plannedStart?.description), .optional(project.plannedCompletion?.description),
        ]
        let changed = try connection.queryFirst("""
            SELECT 1 FROM project WHERE id = ?1 AND (pairing_id IS NOT ?2 OR task_code IS NOT ?3 OR title IS NOT ?4
                OR description IS NOT ?5 OR northeast_party IS NOT ?6 OR east_party IS NOT ?7 OR park_id IS NOT ?8
                OR landmark IS NOT ?9 OR planned_yuan IS NOT ?10 OR planned_start IS NOT ?11 OR planned_completion IS NOT ?12)
            """, values, { _ in true }) != nil
        if changed {
            try connection.run("""
                UPDATE project SET pairing_id = ?2, task_code = ?3, title = ?4, description = ?5, northeast_party = ?6,
                    east_party = ?7, park_id = ?8, landmark = ?9, planned_yuan = ?10,
                    planned_start = ?11, planned_completion = ?12 WHERE id = ?1
                """, values, context: "project \(project.id.key)")
        }
        return changed
    }

    /// The project's state after its latest update, the highest update number (`seq`) and position
    /// it has used, and whether it is voided.
    func state(of id: UUID) throws -> (state: ProjectLifecycle.State, sequence: Int, position: Int, voided: Bool)? {
        try connection.queryFirst(
            """
            SELECT status, status_date, completed_yuan, resume_floor, reached, voided_at,
                   (SELECT max(seq) FROM progress_update WHERE project_id = ?1) AS latest_seq,
                   (SELECT max(position) FROM progress_update WHERE project_id = ?1) AS latest_position
            FROM project WHERE id = ?1
            """,
            [.text(id.key)], { row in
                (state: ProjectLifecycle.State(status: try row.keyword("status"), date: try row.date("status_date"),
                                               completed: try row.money("completed_yuan"),
                                               resumeFloor: try row.optionalKeyword("resume_floor"), reached: try row.optionalKeyword("reached")),
                 sequence: try row.int("latest_seq"), position: try row.int("latest_position"), voided: !(try row.isNull("voided_at")))
            })
    }

    /// Whether the project's history already holds an update of this date and note with this status
    /// and completed investment, where given (an update that left them out kept the values of its day).
    func hasUpdate(_ id: UUID, date: LocalDate, status: ProjectStatus?, completed: Money?, note: String?) throws -> Bool {
        try connection.queryFirst("""
            SELECT 1 FROM progress_update
            WHERE project_id = ?1 AND superseded_at IS NULL AND date = ?2 AND (?3 IS NULL OR status = ?3) AND (?4 IS NULL OR completed_yuan = ?4) AND note IS ?5
            """,
            [.text(id.key), .text(date.description), .optional(status?.rawValue), .optional(completed?.yuan), .optional(note)], { _ in true }) != nil
    }

    func record(_ update: NewProgressUpdate, to id: UUID) throws {
        guard let current = try state(of: id) else { throw DuikouError.missing("project", id.key) }
        if current.voided { try Repository.requireInForce(id, in: connection) }
        let next = try ProjectLifecycle.apply(to: current.state, status: update.status, date: update.date,
                                              completed: update.completed, project: id.key)
        try insertUpdate(project: id.key, sequence: current.sequence + 1, position: current.position + 1, date: next.date, status: next.status,
                         completed: next.completed, note: update.note, unchanged: update.unchanged, name: "project \(id.key)")
        try connection.run(
            "UPDATE project SET status = ?2, status_date = ?3, completed_yuan = ?4, resume_floor = ?5, reached = ?6, changed_at = ?7 WHERE id = ?1",
            [.text(id.key), .text(next.status.rawValue), .text(next.date.description), .integer(next.completed.yuan),
             .optional(next.resumeFloor?.rawValue), .optional(next.reached?.rawValue), .text(now)],
            context: "project \(id.key)")
    }

    private func insertUpdate(
        project key: String, sequence: Int, position: Int, date: LocalDate, status: ProjectStatus, completed: Money, note: String?,
        unchanged: Bool = false, name: @autoclosure () -> String
    ) throws {
        try connection.run(
            "INSERT INTO progress_update (project_id, seq, date, status, completed_yuan, note, unchanged, recorded_at, position) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
            [.text(key), .integer(Int64(sequence)), .text(date.description), .text(status.rawValue),
             .integer(completed.yuan), .optional(note), .integer(unchanged ? 1 : 0), .text(now), .integer(Int64(position))],
            context: name())
    }
}
