#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif

extension Repository {
    /// Records a co-built park.
    ///
    /// - Throws: ``DuikouError/Code/notFound`` for an unknown pairing or host region;
    ///   ``DuikouError/Code/constraint`` when the id is already recorded.
    @discardableResult
    public func addPark(_ park: NewPark) throws -> Park {
        try write { connection, now in
            try ParkWriter(connection: connection, now: now).insert(park)
            return (try Self.loadParks(pairing: nil, id: park.id, in: connection)[0],
                    AuditNote(.add, "park", park.id.key, "\(park.name) (\(park.pairing), \(park.kind.rawValue))"))
        }
    }

    /// The parks of a pairing and the pairings below it (all parks when `pairing` is `nil`), each with
    /// the roll-up of its projects, in the order they were recorded.
    public func parks(pairing: String? = nil) throws -> [Park] {
        try read { connection in
            try Self.checkFilter(pairing: pairing, area: nil, task: nil, in: connection)
            return try Self.loadParks(pairing: pairing, id: nil, in: connection)
        }
    }

    static func loadParks(pairing: String?, id: UUID?, in connection: SQLiteConnection) throws -> [Park] {
        try connection.query("""
            \(ProjectSQL.scope)
            SELECT k.id, k.pairing_id, k.name, k.kind, k.host_region, k.partner, k.established, k.planned_area_m2, k.benefit_sharing,
                   count(p.id),
                   coalesce(sum(CASE WHEN p.status <> 'terminated' THEN p.planned_yuan END), 0),
                   coalesce(sum(p.completed_yuan), 0)
            FROM park k LEFT JOIN project p ON p.park_id = k.id
            WHERE (?1 IS NULL OR k.pairing_id IN scope) AND (?2 IS NULL OR k.id = ?2)
            GROUP BY k.id
            ORDER BY k.rowid
            """, [.optional(pairing), .optional(id?.key)]
        ) { row in
            Park(
                id: try storedUUID(row.text(0)), pairing: row.text(1), name: row.text(2), kind: try stored(ParkKind.self, row.text(3)),
                hostRegion: row.optionalText(4), partner: row.optionalText(5), established: try row.optionalText(6).map(storedDate),
                plannedArea: row.optionalInt64(7).map(LandArea.init(squareMetres:)), benefitSharing: row.optionalText(8),
                projects: row.int(9), plannedInvestment: Money(uncheckedYuan: row.int64(10)),
                completedInvestment: Money(uncheckedYuan: row.int64(11))
            )
        }
    }
}
