import DuikouKit

/// The `sqlite3` shell's side of the dispatch comparisons: the same questions as `duikou alerts` and
/// `duikou round status`, written by hand over the plain table of ``DispatchBenchmark`` (one row
/// per project not voided: its status, the date of its latest update and of its current status, the
/// furthest step reached, its planned dates; no index), with the standard thresholds.
enum DispatchSQL {
    /// One row per alert, with both messages, red first, then by days, project and rule: what
    /// `duikou alerts --format csv` prints.
    static func alerts(asOf: LocalDate, period: ReportingPeriod) throws -> String {
        """
        \(try fired(asOf: asOf, period: period))
        SELECT id, pairing_id, rule, level, since, days,
               CASE rule
                   WHEN 'stalled' THEN printf('%d天无进展更新（最近一次 %s）', days, since)
                   WHEN 'start_overdue' THEN printf('计划开工日期 %s 已过%d天，尚未开工', since, days)
                   WHEN 'completion_overdue' THEN printf('计划竣工日期 %s 已过%d天，尚未竣工', since, days)
                   WHEN 'suspended_long' THEN printf('停建已%d天（自 %s）', days, since)
                   WHEN 'not_landed' THEN printf('签约已%d天，尚未落地（签约于 %s）', days, since)
                   ELSE printf('\(period) 调度截止 %s 已过%d天，尚未报送', since, days)
               END AS message_zh,
               CASE rule
                   WHEN 'stalled' THEN printf('no progress update for %d days (last on %s)', days, since)
                   WHEN 'start_overdue' THEN printf('planned start %s passed %d days ago; not started', since, days)
                   WHEN 'completion_overdue' THEN printf('planned completion %s passed %d days ago; not completed', since, days)
                   WHEN 'suspended_long' THEN printf('suspended for %d days (since %s)', days, since)
                   WHEN 'not_landed' THEN printf('signed %d days ago (on %s); not landed', days, since)
                   ELSE printf('round \(period) was due %s, %d days ago; not reported', since, days)
               END AS message_en
        FROM fired ORDER BY level = 'yellow', days DESC, id, rule
        """
    }

    /// Red and yellow alerts counted by pairing: the figures `progress --by pairing` carries.
    static func alertCounts(asOf: LocalDate, period: ReportingPeriod) throws -> String {
        """
        \(try fired(asOf: asOf, period: period))
        SELECT pairing_id, sum(level = 'red') AS alerts_red, sum(level = 'yellow') AS alerts_yellow FROM fired GROUP BY pairing_id
        """
    }

    /// The round's figures by pairing (a GROUP BY), then the projects not reported, oldest first.
    static func roundStatus(_ period: ReportingPeriod) -> String {
        """
        SELECT pairing_id, count(*) AS in_scope, sum(\(reported(period))) AS reported FROM plain
        WHERE \(inScope(period)) GROUP BY pairing_id;
        SELECT pairing_id, id, title FROM plain WHERE \(inScope(period)) AND NOT \(reported(period)) ORDER BY first_date, rowid;
        """
    }

    /// A `WITH fired(id, pairing_id, rule, level, since, days)` clause: every rule's alerts.
    private static func fired(asOf: LocalDate, period: ReportingPeriod) throws -> String {
        let day = "'\(asOf)'"
        let stalled = try LocalDate(dayNumber: asOf.dayNumber - 180)
        let signed = try LocalDate(dayNumber: asOf.dayNumber - 365)
        let days = "CAST(julianday(\(day)) - julianday(since) AS INTEGER)"
        return """
            WITH dated AS (
                SELECT id, pairing_id, 'stalled' AS rule, last_date AS since, 365 AS red_after FROM plain
                WHERE status IN ('signed', 'landed', 'started', 'completed') AND last_date < '\(stalled)'
                UNION ALL
                SELECT id, pairing_id, 'start_overdue', planned_start, 90 FROM plain
                WHERE planned_start < \(day) AND status <> 'terminated' AND coalesce(reached, '') NOT IN ('started', 'completed', 'operating')
                UNION ALL
                SELECT id, pairing_id, 'completion_overdue', planned_completion, 90 FROM plain
                WHERE planned_completion < \(day) AND status <> 'terminated' AND coalesce(reached, '') NOT IN ('completed', 'operating')
                UNION ALL
                SELECT id, pairing_id, 'suspended_long', status_since, -1 FROM plain WHERE status = 'suspended' AND status_since < '\(stalled)'
                UNION ALL
                SELECT id, pairing_id, 'not_landed', status_since, 1000000 FROM plain WHERE status = 'signed' AND status_since < '\(signed)'
                UNION ALL
                SELECT id, pairing_id, 'not_reported', '\(period.defaultDue)', -1 FROM plain
                WHERE '\(period.defaultDue)' < \(day) AND \(inScope(period)) AND NOT \(reported(period))
            ),
            fired AS (
                SELECT id, pairing_id, rule, since, \(days) AS days,
                       CASE WHEN \(days) > red_after THEN 'red' ELSE 'yellow' END AS level
                FROM dated
            )
            """
    }

    /// In the round's scope: existing by its end, and neither terminated nor operating at its start
    /// (a project first recorded inside the period had no status then).
    private static func inScope(_ period: ReportingPeriod) -> String {
        "first_date <= '\(period.end)' AND (first_date >= '\(period.start)' OR status NOT IN ('terminated', 'operating'))"
    }

    /// Reported: its latest update is dated inside the period.
    private static func reported(_ period: ReportingPeriod) -> String {
        "(last_date >= '\(period.start)' AND last_date <= '\(period.end)')"
    }
}
