-- Story links kept between imports (#17, docs/incremental.md): an import no longer recomputes
-- every story of the component a new document links into. A story component (documents joined
-- by story links) can hold most of a corpus — wire templates knit Reuters-21578's busy weeks into
-- one of 13,819 documents — while its stories are small. With the links stored, an import checks
-- which stories its new links can change (CorpusReach.storyClosure) and recomputes those only.
--
-- corpus_components now records claim components only (documents joined by claim edges):
-- stories are closed by the check above, and conflicts lie within one story.

CREATE TABLE corpus_story_links (
    a   INTEGER NOT NULL,  -- document id (the smaller of the two)
    b   INTEGER NOT NULL,  -- document id
    sim REAL NOT NULL,     -- their story similarity, as the comparison gave it (StoryGrouper.findLinks)
    PRIMARY KEY (a, b)
) STRICT, WITHOUT ROWID;
CREATE INDEX corpus_story_links_b ON corpus_story_links(b);

-- The story a changed document belonged to, recorded before it goes (a BEFORE trigger: its
-- story_documents row is deleted with it).
ALTER TABLE corpus_changes ADD COLUMN story INTEGER;

DROP TRIGGER documents_corpus_delete;
CREATE TRIGGER documents_corpus_delete BEFORE DELETE ON documents BEGIN
    UPDATE corpus_clock SET changes = changes + 1;
    INSERT INTO corpus_changes(document_id, component, story, seq)
        VALUES (old.id, (SELECT component FROM corpus_components WHERE document_id = old.id),
                (SELECT story_id FROM story_documents WHERE document_id = old.id), (SELECT changes FROM corpus_clock))
        ON CONFLICT(document_id) DO UPDATE SET seq = excluded.seq, component = coalesce(corpus_changes.component, excluded.component),
            story = coalesce(corpus_changes.story, excluded.story);
    DELETE FROM corpus_components WHERE document_id = old.id;
    DELETE FROM corpus_story_links WHERE a = old.id OR b = old.id;
    UPDATE corpus_snapshot SET changed = changed + 1;
    INSERT OR IGNORE INTO corpus_pending(id, since) VALUES (1, strftime('%Y-%m-%dT%H:%M:%SZ', 'now'));
END;

DROP TRIGGER documents_corpus_update;
CREATE TRIGGER documents_corpus_update AFTER UPDATE OF published ON documents BEGIN
    UPDATE corpus_clock SET changes = changes + 1;
    INSERT INTO corpus_changes(document_id, component, story, seq)
        VALUES (new.id, (SELECT component FROM corpus_components WHERE document_id = new.id),
                (SELECT story_id FROM story_documents WHERE document_id = new.id), (SELECT changes FROM corpus_clock))
        ON CONFLICT(document_id) DO UPDATE SET seq = excluded.seq, component = coalesce(corpus_changes.component, excluded.component),
            story = coalesce(corpus_changes.story, excluded.story);
    UPDATE corpus_snapshot SET changed = changed + 1;
    INSERT OR IGNORE INTO corpus_pending(id, since) VALUES (1, strftime('%Y-%m-%dT%H:%M:%SZ', 'now'));
END;

-- The next import runs over the whole store and writes the links.
DELETE FROM corpus_snapshot;
DELETE FROM corpus_weights;
INSERT OR IGNORE INTO corpus_pending(id, since) SELECT 1, strftime('%Y-%m-%dT%H:%M:%SZ', 'now') WHERE EXISTS (SELECT 1 FROM documents);

UPDATE schema_docs SET doc = 'Each document''s claim component: the documents joined to it by claim edges. Claim groups never span two components; an import recomputes those its documents reach.'
 WHERE object = 'corpus_components' AND column_name = '';
INSERT INTO schema_docs(object, column_name, doc, position) VALUES
 ('corpus_story_links', '', 'Pairs of documents the story comparison found alike (similarity at least a quarter of the average threshold), kept so that an import recomputes only the stories its documents can change.', 0),
 ('corpus_story_links', 'a', 'The document with the smaller id.', 1),
 ('corpus_story_links', 'b', 'The other document.', 2),
 ('corpus_story_links', 'sim', 'Their story similarity.', 3),
 ('corpus_changes', 'story', 'The story it belonged to (NULL: none yet).', 4);
