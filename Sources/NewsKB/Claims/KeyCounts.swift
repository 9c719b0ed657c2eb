import Foundation

/// Corpus-wide frequencies of claim keys — in how many claims and in how many documents (claim
/// keys and title words) each key occurs — kept in a temporary SQLite table instead of a
/// dictionary of the whole vocabulary, so that the corpus phase's memory does not grow with
/// the corpus.
///
/// ``count()`` streams every claim once and counts keys in a dictionary of at most
/// ``chunkLimit`` keys, which is added into the table (`temp.corpus_keys`, an upsert per key)
/// whenever it fills, at a document boundary (document counts of different chunks then add
/// up). ``counts(of:)`` reads a key's figures back through a cache of at most ``cacheLimit``
/// keys (emptied when full): a window looks up its own keys only.
final class KeyCounts {
    /// Keys counted in memory before they are added into the table.
    static let chunkLimit = 1 << 18
    /// Keys whose figures are cached for lookups.
    static let cacheLimit = 1 << 18

    private let db: Database
    /// Claims in the corpus.
    private(set) var claimTotal = 0
    /// Distinct keys in the table (after ``count()``).
    private(set) var distinctKeys = 0
    private var cache = [String: (claims: Int32, docs: Int32)]()
    private let lookup: Statement

    init(db: Database) throws {
        self.db = db
        try db.execute("""
            DROP TABLE IF EXISTS temp.corpus_keys;
            CREATE TEMP TABLE corpus_keys (key TEXT PRIMARY KEY, claims INTEGER NOT NULL, docs INTEGER NOT NULL) WITHOUT ROWID;
            """)
        lookup = try db.prepare("SELECT claims, docs FROM temp.corpus_keys WHERE key = ?")
    }

    /// One streaming pass over every document's title and claims.
    func count() throws {
        let stmt = try db.prepare("""
            SELECT d.id, d.title, c.match_keys || coalesce((SELECT group_concat(' e:' || e.match_key, '')
                     FROM claim_entities ce JOIN entities e ON e.id = ce.entity_id WHERE ce.claim_id = c.id), '')
              FROM documents d LEFT JOIN claims c ON c.document_id = d.id
             ORDER BY d.id, c.position
            """)
        let upsert = try db.prepare("""
            INSERT INTO temp.corpus_keys(key, claims, docs) VALUES (?, ?, ?)
                ON CONFLICT(key) DO UPDATE SET claims = claims + excluded.claims, docs = docs + excluded.docs
            """)
        var chunk = [String: (claims: Int32, docs: Int32, lastDoc: Int32)]()
        func flush() throws {
            guard !chunk.isEmpty else { return }
            try db.execute("BEGIN")
            do {
                for (k, c) in chunk { try upsert.execute([k, Int(c.claims), Int(c.docs)]) }
                try db.execute("COMMIT")
            } catch {
                try? db.execute("ROLLBACK")
                throw error
            }
            chunk.removeAll(keepingCapacity: true)
        }
        func add(_ key: String, claim: Bool, doc: Int32) {
            chunk[key, default: (0, 0, -1)].claims += claim ? 1 : 0
            // Document frequency counts dates too (stories ignore them) but costs nothing to keep.
            if chunk[key]!.lastDoc != doc {
                chunk[key]!.lastDoc = doc
                chunk[key]!.docs += 1
            }
        }
        var current: Int64 = -1
        var docNumber: Int32 = -1
        var seen = [String]()  // keys of one claim (about ten: a list beats a set)
        while try stmt.step() {
            let id = stmt.columnInt64(0)
            if id != current {
                if chunk.count >= KeyCounts.chunkLimit { try flush() }
                current = id
                docNumber += 1
                for t in ClaimCorpus.titleKeys(stmt.columnString(1)) { add(t, claim: false, doc: docNumber) }
            }
            guard let line = stmt.columnString(2) else { continue }
            claimTotal += 1
            seen.removeAll(keepingCapacity: true)
            ClaimKeys.scan(line) { k in
                if !seen.contains(k) { seen.append(k); add(k, claim: true, doc: docNumber) }
            }
        }
        stmt.reset()
        try flush()
        distinctKeys = try db.int("SELECT count(*) FROM temp.corpus_keys")
    }

    /// The number of claims and of documents that hold `key` (0, 0 for a key never counted).
    func counts(of key: String) throws -> (claims: Int32, docs: Int32) {
        if let c = cache[key] { return c }
        if cache.count >= KeyCounts.cacheLimit { cache.removeAll(keepingCapacity: true) }
        try lookup.bind([key])
        let c: (claims: Int32, docs: Int32) = try lookup.step() ? (Int32(lookup.columnInt(0)), Int32(lookup.columnInt(1))) : (0, 0)
        lookup.reset()
        cache[key] = c
        return c
    }

    /// Drops the table.
    func drop() throws {
        cache = [:]
        try db.execute("DROP TABLE IF EXISTS temp.corpus_keys")
    }
}
