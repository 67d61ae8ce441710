/// The SQL that reads a project's planned figures as they were known at an instant
/// (V013_project_milestones.sql): each plan revision keeps the figures it replaced, so the figures
/// known at T are those the first revision recorded at or after T replaced, or the current ones
/// when no revision was recorded since.
enum PlanRevisionSQL {
    /// The planned figures a revision replaces, as named in `project`.
    static let plannedColumns = ["planned_yuan", "planned_start", "planned_completion"]

    /// The planned figure `column` (one of ``plannedColumns``) of project `alias` as known at the
    /// instant bound to `instant` (a parameter such as `?4`), or as it stands when that is NULL.
    ///
    /// Reading the revisions costs nothing when none was recorded at or after the instant: that is
    /// asked once per query, not per project.
    static func known(_ column: String, of alias: String, at instant: String) -> String {
        let since = "r.project_id = \(alias).id AND r.recorded_at >= \(instant)"
        return """
            (CASE WHEN \(instant) IS NULL THEN \(alias).\(column)
                  WHEN coalesce((SELECT max(r.recorded_at) FROM project_plan_revision r), '') < \(instant) THEN \(alias).\(column)
                  WHEN EXISTS (SELECT 1 FROM project_plan_revision r WHERE \(since))
                      THEN (SELECT r.previous_\(column) FROM project_plan_revision r WHERE \(since) ORDER BY r.seq LIMIT 1)
                  ELSE \(alias).\(column) END)
            """
    }

    /// ``ProjectSQL/columns`` with the planned figures of project `p` as known at the instant bound
    /// to `instant`, or as they stand when that is NULL.
    static func projectColumns(knownAt instant: String) -> String {
        """
        p.id, p.pairing_id, p.task_code, p.title, p.description, p.northeast_party, p.east_party, p.park_id, p.landmark,
        \(plannedColumns.map { "\(known($0, of: "p", at: instant)) AS \($0)" }.joined(separator: ",\n"))
        """
    }
}
