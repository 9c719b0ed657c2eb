-- 014: what an import needs to redo the corpus phase only where the documents it changed can
-- change anything (#17; README "Adding to a store").
--
-- corpus_snapshot and corpus_weights: the key counts every comparison weighs keys by, taken when
-- the corpus phase last ran over the whole store. Later imports weigh keys by them (a key they do
-- not hold counts once), so that what an import leaves alone and what it recomputes were weighed
-- alike; the whole store is recomputed, and the counts taken again, once the documents added or
-- deleted since are more than 2 % of those counted.
-- corpus_crossings: the week buckets whose stories or claim groups reach into the next week: an
-- import recomputes every week a changed week is linked to through them.
-- corpus_changes: the publication dates of the documents added or deleted since the corpus phase
-- last ran, written by triggers in the transaction that writes the documents (so a killed import
-- leaves them for the next one); the triggers also mark the corpus phase owed (corpus_pending), so
-- a document deleted by hand in SQL is accounted for by the next import. A corpus phase clears the
-- changes it covered (by seq, the corpus_clock when the change was made), and the marker only when
-- no change is left: an import that writes while another one's corpus phase runs keeps its own. A
-- phase that finds a newer one published meanwhile (corpus_clock.covered) publishes nothing.

CREATE TABLE corpus_snapshot (
    id          INTEGER PRIMARY KEY CHECK (id = 1),  -- at most one row
    documents   INTEGER NOT NULL,                    -- documents when the counts were taken
    claims      INTEGER NOT NULL,                    -- claims then
    bucket_days INTEGER NOT NULL,                    -- days in a week bucket then
    changed     INTEGER NOT NULL DEFAULT 0,          -- documents added or deleted since
    taken       TEXT NOT NULL                        -- UTC time the counts were taken
) STRICT;

CREATE TABLE corpus_weights (
    hash   INTEGER PRIMARY KEY,  -- the key's 64-bit hash (FNV-1a of its bytes)
    claims INTEGER NOT NULL,     -- claims holding the key
    docs   INTEGER NOT NULL      -- documents holding it (in a claim or the title)
) STRICT;

-- Whether the store holds undated documents (then every window holds them): a look-up, not a scan.
CREATE INDEX documents_undated ON documents(id) WHERE published IS NULL;

CREATE TABLE corpus_crossings (
    bucket INTEGER PRIMARY KEY  -- a story or claim group holds documents of this week bucket and the next
) STRICT;

CREATE TABLE corpus_changes (
    published TEXT PRIMARY KEY,  -- publication date as given ('' when none)
    seq       INTEGER NOT NULL   -- corpus_clock.changes at its last change: a corpus phase clears only what it covered
) STRICT, WITHOUT ROWID;
CREATE INDEX corpus_changes_seq ON corpus_changes(seq);

CREATE TABLE corpus_clock (
    id      INTEGER PRIMARY KEY CHECK (id = 1),  -- one row
    changes INTEGER NOT NULL,                    -- documents added or deleted since the store was made
    covered INTEGER NOT NULL                     -- the changes the last corpus phase published had seen
) STRICT;
INSERT INTO corpus_clock(id, changes, covered) VALUES (1, 0, 0);

CREATE TRIGGER documents_corpus_insert AFTER INSERT ON documents BEGIN
    UPDATE corpus_clock SET changes = changes + 1;
    INSERT INTO corpus_changes(published, seq) VALUES (coalesce(new.published, ''), (SELECT changes FROM corpus_clock))
        ON CONFLICT(published) DO UPDATE SET seq = excluded.seq;
    UPDATE corpus_snapshot SET changed = changed + 1;
    INSERT OR IGNORE INTO corpus_pending(id, since) VALUES (1, strftime('%Y-%m-%dT%H:%M:%SZ', 'now'));
END;

CREATE TRIGGER documents_corpus_delete AFTER DELETE ON documents BEGIN
    UPDATE corpus_clock SET changes = changes + 1;
    INSERT INTO corpus_changes(published, seq) VALUES (coalesce(old.published, ''), (SELECT changes FROM corpus_clock))
        ON CONFLICT(published) DO UPDATE SET seq = excluded.seq;
    UPDATE corpus_snapshot SET changed = changed + 1;
    INSERT OR IGNORE INTO corpus_pending(id, since) VALUES (1, strftime('%Y-%m-%dT%H:%M:%SZ', 'now'));
END;

CREATE TRIGGER documents_corpus_update AFTER UPDATE OF published ON documents BEGIN
    UPDATE corpus_clock SET changes = changes + 1;
    INSERT INTO corpus_changes(published, seq) VALUES (coalesce(old.published, ''), (SELECT changes FROM corpus_clock))
        ON CONFLICT(published) DO UPDATE SET seq = excluded.seq;
    INSERT INTO corpus_changes(published, seq) VALUES (coalesce(new.published, ''), (SELECT changes FROM corpus_clock))
        ON CONFLICT(published) DO UPDATE SET seq = excluded.seq;
    UPDATE corpus_snapshot SET changed = changed + 1;
    INSERT OR IGNORE INTO corpus_pending(id, since) VALUES (1, strftime('%Y-%m-%dT%H:%M:%SZ', 'now'));
END;

INSERT INTO schema_docs(object, column_name, doc, position) VALUES
 ('corpus_snapshot', '', 'The key counts the corpus phase weighs keys by were taken over this many documents and claims; later imports reuse them until 2 % of the documents changed.', 0),
 ('corpus_snapshot', 'documents', 'Documents when the counts were taken.', 1),
 ('corpus_snapshot', 'claims', 'Claims when the counts were taken.', 2),
 ('corpus_snapshot', 'bucket_days', 'Days in a week bucket when the counts were taken.', 3),
 ('corpus_snapshot', 'changed', 'Documents added or deleted since.', 4),
 ('corpus_snapshot', 'taken', 'UTC time the counts were taken.', 5),
 ('corpus_weights', '', 'How many claims and documents held each claim key when the counts were taken (by the key''s 64-bit hash).', 0),
 ('corpus_weights', 'hash', 'The key''s 64-bit FNV-1a hash.', 1),
 ('corpus_weights', 'claims', 'Claims holding the key.', 2),
 ('corpus_weights', 'docs', 'Documents holding the key.', 3),
 ('corpus_crossings', '', 'Week buckets whose stories or claim groups reach into the next week bucket.', 0),
 ('corpus_crossings', 'bucket', 'The week bucket (days since 1970 divided by bucket_days).', 1),
 ('corpus_changes', '', 'Publication dates of the documents added or deleted since the corpus phase last ran.', 0),
 ('corpus_changes', 'published', 'Publication date as given ('''' when none).', 1),
 ('corpus_changes', 'seq', 'corpus_clock.changes at the last change of that date: a corpus phase clears only the changes it covered.', 2),
 ('corpus_clock', '', 'Counts document changes, and which of them the published corpus phase had seen.', 0),
 ('corpus_clock', 'changes', 'Documents added or deleted since the store was made.', 1),
 ('corpus_clock', 'covered', 'The changes the last published corpus phase had seen.', 2);
