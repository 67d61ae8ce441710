#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif

/// Inserts and corrects reform measures inside a transaction the caller holds.
struct ReformWriter {
    let connection: SQLiteConnection
    let now: String

    /// Checks a measure's references and rules, naming the field that is wrong; returns the code of
    /// the adopting region (the pairing's Northeast region when the measure names none).
    func check(_ reform: NewReformMeasure) throws -> String {
        let name = "reform \(DuikouError.quoted(reform.title))"
        guard let pairingRegion = try connection.queryFirst("""
            SELECT r.code, r.name_zh FROM pairing p JOIN region r ON r.code = p.northeast_region WHERE p.id = ?
            """, [.text(reform.pairing)], { (code: try $0.text("code"), name: try $0.text("name_zh")) }) else {
            throw DuikouError.missing("\(name): pairing", reform.pairing)
        }
        if try !connection.exists("SELECT 1 FROM task WHERE code = ?", [.text(reform.task)]) {
            throw DuikouError(.notFound, "\(name): task \(DuikouError.quoted(reform.task)) does not exist", field: "task", recordID: reform.task)
        }
        guard let code = reform.adoptedBy else { return pairingRegion.code }
        guard let region = try connection.queryFirst("SELECT name_zh, side FROM region WHERE code = ?", [.text(code)], {
            (name: try $0.text("name_zh"), side: try $0.keyword("side", as: Side.self))
        }) else {
            throw DuikouError(.notFound, "\(name): adopted_by: region \(DuikouError.quoted(code)) does not exist", field: "adopted_by", recordID: code)
        }
        guard region.side == .northeast else {
            throw DuikouError(.invalidInput, "\(name): adopted_by: \(DuikouError.quoted(code)) is \(region.name), an Eastern region; a measure is adopted in the Northeast",
                              field: "adopted_by")
        }
        guard RegionCode.code(code, liesWithin: pairingRegion.code) else {
            throw DuikouError(.invalidInput, "\(name): adopted_by: \(DuikouError.quoted(code)) (\(region.name)) is not inside \(pairingRegion.code) (\(pairingRegion.name)), the Northeast region of pairing \(reform.pairing)",
                              field: "adopted_by")
        }
        return code
    }

    func insert(_ reform: NewReformMeasure) throws {
        let adoptedBy = try check(reform)
        if try connection.exists("SELECT 1 FROM reform WHERE id = ?", [.text(reform.id.key)]) {
            throw DuikouError(.constraint, "reform \(DuikouError.quoted(reform.title)): id: \(reform.id.key) is already recorded", field: "id", recordID: reform.id.key)
        }
        try connection.run("""
            INSERT INTO reform (id, pairing_id, title, source, adopted_by, date, task_code, policies, recorded_at)
            VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)
            """, values(reform, adoptedBy: adoptedBy) + [.text(now)], context: "reform \(reform.id.key)")
    }

    /// Replaces a measure's fields with `reform`'s; returns whether anything changed.
    func correct(_ reform: NewReformMeasure) throws -> Bool {
        let values = values(reform, adoptedBy: try check(reform))
        let changed = try connection.exists("""
            SELECT 1 FROM reform WHERE id = ?1 AND (pairing_id IS NOT ?2 OR title IS NOT ?3 OR source IS NOT ?4 OR adopted_by IS NOT ?5
                OR date IS NOT ?6 OR task_code IS NOT ?7 OR policies IS NOT ?8)
            """, values)
        if changed {
            try connection.run("""
                UPDATE reform SET pairing_id = ?2, title = ?3, source = ?4, adopted_by = ?5, date = ?6, task_code = ?7, policies = ?8
                WHERE id = ?1
                """, values, context: "reform \(reform.id.key)")
        }
        return changed
    }

    private func values(_ reform: NewReformMeasure, adoptedBy: String) -> [SQLiteValue] {
        [.text(reform.id.key), .text(reform.pairing), .text(reform.title), .optional(reform.source), .text(adoptedBy),
         .text(reform.date.description), .text(reform.task), .integer(Int64(reform.policies))]
    }
}

/// Inserts and corrects meetings and visits inside a transaction the caller holds.
struct MeetingWriter {
    let connection: SQLiteConnection
    let now: String

    func insert(_ meeting: NewMeeting) throws {
        let name = "meeting \(meeting.id.key)"
        try Repository.requirePairing(meeting.pairing, for: name, in: connection)
        if try connection.exists("SELECT 1 FROM meeting WHERE id = ?", [.text(meeting.id.key)]) {
            throw DuikouError(.constraint, "\(name): id: already recorded", field: "id", recordID: meeting.id.key)
        }
        try connection.run("""
            INSERT INTO meeting (id, pairing_id, kind, date, place, level, participants, outcomes, recorded_at)
            VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)
            """, values(meeting) + [.text(now)], context: name)
    }

    /// Replaces a meeting's fields with `meeting`'s; returns whether anything changed.
    func correct(_ meeting: NewMeeting) throws -> Bool {
        try Repository.requirePairing(meeting.pairing, for: "meeting \(meeting.id.key)", in: connection)
        let changed = try connection.exists("""
            SELECT 1 FROM meeting WHERE id = ?1 AND (pairing_id IS NOT ?2 OR kind IS NOT ?3 OR date IS NOT ?4 OR place IS NOT ?5
                OR level IS NOT ?6 OR participants IS NOT ?7 OR outcomes IS NOT ?8)
            """, values(meeting))
        if changed {
            try connection.run("""
                UPDATE meeting SET pairing_id = ?2, kind = ?3, date = ?4, place = ?5, level = ?6, participants = ?7, outcomes = ?8
                WHERE id = ?1
                """, values(meeting), context: "meeting \(meeting.id.key)")
        }
        return changed
    }

    private func values(_ meeting: NewMeeting) -> [SQLiteValue] {
        [.text(meeting.id.key), .text(meeting.pairing), .text(meeting.kind.rawValue), .text(meeting.date.description),
         .optional(meeting.place), .optional(meeting.level), .optional(meeting.participants.map(Int64.init)), .optional(meeting.outcomes)]
    }
}

/// Inserts and corrects funding inside a transaction the caller holds.
struct FundingWriter {
    let connection: SQLiteConnection
    let now: String

    /// Checks that the project or pairing funded exists.
    private func check(_ funding: NewFunding) throws {
        let name = "funding \(funding.id.key)"
        switch funding.recipient {
        case .project(let project):
            if try !connection.exists("SELECT 1 FROM project WHERE id = ?", [.text(project.key)]) {
                throw DuikouError(.notFound, "\(name): project \(project.key) does not exist", field: "project", recordID: project.key)
            }
        case .pairing(let pairing):
            try Repository.requirePairing(pairing, for: name, in: connection)
        }
    }

    func insert(_ funding: NewFunding) throws {
        try check(funding)
        if try connection.exists("SELECT 1 FROM funding WHERE id = ?", [.text(funding.id.key)]) {
            throw DuikouError(.constraint, "funding \(funding.id.key): id: already recorded", field: "id", recordID: funding.id.key)
        }
        try connection.run("""
            INSERT INTO funding (id, project_id, pairing_id, source, amount_yuan, date, note, recorded_at)
            VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)
            """, values(funding) + [.text(now)], context: "funding \(funding.id.key)")
    }

    /// Replaces a funding's fields with `funding`'s; returns whether anything changed.
    func correct(_ funding: NewFunding) throws -> Bool {
        try check(funding)
        let changed = try connection.exists("""
            SELECT 1 FROM funding WHERE id = ?1 AND (project_id IS NOT ?2 OR pairing_id IS NOT ?3 OR source IS NOT ?4
                OR amount_yuan IS NOT ?5 OR date IS NOT ?6 OR note IS NOT ?7)
            """, values(funding))
        if changed {
            try connection.run("""
                UPDATE funding SET project_id = ?2, pairing_id = ?3, source = ?4, amount_yuan = ?5, date = ?6, note = ?7 WHERE id = ?1
                """, values(funding), context: "funding \(funding.id.key)")
        }
        return changed
    }

    private func values(_ funding: NewFunding) -> [SQLiteValue] {
        let (project, pairing): (String?, String?) = switch funding.recipient {
        case .project(let id): (id.key, nil)
        case .pairing(let id): (nil, id)
        }
        return [.text(funding.id.key), .optional(project), .optional(pairing), .text(funding.source.rawValue),
                .integer(funding.amount.yuan), .text(funding.date.description), .optional(funding.note)]
    }
}
