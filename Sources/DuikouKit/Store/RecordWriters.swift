#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif

/// Inserts and corrects parks inside a transaction the caller holds.
struct ParkWriter {
    let connection: SQLiteConnection
    let now: String

    private func exists(_ id: UUID) throws -> Bool {
        try connection.queryFirst("SELECT 1 FROM park WHERE id = ?", [.text(id.key)], { _ in true }) != nil
    }

    /// Checks a park's references, naming the field that is wrong.
    func check(_ park: NewPark) throws {
        let name = "park \(DuikouError.quoted(park.name))"
        try Repository.requirePairing(park.pairing, for: name, in: connection)
        if let host = park.hostRegion,
           try connection.queryFirst("SELECT 1 FROM region WHERE code = ?", [.text(host)], { _ in true }) == nil {
            throw DuikouError(.notFound, "\(name): host_region: region \(DuikouError.quoted(host)) does not exist", field: "host_region")
        }
    }

    func insert(_ park: NewPark) throws {
        try check(park)
        if try exists(park.id) {
            throw DuikouError(.constraint, "park \(DuikouError.quoted(park.name)): id: \(park.id.key) is already recorded", field: "id")
        }
        try connection.run("""
            INSERT INTO park (id, pairing_id, name, kind, host_region, partner, established, planned_area_m2, benefit_sharing, recorded_at)
            VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10)
            """, values(park) + [.text(now)], context: "park \(park.id.key)")
    }

    /// Replaces a park's fields with `park`'s; returns whether anything changed.
    func correct(_ park: NewPark) throws -> Bool {
        try check(park)
        let changed = try connection.queryFirst("""
            SELECT 1 FROM park WHERE id = ?1 AND (pairing_id IS NOT ?2 OR name IS NOT ?3 OR kind IS NOT ?4 OR host_region IS NOT ?5
                OR partner IS NOT ?6 OR established IS NOT ?7 OR planned_area_m2 IS NOT ?8 OR benefit_sharing IS NOT ?9)
            """, values(park), { _ in true }) != nil
        if changed {
            try connection.run("""
                UPDATE park SET pairing_id = ?2, name = ?3, kind = ?4, host_region = ?5, partner = ?6, established = ?7,
                    planned_area_m2 = ?8, benefit_sharing = ?9 WHERE id = ?1
                """, values(park), context: "park \(park.id.key)")
        }
        return changed
    }

    private func values(_ park: NewPark) -> [SQLiteValue] {
        [.text(park.id.key), .text(park.pairing), .text(park.name), .text(park.kind.rawValue), .optional(park.hostRegion),
         .optional(park.partner), .optional(park.established?.description), .optional(park.plannedArea?.squareMetres),
         .optional(park.benefitSharing)]
    }
}

/// Inserts and corrects cadre exchanges inside a transaction the caller holds.
struct ExchangeWriter {
    let connection: SQLiteConnection
    let now: String

    private func exists(_ id: UUID) throws -> Bool {
        try connection.queryFirst("SELECT 1 FROM exchange WHERE id = ?", [.text(id.key)], { _ in true }) != nil
    }

    func insert(_ exchange: NewExchange) throws {
        let name = "exchange \(exchange.id.key)"
        try Repository.requirePairing(exchange.pairing, for: name, in: connection)
        if try exists(exchange.id) {
            throw DuikouError(.constraint, "\(name): id: already recorded", field: "id")
        }
        try connection.run("""
            INSERT INTO exchange (id, pairing_id, direction, kind, start_date, end_date, participants, person, from_org, to_org, post, recorded_at)
            VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12)
            """, values(exchange) + [.text(now)], context: name)
    }

    /// Replaces an exchange's fields with `exchange`'s; returns whether anything changed.
    func correct(_ exchange: NewExchange) throws -> Bool {
        try Repository.requirePairing(exchange.pairing, for: "exchange \(exchange.id.key)", in: connection)
        let changed = try connection.queryFirst("""
            SELECT 1 FROM exchange WHERE id = ?1 AND (pairing_id IS NOT ?2 OR direction IS NOT ?3 OR kind IS NOT ?4
                OR start_date IS NOT ?5 OR end_date IS NOT ?6 OR participants IS NOT ?7 OR person IS NOT ?8 OR from_org IS NOT ?9
                OR to_org IS NOT ?10 OR post IS NOT ?11)
            """, values(exchange), { _ in true }) != nil
        if changed {
            try connection.run("""
                UPDATE exchange SET pairing_id = ?2, direction = ?3, kind = ?4, start_date = ?5, end_date = ?6, participants = ?7,
                    person = ?8, from_org = ?9, to_org = ?10, post = ?11 WHERE id = ?1
                """, values(exchange), context: "exchange \(exchange.id.key)")
        }
        return changed
    }

    private func values(_ exchange: NewExchange) -> [SQLiteValue] {
        [.text(exchange.id.key), .text(exchange.pairing), .text(exchange.direction.rawValue), .text(exchange.kind.rawValue),
         .text(exchange.start.description), .optional(exchange.end?.description), .integer(Int64(exchange.participants)),
         .optional(exchange.person), .optional(exchange.fromOrg), .optional(exchange.toOrg), .optional(exchange.post)]
    }
}
