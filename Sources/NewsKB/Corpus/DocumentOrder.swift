/// Where documents stand in canonical order (by key, ``KeyCounts/precedes``), for the candidate
/// look-up of ``CorpusReach``: a claim probes only the claims of documents after its own.
///
/// While few documents are asked about, each one's key is read from its row. Past
/// ``scanAfter`` distinct documents, every document's rank is read at once, in one scan of the
/// key index in key order: a row of `documents` sits on a page with its body, so reading the
/// keys of 280,000 candidates one by one (1,000 new documents in a store of 1,000,000) touches
/// about as many pages of the largest table, at random — seconds of disk when the store is not in
/// the page cache — while the index holds a million keys in a few tens of megabytes read in order.
final class DocumentOrder {
    private let db: Database
    private let keyOf: PreparedStatement
    /// The keys read one by one ("": deleted).
    private var keys = [Int64: String]()
    /// Every document's rank by key, once scanned (-1: no document): by id, or in `sparseRanks`
    /// when ids run far past the document count.
    private var ranks: [Int32]?
    private var sparseRanks: [Int64: Int32]?
    let scanAfter: Int

    /// `documents`: how many the store holds. A scan costs about as much as reading a fiftieth of
    /// the rows one by one.
    convenience init(db: Database, documents: Int) throws {
        try self.init(db: db, scanAfter: max(2_000, documents / 50))
    }

    init(db: Database, scanAfter: Int) throws {
        self.db = db
        self.scanAfter = scanAfter
        keyOf = try db.prepare("SELECT key FROM documents WHERE id = ?")
    }

    /// Whether the ranks were read in one scan.
    var scanned: Bool { ranks != nil || sparseRanks != nil }

    /// Whether the document `a` comes before `b`; nil when either no longer exists (deleted
    /// documents keep their postings until the next run over everything).
    func precedes(_ a: Int64, _ b: Int64) throws -> Bool? {
        if !scanned, keys.count >= scanAfter { try scan() }
        if scanned {
            guard let x = rank(a), let y = rank(b) else { return nil }
            return x < y
        }
        guard let x = try key(a), let y = try key(b) else { return nil }
        return KeyCounts.precedes(x, y)
    }

    /// Whether the document exists (as ``precedes(_:_:)`` sees it).
    func exists(_ id: Int64) throws -> Bool {
        if !scanned, keys.count >= scanAfter { try scan() }
        return scanned ? rank(id) != nil : try key(id) != nil
    }

    private func key(_ id: Int64) throws -> String? {
        if let k = keys[id] { return k.isEmpty ? nil : k }
        let k = try keyOf.scalar([id])?.string
        keys[id] = k ?? ""
        return k
    }

    private func rank(_ id: Int64) -> Int32? {
        if let ranks {
            guard id >= 0, id < Int64(ranks.count) else { return nil }
            let r = ranks[Int(id)]
            return r < 0 ? nil : r
        }
        return sparseRanks?[id]
    }

    /// Reads every document's rank from the key index (`key` is unique: SQLite scans its index,
    /// which covers the id; its order for text is ``KeyCounts/precedes``, bytes of UTF-8).
    private func scan() throws {
        let (count, maxID) = try db.prepare("SELECT count(*), max(id) FROM documents").firstRow { ($0.columnInt(0), $0.column(1).int ?? 0) } ?? (0, 0)
        let dense = maxID < 4 * count + 65_536
        var byID = dense ? [Int32](repeating: -1, count: maxID + 1) : []
        var sparse = [Int64: Int32]()
        if !dense { sparse.reserveCapacity(count) }
        var next: Int32 = 0
        try db.prepare("SELECT id FROM documents ORDER BY key").forEachRow { row in
            let id = row.columnInt64(0)
            if dense { byID[Int(id)] = next } else { sparse[id] = next }
            next += 1
        }
        if dense { ranks = byID } else { sparseRanks = sparse }
        keys = [:]
    }
}
