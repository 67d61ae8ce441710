-- Accounts of the web workspace: users, their API tokens, their sessions, and failed logins.
-- Shipped migrations are immutable: correct them with a new numbered file, never by editing this one.
--
-- No secret is stored as it is. A password is kept only as the self-describing string of a slow,
-- salted key derivation (`$scrypt$ln=15,r=8,p=1$SALT$HASH`), computed by the server; an API token and
-- a session id only as the hex SHA-256 of the random value the user holds. A session's CSRF token is
-- kept as it is: it is sent in pages to the signed-in user and proves nothing without the session.

-- Names are compared without regard to the case of Latin letters (NOCASE), so that `Admin` and
-- `admin` are one account. A reporter is bound to one pairing; the other roles to none.
CREATE TABLE account (
    name          TEXT PRIMARY KEY COLLATE NOCASE CHECK (name <> '' AND name = trim(name)),
    role          TEXT NOT NULL CHECK (role = 'admin' OR role = 'reporter' OR role = 'viewer'),
    pairing_id    TEXT REFERENCES pairing (id),
    password_hash TEXT NOT NULL CHECK (password_hash <> ''),
    disabled      INTEGER NOT NULL DEFAULT 0 CHECK (disabled = 0 OR disabled = 1),
    created_at    TEXT NOT NULL,
    CHECK ((role = 'reporter') = (pairing_id IS NOT NULL))
) STRICT;
CREATE INDEX account_by_pairing ON account (pairing_id);

CREATE TABLE api_token (
    token_hash   TEXT PRIMARY KEY CHECK (length(token_hash) = 64 AND token_hash NOT GLOB '*[^0-9a-f]*'),
    account_name TEXT NOT NULL COLLATE NOCASE REFERENCES account (name),
    created_at   TEXT NOT NULL
) STRICT, WITHOUT ROWID;
CREATE INDEX api_token_by_account ON api_token (account_name);

-- A session lives until expires_at, which each use moves on (an idle timeout); logging out, a new
-- password or disabling the account deletes it.
CREATE TABLE session (
    id_hash      TEXT PRIMARY KEY CHECK (length(id_hash) = 64 AND id_hash NOT GLOB '*[^0-9a-f]*'),
    account_name TEXT NOT NULL COLLATE NOCASE REFERENCES account (name),
    csrf_token   TEXT NOT NULL CHECK (csrf_token <> ''),
    created_at   TEXT NOT NULL,
    last_seen_at TEXT NOT NULL,
    expires_at   TEXT NOT NULL CHECK (expires_at > created_at)
) STRICT, WITHOUT ROWID;
CREATE INDEX session_by_account ON session (account_name);
CREATE INDEX session_by_expiry ON session (expires_at);

-- Failed logins by the name tried, known or not (an unknown name is locked out like a known one, so
-- that the answers do not tell which names exist).
CREATE TABLE login_failure (
    name TEXT NOT NULL COLLATE NOCASE,
    at   TEXT NOT NULL
) STRICT;
CREATE INDEX login_failure_by_name ON login_failure (name, at);

-- The audit log names accounts (added, disabled, a new password, a new API token). Its CHECK is
-- rebuilt with the new kind, every entry kept with its number; the implicit delete of DROP TABLE
-- fires no trigger.
CREATE TABLE audit_event_v16 (
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
            OR record_kind = 'round' OR record_kind = 'account'
        ),
    record_id   TEXT,
    summary     TEXT NOT NULL
) STRICT;
INSERT INTO audit_event_v16 (seq, at, actor, command, action, record_kind, record_id, summary)
SELECT seq, at, actor, command, action, record_kind, record_id, summary FROM audit_event ORDER BY seq;
DROP TABLE audit_event;
ALTER TABLE audit_event_v16 RENAME TO audit_event;
CREATE INDEX audit_event_by_time ON audit_event (at);
CREATE TRIGGER audit_event_is_append_only_update BEFORE UPDATE ON audit_event
BEGIN
    SELECT RAISE(ABORT, 'the audit log is append-only');
END;
CREATE TRIGGER audit_event_is_append_only_delete BEFORE DELETE ON audit_event
BEGIN
    SELECT RAISE(ABORT, 'the audit log is append-only');
END;
