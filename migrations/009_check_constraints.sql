-- 009: the same CHECK constraints, written as comparisons instead of IN lists.
-- SQLite evaluates `x IN ('a','b','c')` in a CHECK constraint by building a temporary b-tree of
-- the list for every row inserted; `x = 'a' OR x = 'b' OR x = 'c'` accepts exactly the same
-- values without it (entity and statement inserts were ~40% slower for it). The tables' stored
-- rows do not change, so the constraint text is edited in place, as SQLite documents for changes
-- that leave the on-disk format alone (https://sqlite.org/lang_altertable.html, "Making Other
-- Kinds Of Table Schema Changes"), and the schema is reloaded.
PRAGMA writable_schema = ON;
UPDATE sqlite_schema SET sql = replace(sql, 'CHECK (type IN (''PERSON'',''ORG'',''GPE'',''LOC'',''FACILITY'',''EVENT'',''NORP'',''PRODUCT'',''WORK'',''LAW'',''MISC''))',
       'CHECK (type = ''PERSON'' OR type = ''ORG'' OR type = ''GPE'' OR type = ''LOC'' OR type = ''FACILITY'' OR type = ''EVENT'' OR type = ''NORP'' OR type = ''PRODUCT'' OR type = ''WORK'' OR type = ''LAW'' OR type = ''MISC'')')
 WHERE type = 'table' AND name IN ('entities','user_aliases');
UPDATE sqlite_schema SET sql = replace(sql, 'CHECK (kind IN (''direct'',''partial'',''indirect''))',
       'CHECK (kind = ''direct'' OR kind = ''partial'' OR kind = ''indirect'')')
 WHERE type = 'table' AND name IN ('statements');
UPDATE sqlite_schema SET sql = replace(sql, 'CHECK (role IN (''at'',''toward'',''away'',''time'',''direction''))',
       'CHECK (role = ''at'' OR role = ''toward'' OR role = ''away'' OR role = ''time'' OR role = ''direction'')')
 WHERE type = 'table' AND name IN ('claim_frames');
UPDATE sqlite_schema SET sql = replace(sql, 'CHECK (kind IN (''numeric'',''place'',''time'',''negation'',''direction''))',
       'CHECK (kind = ''numeric'' OR kind = ''place'' OR kind = ''time'' OR kind = ''negation'' OR kind = ''direction'')')
 WHERE type = 'table' AND name IN ('conflicts');
PRAGMA writable_schema = RESET;
-- A schema change of its own, so that every other open connection reloads the schema too.
CREATE TABLE migration_009_schema_reload (x);
DROP TABLE migration_009_schema_reload;
