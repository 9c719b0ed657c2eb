-- 005: a durable marker that corpus-level work (entity clean-up, claim groups, disagreements,
-- stories) is owed. It is set in the same transaction as the documents that make the work
-- necessary and cleared when the work is done, so an import killed in between leaves the marker,
-- and the next import does the work even if it finds nothing new to add.

CREATE TABLE corpus_pending (
    id    INTEGER PRIMARY KEY CHECK (id = 1),  -- at most one row
    since TEXT NOT NULL                        -- UTC time the work became due
) STRICT;

INSERT INTO schema_docs(object, column_name, doc, position) VALUES
 ('corpus_pending', '', 'One row while corpus-level work (claim groups, stories, clean-up) is owed after an interrupted import.', 0),
 ('corpus_pending', 'since', 'UTC time the work became due.', 1);
