-- Annual work plans (年度工作计划): a target per pairing, year and metric.
-- Shipped migrations are immutable: correct them with a new numbered file, never by editing this one.
--
-- Targets are never overwritten: setting one again appends a revision with the next seq, and the
-- latest revision is the target in force. The metric names and their definitions are in DESIGN.md
-- ("Plans, evaluation and reports"); targets of the *_yuan metrics are integer yuan.

CREATE TABLE plan_target (
    pairing_id TEXT NOT NULL REFERENCES pairing (id),
    year       INTEGER NOT NULL CHECK (year >= 2000 AND year <= 2100),
    metric     TEXT NOT NULL CHECK (
            metric = 'projects_signed' OR metric = 'projects_started' OR metric = 'projects_operating'
            OR metric = 'investment_signed_yuan' OR metric = 'investment_completed_yuan'
            OR metric = 'parks_established' OR metric = 'cadres_seconded' OR metric = 'cadres_trained'
        ),
    seq        INTEGER NOT NULL CHECK (seq >= 1),
    target     INTEGER NOT NULL CHECK (target >= 0),
    set_at     TEXT NOT NULL,
    PRIMARY KEY (pairing_id, year, metric, seq)
) STRICT, WITHOUT ROWID;
CREATE INDEX plan_target_by_year ON plan_target (year);

CREATE TRIGGER plan_target_is_append_only_update BEFORE UPDATE ON plan_target
BEGIN
    SELECT RAISE(ABORT, 'plan targets are append-only: set a target again to replace it');
END;
CREATE TRIGGER plan_target_is_append_only_delete BEFORE DELETE ON plan_target
BEGIN
    SELECT RAISE(ABORT, 'plan targets are append-only: set a target again to replace it');
END;
