#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif

extension Transaction {
    /// Records a co-built park.
    ///
    /// - Throws: ``DuikouError/Code/notFound`` for an unknown pairing or host region;
    ///   ``DuikouError/Code/constraint`` when the id is already recorded.
    @discardableResult
    public func addPark(_ park: NewPark) throws -> Park {
        try change { connection, now in
            try ParkWriter(connection: connection, now: now).insert(park)
            return (try Repository.loadParks(pairing: nil, id: park.id, in: connection)[0],
                    AuditNote(.add, "park", park.id.key, "\(park.name) (\(park.pairing), \(park.kind.rawValue))"))
        }
    }

}

extension Snapshot {
    /// The parks of a pairing and the pairings below it (all parks when `pairing` is `nil`), each with
    /// the roll-up of its projects, in the order they were recorded.
    public func parks(pairing: String? = nil) throws -> [Park] {
        let connection = try connection
        try Repository.checkFilter(pairing: pairing, area: nil, task: nil, in: connection)
        return try Repository.loadParks(pairing: pairing, id: nil, in: connection)
    }
}

extension Repository {
    /// Records a co-built park; see ``Transaction/addPark(_:)``.
    @discardableResult
    public func addPark(_ park: NewPark) throws -> Park {
        try write { try $0.addPark(park) }
    }

    /// The parks of a pairing and the pairings below it; see ``Snapshot/parks(pairing:)``.
    public func parks(pairing: String? = nil) throws -> [Park] {
        try read { try $0.parks(pairing: pairing) }
    }

    /// The records of `pairing` and the pairings below it (or the one with `id`); only those recorded
    /// before the instant `recordedBefore` (a stored timestamp) when it is given.
    static func loadParks(pairing: String?, id: UUID?, recordedBefore cutoff: String? = nil, in connection: SQLiteConnection) throws -> [Park] {
        try connection.query("""
            \(ProjectSQL.scope)
            SELECT k.id, k.pairing_id, k.name, k.kind, k.host_region, k.partner, k.established, k.planned_area_m2, k.benefit_sharing,
                   count(p.id) AS projects,
                   coalesce(sum(CASE WHEN p.status <> 'terminated' THEN p.planned_yuan END), 0) AS planned_yuan,
                   coalesce(sum(p.completed_yuan), 0) AS completed_yuan
            FROM park k LEFT JOIN project p ON p.park_id = k.id AND p.voided_at IS NULL
            WHERE (?1 IS NULL OR k.pairing_id IN scope) AND (?2 IS NULL OR k.id = ?2) AND (?3 IS NULL OR k.recorded_at < ?3)
            GROUP BY k.id
            ORDER BY k.rowid
            """, [.optional(pairing), .optional(id?.key), .optional(cutoff)]
        ) { row in
            Park(
                id: try row.uuid("id"), pairing: try row.text("pairing_id"), name: try row.text("name"), kind: try row.keyword("kind"),
                hostRegion: try row.optionalText("host_region"), partner: try row.optionalText("partner"),
                established: try row.optionalDate("established"),
                plannedArea: try row.optionalInt64("planned_area_m2").map(LandArea.init(squareMetres:)),
                benefitSharing: try row.optionalText("benefit_sharing"), projects: try row.int("projects"),
                plannedInvestment: try row.money("planned_yuan"), completedInvestment: try row.money("completed_yuan")
            )
        }
    }
}
