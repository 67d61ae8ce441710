-- Reporting rounds (调度): a period, its due date, the pairings it covers, and what closing froze.
-- Shipped migrations are immutable: correct them with a new numbered file, never by editing this one.
--
-- A round's pairings are expanded when it is opened: `round open --pairing X` stores X and every
-- pairing below it, so that the round covers the same pairings whatever is added to the catalogue
-- later. Each project counts for its own pairing only.
--
-- Closing a round freezes it: its status (per pairing, with the projects that had not reported) and
-- the progress by pairing as of the period's end, as known at closing, are stored here and read
-- from here afterwards; later updates, corrections and imports change neither.

CREATE TABLE round (
    period        TEXT PRIMARY KEY CHECK (
            period GLOB '[0-9][0-9][0-9][0-9]' OR period GLOB '[0-9][0-9][0-9][0-9]-[0-1][0-9]'
            OR period GLOB '[0-9][0-9][0-9][0-9]-Q[1-4]'
        ),
    start_date    TEXT NOT NULL CHECK (start_date IS date(start_date)),
    end_date      TEXT NOT NULL CHECK (end_date IS date(end_date) AND end_date >= start_date),
    due_date      TEXT NOT NULL CHECK (due_date IS date(due_date) AND due_date >= start_date),
    state         TEXT NOT NULL CHECK (state = 'open' OR state = 'closed'),
    opened_at     TEXT NOT NULL,
    closed_at     TEXT,
    -- The progress by pairing as of end_date, as JSON (ProgressReport), stored when the round closes.
    progress_json TEXT,
    CHECK ((state = 'open') = (closed_at IS NULL)),
    CHECK ((state = 'closed') = (progress_json IS NOT NULL))
) STRICT;

CREATE TABLE round_pairing (
    period     TEXT NOT NULL REFERENCES round (period),
    pairing_id TEXT NOT NULL REFERENCES pairing (id),
    -- Frozen at closing: how many projects were in scope, how many had reported, and whether the
    -- round was past its due date with projects not reported.
    in_scope   INTEGER CHECK (in_scope >= 0),
    reported   INTEGER CHECK (reported >= 0 AND reported <= in_scope),
    late       INTEGER CHECK (late = 0 OR late = 1),
    PRIMARY KEY (period, pairing_id)
) STRICT, WITHOUT ROWID;

-- Frozen at closing: the projects in scope that had not reported, with the title they had then, in
-- the order they are listed (oldest first).
CREATE TABLE round_unreported (
    period     TEXT NOT NULL REFERENCES round (period),
    project_id TEXT NOT NULL REFERENCES project (id),
    pairing_id TEXT NOT NULL,
    title      TEXT NOT NULL,
    position   INTEGER NOT NULL,
    PRIMARY KEY (period, project_id)
) STRICT, WITHOUT ROWID;

-- What a closed round froze never changes; nor does a round go away.
CREATE TRIGGER round_closed_is_final BEFORE UPDATE ON round WHEN old.state = 'closed'
BEGIN
    SELECT RAISE(ABORT, 'a closed round never changes');
END;
CREATE TRIGGER round_is_kept BEFORE DELETE ON round
BEGIN
    SELECT RAISE(ABORT, 'rounds are never deleted');
END;
CREATE TRIGGER round_pairing_frozen_update BEFORE UPDATE ON round_pairing
WHEN (SELECT state FROM round WHERE period = old.period) = 'closed'
BEGIN
    SELECT RAISE(ABORT, 'a closed round never changes');
END;
CREATE TRIGGER round_pairing_frozen_delete BEFORE DELETE ON round_pairing
BEGIN
    SELECT RAISE(ABORT, 'rounds are never deleted');
END;
CREATE TRIGGER round_unreported_frozen_update BEFORE UPDATE ON round_unreported
BEGIN
    SELECT RAISE(ABORT, 'a closed round never changes');
END;
CREATE TRIGGER round_unreported_frozen_delete BEFORE DELETE ON round_unreported
BEGIN
    SELECT RAISE(ABORT, 'a closed round never changes');
END;

-- An unchanged report (`project update --unchanged`): the update keeps the status and completed
-- investment and says that nothing changed.
ALTER TABLE progress_update ADD COLUMN unchanged INTEGER NOT NULL DEFAULT 0 CHECK (unchanged = 0 OR unchanged = 1);

-- V014's append-only trigger learns the new column: marking an update superseded changes nothing else.
DROP TRIGGER progress_update_is_append_only_update;
CREATE TRIGGER progress_update_is_append_only_update BEFORE UPDATE ON progress_update
WHEN NOT (old.superseded_at IS NULL AND new.superseded_at IS NOT NULL
          AND new.project_id IS old.project_id AND new.seq IS old.seq AND new.date IS old.date AND new.status IS old.status
          AND new.completed_yuan IS old.completed_yuan AND new.note IS old.note AND new.recorded_at IS old.recorded_at
          AND new.position IS old.position AND new.reason IS old.reason AND new.unchanged IS old.unchanged)
BEGIN
    SELECT RAISE(ABORT, 'progress updates are append-only; a correction only marks the update it supersedes');
END;

-- The audit log names rounds. Its CHECK is rebuilt with the new kind, every entry kept with its
-- number; the implicit delete of DROP TABLE fires no trigger.
CREATE TABLE audit_event_v15 (
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
            OR record_kind = 'round'
        ),
    record_id   TEXT,
    summary     TEXT NOT NULL
) STRICT;
INSERT INTO audit_event_v15 (seq, at, actor, command, action, record_kind, record_id, summary)
SELECT seq, at, actor, command, action, record_kind, record_id, summary FROM audit_event ORDER BY seq;
DROP TABLE audit_event;
ALTER TABLE audit_event_v15 RENAME TO audit_event;
CREATE INDEX audit_event_by_time ON audit_event (at);
CREATE TRIGGER audit_event_is_append_only_update BEFORE UPDATE ON audit_event
BEGIN
    SELECT RAISE(ABORT, 'the audit log is append-only');
END;
CREATE TRIGGER audit_event_is_append_only_delete BEFORE DELETE ON audit_event
BEGIN
    SELECT RAISE(ABORT, 'the audit log is append-only');
END;
