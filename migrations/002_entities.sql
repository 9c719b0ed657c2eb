-- 002: named entities, their aliases and roles, and their mentions.

-- One row per real-world thing, shared by every document that names it.
CREATE TABLE entities (
    id   INTEGER PRIMARY KEY,
    name TEXT NOT NULL,                 -- canonical name: the fullest form used (`Kim Jong Un`)
    type TEXT NOT NULL CHECK (type IN ('PERSON','ORG','GPE','LOC','FACILITY','EVENT','NORP','PRODUCT','WORK','LAW','MISC')),
    UNIQUE (name, type)
) STRICT;

-- Other names an entity goes by (`Kim`, `Mr. Kim`), as seen in a document or added by a user.
CREATE TABLE entity_aliases (
    id          INTEGER PRIMARY KEY,
    entity_id   INTEGER NOT NULL REFERENCES entities(id) ON DELETE CASCADE,
    alias       TEXT NOT NULL,          -- the alias as written
    alias_key   TEXT NOT NULL,          -- lower-cased alias without dots, for lookups
    document_id INTEGER REFERENCES documents(id) ON DELETE CASCADE,  -- where it was seen; NULL for user aliases
    UNIQUE (entity_id, alias, document_id)
) STRICT;
CREATE INDEX entity_aliases_key ON entity_aliases(alias_key);
CREATE INDEX entity_aliases_document ON entity_aliases(document_id);

-- Roles and titles a document gives an entity (`Kremlin spokesman`).
CREATE TABLE entity_roles (
    id          INTEGER PRIMARY KEY,
    entity_id   INTEGER NOT NULL REFERENCES entities(id) ON DELETE CASCADE,
    role        TEXT NOT NULL,
    role_key    TEXT NOT NULL,          -- lower-cased role, for lookups
    document_id INTEGER NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
    UNIQUE (entity_id, role, document_id)
) STRICT;
CREATE INDEX entity_roles_key ON entity_roles(role_key);
CREATE INDEX entity_roles_document ON entity_roles(document_id);

-- One row per mention of an entity in a document.
CREATE TABLE mentions (
    id          INTEGER PRIMARY KEY,
    document_id INTEGER NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
    entity_id   INTEGER NOT NULL REFERENCES entities(id) ON DELETE CASCADE,
    sentence_id INTEGER REFERENCES sentences(id) ON DELETE CASCADE,
    start       INTEGER NOT NULL,       -- code-point offset into documents.body
    "end"       INTEGER NOT NULL        -- end offset, exclusive
) STRICT;
CREATE INDEX mentions_document ON mentions(document_id, start);
CREATE INDEX mentions_entity ON mentions(entity_id, document_id);

-- Aliases and gazetteer entries added by users (`newskb alias add`); honoured by the next import.
CREATE TABLE user_aliases (
    id        INTEGER PRIMARY KEY,
    alias     TEXT NOT NULL,            -- the name as it appears in text
    canonical TEXT NOT NULL,            -- the canonical name it stands for (itself for a gazetteer entry)
    type      TEXT NOT NULL CHECK (type IN ('PERSON','ORG','GPE','LOC','FACILITY','EVENT','NORP','PRODUCT','WORK','LAW','MISC')),
    added_at  TEXT NOT NULL,
    UNIQUE (alias, canonical, type)
) STRICT;

-- Public view: one row per mention of a named entity.
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

INSERT INTO schema_docs(object, column_name, doc, position) VALUES
 ('entities', '', 'One row per real-world thing, shared by every document that names it.', 0),
 ('entities', 'name', 'Canonical name: the fullest form used (Kim Jong Un, not Mr. Kim).', 1),
 ('entities', 'type', 'PERSON, ORG, GPE, LOC, FACILITY, EVENT, NORP, PRODUCT, WORK, LAW or MISC.', 2),
 ('entity_aliases', '', 'Other names of an entity, seen in a document (document_id) or added by a user (NULL).', 0),
 ('entity_aliases', 'alias', 'The alias as written.', 1),
 ('entity_aliases', 'alias_key', 'Lower-cased alias without dots, for lookups.', 2),
 ('entity_roles', '', 'Roles and titles a document gives an entity (Kremlin spokesman).', 0),
 ('entity_roles', 'role', 'The role as written.', 1),
 ('mentions', '', 'One row per mention of an entity; start/end are code points into documents.body.', 0),
 ('user_aliases', '', 'Aliases and gazetteer entries added by users (newskb alias add); used by the next import.', 0),
 ('user_aliases', 'alias', 'The name as it appears in text.', 1),
 ('user_aliases', 'canonical', 'The canonical name it stands for (the same for a gazetteer entry).', 2),
 ('user_aliases', 'type', 'Entity type.', 3),
 ('entity_mentions', '', 'Public view: one row per mention of a named entity.', 0),
 ('entity_mentions', 'document', 'documents.key.', 1),
 ('entity_mentions', 'entity', 'Canonical entity name, the same across the corpus.', 2),
 ('entity_mentions', 'type', 'Entity type (PERSON, ORG, GPE, ...).', 3),
 ('entity_mentions', 'mention', 'The surface text: substr(body, start + 1, end - start).', 4),
 ('entity_mentions', 'start', 'Start offset, 0-based code points into documents.body.', 5),
 ('entity_mentions', 'end', 'End offset, exclusive.', 6),
 ('entity_mentions', 'entity_id', 'entities.id.', 7);
