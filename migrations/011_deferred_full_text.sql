-- 011: a bulk import into an empty database also sets the full-text index aside: the
-- statements go in without it and the index is rebuilt once at the end (on a connection of
-- its own, while the corpus phase runs). It is listed in deferred_indexes under its own name,
-- like the indexes, so an import killed in between leaves it owed and the next import builds it.

UPDATE schema_docs SET doc = 'Indexes (and the full-text index statements_fts) set aside for the duration of a bulk import into an empty database; empty when no import is under way or owed.'
 WHERE object = 'deferred_indexes' AND column_name = '';
UPDATE schema_docs SET doc = 'Index name, or statements_fts for the full-text index.'
 WHERE object = 'deferred_indexes' AND column_name = 'name';
UPDATE schema_docs SET doc = 'The statement that builds it again: CREATE INDEX, or the full-text index''s rebuild.'
 WHERE object = 'deferred_indexes' AND column_name = 'sql';
