/// Secondary indexes set aside while an import fills an empty database, then built once by
/// sorting instead of row by row (table `deferred_indexes`, migration 010). Only indexes that
/// the import itself never reads are deferred: unique indexes (constraints the writer relies
/// on) and `documents_content_hash` (the duplicate check) stay.
struct DeferredIndexes {
    let db: Database

    /// Indexes the import never reads: every explicit, non-unique index but the duplicate check.
    static let candidates = """
        SELECT name, sql FROM sqlite_schema
         WHERE type = 'index' AND sql IS NOT NULL AND sql NOT LIKE 'CREATE UNIQUE%'
           AND name <> 'documents_content_hash'
         ORDER BY name
        """

    /// Drops the candidate indexes, recording how to re-create them, in one transaction.
    /// Returns how many were set aside.
    @discardableResult
    func deferAll() throws -> Int {
        try db.transaction {
            let indexes = try db.prepare(DeferredIndexes.candidates).rows()
            let record = try db.prepare("INSERT OR REPLACE INTO deferred_indexes(name, sql) VALUES (?, ?)")
            for row in indexes {
                guard let name = row[0].string, let sql = row[1].string else { continue }
                try record.execute(binding: name, sql)
                try db.execute("DROP INDEX \"\(name.replacingOccurrences(of: "\"", with: "\"\""))\"")
            }
            return indexes.count
        }
    }

    /// Page cache, in KiB, while the indexes are built.
    static let buildCacheKiB = 16_384

    /// Re-creates every deferred index (after an import, or one that was killed) in one
    /// transaction. Returns how many were built.
    ///
    /// `CREATE INDEX` sorts in memory up to the size of the page cache before it writes sorted
    /// runs to temporary files, and the page cache fills as well: with the import's 64 MB
    /// cache that is up to 128 MB for a large table. The build reads the table and appends
    /// the index in order, which a small cache serves as well, so the cache is lowered to
    /// ``buildCacheKiB`` meanwhile (never raised) and restored after.
    @discardableResult
    func restoreAll() throws -> Int {
        let pending = try db.prepare("SELECT name, sql FROM deferred_indexes ORDER BY name").rows()
        guard !pending.isEmpty else { return 0 }
        let cache = try db.scalar("PRAGMA cache_size")?.int64 ?? -2000
        let pageSize = try db.scalar("PRAGMA page_size")?.int64 ?? 4096
        if (cache < 0 ? -cache : cache * pageSize / 1024) > Int64(DeferredIndexes.buildCacheKiB) {
            try db.execute("PRAGMA cache_size = -\(DeferredIndexes.buildCacheKiB)")
        }
        defer { try? db.execute("PRAGMA cache_size = \(cache)") }
        try db.transaction {
            for row in pending {
                guard let sql = row[1].string else { continue }
                try db.execute(sql)
            }
            try db.execute("DELETE FROM deferred_indexes")
        }
        return pending.count
    }
}
