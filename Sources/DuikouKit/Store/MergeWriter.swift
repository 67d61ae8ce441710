#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif

/// A column value read for a merge, compared exactly (text byte for byte, integers as stored).
enum MergeValue: Sendable, Hashable {
    case null
    case integer(Int64)
    case text(String)

    /// The value of `column` in `row`, as stored.
    init(_ row: Row, _ column: String) throws {
        self = switch try row.stored(column) {
        case .null: .null
        case .integer(let value): .integer(value)
        case .text(let text): .text(text)
        }
    }

    var sqlite: SQLiteValue {
        switch self {
        case .null: .null
        case .integer(let value): .integer(value)
        case .text(let text): .text(text)
        }
    }
}

/// One record of a table as a merge sees it: its key, the fields it compares (the values of its
/// table's ``MergeTable/columns``, in order), and when it was recorded.
struct MergeRow: Sendable {
    let key: String
    let columns: [String]
    let values: [MergeValue]
    let recordedAt: String?

    /// The value of one of the table's columns.
    func value(_ column: String) throws -> MergeValue {
        guard let index = columns.firstIndex(of: column) else {
            throw DuikouError(.internal, "a merged record has no column named \(column) (it has \(columns.joined(separator: ", ")))")
        }
        return values[index]
    }

    func optionalText(_ column: String) throws -> String? {
        if case .text(let text) = try value(column) { return text }
        return nil
    }

    func text(_ column: String) throws -> String { try optionalText(column) ?? "" }

    func optionalInteger(_ column: String) throws -> Int64? {
        if case .integer(let value) = try value(column) { return value }
        return nil
    }

    /// The record's key read as a UUID.
    func keyUUID(source: String) throws -> UUID {
        try Self.uuid(key, column: "id", record: key, source: source)
    }

    /// The UUID in `column`, or `nil` when it is empty.
    func uuid(_ column: String, source: String) throws -> UUID? {
        try optionalText(column).map { try Self.uuid($0, column: column, record: key, source: source) }
    }

    private static func uuid(_ text: String, column: String, record: String, source: String) throws -> UUID {
        guard let id = UUID(key: text) else {
            throw DuikouError(.corrupt, "merge source \(DuikouError.quoted(source)) holds \(DuikouError.quoted(text)) in \(column) of record \(record), which is not a UUID",
                              field: column, recordID: record)
        }
        return id
    }
}

/// A table a merge takes records from: its key, the content columns it compares (never
/// `recorded_at`), and their names in reports.
struct MergeTable: Sendable {
    let kind: MergeReport.Kind
    let table: String
    let key: String
    let columns: [String]
    let fields: [String]
    let recorded: Bool

    static let region = MergeTable(
        kind: .region, table: "region", key: "code", columns: ["name_zh", "name_en", "level", "side"],
        fields: ["name_zh", "name_en", "level", "side"], recorded: false)

    static let pairing = MergeTable(
        kind: .pairing, table: "pairing", key: "id", columns: ["northeast_region", "east_region", "level", "status", "parent_id"],
        fields: ["northeast", "east", "level", "status", "parent"], recorded: false)

    static let park = MergeTable(
        kind: .park, table: "park", key: "id",
        columns: ["pairing_id", "name", "kind", "host_region", "partner", "established", "planned_area_m2", "benefit_sharing"],
        fields: ["pairing", "name", "kind", "host_region", "partner", "established", "planned_area_km2", "benefit_sharing"],
        recorded: true)

    /// A project's descriptive fields; its state comes from its history.
    static let project = MergeTable(
        kind: .project, table: "project", key: "id",
        columns: ["pairing_id", "task_code", "title", "description", "northeast_party", "east_party", "park_id", "landmark", "planned_yuan",
                  "planned_start", "planned_completion"],
        fields: ["pairing", "task", "title", "description", "northeast_party", "east_party", "park", "landmark", "planned_investment_yuan",
                 "planned_start", "planned_completion"],
        recorded: true)

    static let exchange = MergeTable(
        kind: .exchange, table: "exchange", key: "id",
        columns: ["pairing_id", "direction", "kind", "start_date", "end_date", "participants", "person", "from_org", "to_org", "post"],
        fields: ["pairing", "direction", "kind", "start", "end", "participants", "person", "from_org", "to_org", "post"],
        recorded: true)

    static let reform = MergeTable(
        kind: .reform, table: "reform", key: "id",
        columns: ["pairing_id", "title", "source", "adopted_by", "date", "task_code", "policies"],
        fields: ["pairing", "title", "source", "adopted_by", "date", "task", "policies"],
        recorded: true)

    static let meeting = MergeTable(
        kind: .meeting, table: "meeting", key: "id",
        columns: ["pairing_id", "kind", "date", "place", "level", "participants", "outcomes"],
        fields: ["pairing", "kind", "date", "place", "level", "participants", "outcomes"],
        recorded: true)

    static let funding = MergeTable(
        kind: .funding, table: "funding", key: "id",
        columns: ["project_id", "pairing_id", "source", "amount_yuan", "date", "note"],
        fields: ["project", "pairing", "source", "amount_yuan", "date", "note"],
        recorded: true)

    static let all: [MergeTable] = [.region, .pairing, .park, .project, .exchange, .reform, .meeting, .funding]

    private var selected: String {
        "SELECT \(key), \(columns.joined(separator: ", "))\(recorded ? ", recorded_at" : "") FROM \(table)"
    }

    /// Every record, in the order it was recorded.
    func rows(in connection: SQLiteConnection) throws -> [MergeRow] {
        try connection.query("\(selected) ORDER BY rowid", [], row)
    }

    /// The record with `key`, or `nil`.
    func row(_ key: String, in connection: SQLiteConnection) throws -> MergeRow? {
        try connection.queryFirst("\(selected) WHERE \(self.key) = ?", [.text(key)], row)
    }

    private func row(_ row: Row) throws -> MergeRow {
        MergeRow(
            key: try row.text(key), columns: columns,
            values: try columns.map { try MergeValue(row, $0) },
            recordedAt: recorded ? try row.text("recorded_at") : nil)
    }

    /// Inserts their record as it is, keeping when it was recorded.
    func insert(_ row: MergeRow, in connection: SQLiteConnection) throws {
        let names = [key] + columns + (recorded ? ["recorded_at"] : [])
        let placeholders = names.indices.map { "?\($0 + 1)" }.joined(separator: ", ")
        var values = [SQLiteValue.text(row.key)] + row.values.map(\.sqlite)
        if recorded { values.append(.optional(row.recordedAt)) }
        try connection.run("INSERT INTO \(table) (\(names.joined(separator: ", "))) VALUES (\(placeholders))", values,
                           context: "merging \(kind.labelEN) \(row.key)")
    }

    /// Replaces our record's content fields with theirs (never `recorded_at`).
    func update(_ row: MergeRow, in connection: SQLiteConnection) throws {
        let assignments = columns.enumerated().map { "\($1) = ?\($0 + 2)" }.joined(separator: ", ")
        try connection.run("UPDATE \(table) SET \(assignments) WHERE \(key) = ?1", [.text(row.key)] + row.values.map(\.sqlite),
                           context: "merging \(kind.labelEN) \(row.key)")
    }

    /// A value as a report shows it: amounts in yuan, areas in km², flags as true/false.
    func display(_ value: MergeValue, field: String) -> String? {
        switch value {
        case .null: return nil
        case .text(let text): return text
        case .integer(let number):
            switch field {
            case "planned_area_km2": return LandArea(squareMetres: number).km2Text
            case "landmark": return number != 0 ? "true" : "false"
            default: return String(number)
            }
        }
    }
}

/// Everything a merge takes from the other database, read in one snapshot.
struct MergeSnapshot: Sendable {
    let rows: [MergeReport.Kind: [MergeRow]]
    /// Each project's history in force, by position, by project id.
    let histories: [String: [ProgressUpdate]]
    /// The projects voided there: when and why, by project id.
    let voids: [String: ProjectVoid]

    init(reading connection: SQLiteConnection) throws {
        var rows: [MergeReport.Kind: [MergeRow]] = [:]
        for table in MergeTable.all {
            rows[table.kind] = try table.rows(in: connection)
        }
        self.rows = rows
        let updates = try connection.query("""
            SELECT u.project_id, \(UpdateSQL.position("u")) AS position, u.date, u.status, u.completed_yuan, u.note, u.recorded_at
            FROM progress_update u WHERE \(UpdateSQL.inForce("u")) ORDER BY u.project_id, position
            """
        ) { row in
            (project: try row.text("project_id"),
             update: ProgressUpdate(
                sequence: try row.int("position"), date: try row.date("date"), status: try row.keyword("status"),
                completed: try row.money("completed_yuan"), note: try row.optionalText("note"), recordedAt: try row.text("recorded_at")))
        }
        histories = Dictionary(grouping: updates, by: \.project).mapValues { $0.map(\.update) }
        voids = Dictionary(uniqueKeysWithValues: try connection.query(
            "SELECT id, voided_at, void_reason FROM project WHERE voided_at IS NOT NULL"
        ) { row in (try row.text("id"), ProjectVoid(at: try row.text("voided_at"), reason: try row.text("void_reason"))) })
    }
}

/// What makes two progress updates the same: their date, status, completed investment and note.
private struct UpdateContent: Hashable {
    let date: LocalDate
    let status: ProjectStatus
    let completed: Money
    let note: String?

    init(_ update: ProgressUpdate) {
        self.init(date: update.date, status: update.status, completed: update.completed, note: update.note)
    }

    init(date: LocalDate, status: ProjectStatus, completed: Money, note: String?) {
        self.date = date
        self.status = status
        self.completed = completed
        self.note = note
    }
}

/// Takes the records of a snapshot of another database into ours, inside a transaction the caller holds.
struct MergeWriter {
    let connection: SQLiteConnection
    let source: String
    let preference: MergePreference
    /// Throws once the task that asked for the merge is cancelled; called between records.
    let checkCancellation: () throws -> Void
    private(set) var report: MergeReport

    init(connection: SQLiteConnection, source: String, options: MergeOptions, cancellation: @escaping () throws -> Void) {
        self.connection = connection
        self.source = source
        self.preference = options.preference
        self.checkCancellation = cancellation
        self.report = MergeReport(source: source, options: options)
    }

    /// Regions, pairings (parents first), parks, projects with their histories, exchanges, reform
    /// measures, meetings and funding; then checks that the pairings and the reform measures' adopting
    /// regions still hold together and that the totals still add up.
    mutating func run(_ snapshot: MergeSnapshot) throws {
        for row in snapshot.rows[.region] ?? [] { try takeRecord(row, .region) }
        for row in try parentsFirst(snapshot.rows[.pairing] ?? []) { try takeRecord(row, .pairing) }
        for row in snapshot.rows[.park] ?? [] { try takeRecord(row, .park) }
        for row in snapshot.rows[.project] ?? [] {
            try checkCancellation()
            let history = snapshot.histories[row.key] ?? []
            if try take(row, .project) {
                try addProject(row, history: history)
            } else {
                try unite(project: row.key, theirs: history)
            }
        }
        try carryVoids(snapshot.voids)
        for row in snapshot.rows[.exchange] ?? [] { try takeRecord(row, .exchange) }
        for row in snapshot.rows[.reform] ?? [] { try takeRecord(row, .reform) }
        for row in snapshot.rows[.meeting] ?? [] { try takeRecord(row, .meeting) }
        for row in snapshot.rows[.funding] ?? [] { try takeRecord(row, .funding) }
        try checkPairings()
        if let problem = try Repository.adoptingRegionProblems(in: connection).first {
            throw DuikouError(.invalidInput, "merge source \(DuikouError.quoted(source)): \(problem) after the merge; settle it in one of the databases first. Nothing was merged")
        }
        // Here as well as before the commit, so that a dry run finds it too.
        try Totals.check(connection)
        try Totals.checkParticipants(connection)
    }

    /// Takes a record that is copied as it is when new.
    private mutating func takeRecord(_ row: MergeRow, _ table: MergeTable) throws {
        if try take(row, table) {
            try table.insert(row, in: connection)
            report.countAdded(table.kind)
        }
    }

    /// Compares their record with ours: counts it identical, or records the conflict (taking their
    /// fields with `--prefer theirs`). Returns `true` when we have no such record, for the caller to add.
    private mutating func take(_ theirs: MergeRow, _ table: MergeTable) throws -> Bool {
        guard let ours = try table.row(theirs.key, in: connection) else { return true }
        let differences = table.fields.indices.compactMap { index -> MergeReport.Difference? in
            guard ours.values[index] != theirs.values[index] else { return nil }
            let field = table.fields[index]
            return MergeReport.Difference(field: field, ours: table.display(ours.values[index], field: field),
                                          theirs: table.display(theirs.values[index], field: field))
        }
        if differences.isEmpty {
            report.countIdentical(table.kind)
            return false
        }
        if preference == .theirs {
            try table.update(theirs, in: connection)
        }
        report.record(MergeReport.Conflict(kind: table.kind, id: theirs.key, differences: differences,
                                           resolution: preference == .theirs ? .tookTheirs : .keptOurs))
        return false
    }

    /// Adds a project of theirs with its whole history, each update under the lifecycle rules.
    private mutating func addProject(_ row: MergeRow, history: [ProgressUpdate]) throws {
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
        report.countAdded(.project)
        report.countAdded(.progressUpdate)
        for update in history.dropFirst() {
            try ProjectWriter(connection: connection, now: update.recordedAt).record(
                NewProgressUpdate(date: update.date, status: update.status, completed: update.completed, note: update.note), to: id)
            report.countAdded(.progressUpdate)
        }
    }

    /// Voids the projects they voided that we hold in force, with their time and reason (as their
    /// updates keep theirs): a project withdrawn in one database is withdrawn in the merged one.
    private mutating func carryVoids(_ voids: [String: ProjectVoid]) throws {
        for (key, void) in voids.sorted(by: { $0.key < $1.key }) {
            let before = connection.totalChanges
            try connection.run(
                "UPDATE project SET voided_at = ?2, void_reason = ?3, changed_at = ?2 WHERE id = ?1 AND voided_at IS NULL",
                [.text(key), .text(void.at), .text(void.reason)], context: "project \(key)")
            if connection.totalChanges > before { report.countUpdated(.project) }
        }
    }

    /// Appends their updates that we lack, in their order, when they are dated on or after our
    /// latest and the lifecycle takes them; reports the others. History is never rewritten.
    private mutating func unite(project key: String, theirs: [ProgressUpdate]) throws {
        guard !theirs.isEmpty else { return }
        guard let id = UUID(key: key) else {
            throw DuikouError(.corrupt, "merge source \(DuikouError.quoted(source)) holds \(DuikouError.quoted(key)) as a project id, which is not a UUID", recordID: key)
        }
        let ours = try connection.query(
            "SELECT u.date, u.status, u.completed_yuan, u.note FROM progress_update u WHERE u.project_id = ? AND \(UpdateSQL.inForce("u")) ORDER BY u.position",
            [.text(key)]
        ) { row in
            UpdateContent(date: try row.date("date"), status: try row.keyword("status"),
                          completed: try row.money("completed_yuan"), note: try row.optionalText("note"))
        }
        var present = Set(ours)
        var latest = ours.last
        for update in theirs {
            let content = UpdateContent(update)
            if present.contains(content) {
                report.countIdentical(.progressUpdate)
                continue
            }
            if let latest, content.date < latest.date {
                refuse(content, of: key, against: latest,
                       reason: "dated \(content.date), before our latest update (\(latest.date)); history is never rewritten")
                continue
            }
            do {
                try ProjectWriter(connection: connection, now: update.recordedAt).record(
                    NewProgressUpdate(date: update.date, status: update.status, completed: update.completed, note: update.note), to: id)
            } catch let error as DuikouError where error.code == .invalidInput {
                // The lifecycle refused it before anything was written.
                refuse(content, of: key, against: latest, reason: error.message)
                continue
            }
            report.countAdded(.progressUpdate)
            present.insert(content)
            latest = content
        }
    }

    private mutating func refuse(_ update: UpdateContent, of project: String, against latest: UpdateContent?, reason: String) {
        let money = { (amount: Money) in String(amount.yuan) }
        let pairs: [(String, String?, String?)] = [
            ("date", latest.map { $0.date.description }, update.date.description),
            ("status", latest.map { $0.status.rawValue }, update.status.rawValue),
            ("completed_investment_yuan", latest.map { money($0.completed) }, money(update.completed)),
            ("note", latest?.note, update.note),
        ]
        let differences = pairs.filter { $0.1 != $0.2 }.map { MergeReport.Difference(field: $0.0, ours: $0.1, theirs: $0.2) }
        report.record(MergeReport.Conflict(kind: .progressUpdate, id: project, differences: differences, reason: reason,
                                           resolution: .keptOurs))
    }

    /// Their pairings ordered so that each comes after its parent.
    private func parentsFirst(_ rows: [MergeRow]) throws -> [MergeRow] {
        let theirs = Set(rows.map(\.key))
        var placed = Set<String>()
        var ordered: [MergeRow] = []
        var pending = rows
        while !pending.isEmpty {
            var waiting: [MergeRow] = []
            for row in pending {
                if let parent = try row.optionalText("parent_id"), theirs.contains(parent), !placed.contains(parent) {
                    waiting.append(row)
                } else {
                    ordered.append(row)
                    placed.insert(row.key)
                }
            }
            if waiting.count == pending.count {
                throw DuikouError(.corrupt, "merge source \(DuikouError.quoted(source)): pairings \(waiting.map(\.key).joined(separator: ", ")) sit inside each other in a circle; nothing was merged")
            }
            pending = waiting
        }
        return ordered
    }

    /// Refuses the merge when it would leave a pairing with a region on the wrong side, or a
    /// pairing inside itself.
    private func checkPairings() throws {
        if let wrong = try connection.queryFirst("""
            SELECT p.id AS pairing, 'northeast' AS field, r.code, r.name_zh FROM pairing p JOIN region r ON r.code = p.northeast_region
            WHERE r.side <> 'northeast'
            UNION ALL
            SELECT p.id, 'east', r.code, r.name_zh FROM pairing p JOIN region r ON r.code = p.east_region WHERE r.side <> 'east'
            LIMIT 1
            """, [], { (pairing: try $0.text("pairing"), field: try $0.text("field"), region: try $0.text("code"), name: try $0.text("name_zh")) }) {
            let side = wrong.field == "east" ? "a Northeast region" : "an Eastern region"
            throw DuikouError(.invalidInput, "merge source \(DuikouError.quoted(source)): pairing \(wrong.pairing): \(wrong.field): region \(wrong.region) (\(wrong.name)) would be \(side) after the merge; settle the region's side in one of the databases first. Nothing was merged")
        }
        if let looped = try connection.queryFirst("""
            WITH RECURSIVE chain(start, id, depth) AS (
                SELECT id, parent_id, 1 FROM pairing WHERE parent_id IS NOT NULL
                UNION ALL
                SELECT chain.start, p.parent_id, chain.depth + 1 FROM chain JOIN pairing p ON p.id = chain.id
                WHERE p.parent_id IS NOT NULL AND chain.id <> chain.start AND chain.depth < 10000
            )
            SELECT start FROM chain WHERE id = start LIMIT 1
            """, [], { try $0.text("start") }) {
            throw DuikouError(.invalidInput, "merge source \(DuikouError.quoted(source)): pairing \(looped): parent: the pairing would sit inside itself after the merge. Nothing was merged")
        }
    }
}
