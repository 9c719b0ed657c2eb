import Foundation

/// Corpus-wide frequencies of claim keys — in how many claims and in how many documents (claim
/// keys and title words) each key occurs — and their ids, with memory bounded whatever the
/// size of the corpus.
///
/// ``count()`` streams every claim once, hashing each key from the bytes of its stored line
/// (``KeyHash``; no `String` per key), counting keys in a table of at most ``chunkLimit`` keys
/// (``KeyTally``), and writing each document's ``DocumentRecord`` for the windows. Keys get ids
/// by rank in sorted order (byte order, which is code-point order), so a key's id depends on
/// the set of keys only. When the vocabulary fits in one chunk, as it usually does, keys are
/// sorted and kept in memory; when it does not, each full chunk is added into a temporary table
/// (an upsert per key; document counts of different chunks add up, as chunks end at document
/// boundaries) and SQLite numbers the keys (`temp.corpus_key_ids`), read back through a cache
/// of at most ``cacheLimit`` keys. Either way ``id(ofHash:)`` finds an id in a hash table (at
/// most 24 bytes per distinct key), and ``entry(_:)`` gives a key's name and counts. A run that
/// reads stored records (``fromStored``) counts nothing: its windows number keys as they meet
/// them (``intern(_:_:)``) and sort their own by name, which gives each window the numbering
/// ranks of sorted names would.
final class KeyCounts {
    /// Keys counted in memory before they are added into the table.
    var chunkLimit = 1 << 18
    /// Keys whose figures are cached for lookups.
    static let cacheLimit = 1 << 18

    private let db: Database
    /// Reads only the documents of ``source`` (a run over part of the store, ``CorpusPlan``).
    var scoped = false
    /// The table of document ids a scoped count reads (an `id` column).
    var source = "temp.corpus_documents"
    /// Also writes each document's stored record (``DocumentRecord/stored()``): what later
    /// imports read of it. Into `temp.corpus_stored_records`, which the run publishes into
    /// `corpus_records` with its results (``CorpusRecords``): the corpus phase writes to the
    /// store only once the indexes an import set aside are built.
    var persist = false
    /// Counts nothing: the windows read the stored records (a scoped run whose documents all
    /// have one, ``CorpusRecords``; their claims have no vectors) and number each key as they
    /// first meet it (``intern(_:_:)``), weighed by the counts taken earlier
    /// (``weigh(bySnapshotOf:)``, ``weighInterned()``). Each record is then read once, and no
    /// corpus-wide order of the keys is made: a window sorts its own by name (``WindowKeys``).
    var fromStored = false
    /// Claims counted.
    private(set) var claimTotal = 0
    /// The claims keys are weighed against: those counted, or those of the counts taken earlier
    /// (``weigh(bySnapshotOf:)``).
    private(set) var weightClaims = 0
    /// Distinct keys in the table (after ``count()``).
    private(set) var distinctKeys = 0
    /// A key's figures, and what its name says: its kind, the date a date key names
    /// (``ClaimGrouper/packedDate(ofKey:)``; 0 for any other key) and the mood a marker key
    /// stands for (``ClaimKey/mood(ofMarker:)``) and the holder a holder marker names
    /// (``ClaimKey/holder(ofMarker:)``).
    struct Entry {
        var name: String, claims: Int32, docs: Int32
        let kind: ClaimKey.Kind, date: Int32, mood: ClaimMood?, holder: String?

        init(name: String, claims: Int32, docs: Int32) {
            (self.name, self.claims, self.docs) = (name, claims, docs)
            kind = ClaimKey.kind(of: name)
            date = kind == .date ? ClaimGrouper.packedDate(ofKey: name) ?? 0 : 0
            mood = ClaimKey.mood(ofMarker: name)
            holder = ClaimKey.holder(ofMarker: name)
        }
    }
    /// Hashes of the keys by slot (0: empty) and the id in each slot (``id(ofHash:)``).
    private var hashes = [UInt64](), idOfHash = [Int32]()
    private var entries = [Int32: Entry]()
    /// Every key's figures by id, when the vocabulary fitted in one chunk (no table then).
    private var inMemory = [Entry]()
    private var byID: PreparedStatement!

    init(db: Database) throws {
        self.db = db
        try db.execute("""
            DROP TABLE IF EXISTS temp.corpus_keys;
            DROP TABLE IF EXISTS temp.corpus_key_ids;
            DROP TABLE IF EXISTS temp.corpus_records;
            CREATE TEMP TABLE corpus_records (document_id INTEGER PRIMARY KEY, data BLOB NOT NULL);
            \(CorpusRecords.createStaged);
            CREATE TEMP TABLE corpus_keys (hash INTEGER PRIMARY KEY, key TEXT NOT NULL, claims INTEGER NOT NULL, docs INTEGER NOT NULL);
            """)
    }

    /// One streaming pass over every document's title and claims. A claim's entity keys and
    /// quantities come from two more cursors in the same (document, position) order, merged as
    /// all three advance (a subquery per claim would cost more than the whole scan). Each
    /// document's ``DocumentRecord`` goes to `temp.corpus_records` for the windows.
    func count() throws {
        guard !fromStored else { return }
        try countClaims()
        try number()
    }

    /// The join over claims, entity keys and quantities described above.
    private func countClaims() throws {
        // A run over part of the store reads the documents of ``source`` only (``CorpusDocuments``).
        // Ordered by the temporary table's id there (`d.id` and `c.document_id` are equal to it):
        // SQLite then sorts each document's rows alone, not every row with its vector at once.
        let (documents, claims, order) = scoped
            ? ("\(source) t CROSS JOIN documents d ON d.id = t.id", "\(source) t CROSS JOIN claims c ON c.document_id = t.id", "t.id")
            : ("documents d", "claims c", "")
        let stmt = try db.prepare("""
            SELECT d.id, d.title, c.id, c.match_keys, c.start, c."end", c.negated, c.vector
              FROM \(documents) LEFT JOIN claims c ON c.document_id = d.id
             ORDER BY \(order.isEmpty ? "d.id" : order), c.position
            """)
        let entityKeys = try db.prepare("""
            SELECT c.id, e.match_key FROM \(claims) CROSS JOIN claim_entities ce ON ce.claim_id = c.id
              CROSS JOIN entities e ON e.id = ce.entity_id
             ORDER BY \(order.isEmpty ? "c.document_id" : order), c.position, ce.entity_id
            """)
        let quantities = try db.prepare("""
            SELECT c.id, \(Quantity.columns) FROM \(claims) CROSS JOIN claim_quantities q ON q.claim_id = c.id
             ORDER BY \(order.isEmpty ? "c.document_id" : order), c.position, q.start, q."end", q.unit, q.noun
            """)
        let insertRecord = try db.prepare("INSERT INTO temp.corpus_records(document_id, data) VALUES (?, ?)")
        let storeRecord = try db.prepare("INSERT OR REPLACE INTO temp.corpus_stored_records(document_id, data) VALUES (?, ?)")
        let titles = try TitleTerms(db: db, scoped: scoped, source: source)
        let persist = self.persist
        var records = [(id: Int64, record: [UInt8], stored: [UInt8])](), recordBytes = 0
        func writeRecords() throws {
            guard !records.isEmpty else { return }
            try db.transaction(immediate: false) {
                for r in records {
                    try insertRecord.execute(binding: r.id, DatabaseValue.blob(r.record))
                    if persist { try storeRecord.execute(binding: r.id, DatabaseValue.blob(r.stored)) }
                }
            }
            records.removeAll(keepingCapacity: true)
            recordBytes = 0
        }
        func add(_ hash: UInt64, claim: Bool, name: @autoclosure () -> String) {
            chunk.add(hash, claim: claim, doc: docNumber, name: name)
        }
        var current: Int64 = -1
        var record = DocumentRecord()
        func finishDocument() {
            guard current >= 0 else { return }
            let bytes = record.encoded(), stored = persist ? record.stored() : []
            recordBytes += bytes.count + stored.count
            records.append((current, bytes, stored))
            record = DocumentRecord()
        }
        var seen = [UInt64]()  // keys of one claim (about ten: a list beats a set)
        var entityRow = try entityKeys.step(), quantityRow = try quantities.step()
        try stmt.forEachRow { stmt in
            let id = stmt.columnInt64(0)
            if id != current {
                finishDocument()
                if recordBytes >= 1 << 22 { try writeRecords() }
                if chunk.count >= chunkLimit { try spillKeys() }
                current = id
                docNumber += 1
                for t in try titles.terms(of: id, title: stmt.columnString(1)) {
                    let h = KeyHash.of(t)
                    record.titleKeys.append(h)
                    if persist { record.addName(h, t.utf8) }
                    add(h, claim: false, name: t)
                }
            }
            guard var line = stmt.columnString(3) else { return }
            let claim = stmt.columnInt64(2)
            claimTotal += 1
            seen.removeAll(keepingCapacity: true)
            line.withUTF8 { bytes in
                ClaimKeys.scanHashes(bytes) { h, key in
                    guard !seen.contains(h) else { return }
                    seen.append(h)
                    if persist { record.addName(h, key) }
                    add(h, claim: true, name: String(decoding: key, as: UTF8.self))
                }
            }
            // The other cursors are in the same order: their rows for this claim are next.
            while entityRow && entityKeys.columnInt64(0) == claim {
                let key = entityKeys.columnString(1) ?? ""
                line += " "
                line += ClaimKey.entityPrefix
                line += key
                var h = KeyHash(KeyCounts.entityPrefix)
                h.add(key.utf8)
                let hash = h.value
                if !seen.contains(hash) {
                    seen.append(hash)
                    if persist { record.addName(hash, KeyCounts.entityPrefix + Array(key.utf8)) }
                    add(hash, claim: true, name: ClaimKey.entity(key))
                }
                entityRow = try entityKeys.step()
            }
            var c = DocumentRecord.Claim(id: claim, start: stmt.columnInt(4), end: stmt.columnInt(5), negated: stmt.columnInt(6) != 0,
                                         line: line, keys: seen)
            c.vector = stmt.withColumnBlob(7) { Array($0.bindMemory(to: Int8.self)) }
            while quantityRow && quantities.columnInt64(0) == claim {
                c.quantities.append(Quantity(row: quantities, at: 1))
                quantityRow = try quantities.step()
            }
            record.claims.append(c)
        }
        finishDocument()
        // The other two cursors of the merge, stepped by hand: done reading before the writes.
        entityKeys.reset()
        quantities.reset()
        try writeRecords()
    }

    /// The keys counted so far (see ``spillKeys()``).
    private var chunk = KeyTally()
    /// Whether keys went to `temp.corpus_keys`.
    private var spilled = false
    /// The document being counted: its number in the order read.
    private var docNumber: Int32 = -1

    /// Keys go to the table only when they outgrow the chunk (a corpus's vocabulary usually
    /// fits: then they are numbered in memory, ``number()``).
    private func spillKeys() throws {
        let upsert = try db.prepare("""
            INSERT INTO temp.corpus_keys(hash, key, claims, docs) VALUES (?, ?, ?, ?)
                ON CONFLICT(hash) DO UPDATE SET claims = claims + excluded.claims, docs = docs + excluded.docs
            """)
        // In hash order: rows go in at the end of the table's b-tree, not all over it.
        try db.transaction(immediate: false) { for (h, c) in chunk.sorted() { try upsert.execute(binding: Int64(bitPattern: h), c.name, Int(c.claims), Int(c.docs)) } }
        chunk.removeAll()
        spilled = true
    }

    /// Numbers the keys counted by name and builds the table of ids by hash.
    private func number() throws {
        var pairs = [(hash: UInt64, id: Int32)]()
        if !spilled {
            // Numbered in memory: the keys sorted by their bytes (SQLite's order for text).
            let all = chunk.entries.sorted { KeyCounts.precedes($0.counts.name, $1.counts.name) }
            chunk.removeAll()
            inMemory = all.map { Entry(name: $0.counts.name, claims: $0.counts.claims, docs: $0.counts.docs) }
            pairs = all.enumerated().map { (hash: $0.element.hash, id: Int32($0.offset)) }
            try db.execute("DROP TABLE temp.corpus_keys")
        } else {
            if chunk.count > 0 { try spillKeys() }
            try db.execute("""
                CREATE TEMP TABLE corpus_key_ids (id INTEGER PRIMARY KEY, key TEXT NOT NULL, claims INTEGER NOT NULL, docs INTEGER NOT NULL,
                    hash INTEGER NOT NULL);
                INSERT INTO temp.corpus_key_ids(id, key, claims, docs, hash)
                    SELECT row_number() OVER (ORDER BY key) - 1, key, claims, docs, hash FROM temp.corpus_keys ORDER BY key;
                """)
            try db.prepare("SELECT hash FROM temp.corpus_keys ORDER BY key").forEachRow { pairs.append((UInt64(bitPattern: $0.columnInt64(0)), Int32(pairs.count))) }
            try db.execute("DROP TABLE temp.corpus_keys")
            byID = try db.prepare("SELECT key, claims, docs FROM temp.corpus_key_ids WHERE id = ?")
        }
        // Ids by hash, in an open-addressing table at most half full (hashes are uniformly
        // random already; 0 marks an empty slot, and no key hashes to 0).
        var size = 16
        while size < pairs.count * 2 { size <<= 1 }
        hashes = [UInt64](repeating: 0, count: size)
        idOfHash = [Int32](repeating: -1, count: size)
        for (h, id) in pairs { place(h, id) }
        distinctKeys = pairs.count
        weightClaims = claimTotal
    }

    /// Weighs the keys counted by the counts taken earlier (`corpus_weights`, over `claims`
    /// claims): a key they do not hold counts as held by one claim and one document.
    func weigh(bySnapshotOf claims: Int) throws {
        weightClaims = claims
        // (Interned keys are weighed as the windows meet them.)
        guard !fromStored else { return }
        if spilledToTable {
            try db.execute("""
                UPDATE temp.corpus_key_ids SET
                    claims = coalesce((SELECT w.claims FROM main.corpus_weights w WHERE w.hash = corpus_key_ids.hash), 1),
                    docs = coalesce((SELECT w.docs FROM main.corpus_weights w WHERE w.hash = corpus_key_ids.hash), 1)
                """)
            entries = [:]
            return
        }
        let lookup = try db.prepare("SELECT claims, docs FROM corpus_weights WHERE hash = ?")
        // In the table's order (signed hashes): each look-up lands near the last. In one read
        // transaction (a look-up outside one takes and drops SQLite's shared lock each time).
        try db.transaction(immediate: false) {
        for i in hashes.indices.filter({ hashes[$0] != 0 }).sorted(by: { Int64(bitPattern: hashes[$0]) < Int64(bitPattern: hashes[$1]) }) {
            let id = Int(idOfHash[i])
            let (c, d) = try lookup.firstRow([Int64(bitPattern: hashes[i])]) { (Int32($0.columnInt(0)), Int32($0.columnInt(1))) } ?? (1, 1)
            inMemory[id].claims = c
            inMemory[id].docs = d
        }
        }
    }

    /// Replaces `corpus_weights` with the counts of this run (a run over the whole store).
    func writeSnapshot() throws {
        try db.execute("DELETE FROM corpus_weights")
        if spilledToTable {
            try db.execute("INSERT INTO corpus_weights(hash, claims, docs) SELECT hash, claims, docs FROM temp.corpus_key_ids ORDER BY hash")
            return
        }
        let insert = try db.prepare("INSERT INTO corpus_weights(hash, claims, docs) VALUES (?, ?, ?)")
        var rows = [(UInt64, Int32)]()
        rows.reserveCapacity(distinctKeys)
        for i in hashes.indices where hashes[i] != 0 { rows.append((hashes[i], idOfHash[i])) }
        // In the table's order (signed, as SQLite stores them): rows go in at the end of its b-tree.
        rows.sort { Int64(bitPattern: $0.0) < Int64(bitPattern: $1.0) }
        for (h, id) in rows {
            let e = inMemory[Int(id)]
            try insert.execute(binding: Int64(bitPattern: h), Int(e.claims), Int(e.docs))
        }
    }

    /// Whether the keys were numbered in a temporary table (a vocabulary larger than a chunk).
    private var spilledToTable: Bool { inMemory.isEmpty && distinctKeys > 0 }

    /// Byte order of two keys' UTF-8 (SQLite's order for text; a `String`'s own order differs
    /// for text that is not in normal form C).
    static func precedes(_ a: String, _ b: String) -> Bool {
        let r = a.utf8.withContiguousStorageIfAvailable { x in
            b.utf8.withContiguousStorageIfAvailable { y -> Bool in
                let c = memcmp(x.baseAddress!, y.baseAddress!, min(x.count, y.count))
                return c != 0 ? c < 0 : x.count < y.count
            }
        }
        return (r ?? nil) ?? a.utf8.lexicographicallyPrecedes(b.utf8)
    }

    /// `e:`, the prefix of entity keys (``ClaimKey/entityPrefix``), as bytes to hash.
    static let entityPrefix: [UInt8] = Array(ClaimKey.entityPrefix.utf8)

    /// The id of a counted key: its rank in sorted order (nil for a key never counted).
    func id(ofHash hash: UInt64) -> Int32? {
        // Through buffer pointers: one access to each array a look-up, not one a probe (each
        // access to a class's array is checked for exclusivity at run time).
        hashes.withUnsafeBufferPointer { hashes in
            guard !hashes.isEmpty else { return nil }
            let mask = hashes.count - 1
            var i = Int(truncatingIfNeeded: hash) & mask
            while true {
                let h = hashes[i]
                if h == hash { return idOfHash.withUnsafeBufferPointer { $0[i] } }
                if h == 0 { return nil }
                i = (i + 1) & mask
            }
        }
    }

    /// A key's name and how many claims and documents hold it.
    func entry(_ id: Int32) throws -> Entry {
        if fromStored || !inMemory.isEmpty { return inMemory[Int(id)] }
        if let e = entries[id] { return e }
        if entries.count >= KeyCounts.cacheLimit { entries.removeAll(keepingCapacity: true) }
        let e = try byID.firstRow([Int(id)]) { Entry(name: $0.columnString(0) ?? "", claims: Int32($0.columnInt(1)), docs: Int32($0.columnInt(2))) }
            ?? Entry(name: "", claims: 0, docs: 0)
        entries[id] = e
        return e
    }

    /// With ``fromStored``: the id of a key a window reads (its hash and its name's bytes), the
    /// next one when it is new. Its weight is looked up with the others new to the window
    /// (``weighInterned()``).
    func intern(_ hash: UInt64, _ name: UnsafeRawBufferPointer) -> Int32 {
        if let id = id(ofHash: hash) { return id }
        if distinctKeys * 2 >= hashes.count { growTable() }
        let id = Int32(inMemory.count)
        place(hash, id)
        inMemory.append(Entry(name: String(decoding: name, as: UTF8.self), claims: 1, docs: 1))
        var prefix: UInt64 = 0
        for i in 0..<8 { prefix = prefix << 8 | UInt64(i < name.count ? name[i] : 0) }
        prefixes.append(prefix)
        unweighed.append((hash, id))
        distinctKeys += 1
        return id
    }

    /// The first eight bytes of each interned key's name, big-endian (zeros after its end): their
    /// order is its name's, unless they are equal.
    private var prefixes = [UInt64]()
    /// Keys interned and not yet weighed, with their hashes.
    private var unweighed = [(hash: UInt64, id: Int32)]()
    private var weightOfHash: PreparedStatement?

    /// Weighs the keys interned since the last call by the counts taken earlier (as
    /// ``weigh(bySnapshotOf:)`` does): a look-up each, in hash order (each lands near the last).
    func weighInterned() throws {
        guard !unweighed.isEmpty else { return }
        if weightOfHash == nil { weightOfHash = try db.prepare("SELECT claims, docs FROM corpus_weights WHERE hash = ?") }
        unweighed.sort { Int64(bitPattern: $0.hash) < Int64(bitPattern: $1.hash) }
        for (h, id) in unweighed {
            if let (c, d) = try weightOfHash!.firstRow([Int64(bitPattern: h)], { (Int32($0.columnInt(0)), Int32($0.columnInt(1))) }) {
                inMemory[Int(id)].claims = c
                inMemory[Int(id)].docs = d
            }
        }
        unweighed.removeAll(keepingCapacity: true)
    }

    /// Sorts key ids by their names' bytes (SQLite's order for text): the order of corpus-wide
    /// ids, for keys interned in the order met.
    func sortByName(_ ids: inout [Int32]) {
        inMemory.withUnsafeBufferPointer { e in
            prefixes.withUnsafeBufferPointer { p in
                ids.sort { a, b in
                    let (x, y) = (p[Int(a)], p[Int(b)])
                    return x != y ? x < y : KeyCounts.precedes(e[Int(a)].name, e[Int(b)].name)
                }
            }
        }
    }

    /// Puts a hash and its id in the table (which has room).
    private func place(_ hash: UInt64, _ id: Int32) {
        let mask = hashes.count - 1
        var i = Int(truncatingIfNeeded: hash) & mask
        while hashes[i] != 0 { i = (i + 1) & mask }
        hashes[i] = hash
        idOfHash[i] = id
    }

    /// Doubles the table of ids by hash (at least 2^16 slots).
    private func growTable() {
        let (oldHashes, oldIDs) = (hashes, idOfHash)
        let size = max(1 << 16, hashes.count * 2)
        hashes = [UInt64](repeating: 0, count: size)
        idOfHash = [Int32](repeating: -1, count: size)
        for i in oldHashes.indices where oldHashes[i] != 0 { place(oldHashes[i], oldIDs[i]) }
    }

    /// Drops the tables.
    func drop() throws {
        hashes = []
        idOfHash = []
        inMemory = []
        entries = [:]
        byID = nil
        unweighed = []
        prefixes = []
        weightOfHash = nil
        try db.execute("""
            DROP TABLE IF EXISTS temp.corpus_keys; DROP TABLE IF EXISTS temp.corpus_key_ids;
            DROP TABLE IF EXISTS temp.corpus_records
            """)
    }
}
