import Foundation

extension Repository {
    /// The shortest text, in Unicode scalars, that the trigram index can look up; shorter text is
    /// found by scanning the searchable fields instead.
    public static let minimumIndexedSearchLength = 3

    /// The projects and parks whose title, description, Northeast or Eastern party (projects) or
    /// name (parks) contain `text`, best matches first; one hit per record.
    ///
    /// The text is looked for as a substring, ignoring the case of ASCII letters, after its leading
    /// and trailing spaces are trimmed. Text of three or more Unicode scalars (``minimumIndexedSearchLength``)
    /// is looked up in the trigram index (migration `V003_search.sql`) and the hits are ordered by
    /// relevance (the BM25 scores of the record's matching fields, summed), ties projects before parks
    /// and in the order recorded. Shorter text is found by scanning the same fields, ordered by the
    /// field that matched (titles and park names first), then projects before parks, in the order
    /// recorded. Either way the text is a bound value: quotes, emoji and SQL in it are only text.
    ///
    /// A hit shows the first of the record's fields that matched, in the order title (or park name),
    /// description, Northeast party, Eastern party, with a snippet of it around the match.
    ///
    /// ```swift
    /// for hit in try repository.search("哈尔滨", limit: 10) {
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
        return try read { connection in
            let found: [SearchSQL.Found]
            if query.unicodeScalars.count >= Self.minimumIndexedSearchLength {
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
}

/// The SQL of search, over `search_document` and its trigram index `search_index` (V003_search.sql).
enum SearchSQL {
    /// One matching field of a record, joined back to the record.
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

    /// The order in which the fields of one record are looked at: the first that matches is the one a
    /// hit shows. Titles and park names first, then descriptions, then the parties.
    private static let fieldOrder = """
        CASE d.field WHEN 'title' THEN 1 WHEN 'name' THEN 1 WHEN 'description' THEN 2 WHEN 'northeast_party' THEN 3 ELSE 4 END
        """

    /// Joins the first matching field of each record (`matched`, `nth = 1`) back to its project or park.
    private static let joined = """
        SELECT m.kind, m.record_id, coalesce(p.pairing_id, k.pairing_id), coalesce(p.title, k.name), m.field, m.text
        FROM matched m
        LEFT JOIN project p ON m.kind = 'project' AND p.id = m.record_id
        LEFT JOIN park k ON m.kind = 'park' AND k.id = m.record_id
        WHERE m.nth = 1 AND coalesce(p.id, k.id) IS NOT NULL
        """

    /// ?1 is the FTS5 phrase, ?2 the limit.
    static let indexed = """
        WITH matched AS (
            SELECT d.kind, d.record_id, d.field, d.text,
                   sum(s.rank) OVER (PARTITION BY d.kind, d.record_id) AS score,
                   row_number() OVER (PARTITION BY d.kind, d.record_id ORDER BY \(fieldOrder)) AS nth
            FROM search_index s JOIN search_document d ON d.id = s.rowid
            WHERE search_index MATCH ?1
        )
        \(joined)
        ORDER BY m.score, m.kind = 'park', coalesce(p.rowid, k.rowid), m.record_id
        LIMIT ?2
        """

    /// ?1 is the text, ?2 the limit. `instr` rather than LIKE, which the trigram index answers (with
    /// nothing) for patterns under three characters, and which would treat `%` and `_` as wildcards.
    static let scan = """
        WITH matched AS (
            SELECT d.kind, d.record_id, d.field, d.text, \(fieldOrder) AS field_order,
                   row_number() OVER (PARTITION BY d.kind, d.record_id ORDER BY \(fieldOrder)) AS nth
            FROM search_document d
            WHERE instr(lower(d.text), lower(?1)) > 0
        )
        \(joined)
        ORDER BY m.field_order, m.kind = 'park', coalesce(p.rowid, k.rowid), m.record_id
        LIMIT ?2
        """

    static func found(_ row: SQLiteStatement) throws -> Found {
        let kindText = row.text(0)
        guard let kind = RecordKind(rawValue: kindText), kind != .exchange else {
            throw DuikouError(.corrupt, "search_document: kind: the database holds \(DuikouError.quoted(kindText)), which is not a project or park")
        }
        let fieldText = row.text(4)
        guard let field = SearchHit.Field(rawValue: fieldText) else {
            throw DuikouError(.corrupt, "search_document: field: the database holds \(DuikouError.quoted(fieldText)), which is not a searchable field")
        }
        return Found(kind: kind, id: try storedUUID(row.text(1)), pairing: row.text(2), title: row.text(3), field: field, text: row.text(5))
    }
}
