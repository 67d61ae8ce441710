-- Search over the records' own columns: the trigram index reads project and park directly, and the
-- copy of their text in search_document (four insert triggers per project) goes.
-- Shipped migrations are immutable: correct them with a new numbered file, never by editing this one.
--
-- record_search is one FTS5 index (trigram tokenizer: any substring of three or more characters,
-- case-insensitive) over the view search_record: a project is the row with the project's rowid and
-- its title, description and parties; a park is the row with minus the park's rowid and its name in
-- the first column. One index for both kinds keeps their BM25 scores comparable (two indexes would
-- each have their own document count and average length). External content: the index keeps no
-- copy of the text. Rowids of project and park are stable (both have indexes, and VACUUM keeps the
-- rowids of such tables).
--
-- The index is brought up to date once per write transaction, just before it commits (Repository's
-- search sync): FTS5 flushes its pending data at every statement, so indexing row by row in triggers
-- would make a bulk import write thousands of tiny index segments. Inserts need no trigger: the sync
-- indexes the rows above the highest rowid the index holds that was not changed. Updates of the
-- searchable columns and deletes log the old text in search_change, which the sync removes from the
-- index (the text logged first for a rowid is what the index holds) before indexing what is there now.

DROP TRIGGER project_title_searchable_on_insert;
DROP TRIGGER project_description_searchable_on_insert;
DROP TRIGGER project_northeast_party_searchable_on_insert;
DROP TRIGGER project_east_party_searchable_on_insert;
DROP TRIGGER project_searchable_on_update;
DROP TRIGGER project_searchable_on_delete;
DROP TRIGGER park_searchable_on_insert;
DROP TRIGGER park_searchable_on_update;
DROP TRIGGER park_searchable_on_delete;
DROP TABLE search_index;
DROP TABLE search_change;
DROP TABLE search_sync;
DROP TABLE search_document;

CREATE VIEW search_record (rowid, title, description, northeast_party, east_party) AS
    SELECT rowid, title, description, northeast_party, east_party FROM project
    UNION ALL
    SELECT -rowid, name, NULL, NULL, NULL FROM park;

CREATE VIRTUAL TABLE record_search USING fts5 (
    title, description, northeast_party, east_party,
    content = 'search_record',
    content_rowid = 'rowid',
    tokenize = 'trigram'
);

-- What the index held of records changed or deleted since the last sync; doc is the index's rowid.
CREATE TABLE search_change (
    seq             INTEGER PRIMARY KEY,
    doc             INTEGER NOT NULL,
    title           TEXT,
    description     TEXT,
    northeast_party TEXT,
    east_party      TEXT
) STRICT;
CREATE INDEX search_change_by_document ON search_change (doc);

CREATE TRIGGER project_search_changed_on_update
AFTER UPDATE OF title, description, northeast_party, east_party ON project
WHEN old.title IS NOT new.title OR old.description IS NOT new.description
    OR old.northeast_party IS NOT new.northeast_party OR old.east_party IS NOT new.east_party
BEGIN
    INSERT INTO search_change (doc, title, description, northeast_party, east_party)
    VALUES (old.rowid, old.title, old.description, old.northeast_party, old.east_party);
END;
CREATE TRIGGER project_search_changed_on_delete AFTER DELETE ON project
BEGIN
    INSERT INTO search_change (doc, title, description, northeast_party, east_party)
    VALUES (old.rowid, old.title, old.description, old.northeast_party, old.east_party);
END;
CREATE TRIGGER park_search_changed_on_update AFTER UPDATE OF name ON park WHEN old.name IS NOT new.name
BEGIN
    INSERT INTO search_change (doc, title) VALUES (-old.rowid, old.name);
END;
CREATE TRIGGER park_search_changed_on_delete AFTER DELETE ON park
BEGIN
    INSERT INTO search_change (doc, title) VALUES (-old.rowid, old.name);
END;

-- The records already there.
INSERT INTO record_search (record_search) VALUES ('rebuild');
