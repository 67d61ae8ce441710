/// What makes two progress updates the same: their date, status, completed investment and note.
struct UpdateContent: Hashable {
    let date: LocalDate
    let status: ProjectStatus
    let completed: Money
    let note: String?

    /// The update as the report shows it: `2024-03-01 started 210000000 元`.
    var describe: String { "\(date) \(status.rawValue) \(completed.yuan) 元" }
}

/// One row of a project's progress history as stored, for a merge: an update as first recorded or a
/// correction, in force or superseded, with its recording times as stored (UTC).
struct MergeUpdateRow: Sendable {
    let seq: Int
    let position: Int
    let date: LocalDate
    let status: ProjectStatus
    let completed: Money
    let note: String?
    let unchanged: Bool
    /// Why this row corrects the one it replaced; `nil` for an update as first recorded.
    let reason: String?
    let recordedAt: String
    var supersededAt: String?

    var content: UpdateContent { UpdateContent(date: date, status: status, completed: completed, note: note) }

    var isCorrection: Bool { reason != nil }

    var inForce: Bool { supersededAt == nil }

    /// The kind of record the merge report counts this row as.
    var kind: MergeReport.Kind { isCorrection ? .correction : .progressUpdate }

    /// Whether two rows are the same entry of a history: the same number, place, values and reason
    /// (when they were recorded, and whether a correction superseded them since, do not count).
    func isSameEntry(as other: MergeUpdateRow) -> Bool {
        seq == other.seq && position == other.position && content == other.content && reason == other.reason
    }

    /// The same entry, written at another number and place.
    func placed(seq: Int, position: Int) -> MergeUpdateRow {
        MergeUpdateRow(seq: seq, position: position, date: date, status: status, completed: completed, note: note, unchanged: unchanged,
                       reason: reason, recordedAt: recordedAt, supersededAt: nil)
    }

    private static let selected = """
        SELECT u.project_id, u.seq, \(UpdateSQL.position("u")) AS position, u.date, u.status, u.completed_yuan, u.note, u.unchanged,
               u.reason, u.recorded_at, u.superseded_at
        FROM progress_update u
        """

    /// Every project's rows, in the order they were recorded (`seq`), by project id.
    static func all(in connection: SQLiteConnection) throws -> [String: [MergeUpdateRow]] {
        let rows = try connection.query("\(selected) ORDER BY u.project_id, u.seq") { (project: try $0.text("project_id"), row: try Self($0)) }
        return Dictionary(grouping: rows, by: \.project).mapValues { $0.map(\.row) }
    }

    /// One project's rows, in the order they were recorded.
    static func rows(of project: String, in connection: SQLiteConnection) throws -> [MergeUpdateRow] {
        try connection.query("\(selected) WHERE u.project_id = ? ORDER BY u.seq", [.text(project)], Self.init)
    }

    private init(seq: Int, position: Int, date: LocalDate, status: ProjectStatus, completed: Money, note: String?, unchanged: Bool,
                 reason: String?, recordedAt: String, supersededAt: String?) {
        self.seq = seq
        self.position = position
        self.date = date
        self.status = status
        self.completed = completed
        self.note = note
        self.unchanged = unchanged
        self.reason = reason
        self.recordedAt = recordedAt
        self.supersededAt = supersededAt
    }

    private init(_ row: Row) throws {
        self.init(seq: try row.int("seq"), position: try row.int("position"), date: try row.date("date"), status: try row.keyword("status"),
                  completed: try row.money("completed_yuan"), note: try row.optionalText("note"), unchanged: try row.bool("unchanged"),
                  reason: try row.optionalText("reason"), recordedAt: try row.text("recorded_at"), supersededAt: try row.optionalText("superseded_at"))
    }

    /// Writes the row into `project`'s history as it is, keeping when it was recorded.
    func insert(into project: String, in connection: SQLiteConnection) throws {
        try connection.run("""
            INSERT INTO progress_update (project_id, seq, date, status, completed_yuan, note, unchanged, recorded_at, position, reason, superseded_at)
            VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11)
            """, [.text(project), .integer(Int64(seq)), .text(date.description), .text(status.rawValue), .integer(completed.yuan), .optional(note),
                  .integer(unchanged ? 1 : 0), .text(recordedAt), .integer(Int64(position)), .optional(reason), .optional(supersededAt)],
            context: "merging project \(project): update \(position)")
    }

    /// Marks the row superseded by a correction recorded at `instant`.
    func supersede(in project: String, at instant: String, in connection: SQLiteConnection) throws {
        try connection.run("UPDATE progress_update SET superseded_at = ?3 WHERE project_id = ?1 AND seq = ?2",
                           [.text(project), .integer(Int64(seq)), .text(instant)], context: "merging project \(project): update \(position)")
    }
}

/// One revision of a project's planned figures as stored, for a merge.
struct MergePlanRevisionRow: Sendable, Hashable {
    /// The planned figures as stored: investment in yuan, dates as text.
    struct Figures: Sendable, Hashable {
        let planned: Int64?
        let start: String?
        let completion: String?
    }

    let seq: Int
    let figures: Figures
    let previous: Figures
    let reason: String
    let recordedAt: String

    /// Whether two revisions are the same: the same number, figures before and after, and reason
    /// (when they were recorded does not count).
    func isSameRevision(as other: MergePlanRevisionRow) -> Bool {
        seq == other.seq && figures == other.figures && previous == other.previous && reason == other.reason
    }

    private static let selected = """
        SELECT project_id, seq, planned_yuan, planned_start, planned_completion, previous_planned_yuan, previous_planned_start,
               previous_planned_completion, reason, recorded_at
        FROM project_plan_revision
        """

    /// Every project's revisions, oldest first, by project id.
    static func all(in connection: SQLiteConnection) throws -> [String: [MergePlanRevisionRow]] {
        let rows = try connection.query("\(selected) ORDER BY project_id, seq") { (project: try $0.text("project_id"), row: try Self($0)) }
        return Dictionary(grouping: rows, by: \.project).mapValues { $0.map(\.row) }
    }

    /// One project's revisions, oldest first.
    static func rows(of project: String, in connection: SQLiteConnection) throws -> [MergePlanRevisionRow] {
        try connection.query("\(selected) WHERE project_id = ? ORDER BY seq", [.text(project)], Self.init)
    }

    /// A project's current planned figures.
    static func currentFigures(of project: String, in connection: SQLiteConnection) throws -> Figures? {
        try connection.queryFirst("SELECT planned_yuan, planned_start, planned_completion FROM project WHERE id = ?", [.text(project)]) { row in
            Figures(planned: try row.optionalInt64("planned_yuan"), start: try row.optionalText("planned_start"),
                    completion: try row.optionalText("planned_completion"))
        }
    }

    /// Sets a project's current planned figures.
    static func setFigures(_ figures: Figures, of project: String, in connection: SQLiteConnection) throws {
        try connection.run("UPDATE project SET planned_yuan = ?2, planned_start = ?3, planned_completion = ?4 WHERE id = ?1",
                           [.text(project), .optional(figures.planned), .optional(figures.start), .optional(figures.completion)],
                           context: "merging project \(project): planned figures")
    }

    private init(_ row: Row) throws {
        seq = try row.int("seq")
        figures = Figures(planned: try row.optionalInt64("planned_yuan"), start: try row.optionalText("planned_start"),
                          completion: try row.optionalText("planned_completion"))
        previous = Figures(planned: try row.optionalInt64("previous_planned_yuan"), start: try row.optionalText("previous_planned_start"),
                           completion: try row.optionalText("previous_planned_completion"))
        reason = try row.text("reason")
        recordedAt = try row.text("recorded_at")
    }

    /// Writes the revision into `project`'s revisions as it is, keeping when it was recorded.
    func insert(into project: String, in connection: SQLiteConnection) throws {
        try connection.run("""
            INSERT INTO project_plan_revision (project_id, seq, planned_yuan, planned_start, planned_completion, previous_planned_yuan,
                                               previous_planned_start, previous_planned_completion, reason, recorded_at)
            VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10)
            """, [.text(project), .integer(Int64(seq)), .optional(figures.planned), .optional(figures.start), .optional(figures.completion),
                  .optional(previous.planned), .optional(previous.start), .optional(previous.completion), .text(reason), .text(recordedAt)],
            context: "merging project \(project): plan revision \(seq)")
    }
}
