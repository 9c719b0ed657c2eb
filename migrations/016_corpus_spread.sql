-- 016: the spread of the corpus (its documents over those of its average window) is taken with
-- the key counts: a key is indexed by its corpus-wide count up to the window's cap times the
-- spread (CorpusCaps), so that whether two claims are compared depends on the two alone (#17).
-- A store whose counts were taken before has none: its next corpus phase recomputes everything.

ALTER TABLE corpus_snapshot ADD COLUMN spread REAL;

INSERT INTO schema_docs(object, column_name, doc, position) VALUES
 ('corpus_snapshot', 'spread', 'Documents over those of the average window (two consecutive weeks and the undated documents) when the counts were taken: a key is indexed while held by at most the window''s cap times this (NULL: counts taken before this was recorded).', 6);
