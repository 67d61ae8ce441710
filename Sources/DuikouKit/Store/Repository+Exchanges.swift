#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif

extension Transaction {
    /// Records a cadre exchange.
    ///
    /// - Throws: ``DuikouError/Code/notFound`` for an unknown pairing;
    ///   ``DuikouError/Code/constraint`` when the id is already recorded.
    @discardableResult
    public func addExchange(_ exchange: NewExchange) throws -> CadreExchange {
        try change { connection, now in
            try ExchangeWriter(connection: connection, now: now).insert(exchange)
            let summary = "\(exchange.pairing), \(exchange.kind.rawValue) \(exchange.direction.rawValue) from \(exchange.start), \(exchange.participants) participant(s)"
            return (try Repository.loadExchanges(pairing: nil, id: exchange.id, in: connection)[0], AuditNote(.add, "exchange", exchange.id.key, summary))
        }
    }

}

extension Snapshot {
    /// The exchanges of a pairing and the pairings below it (all when `pairing` is `nil`), by start date.
    public func exchanges(pairing: String? = nil) throws -> [CadreExchange] {
        let connection = try connection
        try Repository.checkFilter(pairing: pairing, area: nil, task: nil, in: connection)
        return try Repository.loadExchanges(pairing: pairing, id: nil, in: connection)
    }
}

extension Repository {
    /// Records a cadre exchange; see ``Transaction/addExchange(_:)``.
    @discardableResult
    public func addExchange(_ exchange: NewExchange) throws -> CadreExchange {
        try write { try $0.addExchange(exchange) }
    }

    /// The exchanges of a pairing and the pairings below it; see ``Snapshot/exchanges(pairing:)``.
    public func exchanges(pairing: String? = nil) throws -> [CadreExchange] {
        try read { try $0.exchanges(pairing: pairing) }
    }

    /// The records of `pairing` and the pairings below it (or the one with `id`); only those recorded
    /// before the instant `recordedBefore` (a stored timestamp) when it is given.
    static func loadExchanges(pairing: String?, id: UUID?, recordedBefore cutoff: String? = nil, in connection: SQLiteConnection) throws -> [CadreExchange] {
        try connection.query("""
            \(ProjectSQL.scope)
            SELECT e.id, e.pairing_id, e.direction, e.kind, e.start_date, e.end_date, e.participants, e.person, e.from_org, e.to_org, e.post
            FROM exchange e
            WHERE (?1 IS NULL OR e.pairing_id IN scope) AND (?2 IS NULL OR e.id = ?2) AND (?3 IS NULL OR e.recorded_at < ?3)
            ORDER BY e.start_date, e.rowid
            """, [.optional(pairing), .optional(id?.key), .optional(cutoff)]
        ) { row in
            CadreExchange(
                id: try row.uuid("id"), pairing: try row.text("pairing_id"), direction: try row.keyword("direction"),
                kind: try row.keyword("kind"), start: try row.date("start_date"), end: try row.optionalDate("end_date"),
                participants: try row.int("participants"), person: try row.optionalText("person"),
                fromOrg: try row.optionalText("from_org"), toOrg: try row.optionalText("to_org"), post: try row.optionalText("post")
            )
        }
    }
}
