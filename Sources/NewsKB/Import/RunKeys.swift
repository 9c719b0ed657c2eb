/// The document keys read so far in one import run, each with where it was first read, so that
/// a key read twice is reported instead of silently replacing the first document. Kept in a
/// temporary table (SQLite's temp database, spilled to disk past a small cache), so memory does
/// not grow with the number of articles imported.
final class RunKeys {
    private let find: PreparedStatement
    private let insert: PreparedStatement

    /// Starts an empty set of keys for a new run.
    init(db: Database) throws {
        try db.execute("""
            CREATE TEMP TABLE IF NOT EXISTS import_run_keys (key TEXT PRIMARY KEY, origin TEXT NOT NULL) WITHOUT ROWID;
            DELETE FROM temp.import_run_keys;
            """)
        find = try db.prepare("SELECT origin FROM temp.import_run_keys WHERE key = ?")
        insert = try db.prepare("INSERT INTO temp.import_run_keys(key, origin) VALUES (?, ?)")
    }

    /// Records `key`, read at `origin`. Returns where it was first read when this run read it
    /// before (and then records nothing), nil when it is new.
    func firstOrigin(of key: String, readAt origin: String) throws -> String? {
        if let first = try find.scalar([key])?.string { return first }
        try insert.execute(binding: key, origin)
        return nil
    }
}
