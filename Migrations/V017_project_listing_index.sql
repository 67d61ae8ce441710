-- The order of project listings (`project list`, the API's and the pages' project lists): oldest
-- first by the first update's date, then in the order recorded. Shipped migrations are immutable:
-- correct them with a new numbered file, never by editing this one.
--
-- With the listing's order in an index, a page (`LIMIT 50 OFFSET 2500`) walks the index to its
-- rows instead of sorting every project, and a count of the projects reads the index rather than
-- the table. Voided projects are never listed as they stand, so they are left out of it.
CREATE INDEX project_by_first_date ON project (first_date) WHERE voided_at IS NULL;
