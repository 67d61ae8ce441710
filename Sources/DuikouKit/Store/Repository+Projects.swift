#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif

extension Transaction {
    /// Records a new project with its first progress update.
    ///
    /// - Throws: ``DuikouError/Code/notFound`` for an unknown pairing, task or park;
    ///   ``DuikouError/Code/constraint`` when the id is already recorded.
    @discardableResult
    public func addProject(_ project: NewProject) throws -> Project {
        try change { connection, now in
            try ProjectWriter(connection: connection, now: now).add(project)
            let added = try Repository.loadProject(project.id, in: connection)
            return (added, AuditNote(.add, "project", added.id.key, "\(added.title) (\(added.pairing), task \(added.task)): \(Repository.describe(added))"))
        }
    }

    /// Records many projects with one prepared statement per table: all of them or, when any is
    /// refused, none.
    ///
    /// - Returns: how many projects were recorded.
    @discardableResult
    public func addProjects<S: Sequence>(_ projects: S) throws -> Int where S.Element == NewProject {
        try change { connection, now in
            let writer = try ProjectWriter(connection: connection, now: now)
            var count = 0
            for project in projects {
                try writer.add(project)
                count += 1
                if count % 4096 == 0 { try checkCancellation() }
            }
            return (count, count == 0 ? nil : AuditNote(.add, "project", nil, "\(count) projects"))
        }
    }

    /// Records a progress update under the lifecycle rules (see ``ProjectLifecycle``).
    ///
    /// - Returns: the project in its new state.
    @discardableResult
    public func recordUpdate(_ update: NewProgressUpdate, toProject id: UUID) throws -> Project {
        try change { connection, now in
            try ProjectWriter(connection: connection, now: now).record(update, to: id)
            let updated = try Repository.loadProject(id, in: connection)
            let note = (update.unchanged ? "; unchanged" : "") + (update.note.map { "; note: \($0)" } ?? "")
            return (updated, AuditNote(.update, "project", id.key, "\(updated.title): \(Repository.describe(updated))\(note)"))
        }
    }

    /// Records progress updates for many projects: all or none.
    ///
    /// - Returns: how many updates were recorded.
    @discardableResult
    public func recordUpdates<S: Sequence>(_ updates: S) throws -> Int where S.Element == (project: UUID, update: NewProgressUpdate) {
        try change { connection, now in
            let writer = try ProjectWriter(connection: connection, now: now)
            var count = 0
            for (project, update) in updates {
                try writer.record(update, to: project)
                count += 1
                if count % 4096 == 0 { try checkCancellation() }
            }
            return (count, count == 0 ? nil : AuditNote(.update, "project", nil, "\(count) progress updates"))
        }
    }
}

extension Snapshot {
    /// The project with its whole history, and the name of its park: the history in force, the
    /// updates corrections superseded, and whether the project was voided. A voided project is found
    /// here, and nowhere else.
    ///
    /// - Parameters:
    ///   - id: the project's id.
    ///   - knownOn: show the project as the database stood at the end of this day in China
    ///     Standard Time: updates, corrections and plan revisions recorded later are left out (an
    ///     update a later correction superseded is in force again), the planned figures are those
    ///     before any later revision, and a void recorded later is not shown.
    /// - Throws: ``DuikouError/Code/notFound`` for an unknown project, or one not yet recorded by
    ///   the end of `knownOn`.
    public func projectHistory(_ id: UUID, knownOn: LocalDate? = nil) throws -> ProjectHistory {
        let connection = try connection
        let cutoff = knownOn.map(Timestamp.end(of:))
        let project = try Repository.loadProject(id, in: connection)
        let known = try cutoff.map { cutoff in
            guard let known = try connection.queryFirst(ProjectSQL.oneKnownOn, [.text(id.key), .text(cutoff)], ProjectSQL.project) else {
                throw DuikouError(.notFound, "project \(DuikouError.quoted(project.title)) (\(id.key)) was not yet recorded by the end of \(knownOn.map(\.description) ?? "") (China Standard Time)",
                                  field: "known_on", recordID: id.key)
            }
            return known
        } ?? project
        let rows = try connection.query("""
            SELECT \(UpdateSQL.position("u")) AS position, u.date, u.status, u.completed_yuan, u.note, u.recorded_at, u.reason, u.unchanged,
                   CASE WHEN ?2 IS NULL OR u.superseded_at < ?2 THEN u.superseded_at END AS superseded_at
            FROM progress_update u WHERE u.project_id = ?1 AND (?2 IS NULL OR u.recorded_at < ?2) ORDER BY position, u.seq
            """,
            [.text(id.key), .optional(cutoff)]
        ) { row in
            ProgressUpdate(sequence: try row.int("position"), date: try row.date("date"), status: try row.keyword("status"),
                           completed: try row.money("completed_yuan"), note: try row.optionalText("note"),
                           recordedAt: Timestamp.printed(try row.text("recorded_at")), reason: try row.optionalText("reason"),
                           supersededAt: try row.optionalText("superseded_at").map(Timestamp.printed), unchanged: try row.bool("unchanged"))
        }
        let parkName = try known.park.flatMap { park in
            try connection.queryFirst("SELECT name FROM park WHERE id = ?", [.text(park.key)]) { try $0.text("name") }
        }
        let voided = try connection.queryFirst("""
            SELECT voided_at, void_reason FROM project WHERE id = ?1 AND voided_at IS NOT NULL AND (?2 IS NULL OR voided_at < ?2)
            """, [.text(id.key), .optional(cutoff)]) { row in
            ProjectVoid(at: Timestamp.printed(try row.text("voided_at")), reason: try row.text("void_reason"))
        }
        return ProjectHistory(project: known, parkName: parkName, updates: rows.filter { $0.supersededAt == nil },
                              superseded: rows.filter { $0.supersededAt != nil }, voided: voided,
                              planRevisions: try Repository.loadPlanRevisions(id, recordedBefore: cutoff, in: connection))
    }

    /// The projects that pass `filter`, oldest first; as of ``ProjectFilter/asOf`` when given.
    public func projects(_ filter: ProjectFilter = ProjectFilter()) throws -> [Project] {
        let connection = try connection
        try Repository.checkFilter(pairing: filter.pairing, area: filter.area, task: filter.task, in: connection)
        return try connection.query(Self.listing(filter).rows, Self.listingValues(filter, matching: nil, limit: nil, offset: 0), ProjectSQL.project)
    }

    /// One page of the projects that pass `filter` and, when `text` is given, contain it, in the
    /// order of ``projects(_:)``, with how many pass in all. The page is cut by the database, so a
    /// page of a long list costs no more than its own rows and a count.
    ///
    /// ```swift
    /// let page = try snapshot.projectPage(ProjectFilter(status: .signed), containing: "哈尔滨", offset: 50, limit: 50)
    /// print("\(page.offset + 1)–\(page.offset + page.projects.count) of \(page.total)")
    /// ```
    ///
    /// - Parameters:
    ///   - text: only projects that ``search(_:limit:)`` finds for this text (its title, description
    ///     or parties contain it); all when `nil`.
    ///   - offset: how many of the projects that pass to skip.
    ///   - limit: at most this many projects; all the rest when `nil`.
    /// - Throws: ``DuikouError/Code/notFound`` for an unknown pairing, area or task;
    ///   ``DuikouError/Code/invalidInput`` for empty search text, a negative offset or a limit below 1.
    public func projectPage(_ filter: ProjectFilter = ProjectFilter(), containing text: String? = nil, offset: Int = 0, limit: Int? = nil) throws -> ProjectPage {
        guard offset >= 0 else { throw DuikouError.invalid("offset", String(offset), "must be 0 or more") }
        if let limit, limit < 1 { throw DuikouError.invalid("limit", String(limit), "must be at least 1") }
        let matching = try text.map { text in try search(text).filter { $0.kind == .project }.map(\.id) }
        let connection = try connection
        try Repository.checkFilter(pairing: filter.pairing, area: filter.area, task: filter.task, in: connection)
        let listing = Self.listing(filter)
        let projects = try connection.query(listing.rows, Self.listingValues(filter, matching: matching, limit: limit, offset: offset), ProjectSQL.project)
        // The count has no page: parameters ?1…?7 only.
        let countValues = Array(Self.listingValues(filter, matching: matching, limit: nil, offset: 0).prefix(7))
        let total = try connection.queryFirst(listing.count, countValues) { try $0.int("total") } ?? 0
        return ProjectPage(projects: projects, offset: offset, total: total)
    }

    /// The listing that reads projects as `filter` asks: as they stand, as of a date, or as known on a day.
    private static func listing(_ filter: ProjectFilter) -> ProjectSQL.Listing {
        filter.knownOn != nil ? ProjectSQL.listKnownOn : filter.asOf != nil ? ProjectSQL.listAsOf : ProjectSQL.list
    }

    /// The values of a ``ProjectSQL/Listing``'s parameters ?1…?9.
    private static func listingValues(_ filter: ProjectFilter, matching ids: [UUID]?, limit: Int?, offset: Int) -> [SQLiteValue] {
        let idArray = ids.map { ids in "[" + ids.map { "\"\($0.key)\"" }.joined(separator: ",") + "]" }
        return [.optional(filter.pairing), .optional(filter.area), .optional(filter.task), .optional(filter.status?.rawValue),
                .optional(filter.asOf?.description), .optional(filter.knownOn.map(Timestamp.end(of:))), .optional(idArray),
                .integer(Int64(limit ?? -1)), .integer(Int64(offset))]
    }
}

extension Repository {
    /// Records a new project with its first progress update; see ``Transaction/addProject(_:)``.
    @discardableResult
    public func addProject(_ project: NewProject) throws -> Project {
        try write { try $0.addProject(project) }
    }

    /// Records many projects in one transaction: all of them or none; see ``Transaction/addProjects(_:)``.
    @discardableResult
    public func addProjects<S: Sequence>(_ projects: S) throws -> Int where S.Element == NewProject {
        try write { try $0.addProjects(projects) }
    }

    /// Records a progress update; see ``Transaction/recordUpdate(_:toProject:)``.
    @discardableResult
    public func recordUpdate(_ update: NewProgressUpdate, toProject id: UUID) throws -> Project {
        try write { try $0.recordUpdate(update, toProject: id) }
    }

    /// Records progress updates for many projects in one transaction; see ``Transaction/recordUpdates(_:)``.
    @discardableResult
    public func recordUpdates<S: Sequence>(_ updates: S) throws -> Int where S.Element == (project: UUID, update: NewProgressUpdate) {
        try write { try $0.recordUpdates(updates) }
    }

    /// The project with its whole history; see ``Snapshot/projectHistory(_:knownOn:)``.
    public func projectHistory(_ id: UUID, knownOn: LocalDate? = nil) throws -> ProjectHistory {
        try read { try $0.projectHistory(id, knownOn: knownOn) }
    }

    /// The projects that pass `filter`; see ``Snapshot/projects(_:)``.
    public func projects(_ filter: ProjectFilter = ProjectFilter()) throws -> [Project] {
        try read { try $0.projects(filter) }
    }

    /// One page of the projects that pass `filter`; see ``Snapshot/projectPage(_:containing:offset:limit:)``.
    public func projectPage(_ filter: ProjectFilter = ProjectFilter(), containing text: String? = nil, offset: Int = 0, limit: Int? = nil) throws -> ProjectPage {
        try read { try $0.projectPage(filter, containing: text, offset: offset, limit: limit) }
    }

    /// A project's state in the words of the audit log: `started on 2024-05-01, completed 3亿元 of 12.5亿元`.
    static func describe(_ project: Project) -> String {
        "\(project.status.rawValue) on \(project.statusDate), completed \(project.completed)" + (project.planned.map { " of \($0)" } ?? "")
    }

    static func loadProject(_ id: UUID, in connection: SQLiteConnection) throws -> Project {
        guard let project = try connection.queryFirst(ProjectSQL.one, [.text(id.key)], ProjectSQL.project) else {
            throw DuikouError.missing("project", id.key)
        }
        return project
    }

    /// Refuses filters that name an unknown pairing, area or task, rather than answering "nothing".
    static func checkFilter(pairing: String?, area: String?, task: String?, in connection: SQLiteConnection) throws {
        if let pairing { try requirePairing(pairing, in: connection) }
        if let area, try !connection.exists("SELECT 1 FROM task_area WHERE code = ?", [.text(area)]) {
            throw DuikouError.missing("area", area)
        }
        if let task, try !connection.exists("SELECT 1 FROM task WHERE code = ?", [.text(task)]) {
            throw DuikouError.missing("task", task)
        }
    }

    /// Refuses a pairing id that is not recorded; `record` names what refers to it in the message.
    static func requirePairing(_ id: String, for record: String? = nil, in connection: SQLiteConnection) throws {
        if try !connection.exists("SELECT 1 FROM pairing WHERE id = ?", [.text(id)]) {
            throw DuikouError.missing(record.map { "\($0): pairing" } ?? "pairing", id)
        }
    }
}

/// The SQL that reads projects; every query returns the columns ``project(_:)`` reads.
enum ProjectSQL {
    /// A project from a row of ``one``, ``list`` or ``listAsOf``.
    static func project(_ row: Row) throws -> Project {
        Project(
            id: try row.uuid("id"), pairing: try row.text("pairing_id"), task: try row.text("task_code"), title: try row.text("title"),
            description: try row.optionalText("description"), northeastParty: try row.optionalText("northeast_party"),
            eastParty: try row.optionalText("east_party"), park: try row.optionalUUID("park_id"), landmark: try row.bool("landmark"),
            planned: try row.optionalMoney("planned_yuan"), status: try row.keyword("status"), statusDate: try row.date("status_date"),
            firstDate: try row.date("first_date"), completed: try row.money("completed_yuan"),
            plannedStart: try row.optionalDate("planned_start"), plannedCompletion: try row.optionalDate("planned_completion")
        )
    }

    static let columns = """
        p.id, p.pairing_id, p.task_code, p.title, p.description, p.northeast_party, p.east_party, p.park_id,
        p.landmark, p.planned_yuan, p.planned_start, p.planned_completion
        """

    static let one = "SELECT \(columns), p.status, p.status_date, p.first_date, p.completed_yuan FROM project p WHERE p.id = ?"

    /// Project ?1 as known at the instant ?2 (the end of a day in China Standard Time): its planned
    /// figures before any later plan revision, its state that of the latest update in force then;
    /// no row when it was recorded after.
    static let oneKnownOn = """
        SELECT \(PlanRevisionSQL.projectColumns(knownAt: "?2")), u.status, u.date AS status_date, u.completed_yuan,
               (SELECT min(f.date) FROM progress_update f WHERE f.project_id = p.id AND \(UpdateSQL.inForce("f", at: "?2"))) AS first_date
        FROM project p
        JOIN progress_update u ON u.project_id = p.id AND \(UpdateSQL.inForce("u", at: "?2"))
            AND \(UpdateSQL.position("u")) = (SELECT max(\(UpdateSQL.position("x"))) FROM progress_update x
                                               WHERE x.project_id = p.id AND \(UpdateSQL.inForce("x", at: "?2")))
        WHERE p.id = ?1 AND p.recorded_at < ?2
        """

    /// The pairing filter takes the pairing and every pairing below it.
    static let scope = """
        WITH RECURSIVE scope(id) AS (
            SELECT ?1 UNION ALL SELECT child.id FROM pairing child JOIN scope ON child.parent_id = scope.id
        )
        """

    /// The filters every listing shares: ?1 the pairing (with `scope`), ?2 the area, ?3 the task,
    /// ?7 a JSON array of the ids of the projects that contain the searched text (`NULL`: no search).
    static let filters = """
        (?1 IS NULL OR p.pairing_id IN scope) AND (?2 IS NULL OR substr(p.task_code, 1, 1) = ?2)
        AND (?3 IS NULL OR p.task_code = ?3) AND (?7 IS NULL OR p.id IN (SELECT value FROM json_each(?7)))
        """

    /// The page of a listing: at most ?8 rows (all when negative) after the first ?9.
    static let page = "LIMIT ?8 OFFSET ?9"

    /// A listing's rows in their order, a page at a time, or how many rows it has in all.
    struct Listing {
        let rows: String
        let count: String

        /// `select` the columns, `body` the FROM and WHERE clauses after the pairing's scope, `order`
        /// the ORDER BY clause.
        init(select: String, body: String, order: String) {
            rows = "\(ProjectSQL.scope)\nSELECT \(select)\n\(body)\n\(order)\n\(ProjectSQL.page)"
            count = "\(ProjectSQL.scope)\nSELECT count(*) AS total\n\(body)"
        }
    }

    /// Every project as it stands, ?4 its status; voided projects left out.
    static let list = Listing(
        select: "\(columns), p.status, p.status_date, p.first_date, p.completed_yuan",
        body: """
            FROM project p
            WHERE p.voided_at IS NULL AND \(filters) AND (?4 IS NULL OR p.status = ?4)
            """,
        order: "ORDER BY p.first_date, p.rowid")

    /// Projects as known at the instant ?6 (the end of a day in China Standard Time): recorded
    /// before it and not voided before it, each with its planned figures before any later plan
    /// revision and its latest update in force then, dated on or before ?5 when ?5 is given.
    static let listKnownOn = Listing(
        select: """
            \(PlanRevisionSQL.projectColumns(knownAt: "?6")), u.status, u.date AS status_date, u.completed_yuan,
                   (SELECT min(f.date) FROM progress_update f WHERE f.project_id = p.id AND \(UpdateSQL.inForce("f", at: "?6"))) AS first_date
            """,
        body: """
            FROM project p
            JOIN progress_update u ON u.project_id = p.id AND \(UpdateSQL.inForce("u", at: "?6"))
                AND \(UpdateSQL.position("u")) = (SELECT max(\(UpdateSQL.position("x"))) FROM progress_update x
                                                   WHERE x.project_id = p.id AND (?5 IS NULL OR x.date <= ?5) AND \(UpdateSQL.inForce("x", at: "?6")))
            WHERE p.recorded_at < ?6 AND (p.voided_at IS NULL OR p.voided_at >= ?6) AND \(filters) AND (?4 IS NULL OR u.status = ?4)
            """,
        order: "ORDER BY first_date, p.rowid")

    /// A project's state as of ?5: its latest update dated on or before then.
    static let listAsOf = Listing(
        select: "\(columns), u.status, u.date AS status_date, p.first_date, u.completed_yuan",
        body: """
            FROM project p
            JOIN progress_update u ON u.project_id = p.id AND \(UpdateSQL.inForce("u"))
                AND \(UpdateSQL.position("u")) = (SELECT max(\(UpdateSQL.position("x"))) FROM progress_update x
                                                   WHERE x.project_id = p.id AND x.date <= ?5 AND \(UpdateSQL.inForce("x")))
            WHERE p.voided_at IS NULL AND \(filters) AND (?4 IS NULL OR u.status = ?4)
            """,
        order: "ORDER BY p.first_date, p.rowid")
}
