-- 012: meaning. Each claim keeps its sentence vector (the static all-MiniLM-L6-v2 embedding of
-- its span: 256 signed bytes, the unit vector times 127), which the corpus phase compares by dot
-- product to decide, with the claims' keys, entities, quantities and dates, whether two claims
-- assert the same thing (a learned pair decision, docs/claims.md). Claims analysed before this
-- version have none (NULL: the grouper sees a cosine of 0) until their documents are imported
-- again: the analysis key includes the newskb version, so a re-import analyses them anew.

ALTER TABLE claims ADD COLUMN vector BLOB;

INSERT INTO schema_docs(object, column_name, doc, position) VALUES
 ('claims', 'vector', 'Sentence vector of the claim: 256 signed bytes (the unit-length static all-MiniLM-L6-v2 embedding of its span times 127), compared by dot product; NULL when the span has no word piece.', 9);
