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

-- Each claim group says why its claims assert one thing: the agreement model's probability for
-- its closest pair and the words every member states.
ALTER TABLE claim_groups ADD COLUMN reason TEXT;

DROP VIEW claim_agreement;
CREATE VIEW claim_agreement AS
SELECT g.id AS claim_group,
       (SELECT substr(d.body, c.start + 1, c."end" - c.start)
          FROM claims c JOIN documents d ON d.id = c.document_id
         WHERE c.id = g.representative_claim_id)      AS claim,
       g.sources                                      AS sources,
       (SELECT group_concat(k, ',') FROM (
            SELECT DISTINCT d.key AS k
              FROM claim_group_members m JOIN claims c ON c.id = m.claim_id
              JOIN documents d ON d.id = c.document_id
             WHERE m.group_id = g.id ORDER BY d.key)) AS documents,
       g.story_id                                     AS story,
       g.normalized                                   AS normalized,
       g.reason                                       AS reason
FROM claim_groups g;

INSERT INTO schema_docs(object, column_name, doc, position) VALUES
 ('claim_groups', 'reason', 'Why its claims assert one thing: the agreement model''s probability for its closest pair and the words every member states.', 6),
 ('claim_agreement', 'reason', 'Why its claims assert one thing (claim_groups.reason).', 7);
