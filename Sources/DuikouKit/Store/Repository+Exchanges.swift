#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif

extension Repository {
    /// Records a cadre exchange.
    ///
    /// - Throws: ``DuikouError/Code/notFound`` for an unknown pairing;
    ///   ``DuikouError/Code/constraint`` when the id is already recorded.
    @discardableResult
    public func addExchange(_ exchange: NewExchange) throws -> CadreExchange {
        try write { connection, now in
            try ExchangeWriter(connection: connection, now: now).insert(exchange)
            let summary = "\(exchange.pairing), \(exchange.kind.rawValue) \(exchange.direction.rawValue) from \(exchange.start), \(exchange.participants) participant(s)"
            return (try Self.loadExchanges(pairing: nil, id: exchange.id, in: connection)[0], AuditNote(.add, "exchange", exchange.id.key, summary))
        }
    }

    /// The exchanges of a pairing and the pairings below it (all when `pairing` is `nil`), by start date.
    public func exchanges(pairing: String? = nil) throws -> [CadreExchange] {
        try read { connection in
            try Self.checkFilter(pairing: pairing, area: nil, task: nil, in: connection)
            return try Self.loadExchanges(pairing: pairing, id: nil, in: connection)
        }
    }

    static func loadExchanges(pairing: String?, id: UUID?, in connection: SQLiteConnection) throws -> [CadreExchange] {
        try connection.query("""
            \(ProjectSQL.scope)
            SELECT e.id, e.pairing_id, e.direction, e.kind, e.start_date, e.end_date, e.participants, e.person, e.from_org, e.to_org, e.post
            FROM exchange e
            WHERE (?1 IS NULL OR e.pairing_id IN scope) AND (?2 IS NULL OR e.id = ?2)
            ORDER BY e.start_date, e.rowid
            """, [.optional(pairing), .optional(id?.key)]
        ) { row in
            CadreExchange(
                id: try storedUUID(row.text(0)), pairing: row.text(1), direction: try stored(ExchangeDirection.self, row.text(2)),
                kind: try stored(ExchangeKind.self, row.text(3)), start: try storedDate(row.text(4)),
                end: try row.optionalText(5).map(storedDate), participants: row.int(6), person: row.optionalText(7),
                fromOrg: row.optionalText(8), toOrg: row.optionalText(9), post: row.optionalText(10)
            )
        }
    }
}
