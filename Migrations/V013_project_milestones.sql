-- Planned milestones on projects, and every revision of the planned figures.
-- Shipped migrations are immutable: correct them with a new numbered file, never by editing this one.
--
-- A project's planned start (计划开工日期) and planned completion (计划竣工日期) sit beside its planned
-- investment, so that early warnings can tell when a project is late, in one pass over the projects.
-- `project plan` revises the three planned figures; each revision is kept, with its reason, what the
-- figures were before and after it, and when it was recorded. Revisions, like progress updates, are
-- never rewritten.

ALTER TABLE project ADD COLUMN planned_start TEXT CHECK (planned_start IS date(planned_start));
ALTER TABLE project ADD COLUMN planned_completion TEXT CHECK (
    planned_completion IS date(planned_completion)
    AND (planned_start IS NULL OR planned_completion IS NULL OR planned_completion >= planned_start)
);

CREATE TABLE project_plan_revision (
    project_id                  TEXT NOT NULL REFERENCES project (id),
    seq                         INTEGER NOT NULL CHECK (seq >= 1),
    planned_yuan                INTEGER CHECK (planned_yuan >= 0),
    planned_start               TEXT CHECK (planned_start IS date(planned_start)),
    planned_completion          TEXT CHECK (planned_completion IS date(planned_completion)),
    previous_planned_yuan       INTEGER CHECK (previous_planned_yuan >= 0),
    previous_planned_start      TEXT CHECK (previous_planned_start IS date(previous_planned_start)),
    previous_planned_completion TEXT CHECK (previous_planned_completion IS date(previous_planned_completion)),
    reason                      TEXT NOT NULL CHECK (reason <> ''),
    recorded_at                 TEXT NOT NULL,
    PRIMARY KEY (project_id, seq),
    CHECK (planned_start IS NULL OR planned_completion IS NULL OR planned_completion >= planned_start)
) STRICT, WITHOUT ROWID;

-- Revisions are never rewritten.
CREATE TRIGGER project_plan_revision_is_append_only_update BEFORE UPDATE ON project_plan_revision
BEGIN
    SELECT RAISE(ABORT, 'plan revisions are append-only');
END;
CREATE TRIGGER project_plan_revision_is_append_only_delete BEFORE DELETE ON project_plan_revision
BEGIN
    SELECT RAISE(ABORT, 'plan revisions are append-only');
END;
