-- The audit log: every change, when, by whom, through which command, and what it changed.
-- Shipped migrations are immutable: correct them with a new numbered file, never by editing this one.
--
-- One row per write (an added project, an update, a target, a whole import or merge), written in the
-- same transaction as the change itself, so a change and its entry exist together or not at all.
-- Nothing may rewrite or delete it.

CREATE TABLE audit_event (
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
        ),
    record_id   TEXT,
    summary     TEXT NOT NULL
) STRICT;
CREATE INDEX audit_event_by_time ON audit_event (at);

CREATE TRIGGER audit_event_is_append_only_update BEFORE UPDATE ON audit_event
BEGIN
    SELECT RAISE(ABORT, 'the audit log is append-only');
END;
CREATE TRIGGER audit_event_is_append_only_delete BEFORE DELETE ON audit_event
BEGIN
    SELECT RAISE(ABORT, 'the audit log is append-only');
END;
