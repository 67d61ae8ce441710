#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif

/// Applies the rows of one imported file inside the import's transaction.
final class RowImporter {
    enum Outcome { case added, updated, unchanged, refused }

    private let kind: InterchangeKind
    private let connection: SQLiteConnection
    private let projects: ProjectWriter
    private let parks: ParkWriter
    private let exchanges: ExchangeWriter
    /// Reads the pairings and tasks rows name (ids, names, short names, aliases), loaded once.
    private let catalogue: Catalogue
    private let reforms: ReformWriter
    private let meetings: MeetingWriter
    private let funding: FundingWriter
    private let today = LocalDate.today()
    /// The largest rowid of the file's table before the import: SQLite gives each new row a rowid
    /// above the largest in the table, so a record above it was added by an earlier row of this file.
    private let recordedThrough: Int64
    /// Whether `recordedThrough` cannot tell: at the largest rowid there is, SQLite picks new rowids
    /// at random, and then every id is tracked in `import_seen` instead.
    private var tracksAddedIDs: Bool { recordedThrough == Int64.max }

    init(kind: InterchangeKind, connection: SQLiteConnection, now: String) throws {
        self.kind = kind
        self.connection = connection
        projects = try ProjectWriter(connection: connection, now: now)
        parks = ParkWriter(connection: connection, now: now)
        exchanges = ExchangeWriter(connection: connection, now: now)
        catalogue = try Repository.loadCatalogue(connection)
        reforms = ReformWriter(connection: connection, now: now)
        meetings = MeetingWriter(connection: connection, now: now)
        funding = FundingWriter(connection: connection, now: now)
        recordedThrough = try connection.queryFirst("SELECT coalesce(max(rowid), 0) AS last FROM \(kind.recordKind.table)") { try $0.int64("last") } ?? 0
        // Ids of recorded records this file corrected, to report a repeated id; kept by SQLite so memory stays flat.
        try connection.execute("CREATE TEMP TABLE IF NOT EXISTS import_seen (id TEXT PRIMARY KEY) WITHOUT ROWID")
        try connection.execute("DELETE FROM import_seen")
    }

    func finish() {
        try? connection.execute("DROP TABLE IF EXISTS temp.import_seen")
    }

    /// Applies one row, adding its problems to it.
    func apply(_ row: inout ImportRow) -> Outcome {
        do {
            switch kind {
            case .projects: return try applyProject(&row)
            case .updates: return try applyUpdate(&row)
            case .parks: return try applyPark(&row)
            case .exchanges: return try applyExchange(&row)
            case .reforms: return try applyReform(&row)
            case .meetings: return try applyMeeting(&row)
            case .funding: return try applyFunding(&row)
            }
        } catch {
            row.problem(nil, error)
            return .refused
        }
    }

    /// The rowid of the record of the file's kind with this id, if it is recorded.
    private func recordedRowid(_ id: UUID) throws -> Int64? {
        try connection.queryFirst("SELECT rowid AS row FROM \(kind.recordKind.table) WHERE id = ?", [.text(id.key)]) { try $0.int64("row") }
    }

    /// Whether a recorded record (at `rowid`) is met for the first time in this file, so that this row
    /// may correct it; reports the row when an earlier row of the file added or corrected it.
    private func firstCorrection(of id: UUID, at rowid: Int64, _ row: inout ImportRow) throws -> Bool {
        guard rowid <= recordedThrough, try firstSighting(id) else {
            row.problem("id", "\(id.key) appears on an earlier row of this file")
            return false
        }
        return true
    }

    /// Notes an id in `import_seen`; `false` when it was noted already.
    private func firstSighting(_ id: UUID) throws -> Bool {
        let before = connection.totalChanges
        try connection.run("INSERT OR IGNORE INTO import_seen (id) VALUES (?)", [.text(id.key)])
        return connection.totalChanges > before
    }

    /// Notes the id of a record this file added, when rowids cannot tell (see `tracksAddedIDs`).
    private func noteAdded(_ id: UUID) throws {
        if tracksAddedIDs { _ = try firstSighting(id) }
    }

    private func resolve(_ kind: RecordKind, _ column: String, _ row: inout ImportRow) -> UUID? {
        row.parse(column) { try Repository.resolveID($0, of: kind, in: self.connection) }
    }

    private func applyProject(_ row: inout ImportRow) throws -> Outcome {
        let givenID = row.uuid("id")
        let pairing = row.pairing("pairing", in: catalogue)
        let task = row.task("task", in: catalogue)
        let title = row.required("title")
        let status = row.keyword("status", ProjectStatus.self)
        let date = row.date("date")
        let planned = row.money("planned")
        let completed = row.money("completed")
        let park = resolve(.park, "park", &row)
        let landmark = row.flag("landmark")
        let reached = row.keyword("reached", ProjectStatus.self)
        let plannedStart = row.date("planned_start")
        let plannedCompletion = row.date("planned_completion")
        guard row.problems.isEmpty, let pairing, let task, let title else { return .refused }
        let project: NewProject
        do {
            project = try NewProject(
                id: givenID ?? UUID(), pairing: pairing, task: task, title: title, description: row.text("description"),
                northeastParty: row.text("northeast_party"), eastParty: row.text("east_party"), park: park, landmark: landmark,
                planned: planned, status: status ?? .signed, date: date ?? today, completed: completed ?? .zero, reached: reached,
                plannedStart: plannedStart, plannedCompletion: plannedCompletion)
        } catch {
            row.problem("title", error)
            return .refused
        }
        if try projects.insert(project) {
            try noteAdded(project.id)
            return .added
        }
        // The id is recorded: by an earlier row of this file, or before it. (An id made up here
        // colliding with a recorded one is refused like any duplicate.)
        guard givenID != nil, let rowid = try recordedRowid(project.id) else { throw ProjectWriter.alreadyRecorded(project) }
        guard try firstCorrection(of: project.id, at: rowid, &row) else { return .refused }
        return try correctProject(project, status: status, date: date, completed: completed, reached: reached, &row)
    }

    /// A row for a recorded project: its fields are corrected in place, a change of state is a progress update.
    private func correctProject(
        _ project: NewProject, status: ProjectStatus?, date: LocalDate?, completed: Money?, reached: ProjectStatus?, _ row: inout ImportRow
    ) throws -> Outcome {
        guard let current = try projects.state(of: project.id)?.state else { return .refused }
        let history = ProjectStatus.furthest(current.reached, status ?? current.status)
        if let reached, reached != history {
            row.problem("reached", "\(DuikouError.quoted(reached.rawValue)) does not agree with the project's history, which has reached \(history.map { DuikouError.quoted($0.rawValue) } ?? "no on-track step"); the steps reached follow from the progress updates")
            return .refused
        }
        let changedFields = try projects.correct(project)
        let changesState = (status.map { $0 != current.status } ?? false) || (completed.map { $0 != current.completed } ?? false)
            || (date.map { $0 != current.date } ?? false)
        if changesState {
            try projects.record(try NewProgressUpdate(date: date ?? today, status: status, completed: completed, note: nil), to: project.id)
        }
        return changedFields || changesState ? .updated : .unchanged
    }

    private func applyUpdate(_ row: inout ImportRow) throws -> Outcome {
        let project = resolve(.project, "project", &row)
        let date = row.date("date")
        let status = row.keyword("status", ProjectStatus.self)
        let completed = row.money("completed")
        let note = row.parse("note") { try optionalText($0, field: "note") } ?? nil
        if row.text("date") == nil { row.problem("date", "is required") }
        guard row.problems.isEmpty, let project, let date else { return .refused }
        guard status != nil || completed != nil || note != nil else {
            row.problem("status", "give a status, a completed investment or a note")
            return .refused
        }
        if try projects.hasUpdate(project, date: date, status: status, completed: completed, note: note) {
            return .unchanged
        }
        try projects.record(try NewProgressUpdate(date: date, status: status, completed: completed, note: note), to: project)
        return .added
    }

    private func applyPark(_ row: inout ImportRow) throws -> Outcome {
        let givenID = row.uuid("id")
        let pairing = row.pairing("pairing", in: catalogue)
        let name = row.required("name")
        let kind = row.keyword("kind", ParkKind.self)
        let established = row.date("established")
        let area = row.parse("planned_area_km2") { try LandArea(parsingKm2: $0, field: "planned_area_km2") }
        guard row.problems.isEmpty, let pairing, let name else { return .refused }
        let park = try NewPark(
            id: givenID ?? UUID(), pairing: pairing, name: name, kind: kind ?? .joint, hostRegion: row.text("host_region").map { catalogue.regionCode(named: $0) ?? $0 },
            partner: row.text("partner"), established: established, plannedArea: area, benefitSharing: row.text("benefit_sharing"))
        return try addOrCorrect(park.id, given: givenID != nil, &row, insert: { try parks.insert(park) }, correct: { try parks.correct(park) })
    }

    private func applyExchange(_ row: inout ImportRow) throws -> Outcome {
        let givenID = row.uuid("id")
        let pairing = row.pairing("pairing", in: catalogue)
        let direction = row.keyword("direction", ExchangeDirection.self)
        let kind = row.keyword("kind", ExchangeKind.self)
        let start = row.date("start")
        let end = row.date("end")
        let participants = row.count("participants")
        for column in ["direction", "kind", "start"] where row.text(column) == nil { row.problem(column, "is required") }
        guard row.problems.isEmpty, let pairing, let direction, let kind, let start else { return .refused }
        let exchange = try NewExchange(
            id: givenID ?? UUID(), pairing: pairing, direction: direction, kind: kind, start: start, end: end,
            participants: participants, person: row.text("person"), fromOrg: row.text("from_org"), toOrg: row.text("to_org"),
            post: row.text("post"))
        return try addOrCorrect(exchange.id, given: givenID != nil, &row, insert: { try exchanges.insert(exchange) },
                                correct: { try exchanges.correct(exchange) })
    }

    /// Adds the record of a row, or corrects the recorded one its `id` names: `insert` and `correct`
    /// are the kind's writer's.
    private func addOrCorrect(_ id: UUID, given: Bool, _ row: inout ImportRow, insert: () throws -> Void, correct: () throws -> Bool) throws -> Outcome {
        if given, let rowid = try recordedRowid(id) {
            guard try firstCorrection(of: id, at: rowid, &row) else { return .refused }
            return try correct() ? .updated : .unchanged
        }
        try insert()
        try noteAdded(id)
        return .added
    }

    private func applyReform(_ row: inout ImportRow) throws -> Outcome {
        let givenID = row.uuid("id")
        let pairing = row.pairing("pairing", in: catalogue)
        let title = row.required("title")
        let date = row.date("date")
        let task = row.parse("task") { try NewReformMeasure.areaOneTask(catalogue.task(named: $0).code) }
        let policies = row.parse("policies") { try NewReformMeasure.policies(parsing: $0) }
        if row.text("date") == nil { row.problem("date", "is required") }
        guard row.problems.isEmpty, let pairing, let title, let date else { return .refused }
        let reform = try NewReformMeasure(
            id: givenID ?? UUID(), pairing: pairing, title: title, source: row.text("source"), adoptedBy: row.text("adopted_by").map { catalogue.regionCode(named: $0) ?? $0 },
            date: date, task: task ?? NewReformMeasure.defaultTask, policies: policies ?? 1)
        return try addOrCorrect(reform.id, given: givenID != nil, &row, insert: { try reforms.insert(reform) }, correct: { try reforms.correct(reform) })
    }

    private func applyMeeting(_ row: inout ImportRow) throws -> Outcome {
        let givenID = row.uuid("id")
        let pairing = row.pairing("pairing", in: catalogue)
        let kind = row.keyword("kind", MeetingKind.self)
        let date = row.date("date")
        let participants = row.count("participants")
        for column in ["kind", "date"] where row.text(column) == nil { row.problem(column, "is required") }
        guard row.problems.isEmpty, let pairing, let kind, let date else { return .refused }
        let meeting = try NewMeeting(
            id: givenID ?? UUID(), pairing: pairing, kind: kind, date: date, place: row.text("place"), level: row.text("level"),
            participants: participants, outcomes: row.text("outcomes"))
        return try addOrCorrect(meeting.id, given: givenID != nil, &row, insert: { try meetings.insert(meeting) }, correct: { try meetings.correct(meeting) })
    }

    private func applyFunding(_ row: inout ImportRow) throws -> Outcome {
        let givenID = row.uuid("id")
        let project = resolve(.project, "project", &row)
        let source = row.keyword("source", FundingSource.self)
        let amount = row.money("amount")
        let date = row.date("date")
        for column in ["source", "amount", "date"] where row.text(column) == nil { row.problem(column, "is required") }
        var pairing: String?
        if row.text("project") != nil && row.text("pairing") != nil {
            row.problem("pairing", "give a project or a pairing, not both")
        } else if row.text("project") == nil && row.text("pairing") == nil {
            row.problem("project", "give the project or the pairing funded")
        } else if row.text("pairing") != nil {
            pairing = row.pairing("pairing", in: catalogue)
        }
        guard row.problems.isEmpty, let source, let amount, let date else { return .refused }
        let record = try NewFunding(
            id: givenID ?? UUID(), project: project, pairing: pairing, source: source, amount: amount, date: date,
            note: row.text("note"))
        return try addOrCorrect(record.id, given: givenID != nil, &row, insert: { try funding.insert(record) }, correct: { try funding.correct(record) })
    }
}
