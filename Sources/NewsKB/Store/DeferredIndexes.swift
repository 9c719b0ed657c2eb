/// Secondary indexes set aside while an import fills an empty database, then built once by
/// sorting instead of row by row (table `deferred_indexes`, migration 010). Only indexes that
/// the import itself never reads are deferred: unique indexes (constraints the writer relies
/// on) and `documents_content_hash` (the duplicate check) stay. The full-text index is set
/// aside too (migration 011): it is rebuilt from the statements at the end instead of batch by
/// batch (``fullText``).
struct DeferredIndexes {
    let db: Database

    /// Indexes the import never reads: every explicit, non-unique index but the duplicate check.
    static let candidates = """
        SELECT name, sql FROM sqlite_schema
         WHERE type = 'index' AND sql IS NOT NULL AND sql NOT LIKE 'CREATE UNIQUE%'
           AND name <> 'documents_content_hash'
         ORDER BY name
        """

    /// The full-text index's entry: the statements are indexed again from their text.
    static let fullText = (name: "statements_fts", sql: "INSERT INTO statements_fts(statements_fts) VALUES ('rebuild')")

    /// Drops the candidate indexes, recording how to re-create them, and records the full-text
    /// index as owed, in one transaction. Returns how many were set aside.
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
            try record.execute(binding: DeferredIndexes.fullText.name, DeferredIndexes.fullText.sql)
            return indexes.count + 1
        }
    }

    /// True while the full-text index is owed: statements written meanwhile need not be indexed.
    func fullTextDeferred() throws -> Bool {
        try db.int("SELECT count(*) FROM deferred_indexes WHERE name = ?", [DeferredIndexes.fullText.name]) > 0
    }

    /// The indexes a merge reads in a shard (``ShardCopy``: rows by document, frames by claim); the
    /// others, and the full-text index, only serve queries.
    static let readByMerge: Set<String> = [
        "statements_document", "entity_aliases_document", "entity_roles_document", "claim_frames_claim",
    ]

    /// Page cache, in KiB, while the indexes are built.
    static let buildCacheKiB = 16_384

    /// Re-creates every deferred index (after an import, or one that was killed) in one
    /// transaction. Returns how many were built.
    ///
    /// `CREATE INDEX` sorts in memory up to the size of the page cache before it writes sorted
    /// runs to temporary files, and the page cache fills as well: on the import's connection
    /// (64 MB cache: a build in memory, or one owed by a killed import) that is up to 128 MB for
    /// a large table. The build reads the table and appends the index in order, which a small
    /// cache serves as well, so the cache is lowered to ``buildCacheKiB`` meanwhile (never
    /// raised: ``IndexBuild``'s own connection keeps SQLite's default) and restored after.
    @discardableResult
    func restoreAll() throws -> Int { try restore(only: nil) }

    /// Re-creates the deferred indexes named in `only` (all when nil), in one transaction; the
    /// others stay set aside. Returns how many were built.
    @discardableResult
    func restore(only: Set<String>?) throws -> Int {
        let pending = try db.prepare("SELECT name, sql FROM deferred_indexes ORDER BY name").rows()
            .filter { row in only.map { $0.contains(row[0].string ?? "") } ?? true }
        guard !pending.isEmpty else { return 0 }
        let cache = try db.scalar("PRAGMA cache_size")?.int64 ?? -2000
        let pageSize = try db.scalar("PRAGMA page_size")?.int64 ?? 4096
        if (cache < 0 ? -cache : cache * pageSize / 1024) > Int64(DeferredIndexes.buildCacheKiB) {
            try db.execute("PRAGMA cache_size = -\(DeferredIndexes.buildCacheKiB)")
        }
        defer { try? db.execute("PRAGMA cache_size = \(cache)") }
        try db.transaction {
            let done = try db.prepare("DELETE FROM deferred_indexes WHERE name = ?")
            for row in pending {
                guard let sql = row[1].string else { continue }
                try db.execute(sql)
                try done.execute([row[0]])
            }
        }
        return pending.count
    }
}
