#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif

extension Repository {
    /// Whether the database holds records of its own: projects, parks, exchanges, or regions and
    /// pairings beyond the seeded catalogue.
    func holdsRecords() throws -> Bool {
        try read { snapshot in
            let counts = try snapshot.connection.queryFirst("""
                SELECT (SELECT count(*) FROM project) + (SELECT count(*) FROM park) + (SELECT count(*) FROM exchange) AS records,
                       (SELECT count(*) FROM region) AS regions, (SELECT count(*) FROM pairing) AS pairings
                """) { (try $0.int("records"), try $0.int("regions"), try $0.int("pairings")) }
            guard let counts else { return false }
            return counts.0 > 0 || counts.1 > CatalogueSeed.regions || counts.2 > CatalogueSeed.pairings
        }
    }

    /// The value stored under `key` in the database's own notes, such as what it contains.
    func meta(_ key: String) throws -> String? {
        try read { snapshot in
            try snapshot.connection.queryFirst("SELECT value FROM duikou_meta WHERE key = ?", [.text(key)]) { try $0.text("value") }
        }
    }

    /// Stores a note about the database under `key`.
    func setMeta(_ key: String, _ value: String) throws {
        try write { transaction in
            try transaction.change { connection, _ in
                try connection.run("INSERT INTO duikou_meta (key, value) VALUES (?1, ?2) ON CONFLICT (key) DO UPDATE SET value = ?2",
                                   [.text(key), .text(value)])
                return ((), nil)
            }
        }
    }
}

/// How many regions and pairings the catalogue migration seeds.
enum CatalogueSeed {
    static let regions = 15
    static let pairings = 8
}
