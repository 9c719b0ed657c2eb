import Foundation

/// The stored document records (`corpus_records`, migration 019; ``DocumentRecord/stored()``):
/// what an import reads of the documents its new ones are compared with (``CorpusReach``), one
/// row each instead of a join over claims, entity keys and quantities. A cache of those tables:
/// a run over the whole store writes them all, an import the records of its documents
/// (``CorpusPass`` with `persist`); a document deleted takes its record with it.
enum CorpusRecords {
    /// Writes the record of each of `documents` that has none (a store upgraded to version 19,
    /// documents merged from shards), so that every one of them can be read from its record.
    static func fill(_ db: Database, documents: Set<Int64>) throws {
        try db.execute("""
            DROP TABLE IF EXISTS temp.corpus_unrecorded;
            CREATE TEMP TABLE corpus_unrecorded (id INTEGER PRIMARY KEY);
            """)
        defer { try? db.execute("DROP TABLE IF EXISTS temp.corpus_unrecorded") }
        let insert = try db.prepare("""
            INSERT INTO temp.corpus_unrecorded(id) SELECT ?1 WHERE NOT EXISTS (SELECT 1 FROM main.corpus_records WHERE document_id = ?1)
            """)
        try db.transaction(immediate: false) { for d in documents.sorted() { try insert.execute(binding: d) } }
        guard let missing = try db.scalar("SELECT count(*) FROM temp.corpus_unrecorded")?.int, missing > 0 else { return }
        ProcessStats.trace("corpus: writing the records of \(missing) documents that have none")
        let counts = try KeyCounts(db: db)
        defer { try? counts.drop() }
        counts.scoped = true
        counts.source = "temp.corpus_unrecorded"
        counts.persist = true
        try counts.count()
    }
}
