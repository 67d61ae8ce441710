#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif

extension Repository {
    /// Whether the database holds records of its own: projects, parks, exchanges, reform measures,
    /// meetings, funding, or regions and pairings beyond the seeded catalogue.
    static func holdsRecords(in connection: SQLiteConnection) throws -> Bool {
        let counts = try connection.queryFirst("""
            SELECT (SELECT count(*) FROM project) + (SELECT count(*) FROM park) + (SELECT count(*) FROM exchange)
                   + (SELECT count(*) FROM reform) + (SELECT count(*) FROM meeting) + (SELECT count(*) FROM funding) AS records,
                   (SELECT count(*) FROM region) AS regions, (SELECT count(*) FROM pairing) AS pairings
            """) { (try $0.int("records"), try $0.int("regions"), try $0.int("pairings")) }
        guard let counts else { return false }
        return counts.0 > 0 || counts.1 > CatalogueSeed.regions || counts.2 > CatalogueSeed.pairings
    }

    /// The value stored under `key` in the database's own notes, such as what it contains.
    static func meta(_ key: String, in connection: SQLiteConnection) throws -> String? {
        try connection.queryFirst("SELECT value FROM duikou_meta WHERE key = ?", [.text(key)]) { try $0.text("value") }
    }

    /// Stores a note about the database under `key`.
    static func setMeta(_ key: String, _ value: String, in connection: SQLiteConnection) throws {
        try connection.run("INSERT INTO duikou_meta (key, value) VALUES (?1, ?2) ON CONFLICT (key) DO UPDATE SET value = ?2",
                           [.text(key), .text(value)])
    }
}

/// How many regions and pairings the catalogue migration seeds.
enum CatalogueSeed {
    static let regions = 15
    static let pairings = 8
}
