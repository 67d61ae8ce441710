extension Snapshot {
    /// Exports every record of a kind, in a stable order (by id; updates by project, oldest first),
    /// with the columns the import reads, so that an export imports back into an empty database
    /// with the same progress report.
    ///
    /// Rows are read and handed to `sink` one at a time, so memory stays flat however many there are.
    ///
    /// - Parameters:
    ///   - kind: the records to export.
    ///   - format: CSV, or JSON Lines.
    ///   - byteOrderMark: start a CSV file with a UTF-8 byte-order mark, for Excel.
    ///   - redactingPeople: leave the names of seconded persons out: exchanges keep their `person`
    ///     column, empty.
    ///   - progress: called every few thousand rows.
    ///   - sink: receives the file's text piece by piece.
    /// - Returns: how many records were exported.
    /// - Throws: what `sink` throws; ``DuikouError/Code/cancelled`` when the task that asked for it
    ///   was cancelled.
    @discardableResult
    public func export(
        _ kind: InterchangeKind, format: ExportFormat = .csv, byteOrderMark: Bool = false, redactingPeople: Bool = false,
        progress: ((TransferProgress) -> Void)? = nil, to sink: (String) throws -> Void
    ) throws -> Int {
        let connection = try connection
        let encoder = ExportEncoder(kind: kind, format: format, byteOrderMark: byteOrderMark)
        let total = try connection.queryFirst(ExportSQL.count(kind)) { try $0.int64("records") }
        if !encoder.header.isEmpty { try sink(encoder.header) }
        var rows = 0
        try connection.each(ExportSQL.rows(kind)) { row in
            try sink(encoder.line(ExportSQL.values(kind, row, redactingPeople: redactingPeople)))
            rows += 1
            if rows % 4096 == 0 {
                try checkCancellation()
                progress?(TransferProgress(rows: rows, bytes: 0, total: total))
            }
        }
        progress?(TransferProgress(rows: rows, bytes: 0, total: total))
        return rows
    }
}

extension Repository {
    /// Exports every record of a kind from one snapshot; see
    /// ``Snapshot/export(_:format:byteOrderMark:redactingPeople:progress:to:)``.
    @discardableResult
    public func export(
        _ kind: InterchangeKind, format: ExportFormat = .csv, byteOrderMark: Bool = false, redactingPeople: Bool = false,
        progress: ((TransferProgress) -> Void)? = nil, to sink: (String) throws -> Void
    ) throws -> Int {
        try read { try $0.export(kind, format: format, byteOrderMark: byteOrderMark, redactingPeople: redactingPeople, progress: progress, to: sink) }
    }
}

/// The queries behind an export, each returning the columns of its kind in order.
enum ExportSQL {
    /// Counts the records of a kind; with `scoped`, those of the pairing bound to `?1` and the pairings below it.
    static func count(_ kind: InterchangeKind, scoped: Bool = false) -> String {
        let scope = scoped ? ProjectSQL.scope + "\n" : ""
        switch kind {
        case .projects: return scope + "SELECT count(*) AS records FROM project WHERE voided_at IS NULL" + (scoped ? " AND pairing_id IN scope" : "")
        case .updates: return scope + """
            SELECT count(*) AS records FROM progress_update u JOIN project p ON p.id = u.project_id
            WHERE \(UpdateSQL.inForce("u")) AND p.voided_at IS NULL
            """ + (scoped ? " AND p.pairing_id IN scope" : "")
        case .parks: return scope + "SELECT count(*) AS records FROM park" + (scoped ? " WHERE pairing_id IN scope" : "")
        case .exchanges: return scope + "SELECT count(*) AS records FROM exchange" + (scoped ? " WHERE pairing_id IN scope" : "")
        case .reforms: return scope + "SELECT count(*) AS records FROM reform" + (scoped ? " WHERE pairing_id IN scope" : "")
        case .meetings: return scope + "SELECT count(*) AS records FROM meeting" + (scoped ? " WHERE pairing_id IN scope" : "")
        case .funding: return scope + "SELECT count(*) AS records FROM funding" + (scoped ? " WHERE \(fundingInScope)" : "")
        }
    }

    /// Funding of a project counts for the project's pairing.
    private static let fundingInScope = "(pairing_id IN scope OR project_id IN (SELECT id FROM project WHERE pairing_id IN scope))"

    /// The records of a kind in export order; with `scoped`, those of the pairing bound to `?1` and the pairings below it.
    static func rows(_ kind: InterchangeKind, scoped: Bool = false) -> String {
        let scope = scoped ? ProjectSQL.scope + "\n" : ""
        let pairing = scoped ? " WHERE pairing_id IN scope" : ""
        switch kind {
        case .projects: return scope + """
            SELECT id, pairing_id, task_code, title, status, status_date, planned_yuan, completed_yuan, northeast_party,
                   east_party, park_id, landmark, description,
                   CASE WHEN status = 'suspended' OR status = 'terminated' THEN reached END AS reached,
                   planned_start, planned_completion
            FROM project WHERE voided_at IS NULL\(scoped ? " AND pairing_id IN scope" : "") ORDER BY id
            """
        case .updates: return scope + """
            SELECT u.project_id, u.date, u.status, u.completed_yuan, u.note
            FROM progress_update u JOIN project p ON p.id = u.project_id
            WHERE \(UpdateSQL.inForce("u")) AND p.voided_at IS NULL\(scoped ? " AND p.pairing_id IN scope" : "")
            ORDER BY u.project_id, \(UpdateSQL.position("u"))
            """
        case .parks: return scope + """
            SELECT id, pairing_id, name, kind, host_region, partner, established, planned_area_m2, benefit_sharing
            FROM park\(pairing) ORDER BY id
            """
        case .exchanges: return scope + """
            SELECT id, pairing_id, direction, kind, start_date, end_date, participants, person, from_org, to_org, post
            FROM exchange\(pairing) ORDER BY id
            """
        case .reforms: return scope + """
            SELECT id, pairing_id, title, source, adopted_by, date, task_code, policies FROM reform\(pairing) ORDER BY id
            """
        case .meetings: return scope + """
            SELECT id, pairing_id, kind, date, place, level, participants, outcomes FROM meeting\(pairing) ORDER BY id
            """
        case .funding: return scope + """
            SELECT id, project_id, pairing_id, source, amount_yuan, date, note FROM funding\(scoped ? " WHERE \(fundingInScope)" : "") ORDER BY id
            """
        }
    }

    /// A row of ``rows(_:)``, as the values of the export's columns in their order.
    static func values(_ kind: InterchangeKind, _ row: Row, redactingPeople: Bool) throws -> [ExportValue] {
        switch kind {
        case .projects:
            [.text(try row.text("id")), .text(try row.text("pairing_id")), .text(try row.text("task_code")), .text(try row.text("title")),
             .text(try row.text("status")), .text(try row.text("status_date")), .yuan(try row.optionalInt64("planned_yuan")),
             .yuan(try row.int64("completed_yuan")), .text(try row.optionalText("northeast_party")), .text(try row.optionalText("east_party")),
             .text(try row.optionalText("park_id")), .flag(try row.bool("landmark")), .text(try row.optionalText("description")),
             .text(try row.optionalText("reached")), .text(try row.optionalText("planned_start")),
             .text(try row.optionalText("planned_completion"))]
        case .updates:
            [.text(try row.text("project_id")), .text(try row.text("date")), .text(try row.text("status")),
             .yuan(try row.int64("completed_yuan")), .text(try row.optionalText("note"))]
        case .parks:
            [.text(try row.text("id")), .text(try row.text("pairing_id")), .text(try row.text("name")), .text(try row.text("kind")),
             .text(try row.optionalText("host_region")), .text(try row.optionalText("partner")), .text(try row.optionalText("established")),
             .decimal(try row.optionalInt64("planned_area_m2").map { LandArea(squareMetres: $0).km2Text }),
             .text(try row.optionalText("benefit_sharing"))]
        case .exchanges:
            [.text(try row.text("id")), .text(try row.text("pairing_id")), .text(try row.text("direction")), .text(try row.text("kind")),
             .text(try row.text("start_date")), .text(try row.optionalText("end_date")), .integer(try row.int64("participants")),
             .text(redactingPeople ? nil : try row.optionalText("person")), .text(try row.optionalText("from_org")),
             .text(try row.optionalText("to_org")), .text(try row.optionalText("post"))]
        case .reforms:
            [.text(try row.text("id")), .text(try row.text("pairing_id")), .text(try row.text("title")), .text(try row.optionalText("source")),
             .text(try row.text("adopted_by")), .text(try row.text("date")), .text(try row.text("task_code")),
             .integer(try row.int64("policies"))]
        case .meetings:
            [.text(try row.text("id")), .text(try row.text("pairing_id")), .text(try row.text("kind")), .text(try row.text("date")),
             .text(try row.optionalText("place")), .text(try row.optionalText("level")), .integer(try row.optionalInt64("participants")),
             .text(try row.optionalText("outcomes"))]
        case .funding:
            [.text(try row.text("id")), .text(try row.optionalText("project_id")), .text(try row.optionalText("pairing_id")),
             .text(try row.text("source")), .yuan(try row.int64("amount_yuan")), .text(try row.text("date")),
             .text(try row.optionalText("note"))]
        }
    }
}
