-- 017: an import recomputes the components its documents reach, not weeks (#17; README "Adding
-- to a store", docs/incremental.md).
--
-- corpus_components: each document's component — the documents joined to it by story links,
-- claim edges and conflict pairs, directly or through others. Stories, claim groups and conflicts
-- never span two components, so an import recomputes only the components its new documents link
-- to and those that held a deleted one.
-- corpus_postings: the keys each document is found by (the keys its claims hold and probe in the
-- index, their measures, the keys it probes as a story; 32-bit hashes), with its week bucket: an
-- import finds the documents its new ones can be compared with through them, without reading the
-- windows.
-- corpus_changes now lists documents, not dates: those added, deleted or re-dated since the corpus
-- phase last ran (written by triggers in the transaction that writes the documents), each with the
-- component it belonged to. corpus_crossings (weeks whose components reach into the next) goes:
-- components replace it.
-- The key counts are dropped: the next import recomputes everything and records the components.

DROP TRIGGER documents_corpus_insert;
DROP TRIGGER documents_corpus_delete;
DROP TRIGGER documents_corpus_update;
DROP TABLE corpus_crossings;
DROP TABLE corpus_changes;
DELETE FROM schema_docs WHERE object IN ('corpus_crossings', 'corpus_changes');

CREATE TABLE corpus_components (
    document_id INTEGER PRIMARY KEY,  -- a document the corpus phase has seen (no foreign key: kept until the phase reads it)
    component   INTEGER NOT NULL      -- the smallest document id of its component when last computed
) STRICT;
CREATE INDEX corpus_components_component ON corpus_components(component);

CREATE TABLE corpus_postings (
    key         INTEGER NOT NULL,  -- 32-bit hash of a claim key, or of a measure's unit and step
    role        INTEGER NOT NULL,  -- 0 held by a claim (a measure), 1 probed by a claim, 2 probed by the document as a story
    bucket      INTEGER NOT NULL,  -- the document's week bucket (-2^40: undated)
    document_id INTEGER NOT NULL,
    PRIMARY KEY (key, role, bucket, document_id)
) STRICT, WITHOUT ROWID;

CREATE TABLE corpus_changes (
    document_id INTEGER PRIMARY KEY,  -- a document added, deleted or re-dated
    component   INTEGER,              -- the component it belonged to (NULL: none yet)
    seq         INTEGER NOT NULL      -- corpus_clock.changes at its last change: a corpus phase clears only what it covered
) STRICT;
CREATE INDEX corpus_changes_seq ON corpus_changes(seq);

CREATE TRIGGER documents_corpus_insert AFTER INSERT ON documents BEGIN
    UPDATE corpus_clock SET changes = changes + 1;
    INSERT INTO corpus_changes(document_id, component, seq) VALUES (new.id, NULL, (SELECT changes FROM corpus_clock))
        ON CONFLICT(document_id) DO UPDATE SET seq = excluded.seq;
    UPDATE corpus_snapshot SET changed = changed + 1;
    INSERT OR IGNORE INTO corpus_pending(id, since) VALUES (1, strftime('%Y-%m-%dT%H:%M:%SZ', 'now'));
END;

CREATE TRIGGER documents_corpus_delete AFTER DELETE ON documents BEGIN
    UPDATE corpus_clock SET changes = changes + 1;
    INSERT INTO corpus_changes(document_id, component, seq)
        VALUES (old.id, (SELECT component FROM corpus_components WHERE document_id = old.id), (SELECT changes FROM corpus_clock))
        ON CONFLICT(document_id) DO UPDATE SET seq = excluded.seq, component = coalesce(corpus_changes.component, excluded.component);
    DELETE FROM corpus_components WHERE document_id = old.id;
    UPDATE corpus_snapshot SET changed = changed + 1;
    INSERT OR IGNORE INTO corpus_pending(id, since) VALUES (1, strftime('%Y-%m-%dT%H:%M:%SZ', 'now'));
END;

CREATE TRIGGER documents_corpus_update AFTER UPDATE OF published ON documents BEGIN
    UPDATE corpus_clock SET changes = changes + 1;
    INSERT INTO corpus_changes(document_id, component, seq)
        VALUES (new.id, (SELECT component FROM corpus_components WHERE document_id = new.id), (SELECT changes FROM corpus_clock))
        ON CONFLICT(document_id) DO UPDATE SET seq = excluded.seq, component = coalesce(corpus_changes.component, excluded.component);
    UPDATE corpus_snapshot SET changed = changed + 1;
    INSERT OR IGNORE INTO corpus_pending(id, since) VALUES (1, strftime('%Y-%m-%dT%H:%M:%SZ', 'now'));
END;

-- A run over part of the store deletes the stories, groups and conflicts it replaces: each deleted
-- story sets the story of its claim groups to NULL, and each deleted claim (a replaced document)
-- the representative of its group, which without these indexes scans every claim group (at
-- 1,000,000 articles, 1.2 million rows for each one).
CREATE INDEX claim_groups_story ON claim_groups(story_id);
CREATE INDEX claim_groups_representative ON claim_groups(representative_claim_id);

DELETE FROM corpus_snapshot;
DELETE FROM corpus_weights;
INSERT OR IGNORE INTO corpus_pending(id, since) SELECT 1, strftime('%Y-%m-%dT%H:%M:%SZ', 'now') WHERE EXISTS (SELECT 1 FROM documents);

INSERT INTO schema_docs(object, column_name, doc, position) VALUES
 ('corpus_components', '', 'Each document''s component: the documents joined to it by story links, claim edges and conflict pairs. Results never span two components; an import recomputes those its documents reach.', 0),
 ('corpus_components', 'document_id', 'The document.', 1),
 ('corpus_components', 'component', 'The smallest document id of its component when last computed.', 2),
 ('corpus_postings', '', 'The keys each document is found by when an import looks for what its new documents can be compared with (32-bit hashes).', 0),
 ('corpus_postings', 'key', '32-bit hash of a claim key, or of a measure''s unit and step.', 1),
 ('corpus_postings', 'role', '0: held by one of its claims (or a measure); 1: probed by one of its claims; 2: probed by the document as a story.', 2),
 ('corpus_postings', 'bucket', 'The document''s week bucket (-2^40: undated).', 3),
 ('corpus_postings', 'document_id', 'The document.', 4),
 ('corpus_changes', '', 'Documents added, deleted or re-dated since the corpus phase last ran.', 0),
 ('corpus_changes', 'document_id', 'The document.', 1),
 ('corpus_changes', 'component', 'The component it belonged to (NULL: none yet).', 2),
 ('corpus_changes', 'seq', 'corpus_clock.changes at its last change: a corpus phase clears only the changes it covered.', 3);
