-- What the progress report needs, kept as projects change, so that a report reads a few hundred
-- rows however many projects there are (rather than scanning them all).
-- Shipped migrations are immutable: correct them with a new numbered file, never by editing this one.
--
-- One row per pairing, task and current status: how many projects, how many are landmarks, and the
-- sums of their planned and completed investment (planned of terminated projects is left out by the
-- report, which knows the status of each row).

CREATE TABLE progress_summary (
    pairing_id        TEXT NOT NULL,
    task_code         TEXT NOT NULL,
    status            TEXT NOT NULL,
    projects          INTEGER NOT NULL CHECK (projects >= 0),
    landmark_projects INTEGER NOT NULL CHECK (landmark_projects >= 0),
    planned_yuan      INTEGER NOT NULL CHECK (planned_yuan >= 0),
    completed_yuan    INTEGER NOT NULL CHECK (completed_yuan >= 0),
    PRIMARY KEY (pairing_id, task_code, status)
) STRICT, WITHOUT ROWID;

INSERT INTO progress_summary (pairing_id, task_code, status, projects, landmark_projects, planned_yuan, completed_yuan)
SELECT pairing_id, task_code, status, count(*), sum(landmark), coalesce(sum(planned_yuan), 0), sum(completed_yuan)
FROM project
GROUP BY pairing_id, task_code, status;

CREATE TRIGGER progress_summary_on_insert AFTER INSERT ON project
BEGIN
    INSERT INTO progress_summary (pairing_id, task_code, status, projects, landmark_projects, planned_yuan, completed_yuan)
    VALUES (new.pairing_id, new.task_code, new.status, 1, new.landmark, coalesce(new.planned_yuan, 0), new.completed_yuan)
    ON CONFLICT (pairing_id, task_code, status) DO UPDATE SET
        projects = projects + 1,
        landmark_projects = landmark_projects + excluded.landmark_projects,
        planned_yuan = planned_yuan + excluded.planned_yuan,
        completed_yuan = completed_yuan + excluded.completed_yuan;
END;

CREATE TRIGGER progress_summary_on_update
AFTER UPDATE OF pairing_id, task_code, status, landmark, planned_yuan, completed_yuan ON project
BEGIN
    UPDATE progress_summary SET
        projects = projects - 1,
        landmark_projects = landmark_projects - old.landmark,
        planned_yuan = planned_yuan - coalesce(old.planned_yuan, 0),
        completed_yuan = completed_yuan - old.completed_yuan
    WHERE pairing_id = old.pairing_id AND task_code = old.task_code AND status = old.status;
    INSERT INTO progress_summary (pairing_id, task_code, status, projects, landmark_projects, planned_yuan, completed_yuan)
    VALUES (new.pairing_id, new.task_code, new.status, 1, new.landmark, coalesce(new.planned_yuan, 0), new.completed_yuan)
    ON CONFLICT (pairing_id, task_code, status) DO UPDATE SET
        projects = projects + 1,
        landmark_projects = landmark_projects + excluded.landmark_projects,
        planned_yuan = planned_yuan + excluded.planned_yuan,
        completed_yuan = completed_yuan + excluded.completed_yuan;
END;

CREATE TRIGGER progress_summary_on_delete AFTER DELETE ON project
BEGIN
    UPDATE progress_summary SET
        projects = projects - 1,
        landmark_projects = landmark_projects - old.landmark,
        planned_yuan = planned_yuan - coalesce(old.planned_yuan, 0),
        completed_yuan = completed_yuan - old.completed_yuan
    WHERE pairing_id = old.pairing_id AND task_code = old.task_code AND status = old.status;
END;
