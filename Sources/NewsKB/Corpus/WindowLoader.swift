import Foundation
import NewsKBExtraction

/// Reads claims for the corpus phase with prepared statements: a window's claims and titles
/// (kept for the documents the next window holds too), and claims by id with their quantities
/// and frames (for disagreements). Claims and titles of a window carry corpus-wide key ids
/// (``KeyCounts``), which each window renumbers (``WindowKeys``).
final class WindowLoader {
    private let recordOfDocument: PreparedStatement
    private let claimByID: PreparedStatement
    private let quantitiesOfClaim: PreparedStatement
    private let framesOfClaim: PreparedStatement
    private let framedClaimsOfDocument: PreparedStatement

    private let counts: KeyCounts

    /// Whether documents are read from their stored records (``DocumentRecord/stored()``, no
    /// vectors; their keys interned, ``KeyCounts/fromStored``) rather than from this run's
    /// (`temp.corpus_records`).
    private let stored: Bool

    init(db: Database, counts: KeyCounts, stored: Bool = false) throws {
        self.counts = counts
        self.stored = stored
        // A stored record: one this run wrote (not yet published) or the store's.
        recordOfDocument = try db.prepare(stored
            ? "SELECT data FROM temp.corpus_stored_records WHERE document_id = ?1 UNION ALL SELECT data FROM main.corpus_records WHERE document_id = ?1"
            : "SELECT data FROM temp.corpus_records WHERE document_id = ?")
        claimByID = try db.prepare("SELECT document_id, start, \"end\", negated, \(WindowLoader.keysColumn), vector FROM claims WHERE id = ?")
        quantitiesOfClaim = try db.prepare("""
            SELECT \(Quantity.columns) FROM claim_quantities q WHERE q.claim_id = ? ORDER BY q.start, q."end"
            """)
        framesOfClaim = try db.prepare("""
            SELECT \(ClaimCorpus.StoredFrame.columns) FROM claim_frames f WHERE f.claim_id = ?
             ORDER BY f.start, f."end", f.predicate, f.role, f.value
            """)
        framedClaimsOfDocument = try db.prepare("""
            SELECT c.id FROM claims c WHERE c.document_id = ? AND EXISTS (SELECT 1 FROM claim_frames f WHERE f.claim_id = c.id)
            """)
    }

    /// A claim's full key line: its stored word and date keys, then `e:` and the match key of
    /// each entity it names.
    static let keysColumn = """
        match_keys || coalesce((SELECT group_concat(' e:' || e.match_key, '') FROM claim_entities ce
                                  JOIN entities e ON e.id = ce.entity_id WHERE ce.claim_id = claims.id), '')
        """

    /// Keys of a stored line numbered by `ids`, sorted (the writer stores each key once).
    static func keys(_ line: String, _ ids: (String) throws -> Int32?) throws -> [Int32] {
        var out = [Int32]()
        var failure: Error?
        ClaimKeys.scan(line) { k in
            do { if let id = try ids(k) { out.append(id) } } catch { failure = error }
        }
        if let failure { throw failure }
        out.sort()
        // (A database upgraded from version 5 also has entity keys in match_keys.)
        var distinct = [Int32]()
        distinct.reserveCapacity(out.count)
        for k in out where k != distinct.last { distinct.append(k) }
        return distinct
    }

    /// A document without a stored record, read from stored records (``CorpusRecords/fill(_:documents:)``
    /// writes the missing ones).
    struct MissingRecord: Error { let document: Int64 }

    /// A document as a window sees it: its claims (canonical order, corpus-wide key ids) and
    /// its title keys.
    private struct Loaded { var claims: [ClaimCorpus.ClaimRow]; var title: [Int32] }
    /// Documents already loaded, by canonical number (a document is in two windows).
    private var cache = [Int: Loaded]()

    /// Forgets cached documents other than `docs`.
    func keep(only docs: Set<Int>) {
        cache = cache.filter { docs.contains($0.key) }
    }

    /// Claims of the documents (given in canonical order), in canonical order, with corpus-wide
    /// key ids; and the title keys of those that have any.
    func load(_ docs: [CorpusDocuments.Doc]) throws -> (claims: [ClaimCorpus.ClaimRow], titles: [(doc: Int, keys: [Int32])]) {
        var claims = [ClaimCorpus.ClaimRow](), titles = [(doc: Int, keys: [Int32])]()
        for d in docs {
            let loaded = try cache[d.number] ?? load(d)
            cache[d.number] = loaded
            claims += loaded.claims
            if !loaded.title.isEmpty { titles.append((d.number, loaded.title)) }
        }
        // Keys met for the first time are weighed now, in one go.
        if stored { try counts.weighInterned() }
        return (claims, titles)
    }

    private func load(_ d: CorpusDocuments.Doc) throws -> Loaded {
        var loaded = Loaded(claims: [], title: [])
        let counts = self.counts
        func title(_ h: UInt64) { if let id = counts.id(ofHash: h) { loaded.title.append(id) } }
        func claim(_ c: DocumentRecord.Claim) {
            var keys = c.keys.compactMap { counts.id(ofHash: $0) }
            keys.sort()
            loaded.claims.append(ClaimCorpus.ClaimRow(id: c.id, doc: d.number, start: c.start, end: c.end, negated: c.negated,
                                                      matchKeys: "", keys: keys, quantities: c.quantities, vector: c.vector))
        }
        let found = try recordOfDocument.firstRow([d.id]) { $0.withColumnBlob(0) { bytes in
            guard stored else { return DocumentRecord.decode(bytes, title: title, claim: claim) }
            // Keys numbered as met (``KeyCounts/intern(_:_:)``), sorted by the window (``WindowKeys``).
            DocumentRecord.decodeStored(bytes, key: counts.intern, title: { loaded.title.append($0) }) { c, keys in
                loaded.claims.append(ClaimCorpus.ClaimRow(id: c.id, doc: d.number, start: c.start, end: c.end, negated: c.negated,
                                                          matchKeys: "", keys: keys, quantities: c.quantities))
            }
        } }
        if found == nil && stored { throw MissingRecord(document: d.id) }
        return loaded
    }

    /// Ids of the claims of a document that have frames. (`EXISTS`, not `DISTINCT` over a join:
    /// that built a temporary b-tree on every call, most of the cost of writing a story.)
    func framedClaims(ofDocument id: Int64) throws -> [Int64] {
        var out = [Int64]()
        try framedClaimsOfDocument.forEachRow([id]) { out.append($0.columnInt64(0)) }
        return out
    }

    /// A claim's quantities, by span.
    func quantities(ofClaim id: Int64) throws -> [Quantity] {
        var out = [Quantity]()
        try quantitiesOfClaim.forEachRow([id]) { out.append(Quantity(row: $0, at: 0)) }
        return out
    }

    /// Claims by id, with their quantities and frames (for disagreements); `doc` is
    /// `docIndex[documents.id]`, keys are numbered by `interner`.
    func rows(ids: [Int64], docIndex: [Int64: Int], interner: inout KeyInterner) throws -> [ClaimCorpus.ClaimRow] {
        var out = [ClaimCorpus.ClaimRow]()
        for id in ids {
            guard let found = try claimByID.firstRow([id], { claimByID -> ClaimCorpus.ClaimRow? in
                guard let doc = docIndex[claimByID.columnInt64(0)] else { return nil }
                let line = claimByID.columnString(4) ?? ""
                return ClaimCorpus.ClaimRow(id: id, doc: doc, start: claimByID.columnInt(1), end: claimByID.columnInt(2),
                                            negated: claimByID.columnInt(3) != 0, matchKeys: line,
                                            keys: try WindowLoader.keys(line) { interner.id($0) },
                                            vector: claimByID.withColumnBlob(5) { Array($0.bindMemory(to: Int8.self)) })
            }), var row = found else { continue }
            row.quantities = try quantities(ofClaim: id)
            try framesOfClaim.forEachRow([id]) { framesOfClaim in
                if let frame = ClaimCorpus.StoredFrame(row: framesOfClaim, at: 0) { row.frames.append(frame) }
            }
            out.append(row)
        }
        return out
    }
}
