-- 012: meaning. Each claim keeps its sentence vector (the static all-MiniLM-L6-v2 embedding of
-- its span: 256 signed bytes, the unit vector times 127), which the corpus phase compares by dot
-- product to decide, with the claims' keys, entities, quantities and dates, whether two claims
-- assert the same thing (a learned pair decision, docs/claims.md). Claims analysed before this
-- version have none (NULL: the grouper sees a cosine of 0) until their documents are imported
-- again: the analysis key includes the newskb version, so a re-import analyses them anew.

ALTER TABLE claims ADD COLUMN vector BLOB;

INSERT INTO schema_docs(object, column_name, doc, position) VALUES
 ('claims', 'vector', 'Sentence vector of the claim: 256 signed bytes (the unit-length static all-MiniLM-L6-v2 embedding of its span times 127), compared by dot product; NULL when the span has no word piece.', 9);

-- Each conflict says why it is one (`the same quantity in one proposition (cosine 0.93), values
-- that rounding does not explain: 12 person vs 30 person`), in the table and in the view.
ALTER TABLE conflicts ADD COLUMN reason TEXT;

DROP VIEW disagreements;
CREATE VIEW disagreements AS
SELECT x.id                                            AS disagreement,
       x.topic                                         AS topic,
       x.kind                                          AS kind,
       d.key                                           AS document,
       p.start                                         AS start,
       p."end"                                         AS "end",
       substr(d.body, p.start + 1, p."end" - p.start)  AS text,
       p.position                                      AS position,
       x.story_id                                      AS story,
       c.id                                            AS claim_id,
       x.reason                                        AS reason
FROM conflict_positions p
JOIN conflicts x ON x.id = p.conflict_id
JOIN claims c ON c.id = p.claim_id
JOIN documents d ON d.id = c.document_id;

INSERT INTO schema_docs(object, column_name, doc, position) VALUES
 ('conflicts', 'reason', 'Why the sources disagree: the same quantity of one proposition with values that rounding does not explain, one event placed or dated differently, a denial of what another source asserts.', 5),
 ('disagreements', 'reason', 'Why the sources disagree (conflicts.reason).', 11);
