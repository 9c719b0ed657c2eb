import Foundation

/// Corpus-wide frequencies of claim keys — in how many claims and in how many documents (claim
/// keys and title words) each key occurs — and their ids, kept in temporary SQLite tables
/// instead of a dictionary of the whole vocabulary, so that the corpus phase's memory does not
/// grow with the corpus.
///
/// ``count()`` streams every claim once and counts keys in a dictionary of at most
/// ``chunkLimit`` keys, which is added into a table (an upsert per key) whenever it fills, at a
/// document boundary (document counts of different chunks then add up). Keys are then
/// numbered in sorted order by SQLite (`temp.corpus_key_ids`; byte order, which is code-point
/// order), so a key's id depends on the set of keys only. ``id(of:)`` and ``entry(_:)`` read
/// them back through caches of at most ``cacheLimit`` keys (emptied when full): a window looks
/// up its own keys only.
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
    /// A key's figures.
    struct Entry { var name: String; var claims: Int32; var docs: Int32 }
    private var ids = [String: Int32]()
    private var entries = [Int32: Entry]()
    private var byName: Statement!
    private var byID: Statement!

    init(db: Database) throws {
        self.db = db
        try db.execute("""
            DROP TABLE IF EXISTS temp.corpus_keys;
            DROP TABLE IF EXISTS temp.corpus_key_ids;
            CREATE TEMP TABLE corpus_keys (key TEXT PRIMARY KEY, claims INTEGER NOT NULL, docs INTEGER NOT NULL) WITHOUT ROWID;
            """)
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
        try db.execute("""
            CREATE TEMP TABLE corpus_key_ids (id INTEGER PRIMARY KEY, key TEXT NOT NULL UNIQUE, claims INTEGER NOT NULL, docs INTEGER NOT NULL);
            INSERT INTO temp.corpus_key_ids(id, key, claims, docs)
                SELECT row_number() OVER (ORDER BY key) - 1, key, claims, docs FROM temp.corpus_keys ORDER BY key;
            DROP TABLE temp.corpus_keys;
            """)
        distinctKeys = try db.int("SELECT count(*) FROM temp.corpus_key_ids")
        byName = try db.prepare("SELECT id FROM temp.corpus_key_ids WHERE key = ?")
        byID = try db.prepare("SELECT key, claims, docs FROM temp.corpus_key_ids WHERE id = ?")
    }

    /// The id of a counted key: its rank in sorted order (nil for a key never counted).
    func id(of key: String) throws -> Int32? {
        if let i = ids[key] { return i }
        if ids.count >= KeyCounts.cacheLimit { ids.removeAll(keepingCapacity: true) }
        try byName.bind([key])
        defer { byName.reset() }
        guard try byName.step() else { return nil }
        let i = Int32(byName.columnInt(0))
        ids[key] = i
        return i
    }

    /// A key's name and how many claims and documents hold it.
    func entry(_ id: Int32) throws -> Entry {
        if let e = entries[id] { return e }
        if entries.count >= KeyCounts.cacheLimit { entries.removeAll(keepingCapacity: true) }
        try byID.bind([Int(id)])
        defer { byID.reset() }
        let e = try byID.step() ? Entry(name: byID.columnString(0) ?? "", claims: Int32(byID.columnInt(1)), docs: Int32(byID.columnInt(2)))
            : Entry(name: "", claims: 0, docs: 0)
        entries[id] = e
        return e
    }

    /// Drops the tables.
    func drop() throws {
        ids = [:]
        entries = [:]
        byName = nil
        byID = nil
        try db.execute("DROP TABLE IF EXISTS temp.corpus_keys; DROP TABLE IF EXISTS temp.corpus_key_ids")
    }
}
