/// Brings the trigram index `record_search` up to date with the projects and parks, once per write
/// transaction (migration `V007_search_over_records.sql`).
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
        let projectsThrough = try unchangedThrough(connection, SearchIndexSQL.projectsThrough)
        let parksThrough = try unchangedThrough(connection, SearchIndexSQL.parksThrough)
        if !changed {
            let newProjects = try connection.queryFirst(SearchIndexSQL.anyProjectAbove, [.integer(projectsThrough)]) { try $0.bool("found") } ?? false
            let newParks = try connection.queryFirst(SearchIndexSQL.anyParkAbove, [.integer(parksThrough)]) { try $0.bool("found") } ?? false
            guard newProjects || newParks else { return }
        }
        let context = "updating the search index"
        if changed {
            try connection.run(SearchIndexSQL.removeChanged, context: context)
            try connection.run(SearchIndexSQL.indexChangedProjects, [.integer(projectsThrough)], context: context)
            try connection.run(SearchIndexSQL.indexChangedParks, [.integer(parksThrough)], context: context)
            try connection.run("DELETE FROM search_change", context: context)
        }
        try connection.run(SearchIndexSQL.indexProjectsAbove, [.integer(projectsThrough)], context: context)
        try connection.run(SearchIndexSQL.indexParksAbove, [.integer(parksThrough)], context: context)
    }

    private static func unchangedThrough(_ connection: SQLiteConnection, _ sql: String) throws -> Int64 {
        try connection.queryFirst(sql) { try $0.int64("through") } ?? 0
    }
}

/// The SQL of the search sync. Index rowids: a project's rowid, or minus a park's rowid.
enum SearchIndexSQL {
    /// The highest project rowid the index holds whose text was not changed since the last sync; 0 if none.
    static let projectsThrough = """
        SELECT coalesce((SELECT d.id FROM record_search_docsize d
                         WHERE d.id > 0 AND NOT EXISTS (SELECT 1 FROM search_change c WHERE c.doc = d.id)
                         ORDER BY d.id DESC LIMIT 1), 0) AS through
        """

    /// The same for park rowids.
    static let parksThrough = """
        SELECT coalesce((SELECT -d.id FROM record_search_docsize d
                         WHERE d.id < 0 AND NOT EXISTS (SELECT 1 FROM search_change c WHERE c.doc = d.id)
                         ORDER BY d.id LIMIT 1), 0) AS through
        """

    /// ?1: a project rowid.
    static let anyProjectAbove = "SELECT EXISTS (SELECT 1 FROM project WHERE rowid > ?1) AS found"

    /// ?1: a park rowid.
    static let anyParkAbove = "SELECT EXISTS (SELECT 1 FROM park WHERE rowid > ?1) AS found"

    /// Removes from the index the text it holds of each changed or deleted record: the first logged.
    static let removeChanged = """
        INSERT INTO record_search (record_search, rowid, title, description, northeast_party, east_party)
        SELECT 'delete', c.doc, c.title, c.description, c.northeast_party, c.east_party FROM search_change c
        WHERE c.seq = (SELECT min(f.seq) FROM search_change f WHERE f.doc = c.doc)
          AND EXISTS (SELECT 1 FROM record_search_docsize d WHERE d.id = c.doc)
        """

    /// Indexes the changed projects that still exist, at or below ?1 (those above are indexed as new).
    static let indexChangedProjects = """
        INSERT INTO record_search (rowid, title, description, northeast_party, east_party)
        SELECT p.rowid, p.title, p.description, p.northeast_party, p.east_party FROM project p
        WHERE p.rowid IN (SELECT c.doc FROM search_change c WHERE c.doc > 0 AND c.doc <= ?1)
        """

    /// The same for parks.
    static let indexChangedParks = """
        INSERT INTO record_search (rowid, title)
        SELECT -k.rowid, k.name FROM park k
        WHERE k.rowid IN (SELECT -c.doc FROM search_change c WHERE c.doc < 0 AND c.doc >= -?1)
        """

    /// Indexes the projects above the rowid ?1. Separate from the changed ones: with an OR, SQLite
    /// would gather every matching rowid in memory first.
    static let indexProjectsAbove = """
        INSERT INTO record_search (rowid, title, description, northeast_party, east_party)
        SELECT rowid, title, description, northeast_party, east_party FROM project WHERE rowid > ?1
        """

    /// Indexes the parks above the rowid ?1.
    static let indexParksAbove = "INSERT INTO record_search (rowid, title) SELECT -rowid, name FROM park WHERE rowid > ?1"
}
