#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif

extension Transaction {
    /// Records funding for a project or a pairing.
    ///
    /// - Throws: ``DuikouError/Code/notFound`` for an unknown project or pairing;
    ///   ``DuikouError/Code/constraint`` when the id is already recorded;
    ///   ``DuikouError/Code/invalidInput`` when the funding of the whole database would add up beyond
    ///   what 64 bits hold (checked before the transaction commits).
    @discardableResult
    public func addFunding(_ funding: NewFunding) throws -> Funding {
        try change { connection, now in
            try FundingWriter(connection: connection, now: now).insert(funding)
            let added = try Repository.loadFunding(pairing: nil, id: funding.id, in: connection)[0]
            let recipient = added.project.map { "project \($0.key)" } ?? "pairing \(added.pairing)"
            return (added, AuditNote(.add, "funding", added.id.key,
                                     "\(added.source.rawValue) \(added.amount.yuan) 元 for \(recipient) on \(added.date)"))
        }
    }
}

extension Snapshot {
    /// The funding of a pairing and the pairings below it, with the funding of their projects (all
    /// funding when `pairing` is `nil`), by date, then in the order recorded.
    ///
    /// - Throws: ``DuikouError/Code/notFound`` for an unknown pairing.
    public func funding(pairing: String? = nil) throws -> [Funding] {
        let connection = try connection
        try Repository.checkFilter(pairing: pairing, area: nil, task: nil, in: connection)
        return try Repository.loadFunding(pairing: pairing, id: nil, in: connection)
    }
}

extension Repository {
    /// Records funding for a project or a pairing; see ``Transaction/addFunding(_:)``.
    @discardableResult
    public func addFunding(_ funding: NewFunding) throws -> Funding {
        try write { try $0.addFunding(funding) }
    }

    /// The funding of a pairing and the pairings below it; see ``Snapshot/funding(pairing:)``.
    public func funding(pairing: String? = nil) throws -> [Funding] {
        try read { try $0.funding(pairing: pairing) }
    }

    static func loadFunding(pairing: String?, id: UUID?, in connection: SQLiteConnection) throws -> [Funding] {
        try connection.query("""
            \(ProjectSQL.scope)
            SELECT f.id, f.project_id, p.title AS project_title, coalesce(f.pairing_id, p.pairing_id) AS pairing_id, f.source,
                   f.amount_yuan, f.date, f.note
            FROM funding f LEFT JOIN project p ON p.id = f.project_id
            WHERE (?1 IS NULL OR coalesce(f.pairing_id, p.pairing_id) IN scope) AND (?2 IS NULL OR f.id = ?2)
            ORDER BY f.date, f.rowid
            """, [.optional(pairing), .optional(id?.key)]
        ) { row in
            Funding(
                id: try row.uuid("id"), project: try row.optionalUUID("project_id"), projectTitle: try row.optionalText("project_title"),
                pairing: try row.text("pairing_id"),
                source: try row.keyword("source"), amount: try row.money("amount_yuan"), date: try row.date("date"),
                note: try row.optionalText("note"))
        }
    }
}
