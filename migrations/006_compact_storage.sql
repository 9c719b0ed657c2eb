-- 006: compact storage, for import speed and database size.
--
-- 1. A claim's matching keys move from one row per key (claim_keys: 10 rows per claim, the
--    largest table) into one column of claims, match_keys, which replaces claims.normalized
--    (the normalized form is the words of match_keys plus the claim's quantities).
-- 2. The full-text index of statements stops storing its own copy of every quotation: it reads
--    the text from documents.body through the statement_search view (FTS5 external content).
--    Triggers keep it in sync when statements or whole documents are deleted.
-- 3. An entity's lookup key (entities.name_key) lives on the entity, so entity_aliases holds
--    only names other than the canonical one (it held the canonical name once per document:
--    nine rows in ten).
-- 4. An entity's matching key for claims (entities.match_key: its gazetteer name when known, so
--    `U.S.` and `United States` match) is stored once per entity, not in every claim that
--    names it (claims keep their word and date keys; entity keys come through claim_entities).
-- 5. A claim group records how many sources state it (claim_groups.sources, indexed), so the
--    most supported claims are an index walk, not a count over every member.
-- 6. mentions and claim_quantities are keyed by what they are (document and span; claim and
--    span) instead of a row id nobody refers to, which spares one index each.

ALTER TABLE claims ADD COLUMN match_keys TEXT NOT NULL DEFAULT '';
UPDATE claims SET match_keys = coalesce((
    SELECT group_concat(CASE WHEN k.key LIKE 'w:%' THEN substr(k.key, 3) ELSE replace(k.key, ' ', '_') END, ' ')
      FROM claim_keys k WHERE k.claim_id = claims.id), '');
ALTER TABLE claims DROP COLUMN normalized;
DROP TABLE claim_keys;

DROP TRIGGER statements_fts_delete;
DROP TABLE statements_fts;

-- The searchable text of each statement: its content and its speaker, read from the body.
CREATE VIEW statement_search AS
SELECT s.id                                            AS id,
       s.document_id                                   AS document_id,
       substr(d.body, s.start + 1, s."end" - s.start)  AS quote,
       coalesce(e.name, s.speaker_phrase)              AS speaker
FROM statements s
JOIN documents d ON d.id = s.document_id
LEFT JOIN entities e ON e.id = s.speaker_entity_id;

CREATE VIRTUAL TABLE statements_fts USING fts5(quote, speaker, content = 'statement_search', content_rowid = 'id',
                                               tokenize = 'unicode61 remove_diacritics 2');
INSERT INTO statements_fts(statements_fts) VALUES ('rebuild');

-- An external-content index must be told the old text of a row it forgets. A document's
-- statements leave the index before the document goes (its body is still readable then);
-- a statement deleted on its own leaves it afterwards (when its document is being deleted, the
-- document is already gone and this finds nothing, so nothing is removed twice).
CREATE TRIGGER documents_fts_delete BEFORE DELETE ON documents BEGIN
    INSERT INTO statements_fts(statements_fts, rowid, quote, speaker)
    SELECT 'delete', id, quote, speaker FROM statement_search WHERE document_id = old.id;
END;
CREATE TRIGGER statements_fts_delete AFTER DELETE ON statements BEGIN
    INSERT INTO statements_fts(statements_fts, rowid, quote, speaker)
    SELECT 'delete', old.id, substr(d.body, old.start + 1, old."end" - old.start),
           coalesce((SELECT e.name FROM entities e WHERE e.id = old.speaker_entity_id), old.speaker_phrase)
      FROM documents d WHERE d.id = old.document_id;
END;

DROP VIEW entity_mentions;
CREATE TABLE mentions_by_span (
    document_id INTEGER NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
    start       INTEGER NOT NULL,       -- code-point offset into documents.body
    "end"       INTEGER NOT NULL,       -- end offset, exclusive
    entity_id   INTEGER NOT NULL REFERENCES entities(id) ON DELETE CASCADE,
    sentence_id INTEGER REFERENCES sentences(id) ON DELETE CASCADE,
    PRIMARY KEY (document_id, start, "end", entity_id)
) STRICT, WITHOUT ROWID;
INSERT OR IGNORE INTO mentions_by_span(document_id, start, "end", entity_id, sentence_id)
SELECT document_id, start, "end", entity_id, sentence_id FROM mentions;
DROP TABLE mentions;
ALTER TABLE mentions_by_span RENAME TO mentions;
CREATE INDEX mentions_entity ON mentions(entity_id, document_id);
CREATE VIEW entity_mentions AS
SELECT d.key                                        AS document,
       e.name                                       AS entity,
       e.type                                       AS type,
       substr(d.body, m.start + 1, m."end" - m.start) AS mention,
       m.start                                      AS start,
       m."end"                                      AS "end",
       m.entity_id                                  AS entity_id
FROM mentions m
JOIN documents d ON d.id = m.document_id
JOIN entities e ON e.id = m.entity_id;

CREATE TABLE claim_quantities_by_span (
    claim_id INTEGER NOT NULL REFERENCES claims(id) ON DELETE CASCADE,
    start    INTEGER NOT NULL,
    "end"    INTEGER NOT NULL,
    unit     TEXT NOT NULL,             -- canonical unit (km/h, km, kg, %, USD, …); '' for a count
    noun     TEXT NOT NULL,             -- base form of the counted noun for a count, else ''
    value    REAL NOT NULL,             -- in the canonical unit
    PRIMARY KEY (claim_id, start, "end", unit, noun)
) STRICT, WITHOUT ROWID;
INSERT OR IGNORE INTO claim_quantities_by_span(claim_id, start, "end", unit, noun, value)
SELECT claim_id, start, "end", unit, noun, value FROM claim_quantities;
DROP TABLE claim_quantities;
ALTER TABLE claim_quantities_by_span RENAME TO claim_quantities;

ALTER TABLE claim_groups ADD COLUMN sources INTEGER NOT NULL DEFAULT 0;
UPDATE claim_groups SET sources = (SELECT count(DISTINCT c.document_id) FROM claim_group_members m
                                     JOIN claims c ON c.id = m.claim_id WHERE m.group_id = claim_groups.id);
CREATE INDEX claim_groups_sources ON claim_groups(sources DESC, id);
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
       g.normalized                                   AS normalized
FROM claim_groups g;

ALTER TABLE entities ADD COLUMN name_key TEXT NOT NULL DEFAULT '';
-- The importer computes the key in Swift (lower case, no dots, spaces collapsed, no possessive);
-- existing rows get the same for every name without runs of spaces or a possessive.
UPDATE entities SET name_key = lower(replace(name, '.', ''));
CREATE INDEX entities_name_key ON entities(name_key);
ALTER TABLE entities ADD COLUMN match_key TEXT NOT NULL DEFAULT '';
UPDATE entities SET match_key = replace(lower(name), ' ', '_');

DELETE FROM schema_docs WHERE object = 'claim_keys' OR (object = 'claims' AND column_name = 'normalized')
                           OR (object = 'statements_fts' AND column_name = '');
INSERT INTO schema_docs(object, column_name, doc, position) VALUES
 ('entities', 'name_key', 'Lookup form of the name: lower case, without dots, spaces collapsed (`U.S.` → `us`).', 4),
 ('claim_groups', 'sources', 'Number of distinct documents that state it (one member each).', 4),
 ('entities', 'match_key', 'Key matching claims across documents: the gazetteer name when known (U.S. = United States), lower case, _ for spaces.', 5),
 ('claims', 'match_keys', 'Matching keys, space-separated: base forms of content words (synonyms mapped) and d:dates; entities come from claim_entities.', 5),
 ('statement_search', '', 'The searchable text of each statement (content and speaker), read from documents.body; statements_fts indexes it.', 0),
 ('statement_search', 'id', 'statements.id (the rowid of statements_fts).', 1),
 ('statement_search', 'document_id', 'documents.id.', 2),
 ('statement_search', 'quote', 'The statement content.', 3),
 ('statement_search', 'speaker', 'Resolved speaker name, or the unnamed source phrase.', 4),
 ('statements_fts', '', 'FTS5 index over statement_search (quote, speaker), external content: rowid = statements.id.', 0);
