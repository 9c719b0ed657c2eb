-- Each document's compact record for the corpus phase (#17, docs/incremental.md): its title and
-- claim keys as hashes with their names, its claims' spans, polarity and quantities, in one row.
-- An import compares its new documents with the documents they share keys with — at a million
-- articles, a few hundred each — and reading those from the claims, entity and quantity tables
-- cost most of its time. The sentence vectors are not repeated here: the few comparisons that
-- need them are made again from the claims table. A run over the whole store writes every
-- record; an import writes those of its documents, and of any document it reads that has none
-- (a store upgraded to this version, or merged from shards).

CREATE TABLE corpus_records (
    document_id INTEGER PRIMARY KEY REFERENCES documents(id) ON DELETE CASCADE,
    data        BLOB NOT NULL   -- DocumentRecord.stored() (Sources/NewsKB/Corpus/DocumentRecord.swift)
) STRICT;

-- Deleted with its document on every connection (foreign keys on or off, as migration 015).
CREATE TRIGGER documents_delete_record AFTER DELETE ON documents BEGIN
    DELETE FROM corpus_records WHERE document_id = old.id;
END;

INSERT INTO schema_docs(object, column_name, doc, position) VALUES
 ('corpus_records', '', 'Each document''s keys, claims and quantities in one compact row, read when an import compares its documents with it (a cache of the claims tables; rebuilt by a run over the whole store).', 0),
 ('corpus_records', 'document_id', 'The document.', 1),
 ('corpus_records', 'data', 'The encoded record (binary).', 2);
