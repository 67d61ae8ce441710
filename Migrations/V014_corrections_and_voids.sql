-- Corrections and voids: a wrong progress update is superseded, never erased; a project recorded by
-- mistake is withdrawn, never deleted.
-- Shipped migrations are immutable: correct them with a new numbered file, never by editing this one.
--
-- Every update gets its `position` in the history (1, 2, 3… as `project show` numbers it; `seq`
-- numbers the rows as recorded). A correction is a progress update of its own: a new row with the
-- next seq, the `position` of the update it replaces, and a `reason`. The update it replaces stays,
-- with `superseded_at`, the time the correction was recorded, set once; that is the only change
-- the append-only trigger allows. The history in force is the rows whose `superseded_at` is NULL,
-- ordered by position. As known at an instant T, the history is the rows recorded before T that
-- were not superseded before T, so every earlier answer can be given again. `duikou check` verifies
-- that the positions in force run 1, 2, 3… and that every superseded update has its correction.
--
-- A voided project keeps its row and its history; `voided_at` and `void_reason` say when and why,
-- set once. It leaves the progress summary, and every count and list.
--
-- `changed_at` is when the project's history last changed (an update, a correction, a void): a
-- project unchanged since an instant T is as it was known at T, which lets "known on" reports
-- look into the history only for the projects changed since.

ALTER TABLE progress_update ADD COLUMN position INTEGER NOT NULL DEFAULT 0;
ALTER TABLE progress_update ADD COLUMN reason TEXT CHECK (reason IS NULL OR reason <> '');
ALTER TABLE progress_update ADD COLUMN superseded_at TEXT;

ALTER TABLE project ADD COLUMN changed_at TEXT;
ALTER TABLE project ADD COLUMN voided_at TEXT;
ALTER TABLE project ADD COLUMN void_reason TEXT CHECK ((void_reason IS NULL) = (voided_at IS NULL) AND (void_reason IS NULL OR void_reason <> ''));

UPDATE project SET changed_at = coalesce((SELECT max(u.recorded_at) FROM progress_update u WHERE u.project_id = project.id), recorded_at);

DROP TRIGGER progress_update_is_append_only_update;
UPDATE progress_update SET position = seq;
CREATE TRIGGER progress_update_is_append_only_update BEFORE UPDATE ON progress_update
WHEN NOT (old.superseded_at IS NULL AND new.superseded_at IS NOT NULL
          AND new.project_id IS old.project_id AND new.seq IS old.seq AND new.date IS old.date AND new.status IS old.status
          AND new.completed_yuan IS old.completed_yuan AND new.note IS old.note AND new.recorded_at IS old.recorded_at
          AND new.position IS old.position AND new.reason IS old.reason)
BEGIN
    SELECT RAISE(ABORT, 'progress updates are append-only; a correction only marks the update it supersedes');
END;

CREATE TRIGGER project_void_is_final BEFORE UPDATE OF voided_at, void_reason ON project
WHEN old.voided_at IS NOT NULL
BEGIN
    SELECT RAISE(ABORT, 'a voided project stays voided');
END;

-- The summary counts the projects that are not voided.
DROP TRIGGER progress_summary_on_update;
DROP TRIGGER progress_summary_on_delete;

CREATE TRIGGER progress_summary_on_update
AFTER UPDATE OF pairing_id, task_code, status, reached, landmark, planned_yuan, completed_yuan, voided_at ON project
BEGIN
    UPDATE progress_summary SET
        projects = projects - 1,
        landmark_projects = landmark_projects - old.landmark,
        planned_yuan = planned_yuan - coalesce(old.planned_yuan, 0),
        completed_yuan = completed_yuan - old.completed_yuan
    WHERE old.voided_at IS NULL
      AND pairing_id = old.pairing_id AND task_code = old.task_code AND status = old.status AND reached = coalesce(old.reached, '');
    INSERT INTO progress_summary (pairing_id, task_code, status, reached, projects, landmark_projects, planned_yuan, completed_yuan)
    SELECT new.pairing_id, new.task_code, new.status, coalesce(new.reached, ''), 1, new.landmark, coalesce(new.planned_yuan, 0), new.completed_yuan
    WHERE new.voided_at IS NULL
    ON CONFLICT (pairing_id, task_code, status, reached) DO UPDATE SET
        projects = projects + 1,
        landmark_projects = landmark_projects + excluded.landmark_projects,
        planned_yuan = planned_yuan + excluded.planned_yuan,
        completed_yuan = completed_yuan + excluded.completed_yuan;
END;

CREATE TRIGGER progress_summary_on_delete AFTER DELETE ON project
WHEN old.voided_at IS NULL
BEGIN
    UPDATE progress_summary SET
        projects = projects - 1,
        landmark_projects = landmark_projects - old.landmark,
        planned_yuan = planned_yuan - coalesce(old.planned_yuan, 0),
        completed_yuan = completed_yuan - old.completed_yuan
    WHERE pairing_id = old.pairing_id AND task_code = old.task_code AND status = old.status AND reached = coalesce(old.reached, '');
END;
