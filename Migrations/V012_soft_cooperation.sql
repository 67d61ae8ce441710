-- The plan's soft cooperation as records: reform measures copied from the East (复制推广改革举措),
-- meetings and visits (联席会议, 高层互访, 对接活动) and funding (资金支持).
-- Shipped migrations are immutable: correct them with a new numbered file, never by editing this one.
--
-- Rules that reach across tables are checked by the library when a record is written and by
-- `duikou check`: a reform's adopting region is on the Northeast side and lies inside the pairing's
-- Northeast region. A funding belongs to exactly one project or one pairing (a CHECK); a project's
-- funding counts for the project's pairing.

CREATE TABLE reform (
    id          TEXT PRIMARY KEY CHECK (length(id) = 36),
    pairing_id  TEXT NOT NULL REFERENCES pairing (id),
    title       TEXT NOT NULL CHECK (title <> ''),
    source      TEXT,
    adopted_by  TEXT NOT NULL REFERENCES region (code),
    date        TEXT NOT NULL CHECK (date IS date(date)),
    -- A task of area 1 (推进体制机制创新), 1.1 to 1.9.
    task_code   TEXT NOT NULL REFERENCES task (code) CHECK (task_code GLOB '1.[1-9]'),
    policies    INTEGER NOT NULL CHECK (policies >= 1 AND policies <= 10000),
    recorded_at TEXT NOT NULL
) STRICT;
CREATE INDEX reform_by_pairing ON reform (pairing_id);
CREATE INDEX reform_by_adopting_region ON reform (adopted_by);
CREATE INDEX reform_by_task ON reform (task_code);

CREATE TABLE meeting (
    id           TEXT PRIMARY KEY CHECK (length(id) = 36),
    pairing_id   TEXT NOT NULL REFERENCES pairing (id),
    kind         TEXT NOT NULL CHECK (kind = 'joint-meeting' OR kind = 'leaders-visit' OR kind = 'matchmaking'),
    date         TEXT NOT NULL CHECK (date IS date(date)),
    place        TEXT,
    level        TEXT,
    participants INTEGER CHECK (participants >= 1 AND participants <= 1000000),
    outcomes     TEXT,
    recorded_at  TEXT NOT NULL
) STRICT;
CREATE INDEX meeting_by_pairing ON meeting (pairing_id);

CREATE TABLE funding (
    id          TEXT PRIMARY KEY CHECK (length(id) = 36),
    project_id  TEXT REFERENCES project (id),
    pairing_id  TEXT REFERENCES pairing (id),
    source      TEXT NOT NULL CHECK (
            source = 'central-budget' OR source = 'special-fund' OR source = 'bank-loan'
            OR source = 'private' OR source = 'other'
        ),
    amount_yuan INTEGER NOT NULL CHECK (amount_yuan > 0),
    date        TEXT NOT NULL CHECK (date IS date(date)),
    note        TEXT,
    recorded_at TEXT NOT NULL,
    CHECK ((project_id IS NULL) <> (pairing_id IS NULL))
) STRICT;
CREATE INDEX funding_by_project ON funding (project_id);
CREATE INDEX funding_by_pairing ON funding (pairing_id);

-- The audit log names the new kinds of record. Its CHECK is rebuilt with them, every entry kept
-- with its number; the implicit delete of DROP TABLE fires no trigger.
CREATE TABLE audit_event_v12 (
    seq         INTEGER PRIMARY KEY,
    at          TEXT NOT NULL,
    actor       TEXT NOT NULL CHECK (actor <> ''),
    command     TEXT NOT NULL,
    action      TEXT NOT NULL CHECK (
            action = 'add' OR action = 'update' OR action = 'plan' OR action = 'import' OR action = 'merge'
        ),
    record_kind TEXT NOT NULL CHECK (
            record_kind = 'region' OR record_kind = 'pairing' OR record_kind = 'project' OR record_kind = 'park'
            OR record_kind = 'exchange' OR record_kind = 'plan-target' OR record_kind = 'database'
            OR record_kind = 'reform' OR record_kind = 'meeting' OR record_kind = 'funding'
        ),
    record_id   TEXT,
    summary     TEXT NOT NULL
) STRICT;
INSERT INTO audit_event_v12 (seq, at, actor, command, action, record_kind, record_id, summary)
SELECT seq, at, actor, command, action, record_kind, record_id, summary FROM audit_event ORDER BY seq;
DROP TABLE audit_event;
ALTER TABLE audit_event_v12 RENAME TO audit_event;
CREATE INDEX audit_event_by_time ON audit_event (at);
CREATE TRIGGER audit_event_is_append_only_update BEFORE UPDATE ON audit_event
BEGIN
    SELECT RAISE(ABORT, 'the audit log is append-only');
END;
CREATE TRIGGER audit_event_is_append_only_delete BEFORE DELETE ON audit_event
BEGIN
    SELECT RAISE(ABORT, 'the audit log is append-only');
END;

-- Search: the new records' text joins the one trigram index, record_search (V007), through its
-- view. The index's rowids are split into bands of 2^56 (72057594037927936): a project's rowid as
-- before (band 0), minus a park's rowid as before, then band 1 for reforms (their title and Eastern
-- source), band 2 for meetings (place and outcomes) and band 3 for funding (note): the rowid plus
-- the band's start. The index's four columns hold each kind's text in its order of importance.
-- No record of the new kinds exists yet, so the index needs no rebuild.
DROP VIEW search_record;
CREATE VIEW search_record (rowid, title, description, northeast_party, east_party) AS
    SELECT rowid, title, description, northeast_party, east_party FROM project
    UNION ALL
    SELECT -rowid, name, NULL, NULL, NULL FROM park
    UNION ALL
    SELECT rowid + 72057594037927936, title, source, NULL, NULL FROM reform
    UNION ALL
    SELECT rowid + 144115188075855872, place, outcomes, NULL, NULL FROM meeting
    UNION ALL
    SELECT rowid + 216172782113783808, note, NULL, NULL, NULL FROM funding;

-- As for projects and parks: updates of the searchable text and deletes log the old text for the sync.
CREATE TRIGGER reform_search_changed_on_update AFTER UPDATE OF title, source ON reform
WHEN old.title IS NOT new.title OR old.source IS NOT new.source
BEGIN
    INSERT INTO search_change (doc, title, description) VALUES (old.rowid + 72057594037927936, old.title, old.source);
END;
CREATE TRIGGER reform_search_changed_on_delete AFTER DELETE ON reform
BEGIN
    INSERT INTO search_change (doc, title, description) VALUES (old.rowid + 72057594037927936, old.title, old.source);
END;
CREATE TRIGGER meeting_search_changed_on_update AFTER UPDATE OF place, outcomes ON meeting
WHEN old.place IS NOT new.place OR old.outcomes IS NOT new.outcomes
BEGIN
    INSERT INTO search_change (doc, title, description) VALUES (old.rowid + 144115188075855872, old.place, old.outcomes);
END;
CREATE TRIGGER meeting_search_changed_on_delete AFTER DELETE ON meeting
BEGIN
    INSERT INTO search_change (doc, title, description) VALUES (old.rowid + 144115188075855872, old.place, old.outcomes);
END;
CREATE TRIGGER funding_search_changed_on_update AFTER UPDATE OF note ON funding WHEN old.note IS NOT new.note
BEGIN
    INSERT INTO search_change (doc, title) VALUES (old.rowid + 216172782113783808, old.note);
END;
CREATE TRIGGER funding_search_changed_on_delete AFTER DELETE ON funding
BEGIN
    INSERT INTO search_change (doc, title) VALUES (old.rowid + 216172782113783808, old.note);
END;
