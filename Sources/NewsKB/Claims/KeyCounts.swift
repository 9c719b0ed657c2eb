import Foundation

/// Corpus-wide frequencies of claim keys — in how many claims and in how many documents (claim
/// keys and title words) each key occurs — and their ids, kept in temporary SQLite tables
/// instead of a dictionary of the whole vocabulary, so that the corpus phase's memory does not
/// grow with the corpus beyond a sorted array of 12 bytes per distinct key.
///
/// ``count()`` streams every claim once, hashing each key from the bytes of its stored line
/// (``KeyHash``; no `String` per key), and counts keys in a dictionary of at most
/// ``chunkLimit`` keys, which is added into a table (an upsert per key) whenever it fills, at a
/// document boundary (document counts of different chunks then add up). Keys are then
/// numbered in sorted order by SQLite (`temp.corpus_key_ids`; byte order, which is code-point
/// order), so a key's id depends on the set of keys only; ``id(ofHash:)`` finds it by binary
/// search in the hashes, and ``entry(_:)`` reads a key's name and counts back through a cache
/// of at most ``cacheLimit`` keys (emptied when full): a window looks up its own keys only.
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
    /// Hashes of the keys, ascending, and the id of each.
    private var hashes = [UInt64](), idOfHash = [Int32]()
    private var entries = [Int32: Entry]()
    private var byID: Statement!

    init(db: Database) throws {
        self.db = db
        try db.execute("""
            DROP TABLE IF EXISTS temp.corpus_keys;
            DROP TABLE IF EXISTS temp.corpus_key_ids;
            DROP TABLE IF EXISTS temp.corpus_title_terms;
            CREATE TEMP TABLE corpus_title_terms (document_id INTEGER PRIMARY KEY, terms TEXT NOT NULL);
            CREATE TEMP TABLE corpus_keys (hash INTEGER PRIMARY KEY, key TEXT NOT NULL, claims INTEGER NOT NULL, docs INTEGER NOT NULL);
            """)
    }

    /// One streaming pass over every document's title and claims. A claim's entity keys come
    /// from a second cursor in the same (document, position) order, merged as both advance (a
    /// subquery per claim would cost more than the whole scan). Each document's title terms are
    /// kept in `temp.corpus_title_terms` for the windows (``WindowLoader/titleKeys(of:)``).
    func count() throws {
        let stmt = try db.prepare("""
            SELECT d.id, d.title, c.id, c.match_keys FROM documents d LEFT JOIN claims c ON c.document_id = d.id
             ORDER BY d.id, c.position
            """)
        let entityKeys = try db.prepare(KeyCounts.entityKeysSQL)
        let upsert = try db.prepare("""
            INSERT INTO temp.corpus_keys(hash, key, claims, docs) VALUES (?, ?, ?, ?)
                ON CONFLICT(hash) DO UPDATE SET claims = claims + excluded.claims, docs = docs + excluded.docs
            """)
        let insertTitle = try db.prepare("INSERT INTO temp.corpus_title_terms(document_id, terms) VALUES (?, ?)")
        struct Counts { var name: String; var claims: Int32 = 0; var docs: Int32 = 0; var lastDoc: Int32 = -1 }
        var chunk = [UInt64: Counts]()
        var titles = [(Int64, String)]()
        func flush() throws {
            guard !chunk.isEmpty || !titles.isEmpty else { return }
            try db.execute("BEGIN")
            do {
                for (h, c) in chunk { try upsert.execute(binding: Int64(bitPattern: h), c.name, Int(c.claims), Int(c.docs)) }
                for (d, t) in titles { try insertTitle.execute(binding: d, t) }
                try db.execute("COMMIT")
            } catch {
                try? db.execute("ROLLBACK")
                throw error
            }
            chunk.removeAll(keepingCapacity: true)
            titles.removeAll(keepingCapacity: true)
        }
        var docNumber: Int32 = -1
        func add(_ hash: UInt64, claim: Bool, name: @autoclosure () -> String) {
            let doc = docNumber
            func bump(_ c: inout Counts) {
                c.claims += claim ? 1 : 0
                // Document frequency counts dates too (stories ignore them) but costs nothing to keep.
                if c.lastDoc != doc {
                    c.lastDoc = doc
                    c.docs += 1
                }
            }
            if chunk[hash] == nil { chunk[hash] = Counts(name: name()) }
            bump(&chunk[hash]!)
        }
        var current: Int64 = -1
        var seen = [UInt64]()  // keys of one claim (about ten: a list beats a set)
        var entityRow = try entityKeys.step()
        while try stmt.step() {
            let id = stmt.columnInt64(0)
            if id != current {
                if chunk.count >= KeyCounts.chunkLimit || titles.count >= 4096 { try flush() }
                current = id
                docNumber += 1
                let terms = ClaimCorpus.titleKeys(stmt.columnString(1))
                if !terms.isEmpty { titles.append((id, terms.joined(separator: KeyCounts.termSeparator))) }
                for t in terms { add(KeyHash.of(t), claim: false, name: t) }
            }
            let claim = stmt.columnInt64(2)
            seen.removeAll(keepingCapacity: true)
            let isClaim = stmt.withColumnText(3) { line in
                ClaimKeys.scanHashes(line) { h, bytes in
                    if !seen.contains(h) { seen.append(h); add(h, claim: true, name: String(decoding: bytes, as: UTF8.self)) }
                }
                return true
            }
            guard isClaim != nil else { continue }
            claimTotal += 1
            // The entity cursor is in the same order: its rows for this claim are next.
            while entityRow && entityKeys.columnInt64(0) == claim {
                entityKeys.withColumnText(1) { key in
                    var h = KeyHash(KeyCounts.entityPrefix)
                    h.add(key)
                    let hash = h.value
                    if !seen.contains(hash) {
                        seen.append(hash)
                        add(hash, claim: true, name: "e:" + String(decoding: key, as: UTF8.self))
                    }
                }
                entityRow = try entityKeys.step()
            }
        }
        entityKeys.reset()
        stmt.reset()
        try flush()
        try db.execute("""
            CREATE TEMP TABLE corpus_key_ids (id INTEGER PRIMARY KEY, key TEXT NOT NULL, claims INTEGER NOT NULL, docs INTEGER NOT NULL);
            INSERT INTO temp.corpus_key_ids(id, key, claims, docs)
                SELECT row_number() OVER (ORDER BY key) - 1, key, claims, docs FROM temp.corpus_keys ORDER BY key;
            """)
        // Ids by hash: each key's rank in sorted order, found by binary search.
        var pairs = [(hash: UInt64, id: Int32)]()
        let ranks = try db.prepare("SELECT hash FROM temp.corpus_keys ORDER BY key")
        while try ranks.step() { pairs.append((UInt64(bitPattern: ranks.columnInt64(0)), Int32(pairs.count))) }
        ranks.reset()
        try db.execute("DROP TABLE temp.corpus_keys")
        pairs.sort { $0.hash < $1.hash }
        hashes = pairs.map(\.hash)
        idOfHash = pairs.map(\.id)
        distinctKeys = pairs.count
        byID = try db.prepare("SELECT key, claims, docs FROM temp.corpus_key_ids WHERE id = ?")
    }

    /// `e:`, the prefix of entity keys.
    static let entityPrefix: [UInt8] = Array("e:".utf8)

    /// Entity keys of every claim (`claim id, entity match key`), in the order of a scan of
    /// claims by (document, position), each claim's by entity id — the order the subquery of
    /// ``WindowLoader/keysColumn`` concatenates them in.
    static let entityKeysSQL = """
        SELECT c.id, e.match_key FROM claims c CROSS JOIN claim_entities ce ON ce.claim_id = c.id
          CROSS JOIN entities e ON e.id = ce.entity_id
         ORDER BY c.document_id, c.position, ce.entity_id
        """
    /// Separates the title terms of a document in `temp.corpus_title_terms` (a term has no control characters).
    static let termSeparator = "\u{1F}"

    /// The id of a counted key: its rank in sorted order (nil for a key never counted).
    func id(ofHash hash: UInt64) -> Int32? {
        var lo = 0, hi = hashes.count
        while lo < hi { let m = (lo + hi) >> 1; if hashes[m] < hash { lo = m + 1 } else { hi = m } }
        return lo < hashes.count && hashes[lo] == hash ? idOfHash[lo] : nil
    }

    /// The id of a counted key given as a string.
    func id(of key: String) -> Int32? { id(ofHash: KeyHash.of(key)) }

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
        hashes = []
        idOfHash = []
        entries = [:]
        byID = nil
        try db.execute("""
            DROP TABLE IF EXISTS temp.corpus_keys; DROP TABLE IF EXISTS temp.corpus_key_ids;
            DROP TABLE IF EXISTS temp.corpus_title_terms
            """)
    }
}
