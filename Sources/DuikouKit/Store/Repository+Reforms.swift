#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif

extension Transaction {
    /// Records a reform measure copied from the East.
    ///
    /// The adopting region, when given, must be a Northeast region that is the pairing's Northeast
    /// region or lies inside it; when not given, the pairing's Northeast region is recorded.
    ///
    /// - Throws: ``DuikouError/Code/notFound`` for an unknown pairing, task or adopting region;
    ///   ``DuikouError/Code/invalidInput`` for an adopting region on the Eastern side or outside the
    ///   pairing's Northeast region; ``DuikouError/Code/constraint`` when the id is already recorded.
    @discardableResult
    public func addReform(_ reform: NewReformMeasure) throws -> ReformMeasure {
        try change { connection, now in
            try ReformWriter(connection: connection, now: now).insert(reform)
            let added = try Repository.loadReforms(pairing: nil, id: reform.id, in: connection)[0]
            let policies = added.policies == 1 ? "1 policy" : "\(added.policies) policies"
            return (added, AuditNote(.add, "reform", added.id.key,
                                     "\(added.title) (\(added.pairing), adopted by \(added.adoptedBy) on \(added.date), task \(added.task), \(policies))"))
        }
    }
}

extension Snapshot {
    /// The reform measures of a pairing and the pairings below it (all when `pairing` is `nil`), by
    /// date adopted, then in the order recorded.
    ///
    /// - Throws: ``DuikouError/Code/notFound`` for an unknown pairing.
    public func reforms(pairing: String? = nil) throws -> [ReformMeasure] {
        let connection = try connection
        try Repository.checkFilter(pairing: pairing, area: nil, task: nil, in: connection)
        return try Repository.loadReforms(pairing: pairing, id: nil, in: connection)
    }
}

extension Repository {
    /// Records a reform measure copied from the East; see ``Transaction/addReform(_:)``.
    @discardableResult
    public func addReform(_ reform: NewReformMeasure) throws -> ReformMeasure {
        try write { try $0.addReform(reform) }
    }

    /// The reform measures of a pairing and the pairings below it; see ``Snapshot/reforms(pairing:)``.
    public func reforms(pairing: String? = nil) throws -> [ReformMeasure] {
        try read { try $0.reforms(pairing: pairing) }
    }

    /// The records of `pairing` and the pairings below it (or the one with `id`); only those recorded
    /// before the instant `recordedBefore` (a stored timestamp) when it is given.
    static func loadReforms(pairing: String?, id: UUID?, recordedBefore cutoff: String? = nil, in connection: SQLiteConnection) throws -> [ReformMeasure] {
        try connection.query("""
            \(ProjectSQL.scope)
            SELECT m.id, m.pairing_id, m.title, m.source, m.adopted_by, m.date, m.task_code, m.policies
            FROM reform m
            WHERE (?1 IS NULL OR m.pairing_id IN scope) AND (?2 IS NULL OR m.id = ?2) AND (?3 IS NULL OR m.recorded_at < ?3)
            ORDER BY m.date, m.rowid
            """, [.optional(pairing), .optional(id?.key), .optional(cutoff)]
        ) { row in
            ReformMeasure(
                id: try row.uuid("id"), pairing: try row.text("pairing_id"), title: try row.text("title"),
                source: try row.optionalText("source"), adoptedBy: try row.text("adopted_by"), date: try row.date("date"),
                task: try row.text("task_code"), policies: try row.int("policies"))
        }
    }
}

extension Repository {
    /// The reform measures whose adopting region is not on the Northeast side, or does not lie inside
    /// the Northeast region of the measure's pairing, each described in words, in the order recorded.
    /// Rules across tables, which no CHECK constraint can hold: adding a measure refuses them, a merge
    /// and `check` look for them.
    static func adoptingRegionProblems(in connection: SQLiteConnection) throws -> [String] {
        var problems: [String] = []
        try connection.each("""
            SELECT m.id, m.pairing_id, m.adopted_by, r.name_zh, r.side, p.northeast_region
            FROM reform m JOIN region r ON r.code = m.adopted_by JOIN pairing p ON p.id = m.pairing_id
            ORDER BY m.rowid
            """) { row in
            let (id, region, name) = (try row.text("id"), try row.text("adopted_by"), try row.text("name_zh"))
            let northeast = try row.text("northeast_region")
            if try row.keyword("side", as: Side.self) != .northeast {
                problems.append("reform \(id): adopted_by: region \(region) (\(name)) is an Eastern region")
            } else if !RegionCode.code(region, liesWithin: northeast) {
                problems.append("reform \(id): adopted_by: region \(region) (\(name)) is not inside \(northeast), the Northeast region of pairing \(try row.text("pairing_id"))")
            }
        }
        return problems
    }
}
