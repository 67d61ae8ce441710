extension Repository {
    /// Exports every record of a kind, in a stable order (by id; updates by project, oldest first),
    /// with the columns the import reads, so that an export imports back into an empty database
    /// with the same progress report.
    ///
    /// Rows are read and handed to `sink` one at a time, so memory stays flat however many there are.
    ///
    /// - Parameters:
    ///   - byteOrderMark: start a CSV file with a UTF-8 byte-order mark, for Excel.
    ///   - redactingPeople: leave the names of seconded persons out: exchanges keep their `person`
    ///     column, empty.
    ///   - progress: called every few thousand rows.
    ///   - sink: receives the file's text piece by piece.
    /// - Returns: how many records were exported.
    @discardableResult
    public func export(
        _ kind: InterchangeKind, format: ExportFormat = .csv, byteOrderMark: Bool = false, redactingPeople: Bool = false,
        progress: (@Sendable (TransferProgress) -> Void)? = nil, to sink: @Sendable (String) throws -> Void
    ) throws -> Int {
        try read { connection in
            let encoder = ExportEncoder(kind: kind, format: format, byteOrderMark: byteOrderMark)
            let total = try connection.queryFirst(ExportSQL.count(kind)) { $0.int64(0) }
            if !encoder.header.isEmpty { try sink(encoder.header) }
            var rows = 0
            try connection.each(ExportSQL.rows(kind)) { row in
                try sink(encoder.line(ExportSQL.values(kind, row, redactingPeople: redactingPeople)))
                rows += 1
                if rows % 4096 == 0 { progress?(TransferProgress(rows: rows, bytes: 0, total: total)) }
            }
            progress?(TransferProgress(rows: rows, bytes: 0, total: total))
            return rows
        }
    }
}

/// The queries behind an export, each returning the columns of its kind in order.
enum ExportSQL {
    static func count(_ kind: InterchangeKind) -> String {
        switch kind {
        case .projects: "SELECT count(*) FROM project"
        case .updates: "SELECT count(*) FROM progress_update"
        case .parks: "SELECT count(*) FROM park"
        case .exchanges: "SELECT count(*) FROM exchange"
        }
    }

    static func rows(_ kind: InterchangeKind) -> String {
        switch kind {
        case .projects: """
            SELECT id, pairing_id, task_code, title, status, status_date, planned_yuan, completed_yuan, northeast_party,
                   east_party, park_id, landmark, description
            FROM project ORDER BY id
            """
        case .updates: """
            SELECT project_id, date, status, completed_yuan, note FROM progress_update ORDER BY project_id, seq
            """
        case .parks: """
            SELECT id, pairing_id, name, kind, host_region, partner, established, planned_area_m2, benefit_sharing
            FROM park ORDER BY id
            """
        case .exchanges: """
            SELECT id, pairing_id, direction, kind, start_date, end_date, participants, person, from_org, to_org, post
            FROM exchange ORDER BY id
            """
        }
    }

    static func values(_ kind: InterchangeKind, _ row: SQLiteStatement, redactingPeople: Bool) -> [ExportValue] {
        switch kind {
        case .projects:
            [.text(row.text(0)), .text(row.text(1)), .text(row.text(2)), .text(row.text(3)), .text(row.text(4)),
             .text(row.text(5)), .yuan(row.optionalInt64(6)), .yuan(row.int64(7)), .text(row.optionalText(8)),
             .text(row.optionalText(9)), .text(row.optionalText(10)), .flag(row.int64(11) != 0), .text(row.optionalText(12))]
        case .updates:
            [.text(row.text(0)), .text(row.text(1)), .text(row.text(2)), .yuan(row.int64(3)), .text(row.optionalText(4))]
        case .parks:
            [.text(row.text(0)), .text(row.text(1)), .text(row.text(2)), .text(row.text(3)), .text(row.optionalText(4)),
             .text(row.optionalText(5)), .text(row.optionalText(6)),
             .decimal(row.optionalInt64(7).map { LandArea(squareMetres: $0).km2Text }), .text(row.optionalText(8))]
        case .exchanges:
            [.text(row.text(0)), .text(row.text(1)), .text(row.text(2)), .text(row.text(3)), .text(row.text(4)),
             .text(row.optionalText(5)), .integer(row.int64(6)), .text(redactingPeople ? nil : row.optionalText(7)), .text(row.optionalText(8)),
             .text(row.optionalText(9)), .text(row.optionalText(10))]
        }
    }
}
