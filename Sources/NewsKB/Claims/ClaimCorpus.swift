import Foundation
import NewsKBExtraction

/// The corpus-level phase of claims: after an import, groups documents into stories, claims
/// into claim groups, and finds disagreements, then rewrites `story_clusters`,
/// `claim_groups`, `conflicts` and their member tables in one transaction.
///
/// **Windows.** News about one event is published within days, so documents are bucketed by
/// publication week and compared within windows of two consecutive weeks (plus the undated
/// documents, which are compared with every window); each pair of documents belongs to exactly
/// one window. Claims of documents published more than about two weeks apart are never
/// compared, and a story never spans more than ``StoryGrouper/maxDays`` days. Only one window's
/// claims are in memory at a time; what is kept for the whole corpus is small per document
/// (its id, day, story keys) and per edge, so memory stays bounded as the corpus grows.
///
/// **Determinism.** Key weights are corpus-wide (document and claim frequencies counted in one
/// streaming pass), windows depend only on publication dates, candidate pairs come from
/// blocking indexes (``ClaimGrouper``, ``StoryGrouper``) in a canonical order (document key,
/// offset), and edges are merged globally best first. The same set of documents gives the same
/// ids, groups, conflicts and stories whatever the import order or batch size.
public struct ClaimCorpus {
    public let db: Database
    /// Days per bucket; a window is two consecutive buckets.
    public var bucketDays = 7

    public init(db: Database) { self.db = db }

    /// Figures of one run, for timings.
    public struct Summary: Sendable, Equatable {
        public var documents = 0, claims = 0, stories = 0, groups = 0, conflicts = 0, comparisons = 0, windows = 0
        public var seconds = 0.0
    }

    struct ClaimRow {
        var id: Int64, doc: Int, start: Int, end: Int, negated: Bool, matchKeys: String
        var keys: [Int32] = []
        var quantities: [(value: Double, unit: String, noun: String, start: Int, end: Int)] = []
        var frames: [(predicate: String, role: String, value: String, label: String, other: String?, start: Int, end: Int)] = []
    }

    /// A claim with an edge or a conflict: what the global merge and the writer need.
    struct Node { var order: Int64; var id: Int64; var doc: Int32 }

    /// Recomputes stories, claim groups and conflicts.
    @discardableResult
    public func update() throws -> Summary {
        let t0 = DispatchTime.now().uptimeNanoseconds
        var summary = Summary()
        // Reads here jump from document to document: a big page cache buys little, and its
        // memory is better left to the comparisons. (Restored after.)
        let cacheSize = try db.scalar("PRAGMA cache_size")?.int64 ?? -2000
        try db.execute("PRAGMA cache_size = -8192")
        defer { try? db.execute("PRAGMA cache_size = \(cacheSize)") }

        // Documents in canonical (key) order.
        var docIDs = [Int64](), docDays = [Int?]()
        var docIndex = [Int64: Int32]()
        let docStmt = try db.prepare("SELECT id, published FROM documents ORDER BY key")
        while try docStmt.step() {
            docIndex[docStmt.columnInt64(0)] = Int32(docIDs.count)
            docIDs.append(docStmt.columnInt64(0))
            docDays.append(docStmt.columnString(1).flatMap(CivilDate.parse)?.dayNumber)
        }
        docStmt.reset()
        let n = docIDs.count
        summary.documents = n
        ProcessStats.trace("corpus: \(n) documents read")

        // One streaming pass: how many claims and documents hold each key (title words count
        // for documents). Keys are then numbered in sorted order, so ids do not depend on the
        // order of insertion.
        var counts = [String: (claims: Int32, docs: Int32, lastDoc: Int32)]()
        var claimTotal = 0
        do {
            let stmt = try db.prepare("""
                SELECT d.id, d.title, c.match_keys || coalesce((SELECT group_concat(' e:' || e.match_key, '')
                         FROM claim_entities ce JOIN entities e ON e.id = ce.entity_id WHERE ce.claim_id = c.id), '')
                  FROM documents d LEFT JOIN claims c ON c.document_id = d.id
                 ORDER BY d.id, c.position
                """)
            var current: Int64 = -1
            var docNumber: Int32 = -1
            var seen = [String]()  // keys of one claim (about ten: a list beats a set)
            while try stmt.step() {
                let id = stmt.columnInt64(0)
                if id != current {
                    current = id
                    docNumber += 1
                    for t in ClaimCorpus.titleKeys(stmt.columnString(1)) { count(t, claim: false, doc: docNumber, in: &counts) }
                }
                guard let line = stmt.columnString(2) else { continue }
                claimTotal += 1
                seen.removeAll(keepingCapacity: true)
                ClaimKeys.scan(line) { k in
                    if !seen.contains(k) { seen.append(k); count(k, claim: true, doc: docNumber, in: &counts) }
                }
            }
            stmt.reset()
        }
        summary.claims = claimTotal
        ProcessStats.trace("corpus: \(counts.count) keys counted")
        var interner = KeyInterner()
        for k in counts.keys.sorted() { _ = interner.id(k) }
        let keyCount = interner.count
        var claimDF = [Int32](repeating: 0, count: keyCount), documentDF = [Int32](repeating: 0, count: keyCount)
        for (k, c) in counts { let i = Int(interner.ids[k]!); claimDF[i] = c.claims; documentDF[i] = c.docs }
        let docDF = documentDF
        documentDF = []
        counts = [:]
        let weights = ClaimGrouper.weights(counts: claimDF, claims: claimTotal)
        claimDF = []

        ProcessStats.trace("corpus: keys interned")
        // Windows: each dated bucket with the next one, and the undated documents.
        let bucketOf: [Int?] = docDays.map { $0.map { Int((Double($0) / Double(bucketDays)).rounded(.down)) } }
        var byBucket = [Int: [Int]]()
        var undated = [Int]()
        for i in 0..<n { if let b = bucketOf[i] { byBucket[b, default: []].append(i) } else { undated.append(i) } }
        let buckets = byBucket.keys.sorted()
        var windows: [(first: Int?, docs: [Int])] = buckets.map { b in
            (first: Optional(b), docs: (byBucket[b] ?? []) + (byBucket[b + 1] ?? []) + undated)
        }
        if !undated.isEmpty { windows.append((first: nil, docs: undated)) }
        summary.windows = windows.count

        let loader = try WindowLoader(db: db, interner: interner)
        let grouper: ClaimGrouper = {
            var g = ClaimGrouper()
            // A shared date (its day, month and year keys) counts as one shared key, not three.
            g.dateKeys = Set(interner.names.indices.filter { interner.names[$0].hasPrefix("d:") }.map { Int32($0) })
            return g
        }()
        let storyGrouper = StoryGrouper()
        // Claims with an edge or a conflict, numbered as first seen (a claim is in two windows).
        var slotOf = [Int64: Int32]()
        var nodes = [Node]()
        var edges = [(sim: Double, a: Int32, b: Int32)]()
        var conflictSlots = [(a: Int32, b: Int32, kind: ClaimGrouper.ConflictKind)]()
        var storyLinks = [StoryGrouper.Links]()
        // Each window's comparisons run on another core while the next window is read.
        let compute = DispatchQueue(label: "newskb.corpus-window", qos: .userInitiated)
        var inFlight: (done: DispatchGroup, result: WindowResult)?
        func collect(_ r: WindowResult) {
            summary.comparisons += r.pairs.comparisons
            func node(_ i: Int) -> Int32 {
                let c = r.items[i]
                if let k = slotOf[c.id] { return k }
                let k = Int32(nodes.count)
                slotOf[c.id] = k
                nodes.append(Node(order: c.order, id: c.id, doc: c.document))
                return k
            }
            for e in r.pairs.edges { edges.append((e.sim, node(e.a), node(e.b))) }
            for c in r.pairs.conflicts { conflictSlots.append((node(c.a), node(c.b), c.kind)) }
            storyLinks.append(r.links)
        }
        for (wi, w) in windows.enumerated() {
            let docs = w.docs.sorted()
            let claims = try loader.claims(of: docs.map { (index: $0, id: docIDs[$0]) })
            loader.keep(only: wi + 1 < windows.count ? Set(windows[wi + 1].docs) : [])
            let items = claims.map { c in
                ClaimGrouper.Item(id: c.id, document: Int32(c.doc), keys: c.keys,
                                  quantities: c.quantities.map { ClaimGrouper.Q(value: $0.value, unit: loader.unitID($0.unit + "|" + $0.noun), isCount: $0.unit.isEmpty) },
                                  negated: c.negated, order: Int64(c.doc) << 32 | Int64(c.start))
            }
            // Story vectors: claim keys (entities count double, dates not at all) and title words.
            var perDoc = [Int: [Int32: Int32]]()
            for c in claims {
                for k in c.keys {
                    let name = interner.names[Int(k)]
                    if name.hasPrefix("d:") { continue }
                    perDoc[c.doc, default: [:]][k, default: 0] += name.hasPrefix("e:") ? 2 : 1
                }
            }
            for (d, terms) in try loader.titleKeys(of: docs.map { (index: $0, id: docIDs[$0]) }) {
                for t in terms { perDoc[d, default: [:]][t, default: 0] += 2 }
            }
            let storyDocs = docs.map { d in
                StoryGrouper.Document(keys: (perDoc[d] ?? [:]).sorted { $0.key < $1.key }.map { (key: $0.key, count: $0.value) },
                                      day: docDays[d], order: d)
            }
            if let f = inFlight { f.done.wait(); collect(f.result) }
            let result = WindowResult(items: items)
            let done = DispatchGroup()
            let first = w.first
            compute.async(group: done) {
                result.pairs = grouper.findPairs(items, keyCount: keyCount, weight: weights) { a, b in
                    ClaimCorpus.owner(bucketOf[Int(items[a].document)], bucketOf[Int(items[b].document)]) == .some(first)
                }
                result.links = storyGrouper.findLinks(storyDocs, keyCount: keyCount, df: docDF, documentCount: n) { a, b in
                    ClaimCorpus.owner(bucketOf[a], bucketOf[b]) == .some(first)
                }
            }
            inFlight = (done, result)
        }
        if let f = inFlight { f.done.wait(); collect(f.result) }
        ProcessStats.trace("corpus: \(windows.count) windows compared, \(nodes.count) claims linked by \(edges.count) edges")

        // Stories over all windows.
        let (storyOf, labelKeys) = storyGrouper.merge(days: docDays, links: storyLinks)
        storyLinks = []
        let storyLabels = labelKeys.map { ks in ks.map { ClaimCorpus.display(interner.names[Int($0)]) }.joined(separator: " ") }

        ProcessStats.trace("corpus: stories merged")
        // Claim groups over all windows: nodes in canonical order.
        slotOf = [:]
        let perm = nodes.indices.sorted { (nodes[$0].order, nodes[$0].id) < (nodes[$1].order, nodes[$1].id) }
        var rankOf = [Int32](repeating: 0, count: nodes.count)
        for (r, k) in perm.enumerated() { rankOf[k] = Int32(r) }
        let ordered = perm.map { nodes[$0] }
        nodes = []
        for i in edges.indices { edges[i].a = rankOf[Int(edges[i].a)]; edges[i].b = rankOf[Int(edges[i].b)] }
        let conflicts = conflictSlots.map { (a: ordered[Int(rankOf[Int($0.a)])].id, b: ordered[Int(rankOf[Int($0.b)])].id, kind: $0.kind) }
        conflictSlots = []
        rankOf = []
        let merged = grouper.merge(nodeCount: ordered.count, edges: edges)
        edges = []
        // One piece of evidence per document and group: a document that states the fact twice
        // (a sentence and a quotation inside it) is one source; its best-connected claim stays.
        let groups = merged.groups.map { g -> [Int] in
            var best = [Int32: Int]()
            for m in g {
                let d = ordered[m].doc
                if let o = best[d], merged.best[o] >= merged.best[m] { continue }
                best[d] = m
            }
            return best.values.sorted()
        }.filter { $0.count >= 2 }

        ProcessStats.trace("corpus: claim groups merged")
        // Conflicts: frames within stories, and numeric/negation pairs. The claims involved, in
        // canonical order.
        let frameClaims = try db.rows("SELECT DISTINCT claim_id FROM claim_frames").compactMap { $0[0].int64 }
        var involved = Set(frameClaims)
        for c in conflicts { involved.insert(c.a); involved.insert(c.b) }
        var rows = try loader.rows(ids: involved.sorted(), docIndex: docIndex)
        rows.sort { ($0.doc, $0.start, $0.end, $0.matchKeys, $0.id) < ($1.doc, $1.start, $1.end, $1.matchKeys, $1.id) }
        var rowOf = [Int64: Int]()
        for (i, r) in rows.enumerated() { rowOf[r.id] = i }
        let pairConflicts = conflicts.compactMap { c -> (a: Int, b: Int, kind: ClaimGrouper.ConflictKind)? in
            guard let a = rowOf[c.a], let b = rowOf[c.b] else { return nil }
            return a < b ? (a, b, c.kind) : (b, a, c.kind)
        }.sorted { ($0.a, $0.b) < ($1.a, $1.b) }
        let found = DisagreementFinder.find(claims: rows, storyOf: storyOf, pairConflicts: pairConflicts,
                                            names: { ClaimCorpus.display(interner.names[Int($0)]) },
                                            isDate: { interner.names[Int($0)].hasPrefix("d:") },
                                            isEntity: { interner.names[Int($0)].hasPrefix("e:") })

        // Write everything in one transaction, ids in canonical order.
        let normalizedStmt = try db.prepare("SELECT match_keys FROM claims WHERE id = ?")
        let quantitiesStmt = try db.prepare("SELECT value, unit, noun, start, \"end\" FROM claim_quantities WHERE claim_id = ? ORDER BY start, \"end\"")
        try db.transaction {
            try db.execute("""
                DELETE FROM conflict_positions; DELETE FROM conflicts;
                DELETE FROM claim_group_members; DELETE FROM claim_groups;
                DELETE FROM story_documents; DELETE FROM story_clusters;
                """)
            let insStory = try db.prepare("INSERT INTO story_clusters(id, label) VALUES (?, ?)")
            for (s, label) in storyLabels.enumerated() { try insStory.execute([s + 1, label]) }
            let insStoryDoc = try db.prepare("INSERT INTO story_documents(story_id, document_id) VALUES (?, ?)")
            for (i, id) in docIDs.enumerated() { try insStoryDoc.execute([storyOf[i] + 1, id]) }
            let insGroup = try db.prepare("INSERT INTO claim_groups(id, representative_claim_id, story_id, normalized, sources) VALUES (?, ?, ?, ?, ?)")
            let insMember = try db.prepare("INSERT INTO claim_group_members(group_id, claim_id, similarity) VALUES (?, ?, ?)")
            for (g, members) in groups.enumerated() {
                // Representative: the best-connected member (ties: canonical order).
                let rep = members.max { (merged.best[$0], -$0) < (merged.best[$1], -$1) } ?? members[0]
                let stories = Set(members.map { storyOf[Int(ordered[$0].doc)] })
                let repID = ordered[rep].id
                var row = ClaimRow(id: repID, doc: 0, start: 0, end: 0, negated: false,
                                   matchKeys: try normalizedStmt.scalar([repID])?.string ?? "")
                normalizedStmt.reset()
                try quantitiesStmt.bind([repID])
                while try quantitiesStmt.step() {
                    row.quantities.append((quantitiesStmt.column(0).double ?? 0, quantitiesStmt.columnString(1) ?? "",
                                           quantitiesStmt.columnString(2) ?? "", quantitiesStmt.columnInt(3), quantitiesStmt.columnInt(4)))
                }
                quantitiesStmt.reset()
                // One member per document: the members are the sources.
                try insGroup.execute([g + 1, repID, stories.count == 1 ? stories.first! + 1 : nil, row.normalized, members.count])
                for m in members {
                    try insMember.execute([g + 1, ordered[m].id, merged.best[m].rounded3])
                }
            }
            let insConflict = try db.prepare("INSERT INTO conflicts(id, kind, topic, story_id) VALUES (?, ?, ?, ?)")
            let insPosition = try db.prepare("INSERT OR IGNORE INTO conflict_positions(conflict_id, claim_id, start, \"end\", position) VALUES (?, ?, ?, ?, ?)")
            for (k, d) in found.enumerated() {
                try insConflict.execute([k + 1, d.kind, d.topic, d.story.map { $0 + 1 }])
                for p in d.positions {
                    let c = rows[p.claim]
                    try insPosition.execute([k + 1, c.id, c.start, c.end, p.position])
                }
            }
        }
        summary.stories = storyLabels.count
        summary.groups = groups.count
        summary.conflicts = found.count
        summary.seconds = Double(DispatchTime.now().uptimeNanoseconds - t0) / 1e9
        return summary
    }

    /// The window (its first bucket; nil: the undated window) that compares two documents in
    /// buckets `a` and `b` (nil: undated), or .none when they are too far apart to be compared.
    static func owner(_ a: Int?, _ b: Int?) -> Int?? {
        switch (a, b) {
        case let (x?, y?): return abs(x - y) <= 1 ? .some(min(x, y)) : .none
        case let (x?, nil): return .some(x)
        case let (nil, y?): return .some(y)
        case (nil, nil): return .some(nil)
        }
    }

    /// What one window's comparisons found (filled on a worker thread, read after it is done).
    final class WindowResult: @unchecked Sendable {
        let items: [ClaimGrouper.Item]
        var pairs = ClaimGrouper.Pairs()
        var links = StoryGrouper.Links()
        init(items: [ClaimGrouper.Item]) { self.items = items }
    }

    private func count(_ key: String, claim: Bool, doc: Int32, in counts: inout [String: (claims: Int32, docs: Int32, lastDoc: Int32)]) {
        counts[key, default: (0, 0, -1)].claims += claim ? 1 : 0
        // Document frequency counts dates out (stories ignore them) but costs nothing to keep.
        if counts[key]!.lastDoc != doc {
            counts[key]!.lastDoc = doc
            counts[key]!.docs += 1
        }
    }

    /// The story keys of a title: its content words' base forms.
    static func titleKeys(_ title: String?) -> [String] {
        guard let title else { return [] }
        return ClaimNormalizer.terms(of: title)
    }

    /// A key as people read it: `e:kim_jong_un` → `kim jong un`, `d:2019` → `2019`.
    static func display(_ key: String) -> String {
        if key.hasPrefix("e:") { return String(key.dropFirst(2)).replacingByte(95, with: 32) }
        if key.hasPrefix("d:") { return String(key.dropFirst(2)) }
        return key
    }
}

/// Reads one window's claims (keys interned) with prepared statements.
final class WindowLoader {
    private let interner: KeyInterner
    private var units = KeyInterner()
    private let claimsOfDocument: Statement
    private let quantitiesOfDocument: Statement
    private let titleOfDocument: Statement
    private let claimByID: Statement
    private let quantitiesOfClaim: Statement
    private let framesOfClaim: Statement

    init(db: Database, interner: KeyInterner) throws {
        self.interner = interner
        claimsOfDocument = try db.prepare("""
            SELECT id, start, "end", negated, \(WindowLoader.keysColumn) FROM claims WHERE document_id = ? ORDER BY position
            """)
        quantitiesOfDocument = try db.prepare("""
            SELECT q.claim_id, q.value, q.unit, q.noun, q.start, q."end" FROM claims c JOIN claim_quantities q ON q.claim_id = c.id
             WHERE c.document_id = ? ORDER BY q.claim_id, q.start, q."end"
            """)
        titleOfDocument = try db.prepare("SELECT title FROM documents WHERE id = ?")
        claimByID = try db.prepare("SELECT document_id, start, \"end\", negated, \(WindowLoader.keysColumn) FROM claims WHERE id = ?")
        quantitiesOfClaim = try db.prepare("SELECT value, unit, noun, start, \"end\" FROM claim_quantities WHERE claim_id = ? ORDER BY start, \"end\"")
        framesOfClaim = try db.prepare("""
            SELECT predicate, role, value, value_label, other, start, "end" FROM claim_frames WHERE claim_id = ?
             ORDER BY start, "end", predicate, role, value
            """)
    }

    func unitID(_ unit: String) -> Int32 { units.id(unit) }

    /// A claim's full key line: its stored word and date keys, then `e:` and the match key of
    /// each entity it names.
    static let keysColumn = """
        match_keys || coalesce((SELECT group_concat(' e:' || e.match_key, '') FROM claim_entities ce
                                  JOIN entities e ON e.id = ce.entity_id WHERE ce.claim_id = claims.id), '')
        """

    /// Interned keys of a stored line, sorted (the writer stores each key once).
    private func keys(_ line: String) -> [Int32] {
        var out = [Int32]()
        ClaimKeys.scan(line) { if let id = interner.ids[$0] { out.append(id) } }
        out.sort()
        // (A database upgraded from version 5 also has entity keys in match_keys.)
        var distinct = [Int32]()
        distinct.reserveCapacity(out.count)
        for k in out where k != distinct.last { distinct.append(k) }
        return distinct
    }

    /// Claims already loaded, by canonical document number (a document is in two windows).
    private var cache = [Int: [ClaimCorpus.ClaimRow]]()

    /// Forgets cached documents other than `docs`.
    func keep(only docs: Set<Int>) {
        cache = cache.filter { docs.contains($0.key) }
        titleCache = titleCache.filter { docs.contains($0.key) }
    }

    /// Title keys already computed, like ``cache``.
    private var titleCache = [Int: [Int32]]()

    /// Claims of the documents (`index`: canonical document number), in canonical order.
    func claims(of docs: [(index: Int, id: Int64)]) throws -> [ClaimCorpus.ClaimRow] {
        var out = [ClaimCorpus.ClaimRow]()
        for d in docs {
            if let cached = cache[d.index] { out += cached; continue }
            let first = out.count
            defer { cache[d.index] = Array(out[first...]) }
            try claimsOfDocument.bind([d.id])
            var at = [Int64: Int]()
            while try claimsOfDocument.step() {
                let line = claimsOfDocument.columnString(4) ?? ""
                at[claimsOfDocument.columnInt64(0)] = out.count
                out.append(ClaimCorpus.ClaimRow(id: claimsOfDocument.columnInt64(0), doc: d.index, start: claimsOfDocument.columnInt(1),
                                                end: claimsOfDocument.columnInt(2), negated: claimsOfDocument.columnInt(3) != 0,
                                                matchKeys: line, keys: keys(line)))
            }
            claimsOfDocument.reset()
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

    /// Title keys (interned) of the documents.
    func titleKeys(of docs: [(index: Int, id: Int64)]) throws -> [(Int, [Int32])] {
        var out = [(Int, [Int32])]()
        for d in docs {
            let ks: [Int32]
            if let cached = titleCache[d.index] {
                ks = cached
            } else {
                let title = try titleOfDocument.scalar([d.id])?.string
                titleOfDocument.reset()
                ks = ClaimCorpus.titleKeys(title).compactMap { interner.ids[$0] }
                titleCache[d.index] = ks
            }
            if !ks.isEmpty { out.append((d.index, ks)) }
        }
        return out
    }

    /// Claims by id, with their quantities and frames (for disagreements).
    func rows(ids: [Int64], docIndex: [Int64: Int32]) throws -> [ClaimCorpus.ClaimRow] {
        var out = [ClaimCorpus.ClaimRow]()
        for id in ids {
            try claimByID.bind([id])
            defer { claimByID.reset() }
            guard try claimByID.step(), let doc = docIndex[claimByID.columnInt64(0)] else { continue }
            let line = claimByID.columnString(4) ?? ""
            var row = ClaimCorpus.ClaimRow(id: id, doc: Int(doc), start: claimByID.columnInt(1), end: claimByID.columnInt(2),
                                           negated: claimByID.columnInt(3) != 0, matchKeys: line, keys: keys(line))
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

extension ClaimCorpus.ClaimRow {
    /// The normalized form shown for a claim group: the base forms of its words, then its
    /// quantities in canonical units (`armor carriag train 59.5 km/h`).
    var normalized: String {
        let words = matchKeys.split(separator: " ").filter(ClaimKeys.isWord).map(String.init)
        let qs = quantities.map { Quantity(value: $0.value, unit: $0.unit, noun: $0.noun, span: TextSpan($0.start, $0.end)).key }
        return (words + qs).joined(separator: " ")
    }
}

extension Double {
    var rounded3: Double { (self * 1000).rounded() / 1000 }
}

extension DatabaseValue {
    var double: Double? {
        switch self {
        case .real(let v): return v
        case .integer(let v): return Double(v)
        default: return nil
        }
    }
}
