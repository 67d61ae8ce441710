extension Snapshot {
    /// The projects in the scope of the round over `period`, of `pairing` and the pairings below it
    /// when given, each with its status, cumulative completed investment and the date of its latest
    /// update as they stand now: pairings in catalogue order, then the oldest project first.
    ///
    /// The scope is the round's: every project of its pairings that is not voided, whose first update
    /// is on or before the period's end, and that was neither terminated nor operating as of the day
    /// before the period starts.
    ///
    /// - Throws: ``DuikouError/Code/notFound`` for a period with no round, or an unknown pairing.
    public func roundProjects(period: ReportingPeriod, pairing: String? = nil) throws -> [RoundProject] {
        let connection = try connection
        try Repository.checkFilter(pairing: pairing, area: nil, task: nil, in: connection)
        _ = try Repository.requireRound(period, in: connection)
        return try Repository.loadRoundProjects(period, pairing: pairing, in: connection)
    }

    /// Writes the reporting template (调度表) of the round over `period` to an `.xlsx` workbook at
    /// `path`, for the pairings to fill in and send back.
    ///
    /// The workbook opens on an instructions sheet (说明: what to fill in, the statuses, units and
    /// dates, 无变化; its first row, 调度期, names the period, which the import reads back), followed
    /// by one sheet per pairing of the round (of `pairing` and the pairings below it, when given),
    /// named after the pairing, with a row per project of ``roundProjects(period:pairing:)``. Columns:
    /// 项目编号, 项目名称, 任务, 上期状态, 上期累计完成投资（万元）, then the five to fill in: 本期状态
    /// (a drop-down list of the statuses), 本期累计完成投资（万元）, 日期, 备注 and 无变化 (是/否, a
    /// drop-down list). The sheets are protected without a password: only the fill-in columns can be
    /// edited. The header row is frozen; in English (`language` `.en`) headers, statuses and
    /// instructions are English.
    ///
    /// The workbook is written under a temporary name and moved into place when complete.
    ///
    /// - Returns: how many project rows were written.
    /// - Throws: ``DuikouError/Code/notFound`` for a period with no round, an unknown pairing or a
    ///   pairing the round does not cover; ``DuikouError/Code/invalidInput`` for a title longer than
    ///   a cell holds; ``DuikouError/Code/io`` when the file cannot be written.
    @discardableResult
    public func writeRoundTemplate(period: ReportingPeriod, to path: String, pairing: String? = nil, language: Language = .zh) throws -> Int {
        let connection = try connection
        try Repository.checkFilter(pairing: pairing, area: nil, task: nil, in: connection)
        let round = try Repository.requireRound(period, in: connection)
        let pairings = try Repository.roundPairings(period, pairing: pairing, in: connection)
        if let pairing, pairings.isEmpty {
            throw DuikouError(.notFound, "round \(DuikouError.quoted(period.description)) does not cover pairing \(DuikouError.quoted(pairing)) or any pairing below it",
                              field: "pairing", recordID: pairing)
        }
        let projects = Dictionary(grouping: try Repository.loadRoundProjects(period, pairing: pairing, in: connection), by: \.pairing)
        let names = DisplayNames(try catalogue(), language)
        let workbook = try XLSXWriter(path: path)
        try workbook.beginSheet(RoundTemplate.instructionsName(language), columns: RoundTemplate.instructionsColumns(language))
        for (item, text) in RoundTemplate.instructions(round, language) {
            try workbook.appendRow([.text(item), .text(text)], record: "instructions")
        }
        let columns = RoundTemplate.sheetColumns(language)
        let fillIn = columns.dropFirst(RoundTemplate.statusColumn).map { SheetCell.blank($0.style ?? .input) }
        var rows = 0
        for id in pairings {
            try checkCancellation()
            try workbook.beginSheet(names.pairing(id), columns: columns, layout: RoundTemplate.layout(language))
            for project in projects[id] ?? [] {
                let cells: [SheetCell] = [
                    .text(project.id.key), .text(project.title), .text(names.task(project.task)),
                    .text(project.status.label(language)), .wan(project.completed.yuan),
                ] + fillIn
                try workbook.appendRow(cells, record: "project \(project.id.key)")
                rows += 1
            }
        }
        try workbook.finish()
        return rows
    }
}

extension Repository {
    /// The projects in the scope of a round, as they stand; see ``Snapshot/roundProjects(period:pairing:)``.
    public func roundProjects(period: ReportingPeriod, pairing: String? = nil) throws -> [RoundProject] {
        try read { try $0.roundProjects(period: period, pairing: pairing) }
    }

    /// Writes a round's reporting template; see ``Snapshot/writeRoundTemplate(period:to:pairing:language:)``.
    @discardableResult
    public func writeRoundTemplate(period: ReportingPeriod, to path: String, pairing: String? = nil, language: Language = .zh) throws -> Int {
        try read { try $0.writeRoundTemplate(period: period, to: path, pairing: pairing, language: language) }
    }

    /// The projects in the scope of a round, on a reader thread; see ``Snapshot/roundProjects(period:pairing:)``.
    public func roundProjects(period: ReportingPeriod, pairing: String? = nil) async throws -> [RoundProject] {
        try await read { try $0.roundProjects(period: period, pairing: pairing) }
    }

    /// Writes a round's reporting template on a reader thread; see
    /// ``Snapshot/writeRoundTemplate(period:to:pairing:language:)``.
    @discardableResult
    public func writeRoundTemplate(period: ReportingPeriod, to path: String, pairing: String? = nil, language: Language = .zh) async throws -> Int {
        try await read { try $0.writeRoundTemplate(period: period, to: path, pairing: pairing, language: language) }
    }
}

extension Repository {
    /// The ids of the round's pairings, of `pairing` and the pairings below it when given, in catalogue order.
    static func roundPairings(_ period: ReportingPeriod, pairing: String?, in connection: SQLiteConnection) throws -> [String] {
        try connection.query("""
            \(ProjectSQL.scope)
            SELECT r.pairing_id FROM round_pairing r JOIN pairing g ON g.id = r.pairing_id
            WHERE r.period = ?2 AND (?1 IS NULL OR r.pairing_id IN scope) ORDER BY g.rowid
            """, [.optional(pairing), .text(period.description)]) { try $0.text("pairing_id") }
    }

    /// The projects in a round's scope as they stand; see ``Snapshot/roundProjects(period:pairing:)``.
    static func loadRoundProjects(_ period: ReportingPeriod, pairing: String?, in connection: SQLiteConnection) throws -> [RoundProject] {
        try connection.query(RoundTemplateSQL.projects, [
            .optional(pairing), .text(period.description), .text(period.end.description), .text(period.dayBeforeStart.description),
        ]) { row in
            RoundProject(id: try row.uuid("id"), pairing: try row.text("pairing_id"), task: try row.text("task_code"), title: try row.text("title"),
                         status: try row.keyword("current_status"), completed: try row.money("current_completed"), lastUpdate: try row.date("status_date"))
        }
    }
}

/// The query behind a round's projects in scope.
enum RoundTemplateSQL {
    /// Takes ?1 a pairing filter (with the pairings below it), ?2 the period, ?3 its end and ?4 the
    /// day before it starts; the state at the start is worked out as ``RoundSQL`` does.
    static let projects = """
        \(ProjectSQL.scope)
        SELECT id, pairing_id, task_code, title, current_status, current_completed, status_date FROM (
            SELECT p.id, p.pairing_id, p.task_code, p.title, p.status AS current_status, p.completed_yuan AS current_completed,
                   p.status_date, p.first_date, p.rowid AS position, g.rowid AS pairing_order, \(ProgressSQL.stateAsOf("?4"))
            FROM round_pairing r JOIN pairing g ON g.id = r.pairing_id JOIN project p ON p.pairing_id = r.pairing_id
            WHERE r.period = ?2 AND (?1 IS NULL OR r.pairing_id IN scope) AND p.voided_at IS NULL AND p.first_date <= ?3
        )
        WHERE coalesce(status, '') <> 'terminated' AND coalesce(status, '') <> 'operating'
        ORDER BY pairing_order, first_date, position
        """
}
