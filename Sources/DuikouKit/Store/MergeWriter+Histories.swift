#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif

/// How a merge carries a project's history (updates, corrections, superseded originals, unchanged
/// reports) and its plan revisions, each row keeping when it was recorded.
///
/// A history is taken row by row in the order the other database recorded it (`seq`). The rows both
/// databases hold at the same number, place, values and reason are the shared beginning. After it:
/// - an update of theirs is the same as one of ours recorded after the shared beginning when its
///   date, status, completed investment and note are equal (or, for one they corrected later, equal
///   to what their correction made of it); else it is appended at our next place
///   when it is dated on or after our latest update and the lifecycle takes it, and left out as a
///   conflict otherwise;
/// - a correction of theirs is the same as ours when our update at the place it corrects already
///   has its values; it is carried when our update there has the values their correction replaced
///   (ours is marked superseded at the correction's time, the correction appended with its reason)
///   and the corrected history keeps the lifecycle rules; otherwise it is left out as a conflict.
/// When ours is the shared beginning of theirs, every row is carried as it stands there, with its
/// number, place, reason, unchanged flag and recording times. Nothing of ours is ever rewritten.
extension MergeWriter {
    /// Adds a project of theirs with its whole history and its plan revisions, as recorded there.
    mutating func addProject(_ row: MergeRow, history: [MergeUpdateRow], revisions: [MergePlanRevisionRow]) throws {
        guard let first = history.first else {
            throw DuikouError(.corrupt, "merge source \(DuikouError.quoted(source)): project \(row.key) has no progress updates; nothing was merged")
        }
        let id = try row.keyUUID(source: source)
        let project = try NewProject(
            id: id, pairing: row.text("pairing_id"), task: row.text("task_code"), title: row.text("title"),
            description: row.optionalText("description"), northeastParty: row.optionalText("northeast_party"),
            eastParty: row.optionalText("east_party"), park: row.uuid("park_id", source: source),
            landmark: row.optionalInteger("landmark").map { $0 != 0 } ?? false,
            planned: row.optionalInteger("planned_yuan").map(Money.init(uncheckedYuan:)),
            status: first.status, date: first.date, completed: first.completed, note: first.note,
            plannedStart: try row.optionalText("planned_start").map { try LocalDate(parsing: $0, field: "planned_start") },
            plannedCompletion: try row.optionalText("planned_completion").map { try LocalDate(parsing: $0, field: "planned_completion") })
        try ProjectWriter(connection: connection, now: first.recordedAt).add(project)
        if let recordedAt = row.recordedAt, recordedAt != first.recordedAt {
            try connection.run("UPDATE project SET recorded_at = ?2 WHERE id = ?1", [.text(row.key), .text(recordedAt)],
                               context: "merging project \(row.key)")
        }
        report.countAdded(.project)
        report.countAdded(.progressUpdate)
        try uniteHistory(of: row.key, theirs: history, isNew: true)
        for revision in revisions {
            try revision.insert(into: row.key, in: connection)
            report.countAdded(.planRevision)
        }
    }

    /// Unites their history of a project with ours (see the rules above). `isNew`: the project was
    /// just added from their first update, which is not counted again.
    mutating func uniteHistory(of key: String, theirs: [MergeUpdateRow], isNew: Bool) throws {
        var ours = try MergeUpdateRow.rows(of: key, in: connection)
        let recordedBefore = ours.count
        var shared = 0
        while shared < min(ours.count, theirs.count), ours[shared].isSameEntry(as: theirs[shared]) { shared += 1 }
        if shared == theirs.count {
            // Ours holds all of theirs (the common case of a repeated merge).
            if !isNew { theirs.forEach { report.countIdentical($0.kind) } }
            return
        }
        // Their place in the history → ours, and their row in force at each place so far.
        var places: [Int: Int] = [:]
        var theirsInForce: [Int: MergeUpdateRow] = [:]
        for row in theirs[..<shared] {
            if !isNew { report.countIdentical(row.kind) }
            places[row.position] = row.position
            theirsInForce[row.position] = row
        }
        let voided = isNew ? nil : try connection.queryFirst("SELECT voided_at FROM project WHERE id = ?", [.text(key)]) { try $0.optionalText("voided_at") } ?? nil
        // What stands at each place of their history in force, once all their corrections are made.
        let theirsFinal = Dictionary(theirs.filter(\.inForce).map { ($0.position, $0.content) }, uniquingKeysWith: { $1 })
        var matched = Set<Int>()
        var latestChange: String?
        for row in theirs[shared...] {
            defer { theirsInForce[row.position] = row }
            let inForce = ours.filter(\.inForce).sorted { $0.position < $1.position }
            let next = (ours.map(\.seq).max() ?? 0) + 1
            if !row.isCorrection {
                // Ours may hold it, or hold what their corrections later made of it (a database merged
                // from theirs by a Duikou that carried histories in force only).
                let contents: Set<UpdateContent> = row.inForce ? [row.content] : [row.content, theirsFinal[row.position] ?? row.content]
                if let same = ours[shared..<recordedBefore].first(where: { !$0.isCorrection && !matched.contains($0.seq) && contents.contains($0.content) }) {
                    matched.insert(same.seq)
                    places[row.position] = same.position
                    report.countIdentical(.progressUpdate)
                    continue
                }
                let latest = inForce.last?.content
                if let voided {
                    refuse(row, of: key, against: latest, reason: Self.voidedReason(key, voided))
                    continue
                }
                if let latest, row.date < latest.date {
                    refuse(row, of: key, against: latest, reason: "dated \(row.date), before our latest update (\(latest.date)); history is never rewritten")
                    continue
                }
                do {
                    let state = try Repository.replay(inForce.map(Self.entry), project: key)
                    _ = try ProjectLifecycle.apply(to: state, status: row.status, date: row.date, completed: row.completed, project: key)
                } catch let error as DuikouError where error.code == .invalidInput {
                    refuse(row, of: key, against: latest, reason: error.message)
                    continue
                }
                let placed = row.placed(seq: next, position: (inForce.last?.position ?? 0) + 1)
                try placed.insert(into: key, in: connection)
                ours.append(placed)
                places[row.position] = placed.position
                report.countAdded(.progressUpdate)
            } else {
                guard let original = theirsInForce[row.position] else {
                    throw DuikouError(.corrupt, "merge source \(DuikouError.quoted(source)): project \(key): the correction recorded as update \(row.seq) stands at place \(row.position), where no update stood before it; nothing was merged",
                                      recordID: key)
                }
                guard let place = places[row.position], let index = ours.firstIndex(where: { $0.inForce && $0.position == place }) else {
                    refuse(row, of: key, against: nil, reason: "it corrects their update \(row.position) (\(original.content.describe)), which was not merged here")
                    continue
                }
                let current = ours[index]
                if current.content == row.content {
                    report.countIdentical(.correction)
                    continue
                }
                guard current.content == original.content else {
                    refuse(row, of: key, against: current.content,
                           reason: "it corrects their update \(row.position) (\(original.content.describe)), but our update \(place) says \(current.content.describe); the histories differ there")
                    continue
                }
                if let voided {
                    refuse(row, of: key, against: current.content, reason: Self.voidedReason(key, voided))
                    continue
                }
                var corrected = inForce.map(Self.entry)
                if let at = corrected.firstIndex(where: { $0.position == place }) {
                    corrected[at].date = row.date
                    corrected[at].status = row.status
                    corrected[at].completed = row.completed
                    corrected[at].note = row.note
                }
                do {
                    _ = try Repository.replay(corrected, project: key)
                } catch let error as DuikouError where error.code == .invalidInput {
                    refuse(row, of: key, against: current.content, reason: error.message)
                    continue
                }
                try current.supersede(in: key, at: row.recordedAt, in: connection)
                ours[index].supersededAt = row.recordedAt
                let placed = row.placed(seq: next, position: place)
                try placed.insert(into: key, in: connection)
                ours.append(placed)
                report.countAdded(.correction)
            }
            latestChange = max(latestChange ?? row.recordedAt, row.recordedAt)
        }
        if let latestChange {
            try settle(key, history: ours, changedAt: latestChange)
        }
    }

    /// Sets a project's current state from its history in force, and when its history last changed.
    private func settle(_ key: String, history: [MergeUpdateRow], changedAt: String) throws {
        let inForce = history.filter(\.inForce).sorted { $0.position < $1.position }
        let state = try Repository.replay(inForce.map(Self.entry), project: key)
        try connection.run("""
            UPDATE project SET status = ?2, status_date = ?3, completed_yuan = ?4, resume_floor = ?5, reached = ?6, first_date = ?7,
                               changed_at = max(coalesce(changed_at, ''), ?8)
            WHERE id = ?1
            """, [.text(key), .text(state.status.rawValue), .text(state.date.description), .integer(state.completed.yuan),
                  .optional(state.resumeFloor?.rawValue), .optional(state.reached?.rawValue), .optional(inForce.first?.date.description),
                  .text(changedAt)], context: "merging project \(key)")
    }

    /// Unites their plan revisions of a project we hold with ours: the revisions both hold are the
    /// same; when ours are the beginning of theirs and our planned figures are the ones their next
    /// revision started from, the rest of theirs are appended as recorded there and their planned
    /// figures taken; when theirs are the beginning of ours, ours are newer. Otherwise the revisions
    /// that differ are a conflict and nothing is appended. Returns whether the planned figures are
    /// settled by the revisions, so that they are not compared as descriptive fields.
    mutating func uniteRevisions(of row: MergeRow, theirs: [MergePlanRevisionRow]) throws -> Bool {
        let key = row.key
        let ours = try MergePlanRevisionRow.rows(of: key, in: connection)
        var shared = 0
        while shared < min(ours.count, theirs.count), ours[shared].isSameRevision(as: theirs[shared]) { shared += 1 }
        for _ in 0..<shared { report.countIdentical(.planRevision) }
        guard shared < theirs.count else { return ours.count > shared }
        let next = theirs[shared]
        let current = try MergePlanRevisionRow.currentFigures(of: key, in: connection)
        if shared == ours.count, current == next.previous {
            for revision in theirs[shared...] {
                try revision.insert(into: key, in: connection)
                report.countAdded(.planRevision)
            }
            try MergePlanRevisionRow.setFigures(MergePlanRevisionRow.Figures(
                planned: try row.optionalInteger("planned_yuan"), start: try row.optionalText("planned_start"),
                completion: try row.optionalText("planned_completion")), of: key, in: connection)
            return true
        }
        let differences: [MergeReport.Difference]
        let reason: String
        if shared < ours.count {
            let mine = ours[shared]
            differences = Self.differences(mine.figures, next.figures) + (mine.reason == next.reason ? [] : [
                MergeReport.Difference(field: "reason", ours: mine.reason, theirs: next.reason),
            ])
            reason = "their plan revision \(next.seq) differs from ours; plan revisions are never rewritten"
        } else {
            differences = Self.differences(current ?? next.previous, next.previous)
            reason = "their plan revision \(next.seq) (\(next.reason)) revises planned figures other than ours; plan revisions are never rewritten"
        }
        report.record(MergeReport.Conflict(kind: .planRevision, id: key, differences: differences, reason: reason, resolution: .keptOurs))
        return false
    }

    /// Reports a row of theirs left out, with its fields against `ours` (our latest update, or our
    /// update at the place a correction corrects).
    private mutating func refuse(_ row: MergeUpdateRow, of project: String, against ours: UpdateContent?, reason: String) {
        let money = { (amount: Money) in String(amount.yuan) }
        let pairs: [(String, String?, String?)] = [
            ("date", ours.map { $0.date.description }, row.date.description),
            ("status", ours.map { $0.status.rawValue }, row.status.rawValue),
            ("completed_investment_yuan", ours.map { money($0.completed) }, money(row.completed)),
            ("note", ours?.note, row.note),
        ]
        let differences = pairs.filter { $0.1 != $0.2 }.map { MergeReport.Difference(field: $0.0, ours: $0.1, theirs: $0.2) }
        let why = row.reason.map { "\(reason) (their reason: \($0))" } ?? reason
        report.record(MergeReport.Conflict(kind: row.kind, id: project, differences: differences, reason: why, resolution: .keptOurs))
    }

    private static func differences(_ ours: MergePlanRevisionRow.Figures, _ theirs: MergePlanRevisionRow.Figures) -> [MergeReport.Difference] {
        [
            ("planned_investment_yuan", ours.planned.map { String($0) }, theirs.planned.map { String($0) }),
            ("planned_start", ours.start, theirs.start),
            ("planned_completion", ours.completion, theirs.completion),
        ].filter { $0.1 != $0.2 }.map { MergeReport.Difference(field: $0.0, ours: $0.1, theirs: $0.2) }
    }

    private static func voidedReason(_ key: String, _ voided: String) -> String {
        "project \(key) was voided here at \(Timestamp.printed(voided)); a voided project takes no further changes"
    }

    private static func entry(_ row: MergeUpdateRow) -> Repository.HistoryEntry {
        Repository.HistoryEntry(seq: row.seq, position: row.position, date: row.date, status: row.status, completed: row.completed, note: row.note)
    }
}

extension MergePlanRevisionRow {
    /// The columns of a project that its plan revisions settle.
    static let plannedColumns: Set<String> = ["planned_yuan", "planned_start", "planned_completion"]
}
