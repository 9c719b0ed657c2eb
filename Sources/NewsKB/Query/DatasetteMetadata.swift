import Foundation

/// A Datasette metadata document (`datasette newskb.db --metadata metadata.json`) built from the
/// database's own documentation (`schema_docs`): a description for the database, every public
/// table and view and every column; full-text search over statements configured on `statements`
/// and `who_said`; the tables that only the importer uses hidden.
///
/// Datasette 0.65's format: `databases.NAME.tables.TABLE` with `description`, `columns`
/// (column → description), `hidden`, `fts_table` and `fts_pk`.
public struct DatasetteMetadata: Encodable, Equatable {
    public struct Table: Encodable, Equatable {
        public var description: String?
        public var columns: [String: String]?
        public var hidden: Bool?
        public var ftsTable: String?
        public var ftsPK: String?

        enum CodingKeys: String, CodingKey {
            case description, columns, hidden
            case ftsTable = "fts_table"
            case ftsPK = "fts_pk"
        }
    }

    public struct DatabaseEntry: Encodable, Equatable {
        public var description: String
        public var tables: [String: Table]
    }

    public var title: String
    public var description: String
    public var databases: [String: DatabaseEntry]

    /// What the importer keeps for itself: hidden in Datasette's listings (still queryable).
    /// `corpus_postings` and `corpus_story_links` are the corpus phase's indexes (a hundred rows
    /// a document: counting them is no listing's business).
    public static let internalTables: Set<String> = [
        "schema_migrations", "corpus_pending", "deferred_indexes", "statement_search", "corpus_postings", "corpus_story_links", "corpus_records",
    ]

    /// Full-text search: the objects whose rows the statements index finds, and their key.
    public static let fullText: [String: String] = ["statements": "id", "who_said": "statement_id"]
    public static let fullTextTable = "statements_fts"

    static let databaseDescription = """
        A newskb knowledge store: news articles with who said what, where (who_said), the \
        entities they name (entity_mentions), the claims several sources make (claim_evidence, \
        claim_agreement), where sources disagree (disagreements) and which articles cover one \
        event (stories). Every span is a 0-based code-point offset into documents.body: \
        substr(body, start + 1, end - start). Each table and column is described in schema_docs.
        """

    /// Builds the document for the database opened as `db`; `name` is the name Datasette gives
    /// it (the file name without its extension).
    public static func build(db: Database, name: String) throws -> DatasetteMetadata {
        var tables = [String: Table]()
        let objects = try db.rows("""
            SELECT name FROM sqlite_schema
             WHERE type IN ('table', 'view') AND name NOT LIKE 'sqlite_%'
             ORDER BY name
            """).compactMap { $0[0].string }
        let docs = try db.rows("SELECT object, column_name, doc FROM schema_docs ORDER BY object, position")
        var objectDoc = [String: String](), columnDocs = [String: [String: String]]()
        for row in docs {
            guard let object = row[0].string, let column = row[1].string, let doc = row[2].string else { continue }
            if column.isEmpty { objectDoc[object] = doc } else { columnDocs[object, default: [:]][column] = doc }
        }
        for object in objects {
            // the full-text index's own tables (statements_fts_data…) are Datasette's to hide
            if object.hasPrefix(fullTextTable + "_") { continue }
            var t = Table(description: objectDoc[object], columns: columnDocs[object])
            if internalTables.contains(object) || (objectDoc[object] == nil && columnDocs[object] == nil) { t.hidden = true }
            if let pk = fullText[object] { t.ftsTable = fullTextTable; t.ftsPK = pk }
            tables[object] = t
        }
        return DatasetteMetadata(title: "newskb: \(name)", description: databaseDescription,
                                 databases: [name: DatabaseEntry(description: databaseDescription, tables: tables)])
    }

    /// The document as JSON: keys sorted, indented, so that the same database gives the same bytes.
    public func json() throws -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        return String(decoding: try encoder.encode(self), as: UTF8.self)
    }
}
