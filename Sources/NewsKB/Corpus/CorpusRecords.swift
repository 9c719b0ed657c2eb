import Foundation

/// The stored document records (`corpus_records`, migration 019; ``DocumentRecord/stored()``):
/// what an import reads of the documents its new ones are compared with (``CorpusReach``), one
/// row each instead of a join over claims, entity keys and quantities. A cache of those tables:
/// a run over the whole store writes them all, an import the records of its documents
/// (``CorpusPass`` with `persist`); a document deleted takes its record with it.
///
/// A run writes the records to `temp.corpus_stored_records` as it reads (``KeyCounts``) and
/// publishes them with its results (``publish(_:replacing:)``): an import that set its indexes
/// aside builds them on another connection while the corpus phase reads, and the phase writes to
/// the store only after them (a write meanwhile waited for the build and, at a million
/// articles, timed out).
enum CorpusRecords {
    /// The table of records written by this run, not yet published.
    static let createStaged = "CREATE TEMP TABLE IF NOT EXISTS corpus_stored_records (document_id INTEGER PRIMARY KEY, data BLOB NOT NULL)"

    /// Creates the table of records to publish (empty).
    static func stage(_ db: Database) throws {
        try db.execute("DROP TABLE IF EXISTS temp.corpus_stored_records; \(createStaged)")
    }

    /// Writes the records of this run into `corpus_records`: all of them in place of the old
    /// ones (a run over the whole store), or those of its documents.
    static func publish(_ db: Database, replacing: Bool) throws {
        if replacing { try db.execute("DELETE FROM main.corpus_records") }
        try db.execute("""
            INSERT OR REPLACE INTO main.corpus_records(document_id, data)
                SELECT document_id, data FROM temp.corpus_stored_records ORDER BY document_id
            """)
    }

    /// Drops the table of records to publish.
    static func unstage(_ db: Database) {
        try? db.execute("DROP TABLE IF EXISTS temp.corpus_stored_records")
    }

    /// Writes the record of each of `documents` that has none (a store upgraded to version 19,
    /// documents merged from shards), so that every one of them can be read from its record
    /// (published with the run's results).
    static func fill(_ db: Database, documents: Set<Int64>) throws {
        try db.execute("""
            DROP TABLE IF EXISTS temp.corpus_unrecorded;
            CREATE TEMP TABLE corpus_unrecorded (id INTEGER PRIMARY KEY);
            """)
        defer { try? db.execute("DROP TABLE IF EXISTS temp.corpus_unrecorded") }
        let insert = try db.prepare("""
            INSERT INTO temp.corpus_unrecorded(id) SELECT ?1 WHERE NOT EXISTS (SELECT 1 FROM main.corpus_records WHERE document_id = ?1)
               AND NOT EXISTS (SELECT 1 FROM temp.corpus_stored_records WHERE document_id = ?1)
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
