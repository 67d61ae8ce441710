-- The furthest on-track step each project's history has reached, for rates whose base does not
-- shrink when projects fail.
-- Shipped migrations are immutable: correct them with a new numbered file, never by editing this one.
--
-- 落地率, 开工率 and 投产率 count every project that has reached 签约, whatever became of it: a project
-- landed in 2019 and suspended in 2021 has reached 落地 for good. A project's current status cannot say
-- so once it is suspended or terminated, so the project row keeps `reached`, the furthest on-track
-- step of its history (NULL while its history holds none, e.g. a project recorded as suspended).
-- On-track steps only move forward, so it is also the step of its latest on-track update.
--
-- The progress summary gains `reached` as part of its key, so that the report of "now" still reads
-- a few hundred rows. A summary row stores '' where the project's `reached` is NULL, as key columns
-- of a WITHOUT ROWID table cannot be NULL.

ALTER TABLE project ADD COLUMN reached TEXT CHECK (
    reached = 'planned' OR reached = 'negotiating' OR reached = 'signed' OR reached = 'landed'
    OR reached = 'started' OR reached = 'completed' OR reached = 'operating'
);

UPDATE project SET reached = (
    SELECT u.status FROM progress_update u
    WHERE u.project_id = project.id AND u.status <> 'suspended' AND u.status <> 'terminated'
    ORDER BY u.seq DESC LIMIT 1
);

DROP TRIGGER progress_summary_on_insert;
DROP TRIGGER progress_summary_on_update;
DROP TRIGGER progress_summary_on_delete;
DROP TABLE progress_summary;

CREATE TABLE progress_summary (
    pairing_id        TEXT NOT NULL,
    task_code         TEXT NOT NULL,
    status            TEXT NOT NULL,
    reached           TEXT NOT NULL,
    projects          INTEGER NOT NULL CHECK (projects >= 0),
    landmark_projects INTEGER NOT NULL CHECK (landmark_projects >= 0),
    planned_yuan      INTEGER NOT NULL CHECK (planned_yuan >= 0),
    completed_yuan    INTEGER NOT NULL CHECK (completed_yuan >= 0),
    PRIMARY KEY (pairing_id, task_code, status, reached)
) STRICT, WITHOUT ROWID;

INSERT INTO progress_summary (pairing_id, task_code, status, reached, projects, landmark_projects, planned_yuan, completed_yuan)
SELECT pairing_id, task_code, status, coalesce(reached, ''), count(*), sum(landmark), coalesce(sum(planned_yuan), 0), sum(completed_yuan)
FROM project
GROUP BY pairing_id, task_code, status, coalesce(reached, '');

CREATE TRIGGER progress_summary_on_insert AFTER INSERT ON project
BEGIN
    INSERT INTO progress_summary (pairing_id, task_code, status, reached, projects, landmark_projects, planned_yuan, completed_yuan)
    VALUES (new.pairing_id, new.task_code, new.status, coalesce(new.reached, ''), 1, new.landmark, coalesce(new.planned_yuan, 0), new.completed_yuan)
    ON CONFLICT (pairing_id, task_code, status, reached) DO UPDATE SET
        projects = projects + 1,
        landmark_projects = landmark_projects + excluded.landmark_projects,
        planned_yuan = planned_yuan + excluded.planned_yuan,
        completed_yuan = completed_yuan + excluded.completed_yuan;
END;

CREATE TRIGGER progress_summary_on_update
AFTER UPDATE OF pairing_id, task_code, status, reached, landmark, planned_yuan, completed_yuan ON project
BEGIN
    UPDATE progress_summary SET
        projects = projects - 1,
        landmark_projects = landmark_projects - old.landmark,
        planned_yuan = planned_yuan - coalesce(old.planned_yuan, 0),
        completed_yuan = completed_yuan - old.completed_yuan
    WHERE pairing_id = old.pairing_id AND task_code = old.task_code AND status = old.status AND reached = coalesce(old.reached, '');
    INSERT INTO progress_summary (pairing_id, task_code, status, reached, projects, landmark_projects, planned_yuan, completed_yuan)
    VALUES (new.pairing_id, new.task_code, new.status, coalesce(new.reached, ''), 1, new.landmark, coalesce(new.planned_yuan, 0), new.completed_yuan)
    ON CONFLICT (pairing_id, task_code, status, reached) DO UPDATE SET
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
    WHERE pairing_id = old.pairing_id AND task_code = old.task_code AND status = old.status AND reached = coalesce(old.reached, '');
END;
