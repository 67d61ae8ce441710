-- Duikou schema, version 1.
-- Shipped migrations are immutable: correct them with a new numbered file, never by editing this one.
-- Enumerations are checked with chains of OR rather than IN (…): SQLite 3.40 builds a temporary
-- table for an IN list each time a row is checked, which shows in bulk imports.

PRAGMA application_id = 1145786197; -- 'DKOU'

CREATE TABLE duikou_migration (
    version    INTEGER PRIMARY KEY,
    name       TEXT NOT NULL,
    checksum   TEXT NOT NULL,
    applied_at TEXT NOT NULL
) STRICT;

CREATE TABLE duikou_meta (
    key   TEXT PRIMARY KEY,
    value TEXT NOT NULL
) STRICT;

CREATE TABLE region (
    code    TEXT PRIMARY KEY CHECK (code GLOB '[0-9][0-9][0-9][0-9][0-9][0-9]'),
    name_zh TEXT NOT NULL CHECK (name_zh <> ''),
    name_en TEXT NOT NULL CHECK (name_en <> ''),
    level   TEXT NOT NULL CHECK (
            level = 'province' OR level = 'autonomous-region' OR level = 'municipality'
            OR level = 'sub-provincial-city' OR level = 'prefecture-city' OR level = 'county'
        ),
    side    TEXT NOT NULL CHECK (side = 'northeast' OR side = 'east')
) STRICT;

CREATE TABLE pairing (
    id               TEXT PRIMARY KEY CHECK (id <> '' AND id NOT GLOB '*[^a-z0-9-]*'),
    northeast_region TEXT NOT NULL REFERENCES region (code),
    east_region      TEXT REFERENCES region (code),
    level            TEXT NOT NULL CHECK (level = 'province' OR level = 'city'),
    status           TEXT NOT NULL CHECK (status = 'active' OR status = 'exploring' OR status = 'ended'),
    parent_id        TEXT REFERENCES pairing (id),
    CHECK (east_region IS NOT NULL OR status = 'exploring'),
    CHECK (parent_id IS NULL OR parent_id <> id)
) STRICT;
CREATE INDEX pairing_by_northeast_region ON pairing (northeast_region);
CREATE INDEX pairing_by_east_region ON pairing (east_region);
CREATE INDEX pairing_by_parent ON pairing (parent_id);

CREATE TABLE task_area (
    code     TEXT PRIMARY KEY CHECK (code GLOB '[1-9]'),
    name_zh  TEXT NOT NULL,
    name_en  TEXT NOT NULL,
    basis    TEXT NOT NULL CHECK (basis = 'verified' OR basis = 'field-verified' OR basis = 'inferred')
) STRICT;

CREATE TABLE task (
    code      TEXT PRIMARY KEY CHECK (code GLOB '[1-9].[1-9]'),
    area_code TEXT NOT NULL REFERENCES task_area (code),
    name_zh   TEXT NOT NULL,
    name_en   TEXT NOT NULL,
    basis     TEXT NOT NULL CHECK (basis = 'verified' OR basis = 'field-verified' OR basis = 'inferred'),
    CHECK (substr(code, 1, 1) = area_code)
) STRICT;
CREATE INDEX task_by_area ON task (area_code);

CREATE TABLE park (
    id               TEXT PRIMARY KEY CHECK (length(id) = 36),
    pairing_id       TEXT NOT NULL REFERENCES pairing (id),
    name             TEXT NOT NULL CHECK (name <> ''),
    kind             TEXT NOT NULL CHECK (kind = 'joint' OR kind = 'branch' OR kind = 'enclave'),
    host_region      TEXT REFERENCES region (code),
    partner          TEXT,
    established      TEXT CHECK (established IS date(established)),
    planned_area_m2  INTEGER CHECK (planned_area_m2 >= 0),
    benefit_sharing  TEXT,
    recorded_at      TEXT NOT NULL
) STRICT;
CREATE INDEX park_by_pairing ON park (pairing_id);
CREATE INDEX park_by_host_region ON park (host_region);

-- A project's current state (status, status_date, completed_yuan, resume_floor) is kept beside it
-- so that reports never replay history; progress_update is the history itself, append-only.
CREATE TABLE project (
    id              TEXT PRIMARY KEY CHECK (length(id) = 36),
    pairing_id      TEXT NOT NULL REFERENCES pairing (id),
    task_code       TEXT NOT NULL REFERENCES task (code),
    title           TEXT NOT NULL CHECK (title <> ''),
    description     TEXT,
    northeast_party TEXT,
    east_party      TEXT,
    park_id         TEXT REFERENCES park (id),
    landmark        INTEGER NOT NULL CHECK (landmark = 0 OR landmark = 1),
    planned_yuan    INTEGER CHECK (planned_yuan >= 0),
    status          TEXT NOT NULL CHECK (
            status = 'planned' OR status = 'negotiating' OR status = 'signed'
            OR status = 'landed' OR status = 'started' OR status = 'completed'
            OR status = 'operating' OR status = 'suspended' OR status = 'terminated'
        ),
    first_date      TEXT NOT NULL CHECK (first_date IS date(first_date)),
    status_date     TEXT NOT NULL CHECK (status_date IS date(status_date) AND status_date >= first_date),
    completed_yuan  INTEGER NOT NULL CHECK (completed_yuan >= 0),
    resume_floor    TEXT CHECK (
            resume_floor = 'planned' OR resume_floor = 'negotiating' OR resume_floor = 'signed'
            OR resume_floor = 'landed' OR resume_floor = 'started' OR resume_floor = 'completed'
            OR resume_floor = 'operating'
        ),
    recorded_at     TEXT NOT NULL
) STRICT;
CREATE INDEX project_by_pairing_task ON project (pairing_id, task_code);
CREATE INDEX project_by_park ON project (park_id);

CREATE TABLE progress_update (
    project_id     TEXT NOT NULL REFERENCES project (id),
    seq            INTEGER NOT NULL CHECK (seq >= 1),
    date           TEXT NOT NULL CHECK (date IS date(date)),
    status         TEXT NOT NULL CHECK (
            status = 'planned' OR status = 'negotiating' OR status = 'signed'
            OR status = 'landed' OR status = 'started' OR status = 'completed'
            OR status = 'operating' OR status = 'suspended' OR status = 'terminated'
        ),
    completed_yuan INTEGER NOT NULL CHECK (completed_yuan >= 0),
    note           TEXT,
    recorded_at    TEXT NOT NULL,
    PRIMARY KEY (project_id, seq)
) STRICT, WITHOUT ROWID;
CREATE INDEX progress_update_by_project_date ON progress_update (project_id, date);

-- History is never rewritten.
CREATE TRIGGER progress_update_is_append_only_update BEFORE UPDATE ON progress_update
BEGIN
    SELECT RAISE(ABORT, 'progress updates are append-only');
END;
CREATE TRIGGER progress_update_is_append_only_delete BEFORE DELETE ON progress_update
BEGIN
    SELECT RAISE(ABORT, 'progress updates are append-only');
END;

CREATE TABLE exchange (
    id           TEXT PRIMARY KEY CHECK (length(id) = 36),
    pairing_id   TEXT NOT NULL REFERENCES pairing (id),
    direction    TEXT NOT NULL CHECK (direction = 'to-east' OR direction = 'to-northeast'),
    kind         TEXT NOT NULL CHECK (kind = 'secondment' OR kind = 'training'),
    start_date   TEXT NOT NULL CHECK (start_date IS date(start_date)),
    end_date     TEXT CHECK (end_date IS date(end_date) AND end_date >= start_date),
    participants INTEGER NOT NULL CHECK (participants >= 1),
    person       TEXT,
    from_org     TEXT,
    to_org       TEXT,
    post         TEXT,
    recorded_at  TEXT NOT NULL
) STRICT;
CREATE INDEX exchange_by_pairing ON exchange (pairing_id);
