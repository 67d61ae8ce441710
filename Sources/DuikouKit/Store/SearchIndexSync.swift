/// Brings the trigram index up to date with `search_document`, once per write transaction.
///
/// FTS5 flushes its pending data at every statement, so the index is not kept by row triggers
/// (a bulk import would write a tiny index segment per row); instead each write transaction ends
/// with these statements, which index what changed since the last sync in one go.
enum SearchIndexSync {
    static func run(_ connection: SQLiteConnection) throws {
        let through = try connection.queryFirst("SELECT indexed_through FROM search_sync") { $0.int64(0) } ?? 0
        let latest = try connection.queryFirst("SELECT coalesce(max(id), 0) FROM search_document") { $0.int64(0) } ?? 0
        let changed = try connection.queryFirst("SELECT EXISTS (SELECT 1 FROM search_change)") { $0.int64(0) != 0 } ?? false
        guard latest > through || changed else { return }
        // Remove what the index held of each changed document: the text logged at its first change.
        try connection.run("""
            INSERT INTO search_index (search_index, rowid, text)
            SELECT 'delete', c.doc_id, c.old_text FROM search_change c
            WHERE c.doc_id <= ?1 AND c.seq = (SELECT min(f.seq) FROM search_change f WHERE f.doc_id = c.doc_id)
            """, [.integer(through)], context: "updating the search index")
        // Index what is there now: changed documents that still exist, then new ones. Two statements:
        // with an OR, SQLite would gather every matching id in memory first (25 MiB for 2M documents).
        try connection.run("""
            INSERT INTO search_index (rowid, text)
            SELECT d.id, d.text FROM search_document d WHERE d.id IN (SELECT doc_id FROM search_change WHERE doc_id <= ?1)
            """, [.integer(through)], context: "updating the search index")
        try connection.run(
            "INSERT INTO search_index (rowid, text) SELECT d.id, d.text FROM search_document d WHERE d.id > ?1",
            [.integer(through)], context: "updating the search index")
        try connection.run("DELETE FROM search_change")
        try connection.run("UPDATE search_sync SET indexed_through = ?", [.integer(latest)])
    }
}
