-- 013: while the full-text index is set aside (`deferred_indexes` lists `statements_fts`: an
-- import into an empty database rebuilds it from the statements at the end), deleting a document
-- or a statement leaves the index alone: it never held the statements written meanwhile, and
-- telling it to forget them would damage it. This happens when a document's twin under a smaller
-- key replaces it during that import (one body under several keys keeps the smallest key).

DROP TRIGGER documents_fts_delete;
CREATE TRIGGER documents_fts_delete BEFORE DELETE ON documents
WHEN NOT EXISTS (SELECT 1 FROM deferred_indexes WHERE name = 'statements_fts') BEGIN
    INSERT INTO statements_fts(statements_fts, rowid, quote, speaker)
    SELECT 'delete', id, quote, speaker FROM statement_search WHERE document_id = old.id;
END;

DROP TRIGGER statements_fts_delete;
CREATE TRIGGER statements_fts_delete AFTER DELETE ON statements
WHEN NOT EXISTS (SELECT 1 FROM deferred_indexes WHERE name = 'statements_fts') BEGIN
    INSERT INTO statements_fts(statements_fts, rowid, quote, speaker)
    SELECT 'delete', old.id, substr(d.body, old.start + 1, old."end" - old.start),
           coalesce((SELECT e.name FROM entities e WHERE e.id = old.speaker_entity_id), old.speaker_phrase)
      FROM documents d WHERE d.id = old.document_id;
END;
