-- 001: documents, their sentences, and the self-description of the schema.
-- Applied in one transaction; recorded in PRAGMA user_version and schema_migrations.

-- One row per migration applied to this file.
CREATE TABLE schema_migrations (
    version    INTEGER PRIMARY KEY,   -- the migration number (file prefix)
    name       TEXT NOT NULL,         -- the migration file name
    applied_at TEXT NOT NULL          -- UTC time it was applied, ISO 8601
) STRICT;

-- A line of documentation for every public table, view and column (read by `newskb schema`).
CREATE TABLE schema_docs (
    object      TEXT NOT NULL,        -- table or view name
    column_name TEXT NOT NULL,        -- column name; '' for the object itself
    doc         TEXT NOT NULL,        -- one line of documentation
    position    INTEGER NOT NULL,     -- display order
    PRIMARY KEY (object, column_name)
) STRICT, WITHOUT ROWID;

-- One row per imported article. body is the verbatim text every offset refers to.
CREATE TABLE documents (
    id           INTEGER PRIMARY KEY,
    key          TEXT NOT NULL UNIQUE,  -- identity as imported: relative path, JSONL id, or FILE:LINE
    title        TEXT,                  -- headline when known
    outlet       TEXT,                  -- publisher (JSONL source/outlet) when known
    url          TEXT,
    published    TEXT,                  -- publication date as given (JSONL date/published)
    author       TEXT,
    body         TEXT NOT NULL,         -- the verbatim article text
    content_hash TEXT NOT NULL,         -- hash of body (FNV-1a 64, hex): detects changed and duplicate content
    origin       TEXT NOT NULL,         -- where it was read from: FILE or FILE:LINE
    imported_at  TEXT NOT NULL,         -- UTC time of import, ISO 8601
    char_count   INTEGER NOT NULL,      -- length of body in Unicode code points
    word_count   INTEGER NOT NULL,      -- whitespace-separated words in body
    analysis_key TEXT NOT NULL          -- fingerprint of the extractor and user aliases that analysed it
) STRICT;
CREATE INDEX documents_content_hash ON documents(content_hash);

-- Sentences of each document, as code-point spans of documents.body.
CREATE TABLE sentences (
    id          INTEGER PRIMARY KEY,
    document_id INTEGER NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
    position    INTEGER NOT NULL,       -- 0-based index of the sentence in its document
    paragraph   INTEGER NOT NULL,       -- 0-based index of its paragraph
    start       INTEGER NOT NULL,       -- code-point offset into body (0-based)
    "end"       INTEGER NOT NULL,       -- end offset, exclusive
    UNIQUE (document_id, position)
) STRICT;
CREATE INDEX sentences_document_start ON sentences(document_id, start);

INSERT INTO schema_docs(object, column_name, doc, position) VALUES
 ('documents', '', 'One row per imported article; body holds the verbatim text that every offset refers to.', 0),
 ('documents', 'key', 'Identity as imported: path relative to the imported folder, JSONL id, or FILE:LINE.', 1),
 ('documents', 'title', 'Headline, when known (JSONL title, or a first line that reads as a headline).', 2),
 ('documents', 'outlet', 'Publisher, when known (JSONL source or outlet).', 3),
 ('documents', 'url', 'Address of the article, when known.', 4),
 ('documents', 'published', 'Publication date as given (JSONL date or published), else NULL.', 5),
 ('documents', 'author', 'Author, when known.', 6),
 ('documents', 'body', 'The verbatim article text; offsets are 0-based code points into it.', 7),
 ('documents', 'content_hash', 'FNV-1a 64-bit hash of body (hex): detects changed and duplicate content.', 8),
 ('documents', 'origin', 'Where it was read from: FILE or FILE:LINE.', 9),
 ('documents', 'imported_at', 'UTC time of import (ISO 8601).', 10),
 ('documents', 'char_count', 'Length of body in Unicode code points.', 11),
 ('documents', 'word_count', 'Number of whitespace-separated words in body.', 12),
 ('documents', 'analysis_key', 'Fingerprint of the extractor version and user aliases that analysed it; a re-import re-analyses when it changes.', 13),
 ('sentences', '', 'Sentences of each document as code-point spans of documents.body.', 0),
 ('sentences', 'document_id', 'The document (documents.id).', 1),
 ('sentences', 'position', '0-based index of the sentence in its document.', 2),
 ('sentences', 'paragraph', '0-based index of the paragraph holding it.', 3),
 ('sentences', 'start', 'Start offset (code points, 0-based) into documents.body.', 4),
 ('sentences', 'end', 'End offset, exclusive.', 5),
 ('schema_migrations', '', 'Migrations applied to this file, also counted by PRAGMA user_version.', 0),
 ('schema_migrations', 'version', 'Migration number.', 1),
 ('schema_migrations', 'name', 'Migration file name.', 2),
 ('schema_migrations', 'applied_at', 'UTC time it was applied.', 3),
 ('schema_docs', '', 'This documentation: one line per public table, view and column.', 0),
 ('schema_docs', 'object', 'Table or view name.', 1),
 ('schema_docs', 'column_name', 'Column name, or empty for the object itself.', 2),
 ('schema_docs', 'doc', 'One line of documentation.', 3),
 ('schema_docs', 'position', 'Display order.', 4);
