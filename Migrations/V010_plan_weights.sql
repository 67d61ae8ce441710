-- Graded evaluation (成效评估): each plan target gets a weight in its pairing's score, the cadre
-- metrics are split by direction (cadres_*_to_east, cadres_*_to_northeast), and the plan's soft
-- cooperation is counted: reforms_copied (policies adopted) and meetings_held (meetings and visits),
-- over the tables V012 adds.
-- Shipped migrations are immutable: correct them with a new numbered file, never by editing this one.
--
-- The weight is stored as an integer number of thousandths (1000 is a weight of 1; 0.001 to 1000 are
-- allowed), not as REAL: a pairing's score is the weighted mean of its targets' scores, and with
-- integer weights the sum of the weights is exact and the same in any order and on any machine, so
-- the same database always gives the same score and grade; a REAL such as 0.1 is not exact in
-- binary, and sums of such weights depend on their order. Targets set before weights existed get 1.
--
-- The metric list is a CHECK constraint, which SQLite cannot alter in place, so the table is rebuilt:
-- copied into a new table with the new CHECK and the weight column, the old one dropped (nothing
-- refers to plan_target; a dropped table's triggers do not fire) and the new one renamed. Its index
-- and append-only triggers are created again as V005 had them.

CREATE TABLE plan_target_v010 (
    pairing_id         TEXT NOT NULL REFERENCES pairing (id),
    year               INTEGER NOT NULL CHECK (year >= 2000 AND year <= 2100),
    metric             TEXT NOT NULL CHECK (
            metric = 'projects_signed' OR metric = 'projects_started' OR metric = 'projects_operating'
            OR metric = 'investment_signed_yuan' OR metric = 'investment_completed_yuan'
            OR metric = 'parks_established'
            OR metric = 'cadres_seconded' OR metric = 'cadres_seconded_to_east' OR metric = 'cadres_seconded_to_northeast'
            OR metric = 'cadres_trained' OR metric = 'cadres_trained_to_east' OR metric = 'cadres_trained_to_northeast'
            OR metric = 'reforms_copied' OR metric = 'meetings_held'
        ),
    seq                INTEGER NOT NULL CHECK (seq >= 1),
    target             INTEGER NOT NULL CHECK (target >= 0),
    set_at             TEXT NOT NULL,
    weight_thousandths INTEGER NOT NULL DEFAULT 1000 CHECK (weight_thousandths >= 1 AND weight_thousandths <= 1000000),
    PRIMARY KEY (pairing_id, year, metric, seq)
) STRICT, WITHOUT ROWID;

INSERT INTO plan_target_v010 (pairing_id, year, metric, seq, target, set_at, weight_thousandths)
SELECT pairing_id, year, metric, seq, target, set_at, 1000 FROM plan_target;

DROP TABLE plan_target;
ALTER TABLE plan_target_v010 RENAME TO plan_target;
CREATE INDEX plan_target_by_year ON plan_target (year);

CREATE TRIGGER plan_target_is_append_only_update BEFORE UPDATE ON plan_target
BEGIN
    SELECT RAISE(ABORT, 'plan targets are append-only: set a target again to replace it');
END;
CREATE TRIGGER plan_target_is_append_only_delete BEFORE DELETE ON plan_target
BEGIN
    SELECT RAISE(ABORT, 'plan targets are append-only: set a target again to replace it');
END;
