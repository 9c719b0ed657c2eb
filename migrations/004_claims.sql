-- 004: claims (what each document asserts), claim groups (which sources agree), conflicts
-- (where they disagree) and stories (which documents cover the same event).
-- claims and their keys are written with their document; groups, conflicts and stories are
-- recomputed by the corpus-level phase after every import that changed documents.

-- One row per claim: a sentence the document asserts, or a piece of a statement it attributes.
CREATE TABLE claims (
    id           INTEGER PRIMARY KEY,
    document_id  INTEGER NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
    sentence_id  INTEGER REFERENCES sentences(id) ON DELETE CASCADE,
    statement_id INTEGER REFERENCES statements(id) ON DELETE CASCADE,  -- NULL: the document's own assertion
    position     INTEGER NOT NULL,      -- 0-based index of the claim in its document
    start        INTEGER NOT NULL,      -- code-point offset into documents.body
    "end"        INTEGER NOT NULL,      -- end offset, exclusive
    negated      INTEGER NOT NULL CHECK (negated IN (0, 1)),
    normalized   TEXT NOT NULL,         -- base forms of its content words and its quantities
    UNIQUE (document_id, position)
) STRICT;
CREATE INDEX claims_statement ON claims(statement_id);

-- Matching keys of a claim: `w:` base form of a content word, `e:` canonical entity name
-- (lower case), `d:` resolved date. The blocking index of the corpus-level phase.
CREATE TABLE claim_keys (
    claim_id INTEGER NOT NULL REFERENCES claims(id) ON DELETE CASCADE,
    key      TEXT NOT NULL,
    PRIMARY KEY (claim_id, key)
) STRICT, WITHOUT ROWID;
CREATE INDEX claim_keys_key ON claim_keys(key);

-- Entities a claim mentions.
CREATE TABLE claim_entities (
    claim_id  INTEGER NOT NULL REFERENCES claims(id) ON DELETE CASCADE,
    entity_id INTEGER NOT NULL REFERENCES entities(id) ON DELETE CASCADE,
    PRIMARY KEY (claim_id, entity_id)
) STRICT, WITHOUT ROWID;
CREATE INDEX claim_entities_entity ON claim_entities(entity_id);

-- Numbers of a claim with normalized units (37 mph → 59.55 km/h).
CREATE TABLE claim_quantities (
    id       INTEGER PRIMARY KEY,
    claim_id INTEGER NOT NULL REFERENCES claims(id) ON DELETE CASCADE,
    value    REAL NOT NULL,             -- in the canonical unit
    unit     TEXT NOT NULL,             -- canonical unit (km/h, km, kg, %, USD, …); '' for a count
    noun     TEXT NOT NULL,             -- base form of the counted noun for a count, else ''
    start    INTEGER NOT NULL,
    "end"    INTEGER NOT NULL
) STRICT;
CREATE INDEX claim_quantities_claim ON claim_quantities(claim_id);

-- Predicate slots that can conflict: where an event takes place, where something heads, when,
-- who does it to whom.
CREATE TABLE claim_frames (
    id          INTEGER PRIMARY KEY,
    claim_id    INTEGER NOT NULL REFERENCES claims(id) ON DELETE CASCADE,
    predicate   TEXT NOT NULL,          -- class from claims-predicates.txt (meeting place, heading, …)
    role        TEXT NOT NULL CHECK (role IN ('at','toward','away','time','direction')),
    value       TEXT NOT NULL,          -- entity key (lower-case canonical name) or resolved date
    value_label TEXT NOT NULL,          -- the value for people (Vladivostok, 2023-09-12)
    other       TEXT,                   -- for direction: the patient entity key
    start       INTEGER NOT NULL,
    "end"       INTEGER NOT NULL
) STRICT;
CREATE INDEX claim_frames_claim ON claim_frames(claim_id);

-- Stories: documents that cover the same event (recomputed after imports; ids in document-key order).
CREATE TABLE story_clusters (
    id    INTEGER PRIMARY KEY,
    label TEXT NOT NULL                 -- the most distinctive shared terms and entities
) STRICT;

CREATE TABLE story_documents (
    story_id    INTEGER NOT NULL REFERENCES story_clusters(id) ON DELETE CASCADE,
    document_id INTEGER NOT NULL UNIQUE REFERENCES documents(id) ON DELETE CASCADE,
    PRIMARY KEY (story_id, document_id)
) STRICT, WITHOUT ROWID;

-- Claim groups: claims from different documents asserting the same thing.
CREATE TABLE claim_groups (
    id                      INTEGER PRIMARY KEY,
    representative_claim_id INTEGER REFERENCES claims(id) ON DELETE SET NULL,
    story_id                INTEGER REFERENCES story_clusters(id) ON DELETE SET NULL,  -- NULL when it spans stories
    normalized              TEXT NOT NULL   -- normalized form of the representative claim
) STRICT;

CREATE TABLE claim_group_members (
    group_id   INTEGER NOT NULL REFERENCES claim_groups(id) ON DELETE CASCADE,
    claim_id   INTEGER NOT NULL UNIQUE REFERENCES claims(id) ON DELETE CASCADE,
    similarity REAL NOT NULL,           -- best similarity to another member (0..1)
    PRIMARY KEY (group_id, claim_id)
) STRICT, WITHOUT ROWID;

-- Conflicts: claims on the same subject with incompatible values.
CREATE TABLE conflicts (
    id       INTEGER PRIMARY KEY,
    kind     TEXT NOT NULL CHECK (kind IN ('numeric','place','time','negation','direction')),
    topic    TEXT NOT NULL,
    story_id INTEGER REFERENCES story_clusters(id) ON DELETE SET NULL
) STRICT;

CREATE TABLE conflict_positions (
    conflict_id INTEGER NOT NULL REFERENCES conflicts(id) ON DELETE CASCADE,
    claim_id    INTEGER NOT NULL REFERENCES claims(id) ON DELETE CASCADE,
    start       INTEGER NOT NULL,       -- evidence span (the claim), code points into documents.body
    "end"       INTEGER NOT NULL,
    position    TEXT NOT NULL,          -- what this source says (at Vladivostok, 37 mph, denies)
    PRIMARY KEY (conflict_id, claim_id, position)
) STRICT, WITHOUT ROWID;
CREATE INDEX conflict_positions_claim ON conflict_positions(claim_id);

-- Public view: one row per piece of evidence of a claim group.
CREATE VIEW claim_evidence AS
SELECT m.group_id                                      AS claim_group,
       d.key                                           AS document,
       c.start                                         AS start,
       c."end"                                         AS "end",
       substr(d.body, c.start + 1, c."end" - c.start)  AS text,
       coalesce(e.name, s.speaker_phrase)              AS speaker,
       c.id                                            AS claim_id,
       c.statement_id                                  AS statement_id,
       sd.story_id                                     AS story,
       m.similarity                                    AS similarity
FROM claim_group_members m
JOIN claims c ON c.id = m.claim_id
JOIN documents d ON d.id = c.document_id
LEFT JOIN statements s ON s.id = c.statement_id
LEFT JOIN entities e ON e.id = s.speaker_entity_id
LEFT JOIN story_documents sd ON sd.document_id = c.document_id;

-- Public view: one row per claim group.
CREATE VIEW claim_agreement AS
SELECT g.id AS claim_group,
       (SELECT substr(d.body, c.start + 1, c."end" - c.start)
          FROM claims c JOIN documents d ON d.id = c.document_id
         WHERE c.id = g.representative_claim_id)      AS claim,
       (SELECT count(DISTINCT c.document_id)
          FROM claim_group_members m JOIN claims c ON c.id = m.claim_id
         WHERE m.group_id = g.id)                     AS sources,
       (SELECT group_concat(k, ',') FROM (
            SELECT DISTINCT d.key AS k
              FROM claim_group_members m JOIN claims c ON c.id = m.claim_id
              JOIN documents d ON d.id = c.document_id
             WHERE m.group_id = g.id ORDER BY d.key)) AS documents,
       g.story_id                                     AS story,
       g.normalized                                   AS normalized
FROM claim_groups g;

-- Public view: one row per position in a conflict.
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
       c.id                                            AS claim_id
FROM conflict_positions p
JOIN conflicts x ON x.id = p.conflict_id
JOIN claims c ON c.id = p.claim_id
JOIN documents d ON d.id = c.document_id;

-- Public view: which documents cover the same event.
CREATE VIEW stories AS
SELECT sd.story_id AS story,
       d.key       AS document,
       d.title     AS title,
       d.outlet    AS outlet,
       d.published AS published,
       sc.label    AS label
FROM story_documents sd
JOIN documents d ON d.id = sd.document_id
JOIN story_clusters sc ON sc.id = sd.story_id;

INSERT INTO schema_docs(object, column_name, doc, position) VALUES
 ('claims', '', 'One row per claim: a sentence a document asserts, or a piece of a statement it attributes (statement_id).', 0),
 ('claims', 'statement_id', 'The attributed statement (statements.id); NULL when the document asserts it itself.', 1),
 ('claims', 'start', 'Start of the claim, 0-based code points into documents.body.', 2),
 ('claims', 'end', 'End of the claim, exclusive.', 3),
 ('claims', 'negated', '1 when the claim is asserted negatively (not, never, denied).', 4),
 ('claims', 'normalized', 'Normalized form: base forms of content words (synonyms mapped) and quantities with canonical units.', 5),
 ('claim_keys', '', 'Matching keys of a claim (w: word base form, e: entity, d: date): the blocking index for grouping.', 0),
 ('claim_entities', '', 'Entities a claim mentions.', 0),
 ('claim_quantities', '', 'Numbers in claims with canonical units (37 mph = 59.5 km/h; twenty = 20; $1.2bn = 1.2e9 USD).', 0),
 ('claim_quantities', 'value', 'Value in the canonical unit.', 1),
 ('claim_quantities', 'unit', 'Canonical unit (km/h, km, m, kg, %, USD, …); empty for a count.', 2),
 ('claim_quantities', 'noun', 'Base form of the counted noun, for a count.', 3),
 ('claim_frames', '', 'Predicate slots that can conflict: where an event takes place, where something heads, when, who does it to whom.', 0),
 ('story_clusters', '', 'Stories: groups of documents covering the same event (recomputed after each import).', 0),
 ('story_documents', '', 'The documents of each story (every document is in exactly one story).', 0),
 ('claim_groups', '', 'Groups of claims, across documents, that assert the same thing (recomputed after each import).', 0),
 ('claim_group_members', '', 'The claims of each group, with their best similarity to another member.', 0),
 ('conflicts', '', 'Conflicts between sources: numeric, place, time, negation or direction.', 0),
 ('conflict_positions', '', 'Each source''s position in a conflict, with its evidence span.', 0),
 ('claim_evidence', '', 'Public view: one row per (claim group, document) piece of evidence.', 0),
 ('claim_evidence', 'claim_group', 'Id of a group of claims, across documents, that assert the same thing.', 1),
 ('claim_evidence', 'document', 'documents.key of the document asserting it.', 2),
 ('claim_evidence', 'start', 'Start of the evidence, 0-based code points into documents.body.', 3),
 ('claim_evidence', 'end', 'End of the evidence, exclusive.', 4),
 ('claim_evidence', 'text', 'The evidence: substr(body, start + 1, end - start).', 5),
 ('claim_evidence', 'speaker', 'Who the document attributes it to; NULL when the document asserts it itself.', 6),
 ('claim_evidence', 'claim_id', 'claims.id.', 7),
 ('claim_evidence', 'statement_id', 'statements.id of the attributed statement, else NULL.', 8),
 ('claim_evidence', 'story', 'The story of the document.', 9),
 ('claim_evidence', 'similarity', 'Best similarity of this claim to another member of its group (0..1).', 10),
 ('claim_agreement', '', 'Public view: one row per claim group: which sources agree.', 0),
 ('claim_agreement', 'claim_group', 'Id of the group.', 1),
 ('claim_agreement', 'claim', 'A representative wording (the best-connected member).', 2),
 ('claim_agreement', 'sources', 'Number of distinct documents asserting it.', 3),
 ('claim_agreement', 'documents', 'Their keys, comma-separated, sorted.', 4),
 ('claim_agreement', 'story', 'The story all its documents belong to; NULL when they span stories.', 5),
 ('claim_agreement', 'normalized', 'Normalized form of the representative claim.', 6),
 ('disagreements', '', 'Public view: one row per source position in a conflict.', 0),
 ('disagreements', 'disagreement', 'Id of the conflict.', 1),
 ('disagreements', 'topic', 'What the sources disagree about (meeting place, heading, shared terms).', 2),
 ('disagreements', 'kind', 'numeric, place, time, negation or direction.', 3),
 ('disagreements', 'document', 'documents.key.', 4),
 ('disagreements', 'start', 'Start of the evidence, 0-based code points into documents.body.', 5),
 ('disagreements', 'end', 'End of the evidence, exclusive.', 6),
 ('disagreements', 'text', 'The evidence: substr(body, start + 1, end - start).', 7),
 ('disagreements', 'position', 'What this source says (at Vladivostok, toward Vladivostok, 37 mph, denies).', 8),
 ('disagreements', 'story', 'The story the conflict was found in.', 9),
 ('disagreements', 'claim_id', 'claims.id of the evidence.', 10),
 ('stories', '', 'Public view: which documents cover the same event; one row per document.', 0),
 ('stories', 'story', 'Id of the story.', 1),
 ('stories', 'document', 'documents.key.', 2),
 ('stories', 'title', 'The document title.', 3),
 ('stories', 'outlet', 'The document outlet.', 4),
 ('stories', 'published', 'The publication date as given.', 5),
 ('stories', 'label', 'The most distinctive terms the story''s documents share.', 6);
