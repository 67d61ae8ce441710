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

    /// Replaces our record's content fields with theirs (never `recorded_at`), leaving the columns
    /// in `kept` as they are.
    func update(_ row: MergeRow, keeping kept: Set<String> = [], in connection: SQLiteConnection) throws {
        let taken = zip(columns, row.values).filter { !kept.contains($0.0) }
        let assignments = taken.enumerated().map { "\($1.0) = ?\($0 + 2)" }.joined(separator: ", ")
        try connection.run("UPDATE \(table) SET \(assignments) WHERE \(key) = ?1", [.text(row.key)] + taken.map(\.1.sqlite),
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
    /// Each project's progress history as recorded, every update and correction in the order of
    /// `seq`, superseded ones included, by project id.
    let histories: [String: [MergeUpdateRow]]
    /// Each project's plan revisions, oldest first, by project id.
    let revisions: [String: [MergePlanRevisionRow]]
    /// The projects voided there: when and why, by project id.
    let voids: [String: ProjectVoid]

    init(reading connection: SQLiteConnection) throws {
        var rows: [MergeReport.Kind: [MergeRow]] = [:]
        for table in MergeTable.all {
            rows[table.kind] = try table.rows(in: connection)
        }
        self.rows = rows
        histories = try MergeUpdateRow.all(in: connection)
        revisions = try MergePlanRevisionRow.all(in: connection)
        voids = Dictionary(uniqueKeysWithValues: try connection.query(
            "SELECT id, voided_at, void_reason FROM project WHERE voided_at IS NOT NULL"
        ) { row in (try row.text("id"), ProjectVoid(at: try row.text("voided_at"), reason: try row.text("void_reason"))) })
    }
}

/// Takes the records of a snapshot of another database into ours, inside a transaction the caller holds.
struct MergeWriter {
    let connection: SQLiteConnection
    let source: String
    let preference: MergePreference
    /// Throws once the task that asked for the merge is cancelled; called between records.
    let checkCancellation: () throws -> Void
    /// What the merge did so far.
    var report: MergeReport

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
        // Few projects have plan revisions: the others need no look into ours.
        let revised = Set(try connection.query("SELECT DISTINCT project_id FROM project_plan_revision") { try $0.text("project_id") })
        for row in snapshot.rows[.project] ?? [] {
            try checkCancellation()
            let history = snapshot.histories[row.key] ?? []
            let revisions = snapshot.revisions[row.key] ?? []
            if let ours = try MergeTable.project.row(row.key, in: connection) {
                // Planned figures the revisions settle are not compared (nor taken with --prefer theirs).
                let settled = revisions.isEmpty && !revised.contains(row.key) ? false : try uniteRevisions(of: row, theirs: revisions)
                try compare(row, with: ours, .project, keeping: settled ? MergePlanRevisionRow.plannedColumns : [])
                try uniteHistory(of: row.key, theirs: history, isNew: false)
            } else {
                try addProject(row, history: history, revisions: revisions)
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

    /// Compares their record with ours (see ``compare(_:with:_:keeping:)``). Returns `true` when we
    /// have no such record, for the caller to add.
    private mutating func take(_ theirs: MergeRow, _ table: MergeTable) throws -> Bool {
        guard let ours = try table.row(theirs.key, in: connection) else { return true }
        try compare(theirs, with: ours, table)
        return false
    }

    /// Compares their record with ours, leaving out the columns in `kept`: counts it identical, or
    /// records the conflict (taking their fields but the kept ones with `--prefer theirs`).
    private mutating func compare(_ theirs: MergeRow, with ours: MergeRow, _ table: MergeTable, keeping kept: Set<String> = []) throws {
        let differences = table.fields.indices.compactMap { index -> MergeReport.Difference? in
            guard ours.values[index] != theirs.values[index], !kept.contains(table.columns[index]) else { return nil }
            let field = table.fields[index]
            return MergeReport.Difference(field: field, ours: table.display(ours.values[index], field: field),
                                          theirs: table.display(theirs.values[index], field: field))
        }
        if differences.isEmpty {
            report.countIdentical(table.kind)
            return
        }
        if preference == .theirs {
            try table.update(theirs, keeping: kept, in: connection)
        }
        report.record(MergeReport.Conflict(kind: table.kind, id: theirs.key, differences: differences,
                                           resolution: preference == .theirs ? .tookTheirs : .keptOurs))
    }

    /// Voids the projects they voided that we hold in force, with their time and reason (as their
    /// updates keep theirs): a project withdrawn in one database is withdrawn in the merged one.
    private mutating func carryVoids(_ voids: [String: ProjectVoid]) throws {
        for (key, void) in voids.sorted(by: { $0.key < $1.key }) {
            let before = connection.totalChanges
            try connection.run(
                "UPDATE project SET voided_at = ?2, void_reason = ?3, changed_at = max(coalesce(changed_at, ''), ?2) WHERE id = ?1 AND voided_at IS NULL",
                [.text(key), .text(void.at), .text(void.reason)], context: "project \(key)")
            if connection.totalChanges > before { report.countUpdated(.project) }
        }
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
