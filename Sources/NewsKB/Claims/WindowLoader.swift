import Foundation
import NewsKBExtraction

/// Reads claims for the corpus phase with prepared statements: a window's claims and titles
/// (kept for the documents the next window holds too), and claims by id with their quantities
/// and frames (for disagreements). Claims and titles of a window carry corpus-wide key ids
/// (``KeyCounts``), which each window renumbers (``WindowKeys``).
final class WindowLoader {
    private let claimsOfDocument: Statement
    private let entityKeysOfDocument: Statement
    private let quantitiesOfDocument: Statement
    private let titleOfDocument: Statement
    private let claimByID: Statement
    private let quantitiesOfClaim: Statement
    private let framesOfClaim: Statement
    private let framedClaimsOfDocument: Statement

    private let counts: KeyCounts

    init(db: Database, counts: KeyCounts) throws {
        self.counts = counts
        claimsOfDocument = try db.prepare("""
            SELECT id, start, "end", negated, match_keys FROM claims WHERE document_id = ? ORDER BY position
            """)
        entityKeysOfDocument = try db.prepare("""
            SELECT ce.claim_id, e.match_key FROM claims c JOIN claim_entities ce ON ce.claim_id = c.id
              JOIN entities e ON e.id = ce.entity_id WHERE c.document_id = ? ORDER BY c.position, ce.entity_id
            """)
        quantitiesOfDocument = try db.prepare("""
            SELECT q.claim_id, q.value, q.unit, q.noun, q.start, q."end" FROM claims c JOIN claim_quantities q ON q.claim_id = c.id
             WHERE c.document_id = ? ORDER BY q.claim_id, q.start, q."end"
            """)
        titleOfDocument = try db.prepare("SELECT terms FROM temp.corpus_title_terms WHERE document_id = ?")
        claimByID = try db.prepare("SELECT document_id, start, \"end\", negated, \(WindowLoader.keysColumn) FROM claims WHERE id = ?")
        quantitiesOfClaim = try db.prepare("SELECT value, unit, noun, start, \"end\" FROM claim_quantities WHERE claim_id = ? ORDER BY start, \"end\"")
        framesOfClaim = try db.prepare("""
            SELECT predicate, role, value, value_label, other, start, "end" FROM claim_frames WHERE claim_id = ?
             ORDER BY start, "end", predicate, role, value
            """)
        framedClaimsOfDocument = try db.prepare("""
            SELECT DISTINCT c.id FROM claims c JOIN claim_frames f ON f.claim_id = c.id WHERE c.document_id = ?
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

    /// Corpus-wide ids of the keys of a stored line (hashed from its bytes), sorted and distinct.
    static func keys(_ line: inout String, _ counts: KeyCounts) -> [Int32] {
        var out = [Int32]()
        line.withUTF8 { bytes in
            ClaimKeys.scanHashes(bytes) { h, _ in if let id = counts.id(ofHash: h) { out.append(id) } }
        }
        out.sort()
        var n = 0
        for k in out where n == 0 || k != out[n - 1] { out[n] = k; n += 1 }
        out.removeLast(out.count - n)
        return out
    }

    /// Claims already loaded, by canonical document number (a document is in two windows).
    private var cache = [Int: [ClaimCorpus.ClaimRow]]()
    /// Title keys already computed, like ``cache``.
    private var titleCache = [Int: [Int32]]()

    /// Forgets cached documents other than `docs`.
    func keep(only docs: Set<Int>) {
        cache = cache.filter { docs.contains($0.key) }
        titleCache = titleCache.filter { docs.contains($0.key) }
    }

    /// Documents whose claims are cached.
    var cachedDocuments: Int { cache.count }

    /// Claims of the documents, in canonical order, with corpus-wide key ids.
    func claims(of docs: [CorpusDocuments.Doc]) throws -> [ClaimCorpus.ClaimRow] {
        var out = [ClaimCorpus.ClaimRow]()
        for d in docs {
            if let cached = cache[d.number] { out += cached; continue }
            let first = out.count
            defer { cache[d.number] = Array(out[first...]) }
            try claimsOfDocument.bind([d.id])
            var at = [Int64: Int]()
            while try claimsOfDocument.step() {
                at[claimsOfDocument.columnInt64(0)] = out.count
                out.append(ClaimCorpus.ClaimRow(id: claimsOfDocument.columnInt64(0), doc: d.number, start: claimsOfDocument.columnInt(1),
                                                end: claimsOfDocument.columnInt(2), negated: claimsOfDocument.columnInt(3) != 0,
                                                matchKeys: claimsOfDocument.columnString(4) ?? ""))
            }
            claimsOfDocument.reset()
            guard out.count > first else { continue }
            // Entity keys, as ``keysColumn`` appends them (` e:key` by entity id).
            try entityKeysOfDocument.bind([d.id])
            while try entityKeysOfDocument.step() {
                guard let i = at[entityKeysOfDocument.columnInt64(0)] else { continue }
                out[i].matchKeys += " e:" + (entityKeysOfDocument.columnString(1) ?? "")
            }
            entityKeysOfDocument.reset()
            for i in first..<out.count { out[i].keys = WindowLoader.keys(&out[i].matchKeys, counts) }
            guard out.count > first else { continue }
            try quantitiesOfDocument.bind([d.id])
            while try quantitiesOfDocument.step() {
                guard let i = at[quantitiesOfDocument.columnInt64(0)] else { continue }
                out[i].quantities.append((quantitiesOfDocument.column(1).double ?? 0, quantitiesOfDocument.columnString(2) ?? "",
                                          quantitiesOfDocument.columnString(3) ?? "", quantitiesOfDocument.columnInt(4),
                                          quantitiesOfDocument.columnInt(5)))
            }
            quantitiesOfDocument.reset()
        }
        out.sort { ($0.doc, $0.start, $0.end, $0.matchKeys, $0.id) < ($1.doc, $1.start, $1.end, $1.matchKeys, $1.id) }
        return out
    }

    /// Title keys (corpus-wide ids) of the documents (documents without any left out).
    func titleKeys(of docs: [CorpusDocuments.Doc]) throws -> [(doc: Int, keys: [Int32])] {
        var out = [(doc: Int, keys: [Int32])]()
        for d in docs {
            let ks: [Int32]
            if let cached = titleCache[d.number] {
                ks = cached
            } else {
                let terms = try titleOfDocument.scalar([d.id])?.string ?? ""
                titleOfDocument.reset()
                ks = terms.utf8.split(separator: 0x1F).compactMap { counts.id(ofHash: KeyHash($0).value) }
                titleCache[d.number] = ks
            }
            if !ks.isEmpty { out.append((d.number, ks)) }
        }
        return out
    }

    /// Ids of the claims of a document that have frames.
    func framedClaims(ofDocument id: Int64) throws -> [Int64] {
        try framedClaimsOfDocument.bind([id])
        defer { framedClaimsOfDocument.reset() }
        var out = [Int64]()
        while try framedClaimsOfDocument.step() { out.append(framedClaimsOfDocument.columnInt64(0)) }
        return out
    }

    /// Claims by id, with their quantities and frames (for disagreements); `doc` is
    /// `docIndex[documents.id]`, keys are numbered by `interner`.
    func rows(ids: [Int64], docIndex: [Int64: Int], interner: inout KeyInterner) throws -> [ClaimCorpus.ClaimRow] {
        var out = [ClaimCorpus.ClaimRow]()
        for id in ids {
            try claimByID.bind([id])
            defer { claimByID.reset() }
            guard try claimByID.step(), let doc = docIndex[claimByID.columnInt64(0)] else { continue }
            let line = claimByID.columnString(4) ?? ""
            var row = ClaimCorpus.ClaimRow(id: id, doc: doc, start: claimByID.columnInt(1), end: claimByID.columnInt(2),
                                           negated: claimByID.columnInt(3) != 0, matchKeys: line,
                                           keys: try WindowLoader.keys(line) { interner.id($0) })
            try quantitiesOfClaim.bind([id])
            while try quantitiesOfClaim.step() {
                row.quantities.append((quantitiesOfClaim.column(0).double ?? 0, quantitiesOfClaim.columnString(1) ?? "",
                                       quantitiesOfClaim.columnString(2) ?? "", quantitiesOfClaim.columnInt(3), quantitiesOfClaim.columnInt(4)))
            }
            quantitiesOfClaim.reset()
            try framesOfClaim.bind([id])
            while try framesOfClaim.step() {
                row.frames.append((framesOfClaim.columnString(0) ?? "", framesOfClaim.columnString(1) ?? "", framesOfClaim.columnString(2) ?? "",
                                   framesOfClaim.columnString(3) ?? "", framesOfClaim.columnString(4), framesOfClaim.columnInt(5),
                                   framesOfClaim.columnInt(6)))
            }
            framesOfClaim.reset()
            out.append(row)
        }
        return out
    }
}
