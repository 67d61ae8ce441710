#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif

extension Transaction {
    /// Records a meeting or visit of a pairing.
    ///
    /// - Throws: ``DuikouError/Code/notFound`` for an unknown pairing;
    ///   ``DuikouError/Code/constraint`` when the id is already recorded.
    @discardableResult
    public func addMeeting(_ meeting: NewMeeting) throws -> Meeting {
        try change { connection, now in
            try MeetingWriter(connection: connection, now: now).insert(meeting)
            let added = try Repository.loadMeetings(pairing: nil, id: meeting.id, in: connection)[0]
            let place = added.place.map { " in \($0)" } ?? ""
            return (added, AuditNote(.add, "meeting", added.id.key, "\(added.pairing), \(added.kind.rawValue) on \(added.date)\(place)"))
        }
    }
}

extension Snapshot {
    /// The meetings and visits of a pairing and the pairings below it (all when `pairing` is `nil`),
    /// by date, then in the order recorded.
    ///
    /// - Throws: ``DuikouError/Code/notFound`` for an unknown pairing.
    public func meetings(pairing: String? = nil) throws -> [Meeting] {
        let connection = try connection
        try Repository.checkFilter(pairing: pairing, area: nil, task: nil, in: connection)
        return try Repository.loadMeetings(pairing: pairing, id: nil, in: connection)
    }
}

extension Repository {
    /// Records a meeting or visit; see ``Transaction/addMeeting(_:)``.
    @discardableResult
    public func addMeeting(_ meeting: NewMeeting) throws -> Meeting {
        try write { try $0.addMeeting(meeting) }
    }

    /// The meetings and visits of a pairing and the pairings below it; see ``Snapshot/meetings(pairing:)``.
    public func meetings(pairing: String? = nil) throws -> [Meeting] {
        try read { try $0.meetings(pairing: pairing) }
    }

    static func loadMeetings(pairing: String?, id: UUID?, in connection: SQLiteConnection) throws -> [Meeting] {
        try connection.query("""
            \(ProjectSQL.scope)
            SELECT m.id, m.pairing_id, m.kind, m.date, m.place, m.level, m.participants, m.outcomes
            FROM meeting m
            WHERE (?1 IS NULL OR m.pairing_id IN scope) AND (?2 IS NULL OR m.id = ?2)
            ORDER BY m.date, m.rowid
            """, [.optional(pairing), .optional(id?.key)]
        ) { row in
            Meeting(
                id: try row.uuid("id"), pairing: try row.text("pairing_id"), kind: try row.keyword("kind"), date: try row.date("date"),
                place: try row.optionalText("place"), level: try row.optionalText("level"),
                participants: try row.optionalInt64("participants").map { Int($0) }, outcomes: try row.optionalText("outcomes"))
        }
    }
}
