/// Brings the trigram index `record_search` up to date with the projects, parks, reform measures,
/// meetings and funding, once per write transaction (migrations `V007_search_over_records.sql` and
/// `V012_soft_cooperation.sql`).
///
/// FTS5 flushes its pending data at every statement, so the index is not kept by row triggers
/// (a bulk import would write a tiny index segment per row); instead each write transaction ends
/// with these statements, which index what changed since the last sync in one go.
///
/// What the index holds is read from FTS5's own table of indexed rowids (`record_search_docsize`,
/// one row per indexed document), not from a stored high-water mark: a rowid freed by a delete can be
/// taken again by the next insert, even one below a rowid indexed earlier (rowids 1…10 indexed, 9
/// deleted in one transaction, 10 in the next, and the next project is given 9). So:
///
/// 1. A record whose text was changed or deleted has its old text in `search_change`; the first
///    entry for a rowid is what the index holds, and it is removed from the index if the index holds
///    that rowid (a row added and changed in the same transaction was never indexed).
/// 2. Every record that existed at the start of the transaction and was neither changed nor deleted
///    is indexed, so a new row's rowid is above the highest of those (`unchangedThrough`): SQLite
///    gives a new row a rowid above the largest one in the table. Rows above it are indexed now,
///    and so are the changed rows below it that still exist.
enum SearchIndexSync {
    static func run(_ connection: SQLiteConnection) throws {
        let changed = try connection.exists("SELECT 1 FROM search_change")
        let through = try SearchSource.all.map { source in
            try connection.queryFirst(source.unchangedThrough) { try $0.int64("through") } ?? 0
        }
        if !changed {
            var anyNew = false
            for (source, through) in zip(SearchSource.all, through) where !anyNew {
                anyNew = try connection.exists(source.anyAbove, [.integer(through)])
            }
            guard anyNew else { return }
        }
        let context = "updating the search index"
        if changed {
            try connection.run(SearchSource.removeChanged, context: context)
            for (source, through) in zip(SearchSource.all, through) {
                try connection.run(source.indexChanged, [.integer(through)], context: context)
            }
            try connection.run("DELETE FROM search_change", context: context)
        }
        for (source, through) in zip(SearchSource.all, through) {
            try connection.run(source.indexAbove, [.integer(through)], context: context)
        }
    }
}

/// A table whose text the index holds, and the SQL of its part of the sync.
///
/// The index's rowids (migration `V012_soft_cooperation.sql`): a project's rowid (below 2^56),
/// minus a park's rowid, and for reforms, meetings and funding their rowid plus 2^56, 2·2^56 and
/// 3·2^56. Each kind's text fills the index's four columns (`title`, `description`,
/// `northeast_party`, `east_party`) in its order of importance.
struct SearchSource {
    /// The width of a band of index rowids, 2^56.
    static let band: Int64 = 1 << 56

    /// The kind of record a hit on the table is.
    let kind: RecordKind
    /// The table holding the records.
    let table: String
    /// The table's alias in the search queries.
    let alias: String
    /// The index rowid is minus the record's rowid (parks) rather than the rowid plus ``start``.
    let negated: Bool
    /// Where the kind's band of index rowids starts.
    let start: Int64
    /// The record's text for the index's columns, in order: the table's columns.
    let columns: [String]
    /// The fields a hit names for those columns, in the same order.
    let fields: [SearchHit.Field]
    /// A hit's title, as SQL over ``alias`` (and, for funding, its project `fp`).
    let title: String
    /// A hit's pairing, as SQL over ``alias`` (and, for funding, its project `fp`).
    let pairing: String

    static let project = SearchSource(
        kind: .project, table: "project", alias: "p", negated: false, start: 0,
        columns: ["title", "description", "northeast_party", "east_party"], fields: [.title, .description, .northeastParty, .eastParty],
        title: "p.title", pairing: "p.pairing_id")
    static let park = SearchSource(
        kind: .park, table: "park", alias: "k", negated: true, start: 0, columns: ["name"], fields: [.name],
        title: "k.name", pairing: "k.pairing_id")
    static let reform = SearchSource(
        kind: .reform, table: "reform", alias: "r", negated: false, start: band, columns: ["title", "source"], fields: [.title, .source],
        title: "r.title", pairing: "r.pairing_id")
    /// A meeting's title is its date and place.
    static let meeting = SearchSource(
        kind: .meeting, table: "meeting", alias: "g", negated: false, start: 2 * band, columns: ["place", "outcomes"],
        fields: [.place, .outcomes], title: "g.date || coalesce(' ' || g.place, '')", pairing: "g.pairing_id")
    /// A funding's title is its project's title, else its note; its pairing is the project's when it funds one.
    static let funding = SearchSource(
        kind: .funding, table: "funding", alias: "f", negated: false, start: 3 * band, columns: ["note"], fields: [.note],
        title: "coalesce(fp.title, f.note)", pairing: "coalesce(f.pairing_id, fp.pairing_id)")

    /// Every kind, in the order hits of equal rank are listed.
    static let all: [SearchSource] = [.project, .park, .reform, .meeting, .funding]

    /// The index's columns.
    private static let indexColumns = ["title", "description", "northeast_party", "east_party"]

    /// The index rowid of the record at `rowid` (an SQL expression).
    func document(_ rowid: String) -> String { negated ? "-\(rowid)" : start == 0 ? rowid : "\(rowid) + \(start)" }

    /// The record rowid of the index rowid `document` (an SQL expression).
    func record(_ document: String) -> String { negated ? "-\(document)" : start == 0 ? document : "\(document) - \(start)" }

    /// Whether the index rowid `document` (an SQL expression) is in this kind's band.
    func holds(_ document: String) -> String {
        negated ? "\(document) < 0" : "\(document) > \(start) AND \(document) < \(start + Self.band)"
    }

    /// The highest record rowid the index holds whose text was not changed since the last sync; 0 if none.
    var unchangedThrough: String {
        """
        SELECT coalesce((SELECT \(record("d.id")) FROM record_search_docsize d
                         WHERE \(holds("d.id")) AND NOT EXISTS (SELECT 1 FROM search_change c WHERE c.doc = d.id)
                         ORDER BY d.id\(negated ? "" : " DESC") LIMIT 1), 0) AS through
        """
    }

    /// ?1: a record rowid.
    var anyAbove: String { "SELECT 1 FROM \(table) WHERE rowid > ?1" }

    private var inserted: String {
        "INSERT INTO record_search (rowid, \(Self.indexColumns.prefix(columns.count).joined(separator: ", ")))"
    }

    /// Indexes the changed records that still exist, at or below the record rowid ?1 (those above
    /// are indexed as new).
    var indexChanged: String {
        """
        \(inserted)
        SELECT \(document("t.rowid")), \(columns.map { "t.\($0)" }.joined(separator: ", ")) FROM \(table) t
        WHERE t.rowid IN (SELECT \(record("c.doc")) FROM search_change c WHERE \(holds("c.doc")) AND \(record("c.doc")) <= ?1)
        """
    }

    /// Indexes the records above the record rowid ?1. Separate from the changed ones: with an OR,
    /// SQLite would gather every matching rowid in memory first.
    var indexAbove: String {
        "\(inserted) SELECT \(document("rowid")), \(columns.joined(separator: ", ")) FROM \(table) WHERE rowid > ?1"
    }

    /// Removes from the index the text it holds of each changed or deleted record: the first logged.
    static let removeChanged = """
        INSERT INTO record_search (record_search, rowid, title, description, northeast_party, east_party)
        SELECT 'delete', c.doc, c.title, c.description, c.northeast_party, c.east_party FROM search_change c
        WHERE c.seq = (SELECT min(f.seq) FROM search_change f WHERE f.doc = c.doc)
          AND EXISTS (SELECT 1 FROM record_search_docsize d WHERE d.id = c.doc)
        """
}
