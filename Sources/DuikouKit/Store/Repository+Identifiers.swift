#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif

/// The kinds of record that are named by a UUID and may be given by a prefix of it.
public enum RecordKind: String, Sendable, CaseIterable {
    /// A cooperation project.
    case project
    /// A co-built park.
    case park
    /// A cadre exchange.
    case exchange
    /// A reform measure copied from the East.
    case reform
    /// A meeting or visit.
    case meeting
    /// A funding.
    case funding

    var table: String { rawValue }
}

extension Repository {
    /// The shortest prefix of an id that may name a record.
    public static let minimumIDPrefix = 8

    /// The full id of the record of `kind` whose id starts with `prefix` (case-insensitive, at least
    /// eight characters).
    ///
    /// - Throws: ``DuikouError/Code/invalidInput`` for a prefix that is too short, malformed or
    ///   matches several records; ``DuikouError/Code/notFound`` when it matches none.
    public func resolveID(_ prefix: String, of kind: RecordKind) throws -> UUID {
        try read { try $0.resolveID(prefix, of: kind) }
    }

    static func resolveID(_ prefix: String, of kind: RecordKind, in connection: SQLiteConnection) throws -> UUID {
        let key = prefix.trimmingSpaces().lowercased()
        guard key.utf8.count >= minimumIDPrefix, key.utf8.count <= 36,
              key.utf8.allSatisfy({ ($0 >= 48 && $0 <= 57) || ($0 >= 97 && $0 <= 102) || $0 == 45 })
        else {
            throw DuikouError.invalid("\(kind.rawValue) id", prefix, "is not an id or a prefix of at least \(minimumIDPrefix) hexadecimal characters")
        }
        // '~' sorts after every hexadecimal digit and '-', so the range holds exactly the ids with this prefix.
        let matches = try connection.query(
            "SELECT id FROM \(kind.table) WHERE id >= ? AND id < ? ORDER BY id LIMIT 2",
            [.text(key), .text(key + "~")]
        ) { try $0.text("id") }
        guard let first = matches.first else { throw DuikouError.missing(kind.rawValue, prefix) }
        guard matches.count == 1 else {
            throw DuikouError.invalid("\(kind.rawValue) id", prefix, "is ambiguous: it starts \(matches.joined(separator: ", ")) and maybe more; give more characters")
        }
        guard let id = UUID(key: first) else {
            throw DuikouError(.corrupt, "\(kind.rawValue) id \(DuikouError.quoted(first)) in the database is not a UUID")
        }
        return id
    }
}

extension Snapshot {
    /// The full id of the record of `kind` whose id starts with `prefix` (case-insensitive, at least
    /// eight characters, ``Repository/minimumIDPrefix``).
    ///
    /// - Throws: ``DuikouError/Code/invalidInput`` for a prefix that is too short, malformed or
    ///   matches several records; ``DuikouError/Code/notFound`` when it matches none.
    public func resolveID(_ prefix: String, of kind: RecordKind) throws -> UUID {
        try Repository.resolveID(prefix, of: kind, in: connection)
    }
}
