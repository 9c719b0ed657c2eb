import Foundation
/// Listings that describe a database: its documents, its row counts, and its schema.
public struct Catalog {
    public let db: Database

    public init(db: Database) { self.db = db }

    /// Documents with their metadata and what was extracted from each.
    public func sources(limit: Int? = nil) throws -> ResultSet {
        try ResultSet(statement: db.prepare("""
            SELECT d.key, d.title, d.outlet, d.published, d.word_count AS words,
                   (SELECT count(*) FROM sentences s WHERE s.document_id = d.id) AS sentences,
                   (SELECT count(*) FROM mentions m WHERE m.document_id = d.id) AS mentions,
                   (SELECT count(*) FROM statements t WHERE t.document_id = d.id) AS statements
              FROM documents d
             ORDER BY d.key
            \(limit.map { "LIMIT \($0)" } ?? "")
            """))
    }

    /// Rows in every table and the size of the file.
    public func stats() throws -> ResultSet {
        let tables = try db.rows("""
            SELECT name FROM sqlite_schema
             WHERE type = 'table' AND name NOT LIKE 'sqlite_%' AND name NOT LIKE '%_fts_%'
             ORDER BY name
            """).compactMap { $0[0].string }
        var rows = [[DatabaseValue]]()
        for t in tables {
            let n = try db.scalar("SELECT count(*) FROM \"\(t.replacingOccurrences(of: "\"", with: "\"\""))\"")?.int64 ?? 0
            rows.append([.text(t), .integer(n)])
        }
        let pages = try db.scalar("PRAGMA page_count")?.int64 ?? 0
        let pageSize = try db.scalar("PRAGMA page_size")?.int64 ?? 0
        rows.append([.text("(database size, bytes)"), .integer(pages * pageSize)])
        rows.append([.text("(schema version)"), .integer(Int64(try db.userVersion()))])
        return ResultSet(columns: ["table", "rows"], rows: rows)
    }

    /// Every documented table, view and column with its line of documentation.
    public func schema() throws -> ResultSet {
        try ResultSet(statement: db.prepare("""
            SELECT d.object AS object,
                   (SELECT type FROM sqlite_schema WHERE name = d.object) AS kind,
                   d.column_name AS "column", d.doc AS doc
              FROM schema_docs d
             ORDER BY CASE (SELECT type FROM sqlite_schema WHERE name = d.object) WHEN 'view' THEN 0 ELSE 1 END,
                      d.object, d.position
            """))
    }
}
