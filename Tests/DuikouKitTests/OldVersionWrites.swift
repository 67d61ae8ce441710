@testable import DuikouKit
import Foundation

/// Writes a signed project and its first update with the columns of the first schema, as a Duikou
/// of that time did (today's writer fills columns later migrations added).
func insertAsVersion1(
    _ connection: SQLiteConnection, id: UUID, pairing: String, task: String, title: String, description: String? = nil,
    northeastParty: String? = nil, eastParty: String? = nil, park: UUID? = nil, date: String
) throws {
    try connection.run("""
        INSERT INTO project (id, pairing_id, task_code, title, description, northeast_party, east_party, park_id, landmark, planned_yuan,
                             status, first_date, status_date, completed_yuan, resume_floor, recorded_at)
        VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, 0, NULL, 'signed', ?9, ?9, 0, NULL, '2020-01-01T00:00:00Z')
        """, [.text(id.key), .text(pairing), .text(task), .text(title), .optional(description), .optional(northeastParty),
              .optional(eastParty), .optional(park?.key), .text(date)])
    try connection.run("""
        INSERT INTO progress_update (project_id, seq, date, status, completed_yuan, note, recorded_at)
        VALUES (?1, 1, ?2, 'signed', 0, NULL, '2020-01-01T00:00:00Z')
        """, [.text(id.key), .text(date)])
}
