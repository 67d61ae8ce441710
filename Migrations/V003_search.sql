-- Search: Chinese substring search over project titles, descriptions and parties, and park names.
-- Shipped migrations are immutable: correct them with a new numbered file, never by editing this one.
--
-- search_document holds one row per searchable field of a record (kind, record id, field, text);
-- search_index is an FTS5 index over it with the trigram tokenizer, which finds any substring of
-- three or more characters (case-insensitive). Shorter text is found by scanning search_document.
-- Triggers keep search_document in step with every write to project and park. The index itself is
-- brought up to date once per write transaction, just before it commits (Repository's search sync):
-- FTS5 flushes its pending data at every statement, so indexing row by row in triggers would make
-- a bulk import write thousands of tiny index segments. search_change logs the old text of changed
-- and deleted documents for that sync; documents above search_sync.indexed_through are new. (An id
-- freed by a delete and taken again before the sync is still right: the sync removes the text the
-- index held for that id, then indexes the text there now.)

CREATE TABLE search_document (
    id        INTEGER PRIMARY KEY,
    kind      TEXT NOT NULL CHECK (kind = 'project' OR kind = 'park'),
    record_id TEXT NOT NULL CHECK (length(record_id) = 36),
    field     TEXT NOT NULL CHECK (
            field = 'title' OR field = 'description' OR field = 'northeast_party'
            OR field = 'east_party' OR field = 'name'
        ),
    text      TEXT NOT NULL CHECK (text <> ''),
    UNIQUE (kind, record_id, field)
) STRICT;

-- External content: the index keeps no second copy of the text, it reads search_document.
CREATE VIRTUAL TABLE search_index USING fts5 (
    text,
    content = 'search_document',
    content_rowid = 'id',
    tokenize = 'trigram'
);

-- What the index held of documents changed or deleted since the last sync.
CREATE TABLE search_change (
    seq      INTEGER PRIMARY KEY,
    doc_id   INTEGER NOT NULL,
    old_text TEXT NOT NULL
) STRICT;
CREATE INDEX search_change_by_document ON search_change (doc_id);

-- The highest search_document id the index holds.
CREATE TABLE search_sync (
    only_row        INTEGER PRIMARY KEY CHECK (only_row = 1),
    indexed_through INTEGER NOT NULL
) STRICT;

CREATE TRIGGER search_document_changed_on_delete AFTER DELETE ON search_document
BEGIN
    INSERT INTO search_change (doc_id, old_text) VALUES (old.id, old.text);
END;
CREATE TRIGGER search_document_changed_on_update AFTER UPDATE ON search_document
BEGIN
    INSERT INTO search_change (doc_id, old_text) VALUES (old.id, old.text);
END;

-- The records already there (a database migrated from version 2), in the order they were recorded.
INSERT INTO search_document (kind, record_id, field, text)
SELECT kind, record_id, field, text
FROM (
    SELECT 'project' AS kind, p.id AS record_id, f.field AS field, f.position AS position, p.rowid AS ord,
           CASE f.field WHEN 'title' THEN p.title WHEN 'description' THEN p.description
                        WHEN 'northeast_party' THEN p.northeast_party ELSE p.east_party END AS text
    FROM project p
    CROSS JOIN (SELECT 'title' AS field, 1 AS position UNION ALL SELECT 'description', 2
                UNION ALL SELECT 'northeast_party', 3 UNION ALL SELECT 'east_party', 4) f
    UNION ALL
    SELECT 'park', k.id, 'name', 1, k.rowid, k.name
    FROM park k
)
WHERE text <> ''
ORDER BY kind = 'park', ord, position;

INSERT INTO search_index (rowid, text) SELECT id, text FROM search_document;
INSERT INTO search_sync (only_row, indexed_through) VALUES (1, coalesce((SELECT max(id) FROM search_document), 0));

-- From now on every write to project and park keeps search_document in step.
-- A trigger per field with a WHEN clause and a plain VALUES insert: an INSERT … SELECT in a trigger
-- makes SQLite build a temporary table at every row, which shows in bulk imports.
CREATE TRIGGER project_title_searchable_on_insert AFTER INSERT ON project WHEN new.title <> ''
BEGIN
    INSERT INTO search_document (kind, record_id, field, text) VALUES ('project', new.id, 'title', new.title);
END;
CREATE TRIGGER project_description_searchable_on_insert AFTER INSERT ON project WHEN new.description <> ''
BEGIN
    INSERT INTO search_document (kind, record_id, field, text) VALUES ('project', new.id, 'description', new.description);
END;
CREATE TRIGGER project_northeast_party_searchable_on_insert AFTER INSERT ON project WHEN new.northeast_party <> ''
BEGIN
    INSERT INTO search_document (kind, record_id, field, text) VALUES ('project', new.id, 'northeast_party', new.northeast_party);
END;
CREATE TRIGGER project_east_party_searchable_on_insert AFTER INSERT ON project WHEN new.east_party <> ''
BEGIN
    INSERT INTO search_document (kind, record_id, field, text) VALUES ('project', new.id, 'east_party', new.east_party);
END;
-- Updates are rare; one trigger keeps the delete before the inserts.
CREATE TRIGGER project_searchable_on_update AFTER UPDATE OF id, title, description, northeast_party, east_party ON project
BEGIN
    DELETE FROM search_document WHERE kind = 'project' AND record_id = old.id;
    INSERT INTO search_document (kind, record_id, field, text)
    SELECT 'project', new.id, field, text
    FROM (SELECT 'title' AS field, new.title AS text UNION ALL SELECT 'description', new.description
          UNION ALL SELECT 'northeast_party', new.northeast_party UNION ALL SELECT 'east_party', new.east_party)
    WHERE text <> '';
END;
CREATE TRIGGER project_searchable_on_delete AFTER DELETE ON project
BEGIN
    DELETE FROM search_document WHERE kind = 'project' AND record_id = old.id;
END;

CREATE TRIGGER park_searchable_on_insert AFTER INSERT ON park WHEN new.name <> ''
BEGIN
    INSERT INTO search_document (kind, record_id, field, text) VALUES ('park', new.id, 'name', new.name);
END;
CREATE TRIGGER park_searchable_on_update AFTER UPDATE OF id, name ON park
BEGIN
    DELETE FROM search_document WHERE kind = 'park' AND record_id = old.id;
    INSERT INTO search_document (kind, record_id, field, text)
    SELECT 'park', new.id, 'name', new.name
    WHERE new.name <> '';
END;
CREATE TRIGGER park_searchable_on_delete AFTER DELETE ON park
BEGIN
    DELETE FROM search_document WHERE kind = 'park' AND record_id = old.id;
END;
