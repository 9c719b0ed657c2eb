-- 010: indexes set aside while a large import fills an empty database. Maintaining a secondary
-- index row by row costs a random b-tree insert per row; building it once at the end sorts
-- instead. The importer drops such an index in the same transaction as it records it here, and
-- re-creates it (and deletes the row) before the import's corpus phase; an import killed in
-- between leaves the rows, and the next import (or `newskb import` with no new input) re-creates
-- the indexes first. Queries are correct without them, only slower.

CREATE TABLE deferred_indexes (
    name TEXT PRIMARY KEY,   -- index name, as in sqlite_schema
    sql  TEXT NOT NULL       -- the CREATE INDEX statement that re-creates it
) STRICT;

INSERT INTO schema_docs(object, column_name, doc, position) VALUES
 ('deferred_indexes', '', 'Indexes dropped for the duration of a bulk import into an empty database; empty when no import is under way or owed.', 0),
 ('deferred_indexes', 'name', 'Index name.', 1),
 ('deferred_indexes', 'sql', 'The CREATE INDEX statement that re-creates it.', 2);
