-- The names people use for pairings: short names such as 辽苏 and 深哈, and aliases users add.
-- Shipped migrations are immutable: correct them with a new numbered file, never by editing this one.
--
-- Besides its id and its Chinese and English names (made from the regions' names), a pairing is
-- read by any of its aliases. An alias names one pairing, whatever the case of its Latin letters
-- (COLLATE NOCASE). The library refuses, before it gets here, an alias that reads the same as another
-- alias or as the id or a name of another pairing once spaces, dashes and full-width forms are set
-- aside; names are made from the regions, so SQL alone cannot check that.
--
-- The short names are those in use for the pairings of the 2017 plan; the Eastern side comes first
-- in some (京沈, 沪连, 津长, 深哈), the Northeast in others, and both orders are heard. Inner
-- Mongolia's pairing is still exploring, without an Eastern partner: the plan names it by its region
-- alone (支持内蒙古自治区主动对接东部省市), and 内蒙古 is what people call it.

CREATE TABLE pairing_alias (
    alias      TEXT PRIMARY KEY COLLATE NOCASE CHECK (alias <> '' AND length(alias) <= 64 AND alias = trim(alias)),
    pairing_id TEXT NOT NULL REFERENCES pairing (id)
) STRICT;
CREATE INDEX pairing_alias_by_pairing ON pairing_alias (pairing_id);

INSERT INTO pairing_alias (alias, pairing_id) VALUES
    ('辽苏',   'liaoning-jiangsu'),
    ('吉浙',   'jilin-zhejiang'),
    ('黑粤',   'heilongjiang-guangdong'),
    ('龙粤',   'heilongjiang-guangdong'),
    ('京沈',   'shenyang-beijing'),
    ('沈京',   'shenyang-beijing'),
    ('沪连',   'dalian-shanghai'),
    ('连沪',   'dalian-shanghai'),
    ('津长',   'changchun-tianjin'),
    ('长津',   'changchun-tianjin'),
    ('深哈',   'harbin-shenzhen'),
    ('哈深',   'harbin-shenzhen'),
    ('内蒙古', 'inner-mongolia');
