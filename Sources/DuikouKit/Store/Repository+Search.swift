#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif

extension Repository {
    /// The shortest text, in Unicode scalars, that the trigram index can look up; shorter text is
    /// found by scanning the searchable fields instead.
    public static let minimumIndexedSearchLength = 3

    /// The records that contain `text`, best matches first; see ``Snapshot/search(_:limit:)``.
    public func search(_ text: String, limit: Int? = nil) throws -> [SearchHit] {
        try read { try $0.search(text, limit: limit) }
    }
}

extension Snapshot {
    /// The records whose text contains `text`, best matches first; one hit per record: projects
    /// (title, description, Northeast and Eastern party), parks (name), reform measures (title and
    /// Eastern source), meetings (place and outcomes) and funding (note).
    ///
    /// The text is looked for as a substring, ignoring the case of ASCII letters, after its leading
    /// and trailing spaces are trimmed. Text of three or more Unicode scalars (``Repository/minimumIndexedSearchLength``)
    /// is looked up in the trigram index (migrations `V007_search_over_records.sql` and
    /// `V012_soft_cooperation.sql`) and the hits are ordered by relevance (the BM25 score of the
    /// record's text, all its fields together), ties by kind (projects, parks, reform measures,
    /// meetings, funding) and in the order recorded. Shorter text is found by scanning the same
    /// fields, ordered by the field that matched (a record's first field first: titles, park names,
    /// places, notes), then by kind, in the order recorded. Either way the text is a bound value:
    /// quotes, emoji and SQL in it are only text.
    ///
    /// A hit shows the first of the record's fields that matched, in the record's order (for a
    /// project: title, description, Northeast party, Eastern party), with a snippet of it around
    /// the match.
    ///
    /// ```swift
    /// for hit in try snapshot.search("哈尔滨", limit: 10) {
    ///     print(hit.kind, hit.title, hit.field, hit.snippet)
    /// }
    /// ```
    ///
    /// - Parameters:
    ///   - text: what to look for; Chinese, other scripts, emoji and punctuation are all fine.
    ///   - limit: at most this many hits (at least 1); all of them when `nil`.
    /// - Throws: ``DuikouError/Code/invalidInput`` when `text` is empty or only spaces, or when
    ///   `limit` is below 1.
    public func search(_ text: String, limit: Int? = nil) throws -> [SearchHit] {
        let query = text.trimmingSpaces()
        guard !query.isEmpty else {
            throw DuikouError.invalid("search text", text, "is empty; give the text to look for")
        }
        if let limit, limit < 1 {
            throw DuikouError.invalid("limit", String(limit), "must be at least 1")
        }
        // A negative LIMIT means no limit to SQLite.
        let rowLimit = SQLiteValue.integer(limit.map(Int64.init) ?? -1)
        try prepareForSearch()
        let connection = try connection
        let found: [SearchSQL.Found]
        // Text with a NUL character is scanned for: the index's query language would end at the NUL.
        if query.unicodeScalars.count >= Repository.minimumIndexedSearchLength && !query.unicodeScalars.contains("\u{0}") {
            found = try connection.query(SearchSQL.indexed, [.text(SearchSQL.phrase(query)), rowLimit], SearchSQL.found)
        } else {
            found = try connection.query(SearchSQL.scan, [.text(query), rowLimit], SearchSQL.found)
        }
        return found.map { found in
            SearchHit(kind: found.kind, id: found.id, pairing: found.pairing, title: found.title, field: found.field,
                      snippet: SearchHit.snippet(of: found.text, around: query))
        }
    }
}

/// The SQL of search, over the records of every ``SearchSource`` and their trigram index
/// `record_search` (V007_search_over_records.sql, V012_soft_cooperation.sql): one index row per
/// record, its rowid in its kind's band.
enum SearchSQL {
    /// The first matching field of a record, joined back to the record.
    struct Found {
        let kind: RecordKind
        let id: UUID
        let pairing: String
        let title: String
        let field: SearchHit.Field
        let text: String
    }

    /// The text as one FTS5 phrase: in double quotes, with any double quote inside doubled. Done on
    /// Unicode scalars, so that a quote followed by a combining mark is escaped too.
    static func phrase(_ text: String) -> String {
        var phrase = "\""
        for scalar in text.unicodeScalars {
            phrase.unicodeScalars.append(scalar)
            if scalar == "\"" { phrase.unicodeScalars.append(scalar) }
        }
        return phrase + "\""
    }

    private static let sources = SearchSource.all

    /// `CASE WHEN <the doc is of a kind> THEN <that kind's value> … END` over the matched doc `m.doc`.
    private static func byKind(_ value: (SearchSource) -> String) -> String {
        "CASE " + sources.map { "WHEN \($0.holds("m.doc")) THEN \(value($0))" }.joined(separator: " ") + " END"
    }

    /// The value for each of a kind's fields, by the position of the field that matched.
    private static func byField(_ source: SearchSource, _ value: (Int) -> String) -> String {
        "CASE m.field_order " + source.columns.indices.map { "WHEN \($0 + 1) THEN \(value($0))" }.joined(separator: " ") + " END"
    }

    /// The position of the matched record's kind in ``SearchSource/all``: hits of equal rank are
    /// listed by kind, then in the order recorded.
    private static let kindOrder = byKind { source in String(sources.firstIndex { $0.kind == source.kind } ?? 0) }

    private static let recordID = "coalesce(\(sources.map { "\($0.alias).id" }.joined(separator: ", ")))"

    /// Joins each matched index row (`matched`: `doc`, `field_order`) back to its record, in `order`.
    private static func joined(orderedBy order: String) -> String {
        let joins = sources.map { source in
            "LEFT JOIN \(source.table) \(source.alias) ON \(source.holds("m.doc")) AND \(source.alias).rowid = \(source.record("m.doc"))"
        }
        return """
            SELECT \(byKind { "'\($0.kind.rawValue)'" }) AS kind, \(recordID) AS id, \(byKind(\.pairing)) AS pairing_id,
                   \(byKind(\.title)) AS title,
                   \(byKind { source in byField(source) { "'\(source.fields[$0].rawValue)'" } }) AS field,
                   \(byKind { source in byField(source) { "\(source.alias).\(source.columns[$0])" } }) AS text
            FROM matched m
            \(joins.joined(separator: "\n"))
            LEFT JOIN project fp ON fp.id = f.project_id
            WHERE \(recordID) IS NOT NULL AND p.voided_at IS NULL
            ORDER BY \(order)
            """
    }

    /// ?1 is the FTS5 phrase, ?2 the limit. A record's score is the BM25 of its index row. The field
    /// that matched comes from BM25 too: weighted 1 for one column and 0 for the others, the score is
    /// below 0 exactly when the phrase occurs in that column (and the index is read, not the records).
    static let indexed = """
        WITH matched AS (
            SELECT s.rowid AS doc, bm25(record_search) AS score,
                   CASE WHEN bm25(record_search, 1, 0, 0, 0) < 0 THEN 1 WHEN bm25(record_search, 0, 1, 0, 0) < 0 THEN 2
                        WHEN bm25(record_search, 0, 0, 1, 0) < 0 THEN 3 ELSE 4 END AS field_order
            FROM record_search s
            WHERE record_search MATCH ?1
        )
        \(joined(orderedBy: "m.score, \(kindOrder), abs(m.doc), \(recordID)"))
        LIMIT ?2
        """

    /// ?1 is the text, ?2 the limit. The records' own columns are scanned with `instr` rather than
    /// LIKE, which would treat `%` and `_` as wildcards; `lower` folds ASCII letters, as the index does.
    static let scan: String = {
        let scans = sources.map { source in
            let order = source.columns.enumerated().map { index, column in
                "WHEN instr(lower(t.\(column)), lower(?1)) > 0 THEN \(index + 1)"
            }.joined(separator: " ")
            return "SELECT \(source.document("t.rowid")) AS doc, CASE \(order) END AS field_order FROM \(source.table) t"
        }
        return """
            WITH matched AS (
                SELECT doc, field_order FROM (
                    \(scans.joined(separator: "\nUNION ALL\n"))
                )
                WHERE field_order IS NOT NULL
            )
            \(joined(orderedBy: "m.field_order, \(kindOrder), abs(m.doc), \(recordID)"))
            LIMIT ?2
            """
    }()

    /// A hit from a row of ``indexed`` or ``scan``.
    static func found(_ row: Row) throws -> Found {
        Found(kind: try row.keyword("kind"), id: try row.uuid("id"), pairing: try row.text("pairing_id"), title: try row.text("title"),
              field: try row.keyword("field"), text: try row.text("text"))
    }
}
