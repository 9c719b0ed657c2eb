-- 003: attributed statements ("who said what, where") and their full-text index.

-- One row per attributed statement. Texts are spans of documents.body (see the who_said view).
CREATE TABLE statements (
    id                INTEGER PRIMARY KEY,
    document_id       INTEGER NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
    sentence_id       INTEGER REFERENCES sentences(id) ON DELETE CASCADE,  -- first sentence of the content
    kind              TEXT NOT NULL CHECK (kind IN ('direct','partial','indirect')),
    start             INTEGER NOT NULL,   -- content span, code points into documents.body
    "end"             INTEGER NOT NULL,
    cue_start         INTEGER,            -- reporting expression span, NULL if none
    cue_end           INTEGER,
    speaker_start     INTEGER,            -- speaker mention span, NULL if none
    speaker_end       INTEGER,
    speaker_entity_id INTEGER REFERENCES entities(id) ON DELETE SET NULL,  -- resolved speaker
    speaker_phrase    TEXT,               -- unnamed source phrase (`a US official`) when no entity
    place_start       INTEGER,            -- where it was said, NULL if not stated
    place_end         INTEGER
) STRICT;
CREATE INDEX statements_document ON statements(document_id, start);
CREATE INDEX statements_speaker ON statements(speaker_entity_id);
CREATE INDEX statements_speaker_phrase ON statements(speaker_phrase COLLATE NOCASE);

-- Full-text index over statement content and speaker (FTS5, kept in sync by triggers).
CREATE VIRTUAL TABLE statements_fts USING fts5(quote, speaker, tokenize = 'unicode61 remove_diacritics 2');

CREATE TRIGGER statements_fts_delete AFTER DELETE ON statements BEGIN
    DELETE FROM statements_fts WHERE rowid = old.id;
END;

-- Public view: one row per attributed statement.
CREATE VIEW who_said AS
SELECT d.key                                                   AS document,
       coalesce(e.name, s.speaker_phrase)                      AS speaker,
       s.speaker_start                                         AS speaker_start,
       s.speaker_end                                           AS speaker_end,
       substr(d.body, s.cue_start + 1, s.cue_end - s.cue_start) AS cue,
       s.cue_start                                             AS cue_start,
       s.cue_end                                               AS cue_end,
       s.kind                                                  AS kind,
       substr(d.body, s.start + 1, s."end" - s.start)          AS quote,
       s.start                                                 AS start,
       s."end"                                                 AS "end",
       -- From the start of the sentence holding the content's start to the end of the one holding
       -- its end: two index seeks, whatever the document's length.
       substr(d.body,
              coalesce((SELECT x.start FROM sentences x WHERE x.document_id = s.document_id AND x.start <= s.start
                         ORDER BY x.start DESC LIMIT 1), s.start) + 1,
              max(s."end", coalesce((SELECT x."end" FROM sentences x WHERE x.document_id = s.document_id AND x.start < s."end"
                                      ORDER BY x.start DESC LIMIT 1), s."end"))
              - coalesce((SELECT x.start FROM sentences x WHERE x.document_id = s.document_id AND x.start <= s.start
                           ORDER BY x.start DESC LIMIT 1), s.start)) AS sentence,
       substr(d.body, s.place_start + 1, s.place_end - s.place_start) AS place,
       substr(d.body, s.speaker_start + 1, s.speaker_end - s.speaker_start) AS speaker_mention,
       s.id                                                    AS statement_id,
       s.speaker_entity_id                                     AS speaker_entity_id,
       s.speaker_phrase                                        AS speaker_phrase
FROM statements s
JOIN documents d ON d.id = s.document_id
LEFT JOIN entities e ON e.id = s.speaker_entity_id;

INSERT INTO schema_docs(object, column_name, doc, position) VALUES
 ('statements', '', 'One row per attributed statement; spans are code points into documents.body.', 0),
 ('statements', 'kind', 'direct, partial or indirect.', 1),
 ('statements', 'speaker_entity_id', 'The resolved speaker (entities.id), NULL for unnamed sources.', 2),
 ('statements', 'speaker_phrase', 'The phrase naming an unnamed source (a US official), when no entity.', 3),
 ('statements_fts', '', 'FTS5 index over statement content (quote) and speaker; rowid = statements.id.', 0),
 ('who_said', '', 'Public view: one row per attributed statement (who said what, where).', 0),
 ('who_said', 'document', 'documents.key.', 1),
 ('who_said', 'speaker', 'Canonical speaker name, or the unnamed-source phrase; NULL if none.', 2),
 ('who_said', 'speaker_start', 'Span of the speaker mention the cue attaches to (may be a pronoun); NULL if none.', 3),
 ('who_said', 'speaker_end', 'End of the speaker mention, exclusive.', 4),
 ('who_said', 'cue', 'The reporting expression (said, according to, told reporters).', 5),
 ('who_said', 'cue_start', 'Start of the cue.', 6),
 ('who_said', 'cue_end', 'End of the cue, exclusive.', 7),
 ('who_said', 'kind', 'direct (quotation in quote marks), partial (quoted fragment in reported speech) or indirect.', 8),
 ('who_said', 'quote', 'The content of the statement: substr(body, start + 1, end - start).', 9),
 ('who_said', 'start', 'Start of the content, 0-based code points into documents.body.', 10),
 ('who_said', 'end', 'End of the content, exclusive.', 11),
 ('who_said', 'sentence', 'The sentence(s) containing the statement.', 12),
 ('who_said', 'place', 'Where it was said, when the text says so (at the Eastern Economic Forum), else NULL.', 13),
 ('who_said', 'speaker_mention', 'The speaker mention as written (he, Mr Peskov).', 14),
 ('who_said', 'statement_id', 'statements.id.', 15),
 ('who_said', 'speaker_entity_id', 'entities.id of the speaker, NULL for unnamed sources.', 16),
 ('who_said', 'speaker_phrase', 'The unnamed-source phrase (a US official) when the speaker is not a named entity.', 17);
