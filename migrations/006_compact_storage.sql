-- 006: compact storage, for import speed and database size.
--
-- 1. A claim's matching keys move from one row per key (claim_keys: 10 rows per claim, the
--    largest table) into one column of claims, match_keys, which replaces claims.normalized
--    (the normalized form is the words of match_keys plus the claim's quantities).
-- 2. The full-text index of statements stops storing its own copy of every quotation: it reads
--    the text from documents.body through the statement_search view (FTS5 external content).
--    Triggers keep it in sync when statements or whole documents are deleted.

ALTER TABLE claims ADD COLUMN match_keys TEXT NOT NULL DEFAULT '';
UPDATE claims SET match_keys = coalesce((
    SELECT group_concat(CASE WHEN k.key LIKE 'w:%' THEN substr(k.key, 3) ELSE replace(k.key, ' ', '_') END, ' ')
      FROM claim_keys k WHERE k.claim_id = claims.id), '');
ALTER TABLE claims DROP COLUMN normalized;
DROP TABLE claim_keys;

DROP TRIGGER statements_fts_delete;
DROP TABLE statements_fts;

-- The searchable text of each statement: its content and its speaker, read from the body.
CREATE VIEW statement_search AS
SELECT s.id                                            AS id,
       s.document_id                                   AS document_id,
       substr(d.body, s.start + 1, s."end" - s.start)  AS quote,
       coalesce(e.name, s.speaker_phrase)              AS speaker
FROM statements s
JOIN documents d ON d.id = s.document_id
LEFT JOIN entities e ON e.id = s.speaker_entity_id;

CREATE VIRTUAL TABLE statements_fts USING fts5(quote, speaker, content = 'statement_search', content_rowid = 'id',
                                               tokenize = 'unicode61 remove_diacritics 2');
INSERT INTO statements_fts(statements_fts) VALUES ('rebuild');

-- An external-content index must be told the old text of a row it forgets. A document's
-- statements leave the index before the document goes (its body is still readable then);
-- a statement deleted on its own leaves it afterwards (when its document is being deleted, the
-- document is already gone and this finds nothing, so nothing is removed twice).
CREATE TRIGGER documents_fts_delete BEFORE DELETE ON documents BEGIN
    INSERT INTO statements_fts(statements_fts, rowid, quote, speaker)
    SELECT 'delete', id, quote, speaker FROM statement_search WHERE document_id = old.id;
END;
CREATE TRIGGER statements_fts_delete AFTER DELETE ON statements BEGIN
    INSERT INTO statements_fts(statements_fts, rowid, quote, speaker)
    SELECT 'delete', old.id, substr(d.body, old.start + 1, old."end" - old.start),
           coalesce((SELECT e.name FROM entities e WHERE e.id = old.speaker_entity_id), old.speaker_phrase)
      FROM documents d WHERE d.id = old.document_id;
END;

DELETE FROM schema_docs WHERE object = 'claim_keys' OR (object = 'claims' AND column_name = 'normalized')
                           OR (object = 'statements_fts' AND column_name = '');
INSERT INTO schema_docs(object, column_name, doc, position) VALUES
 ('claims', 'match_keys', 'Matching keys, space-separated: base forms of content words (synonyms mapped), e:entity (spaces as _), d:date.', 5),
 ('statement_search', '', 'The searchable text of each statement (content and speaker), read from documents.body; statements_fts indexes it.', 0),
 ('statement_search', 'id', 'statements.id (the rowid of statements_fts).', 1),
 ('statement_search', 'document_id', 'documents.id.', 2),
 ('statement_search', 'quote', 'The statement content.', 3),
 ('statement_search', 'speaker', 'Resolved speaker name, or the unnamed source phrase.', 4),
 ('statements_fts', '', 'FTS5 index over statement_search (quote, speaker), external content: rowid = statements.id.', 0);
