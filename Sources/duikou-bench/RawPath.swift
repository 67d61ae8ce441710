import DuikouKit
import Foundation

/// The raw SQLite C API baseline: the same rows DuikouKit writes, into a database whose schema
/// DuikouKit itself created (tables, indexes, CHECKs and triggers, so the same work per row), in one
/// `BEGIN IMMEDIATE` transaction with one reused prepared statement per table; and the GROUP BY
/// that the progress report is equivalent to.
enum RawPath {
    /// What to write in the insert baseline.
    enum Rows {
        /// What DuikouKit writes: each project row with its first progress_update row, and the
        /// trigram search index brought up to date before the commit as DuikouKit does.
        case projectsAndUpdates
        /// Project rows only (the schema's triggers still fire), for reference.
        case projectsOnly
    }

    /// How long one raw insert took.
    struct InsertTiming {
        /// From `BEGIN IMMEDIATE` to the end of `COMMIT`.
        var total: Duration
        /// The row inserts alone.
        var rows: Duration
        /// Bringing the search index up to date; `nil` when not done (projects only, or a schema
        /// without DuikouKit's search tables).
        var searchIndex: Duration?
    }

    /// Creates a fresh database at `path` with DuikouKit (`Repository(path:)`), then closes it.
    static func createSchema(at path: String) throws {
        _ = try Repository(path: path)
    }

    /// Creates the database at `path` and inserts the workload through the C API; times the transaction.
    static func insert(_ workload: Workload, into path: String, rows: Rows) throws -> InsertTiming {
        try createSchema(at: path)
        let database = try RawDatabase(path: path)
        try database.applyLibraryPragmas()
        let now = ISO8601DateFormatter.withFractionalSeconds.string(from: Date())
        let indexesSearch = try database.hasTables(["record_search", "search_change"])
        let clock = ContinuousClock()
        let start = clock.now
        try database.execute("BEGIN IMMEDIATE")
        let project = try database.prepare("""
            INSERT INTO project (id, pairing_id, task_code, title, description, northeast_party, east_party, park_id,
                                 landmark, planned_yuan, status, first_date, status_date, completed_yuan, resume_floor, reached, recorded_at, changed_at)
            VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?12, ?13, NULL, ?14, ?15, ?15)
            """)
        let update = try database.prepare("""
            INSERT INTO progress_update (project_id, seq, date, status, completed_yuan, note, recorded_at, position)
            VALUES (?1, 1, ?2, ?3, ?4, ?5, ?6, 1)
            """)
        for (index, value) in workload.projects.enumerated() {
            let key = workload.keys[index]
            let date = workload.dates[index]
            project.bind(1, key)
            project.bind(2, value.pairing)
            project.bind(3, value.task)
            project.bind(4, value.title)
            project.bind(5, value.description)
            project.bind(6, value.northeastParty)
            project.bind(7, value.eastParty)
            project.bind(8, value.park?.uuidString.lowercased())
            project.bind(9, Int64(value.landmark ? 1 : 0))
            project.bind(10, value.planned?.yuan)
            project.bind(11, value.status.rawValue)
            project.bind(12, date)
            project.bind(13, value.completed.yuan)
            project.bind(14, value.status.isOnTrack ? value.status.rawValue : nil)
            project.bind(15, now)
            try project.run()
            guard rows == .projectsAndUpdates else { continue }
            update.bind(1, key)
            update.bind(2, date)
            update.bind(3, value.status.rawValue)
            update.bind(4, value.completed.yuan)
            update.bind(5, value.note)
            update.bind(6, now)
            try update.run()
        }
        let rowsDone = clock.now
        var searchIndex: Duration?
        if rows == .projectsAndUpdates && indexesSearch {
            // A fresh database: nothing changed, every project above the highest rowid indexed.
            try database.execute("""
                INSERT INTO record_search (rowid, title, description, northeast_party, east_party)
                SELECT rowid, title, description, northeast_party, east_party FROM project
                WHERE rowid > (SELECT coalesce(max(id), 0) FROM record_search_docsize);
                """)
            searchIndex = rowsDone.duration(to: clock.now)
        }
        try database.execute("COMMIT")
        let end = clock.now
        return InsertTiming(total: start.duration(to: end), rows: start.duration(to: rowsDone), searchIndex: searchIndex)
    }

    /// The figures of a GROUP BY over the projects, summed over its rows, to check a report against.
    struct Totals: Equatable {
        /// Rows the GROUP BY returned.
        var groups = 0
        /// Projects counted.
        var projects: Int64 = 0
        /// Landmark projects counted.
        var landmarks: Int64 = 0
        /// Planned investment of the projects that are not terminated, in yuan.
        var plannedYuan: Int64 = 0
        /// Completed investment, in yuan.
        var completedYuan: Int64 = 0
    }

    /// The GROUP BY the progress report by area is equivalent to, now.
    static let groupBySQL = """
        SELECT substr(task_code, 1, 1), status, count(*), sum(landmark),
               sum(CASE WHEN status <> 'terminated' THEN planned_yuan END), sum(completed_yuan)
        FROM project GROUP BY 1, 2
        """

    /// The same as of the date ?1: each project's latest update on or before it.
    static let groupByAsOfSQL = """
        SELECT substr(p.task_code, 1, 1), u.status, count(*), sum(p.landmark),
               sum(CASE WHEN u.status <> 'terminated' THEN p.planned_yuan END), sum(u.completed_yuan)
        FROM project p
        JOIN progress_update u ON u.project_id = p.id
            AND u.seq = (SELECT max(x.seq) FROM progress_update x WHERE x.project_id = p.id AND x.date <= ?1)
        GROUP BY 1, 2
        """

    /// Runs one GROUP BY (prepared, stepped through, every column read, finalized) on an open connection.
    static func groupBy(_ database: RawDatabase, asOf: String? = nil) throws -> Totals {
        let statement = try database.prepare(asOf == nil ? groupBySQL : groupByAsOfSQL)
        if let asOf { statement.bind(1, asOf) }
        var totals = Totals()
        while try statement.step() {
            _ = statement.text(0)
            _ = statement.text(1)
            totals.groups += 1
            totals.projects += statement.int64(2)
            totals.landmarks += statement.int64(3)
            totals.plannedYuan += statement.int64(4)
            totals.completedYuan += statement.int64(5)
        }
        return totals
    }
}

extension ISO8601DateFormatter {
    /// `2026-11-29T08:15:02.123Z`, the form DuikouKit records `recorded_at` in.
    static var withFractionalSeconds: ISO8601DateFormatter {
        let formatter = ISO8601DateFormatter()
        formatter.formatOptions = [.withInternetDateTime, .withFractionalSeconds]
        return formatter
    }
}
