-- 015: deleting a document deletes everything derived from it, whatever the connection's
-- foreign_keys setting. SQLite's ON DELETE CASCADE acts only where `PRAGMA foreign_keys = ON`,
-- and the sqlite3 shell, Python's sqlite3 and most tools leave it off: a document deleted by hand
-- left its sentences, mentions, statements and claims behind, which the corpus phase then read
-- as a document's (claim groups of a document that no longer exists, entities kept alive by its
-- mentions). A trigger runs on every connection. Each statement finds its rows through an index
-- on the column that refers to the parent (newskb's own writers delete with foreign keys off, as
-- a cascade would look up the mentions, statements and claims of every sentence without one).
-- Where foreign keys are on, the cascade has already done it and the trigger finds nothing.

CREATE TRIGGER documents_delete_derived AFTER DELETE ON documents BEGIN
    DELETE FROM claim_entities WHERE claim_id IN (SELECT id FROM claims WHERE document_id = old.id);
    DELETE FROM claim_quantities WHERE claim_id IN (SELECT id FROM claims WHERE document_id = old.id);
    DELETE FROM claim_frames WHERE claim_id IN (SELECT id FROM claims WHERE document_id = old.id);
    DELETE FROM claim_group_members WHERE claim_id IN (SELECT id FROM claims WHERE document_id = old.id);
    DELETE FROM conflict_positions WHERE claim_id IN (SELECT id FROM claims WHERE document_id = old.id);
    UPDATE claim_groups SET representative_claim_id = NULL
     WHERE representative_claim_id IN (SELECT id FROM claims WHERE document_id = old.id);
    DELETE FROM claims WHERE document_id = old.id;
    DELETE FROM statements WHERE document_id = old.id;
    DELETE FROM mentions WHERE document_id = old.id;
    DELETE FROM entity_aliases WHERE document_id = old.id;
    DELETE FROM entity_roles WHERE document_id = old.id;
    DELETE FROM sentences WHERE document_id = old.id;
    DELETE FROM story_documents WHERE document_id = old.id;
END;

-- A store that such a deletion already left with rows of missing documents: they go now (the next
-- corpus phase then drops the entities nothing mentions). The deletions it missed were recorded
-- (`corpus_changes`), so the corpus phase is owed already.
DELETE FROM claim_entities WHERE claim_id IN (SELECT id FROM claims WHERE document_id NOT IN (SELECT id FROM documents));
DELETE FROM claim_quantities WHERE claim_id IN (SELECT id FROM claims WHERE document_id NOT IN (SELECT id FROM documents));
DELETE FROM claim_frames WHERE claim_id IN (SELECT id FROM claims WHERE document_id NOT IN (SELECT id FROM documents));
DELETE FROM claim_group_members WHERE claim_id IN (SELECT id FROM claims WHERE document_id NOT IN (SELECT id FROM documents));
DELETE FROM conflict_positions WHERE claim_id IN (SELECT id FROM claims WHERE document_id NOT IN (SELECT id FROM documents));
UPDATE claim_groups SET representative_claim_id = NULL
 WHERE representative_claim_id IN (SELECT id FROM claims WHERE document_id NOT IN (SELECT id FROM documents));
DELETE FROM claims WHERE document_id NOT IN (SELECT id FROM documents);
DELETE FROM statements WHERE document_id NOT IN (SELECT id FROM documents);
DELETE FROM mentions WHERE document_id NOT IN (SELECT id FROM documents);
DELETE FROM entity_aliases WHERE document_id IS NOT NULL AND document_id NOT IN (SELECT id FROM documents);
DELETE FROM entity_roles WHERE document_id NOT IN (SELECT id FROM documents);
DELETE FROM sentences WHERE document_id NOT IN (SELECT id FROM documents);
DELETE FROM story_documents WHERE document_id NOT IN (SELECT id FROM documents);
