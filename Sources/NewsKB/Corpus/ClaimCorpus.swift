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
/// compared, and a story never spans more than ``StoryGrouper/maxDays`` days.
///
/// **Bounded memory.** Nothing is held for the whole corpus: documents are numbered and keys
/// counted in temporary tables (``CorpusDocuments``, ``KeyCounts``), each window numbers only
/// its own keys (``WindowKeys``), and the story, claim-edge and conflict graphs keep only the
/// components a later window can still reach (``LiveGraph``): the others are merged, checked and
/// written to temporary tables at once (``CorpusResults``), then numbered in SQL at the end.
/// Memory depends on the busiest weeks (and on the undated documents, which every window
/// holds), not on the size of the corpus.
///
/// **Determinism.** Key weights are corpus-wide (document and claim frequencies counted in one
/// streaming pass), windows depend only on publication dates, candidate pairs come from
/// blocking indexes (``ClaimGrouper``, ``StoryGrouper``) in a canonical order (document key,
/// offset), and each connected component of edges is merged best first exactly as one global
/// merge would. The same set of documents gives the same ids, groups, conflicts and stories
/// whatever the import order or batch size.
public struct ClaimCorpus {
    public let db: Database
    /// Days per bucket; a window is two consecutive buckets.
    public var bucketDays = 7
    /// Distinct keys counted in memory at most (``KeyCounts/chunkLimit``): beyond, they go to a
    /// temporary table.
    var keyChunkLimit = 1 << 18
    /// Runs before the phase writes to the database's own tables (everything before is reads
    /// and temporary tables): the importer waits there for indexes built on another connection.
    public var beforeWriting: () throws -> Void = {}

    public init(db: Database) { self.db = db }

    /// Figures of one run, for timings.
    public struct Summary: Sendable, Equatable {
        public var documents = 0, claims = 0, stories = 0, groups = 0, conflicts = 0, comparisons = 0, windows = 0
        /// Distinct keys counted.
        public var keys = 0
        /// The most documents, and claims with an edge or a conflict, held at once between
        /// windows (``LiveGraph``): bounded by the busiest weeks, not by the corpus.
        public var peakLiveDocuments = 0, peakLiveClaims = 0
        /// The most documents, and claims, handed over to be merged at once: finished
        /// components are merged one at a time (so this is the largest component), also at the
        /// end, when every component still held is finished.
        public var peakMergingDocuments = 0, peakMergingClaims = 0
        public var seconds = 0.0
        /// Time by step on the main thread, wall clock and CPU: `count` (keys counted), `docs`,
        /// `claims`, `titles`, `keys` (a window's reads), `wait` (for a window's comparisons,
        /// which run on another core), `collect` (links added to the live graphs), `finish`
        /// (finished components merged and written; inside `collect` but for the last), `publish` (results
        /// numbered and written); and on the worker thread that compares a window while the
        /// next is read, `worker compare` (all of it), `worker pairs` (claims), `worker links`
        /// (documents).
        public var stepWall = [String: Double](), stepCPU = [String: Double]()
    }

    /// A claim with an edge or a conflict: what the global merge and the writer need.
    struct Node { var order: Int64; var id: Int64; var doc: Int32 }

    /// Recomputes stories, claim groups and conflicts.
    @discardableResult
    public func update() throws -> Summary {
        try update(finalizeEarly: true)
    }

    /// Recomputes stories, claim groups and conflicts; with `finalizeEarly` false, every
    /// component is kept to the end and merged then (the results are the same: for tests).
    func update(finalizeEarly: Bool) throws -> Summary {
        let t0 = DispatchTime.now().uptimeNanoseconds
        var summary = Summary()
        let clock = StepClock()
        // The comparisons' steps, on the worker: `compare` (all), `pairs`, `links`.
        let workerClock = StepClock()
        // Reads here jump from document to document: a big page cache buys little, and its
        // memory is better left to the comparisons. (Restored after.)
        let cacheSize = try db.scalar("PRAGMA cache_size")?.int64 ?? -2000
        try db.execute("PRAGMA cache_size = -8192")
        ProcessStats.returnFreedMemory()
        defer { try? db.execute("PRAGMA cache_size = \(cacheSize)") }

        // Documents in canonical (key) order, in a temporary table.
        let documents = try CorpusDocuments(db: db, bucketDays: bucketDays)
        defer { try? documents.drop() }
        let n = documents.count
        summary.documents = n
        // Large blocks mapped one by one pay off (about 20 MB less held mid-run at 1,000,000
        // documents) where the graphs grow large; below, they only cost system time.
        if n >= MappedAllocations.minimumDocuments { MappedAllocations.enable() }
        ProcessStats.trace("corpus: \(n) documents numbered")

        // One streaming pass: how many claims and documents hold each key (title words count
        // for documents), into a temporary table. Each window numbers its own keys in sorted
        // order, so ids do not depend on the order of insertion.
        let counts = try KeyCounts(db: db)
        counts.chunkLimit = keyChunkLimit
        defer { try? counts.drop() }
        try clock.measure("count") { try counts.count() }
        summary.claims = counts.claimTotal
        summary.keys = counts.distinctKeys
        ProcessStats.trace("corpus: \(counts.distinctKeys) keys counted")

        // Windows: each dated bucket with the next one, and the undated documents.
        var windows: [Int?] = documents.buckets.map { Optional($0) }
        if !documents.undated.isEmpty { windows.append(nil) }
        summary.windows = windows.count
        var bucketDocs = [Int: [CorpusDocuments.Doc]]()
        func docs(of window: Int?) throws -> [CorpusDocuments.Doc] {
            guard let b = window else { return documents.undated }
            bucketDocs = bucketDocs.filter { $0.key >= b }
            for x in [b, b + 1] where bucketDocs[x] == nil { bucketDocs[x] = try documents.documents(inBucket: x) }
            return (bucketDocs[b]! + bucketDocs[b + 1]! + documents.undated).sorted { $0.number < $1.number }
        }

        let loader = try WindowLoader(db: db, counts: counts)
        let grouper = ClaimGrouper()
        let storyGrouper = StoryGrouper()
        let results = try CorpusResults(db: db, loader: loader, counts: counts, grouper: grouper, storyGrouper: storyGrouper)
        defer { results.discard() }
        // What may still change: documents by story links, claims by edges, claims by conflicts.
        let stories = LiveGraph<Int, CorpusResults.StoryDocument, Double>()
        let claimGraph = LiveGraph<Int64, CorpusResults.ClaimNode, Double>()
        // Conflict pairs wait for the story of the first of their two documents.
        var pendingConflicts = PendingConflicts()
        func finish(through bucket: Int?) throws {
            // One component at a time, each forgotten once written (the story graph and the
            // conflict pairs first: at the end, they are freed before the claims are merged).
            try results.batch {
                try stories.takeFinished(through: bucket) { story in
                    var ids = [Int: Int64](minimumCapacity: story.nodes.count)
                    for (i, d) in story.nodes.enumerated() { ids[d] = story.infos[i].id }
                    try results.write(story: &story)
                    let conflicts = pendingConflicts.take(documents: ids)
                    if !conflicts.links.isEmpty { try results.write(conflicts: conflicts) }
                }
                try claimGraph.takeFinished(through: bucket) { try results.write(group: &$0) }
            }
        }
        // Each window's comparisons run on another core while the next window is read.
        let compute = DispatchQueue(label: "newskb.corpus-window", qos: .userInitiated)
        var inFlight: (done: DispatchGroup, result: WindowResult)?
        func collect(_ r: WindowResult) throws {
            summary.comparisons += r.pairs.comparisons
            var topOf = [Int: [(key: Int32, weight: Double)]]()
            for t in r.links.top { topOf[t.doc] = t.keys.map { (key: r.global[Int($0.key)], weight: $0.weight) } }
            var docOf = [Int: CorpusDocuments.Doc](minimumCapacity: r.docs.count)
            for d in r.docs {
                docOf[d.number] = d
                stories.add(d.number, bucket: d.bucket, CorpusResults.StoryDocument(id: d.id, day: d.day, top: topOf[d.number] ?? []))
            }
            func node<L>(_ i: Int, in graph: LiveGraph<Int64, CorpusResults.ClaimNode, L>) -> Int64 {
                let c = r.items[i]
                let d = docOf[Int(c.document)]!
                graph.add(c.id, bucket: d.bucket, CorpusResults.ClaimNode(order: c.order, doc: d.number, documentID: d.id))
                return c.id
            }
            for e in r.pairs.edges { claimGraph.link(node(e.a, in: claimGraph), node(e.b, in: claimGraph), e.sim) }
            for c in r.pairs.conflicts {
                let (x, y) = (r.items[c.a], r.items[c.b])
                let (dx, dy) = (docOf[Int(x.document)]!, docOf[Int(y.document)]!)
                pendingConflicts.add(x.id, of: dx.number, y.id, of: dy.number, kind: c.kind)
            }
            for e in r.links.edges { stories.link(e.a, e.b, e.sim) }
            for p in r.links.adjacency { stories.link(Int(p.a), Int(p.b), Double(p.sim), joins: false) }
            ProcessStats.trace("corpus: window \(r.first.map(String.init) ?? "undated"): \(stories.count) documents (\(stories.linkCount) story links), \(claimGraph.count) claims (\(claimGraph.linkCount) edges), \(pendingConflicts.count) conflict pairs held")
            // Components that no later window can reach are merged and written now.
            if finalizeEarly, let first = r.first { try clock.measure("finish") { try finish(through: first) } }
        }
        var keyScratch = [Int32]()
        for (wi, w) in windows.enumerated() {
            // One read transaction for the window's reads (a statement outside one takes and
            // drops SQLite's shared lock, system calls included, each time it runs).
            let (docs, claims, titles, keys) = try db.transaction(immediate: false) {
                let docs = try clock.measure("docs") { try docs(of: w) }
                var (claims, titles) = try clock.measure("claims") { try loader.load(docs) }
                // Keep what the next window holds too.
                let next: Int?? = wi + 1 < windows.count ? .some(windows[wi + 1]) : .none
                loader.keep(only: Set(docs.filter { d in
                    guard case .some(let nb) = next else { return false }
                    guard let b = d.bucket else { return true }
                    guard let nb else { return false }
                    return b == nb || b == nb + 1
                }.map(\.number)))
                let keys = try clock.measure("keys") { try WindowKeys(claims: &claims, titles: &titles, counts: counts, scratch: &keyScratch) }
                return (docs, claims, titles, keys)
            }
            // The previous window's comparisons are done before this window's start, and are
            // collected while this window's run (collecting needs nothing they compute).
            let previous = inFlight
            clock.measure("wait") { previous?.done.wait() }
            let result = WindowResult(docs: docs, global: keys.global, first: w)
            let done = DispatchGroup()
            var windowGrouper = grouper
            // A shared date (its day, month and year keys) counts as one shared key, not three.
            windowGrouper.dateKeys = keys.dateKeys
            let claimGrouper = windowGrouper
            let (keyCount, weights, df, names, kinds) = (keys.count, keys.weights, keys.documentFrequency, keys.names, keys.kinds)
            let (rows, titleKeys) = (claims, titles)
            compute.async(group: done) { workerClock.measure("compare") {
                // Claims as the grouper sees them, and story vectors: claim keys (entities count
                // double, dates not at all) and title words.
                var units = KeyInterner()
                let items = rows.map { c in
                    ClaimGrouper.Item(id: c.id, document: Int32(c.doc), keys: c.keys,
                                      quantities: c.quantities.map { ClaimGrouper.Q(value: $0.value, unit: units.id($0.unit + "|" + $0.noun), isCount: $0.unit.isEmpty) },
                                      negated: c.negated, order: Int64(c.doc) << 32 | Int64(c.start))
                }
                result.items = items
                // A document's key counts: its claims' (rows are in document order) and its
                // title's (likewise), summed in a dense counter, emitted sorted by key.
                var counter = [Int32](repeating: 0, count: keyCount)
                var touched = [Int32]()
                var (r, t) = (0, 0)
                let storyDocs = docs.map { d in
                    func count(_ k: Int32, _ weight: Int32) {
                        if counter[Int(k)] == 0 { touched.append(k) }
                        counter[Int(k)] += weight
                    }
                    while r < rows.count && rows[r].doc < d.number { r += 1 }
                    while r < rows.count && rows[r].doc == d.number {
                        for k in rows[r].keys {
                            let kind = kinds[Int(k)]
                            if kind != .date { count(k, kind == .entity ? 2 : 1) }
                        }
                        r += 1
                    }
                    while t < titleKeys.count && titleKeys[t].doc < d.number { t += 1 }
                    if t < titleKeys.count && titleKeys[t].doc == d.number { for k in titleKeys[t].keys { count(k, 2) } }
                    touched.sort()
                    let keys = touched.map { k in (key: k, count: counter[Int(k)]) }
                    for k in touched { counter[Int(k)] = 0 }
                    touched.removeAll(keepingCapacity: true)
                    return StoryGrouper.Document(keys: keys, day: d.day, order: d.number)
                }
                // A window's documents are in its first bucket, the next one, or undated; a pair
                // is this window's (``owner(_:_:)``) when one of the two is in the first bucket
                // (every pair, in the undated window).
                var inFirst = [Int: Bool](minimumCapacity: docs.count)
                for d in docs { inFirst[d.number] = d.bucket == w }
                let itemInFirst = items.map { inFirst[Int($0.document)]! }
                result.pairs = workerClock.measure("pairs") {
                    claimGrouper.findPairs(items, keyCount: keyCount, weight: weights) { a, b in itemInFirst[a] || itemInFirst[b] }
                }
                // Only pairs that can be conflicts are kept (the checks on the two claims; the
                // one that needs their stories comes when they are written).
                if !result.pairs.conflicts.isEmpty {
                    var involved = [ClaimCorpus.ClaimRow]()
                    for c in result.pairs.conflicts { involved.append(rows[c.a]); involved.append(rows[c.b]) }
                    let keyNames = DisagreementFinder.KeyNames(involved, names: { ClaimKey.display(names[Int($0)]) },
                                                               isDate: { kinds[Int($0)] == .date },
                                                               isEntity: { kinds[Int($0)] == .entity })
                    result.pairs.conflicts.removeAll { !DisagreementFinder.passes(rows[$0.a], rows[$0.b], $0.kind, keyNames) }
                }
                result.links = workerClock.measure("links") {
                    storyGrouper.findLinks(storyDocs, keyCount: keyCount, df: df, documentCount: n) { a, b in inFirst[a]! || inFirst[b]! }
                }
            } }
            inFlight = (done, result)
            if let previous { try clock.measure("collect") { try collect(previous.result) } }
        }
        if let f = inFlight { f.done.wait(); try collect(f.result) }
        try clock.measure("finish") { try finish(through: nil) }
        summary.peakLiveDocuments = stories.peak
        summary.peakLiveClaims = max(claimGraph.peak, pendingConflicts.peak)
        summary.peakMergingDocuments = stories.peakHandedOver
        summary.peakMergingClaims = claimGraph.peakHandedOver
        ProcessStats.trace("corpus: \(windows.count) windows compared, at most \(stories.peak) documents and \(summary.peakLiveClaims) linked claims held")

        try clock.measure("wait for indexes") { try beforeWriting() }
        try clock.measure("publish") { try results.publish() }
        summary.stories = results.stories
        summary.groups = results.groups
        summary.conflicts = results.conflicts
        summary.seconds = Double(DispatchTime.now().uptimeNanoseconds - t0) / 1e9
        (summary.stepWall, summary.stepCPU) = (clock.wall, clock.cpu)
        for (k, v) in workerClock.wall { summary.stepWall["worker " + k] = v }
        for (k, v) in workerClock.cpu { summary.stepCPU["worker " + k] = v }
        ProcessStats.trace("corpus: written")
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
        var items = [ClaimGrouper.Item]()
        let docs: [CorpusDocuments.Doc]
        /// Corpus-wide ids of the window's keys (``WindowKeys/global``).
        let global: [Int32]
        /// The window's first bucket (nil: the undated window).
        let first: Int?
        var pairs = ClaimGrouper.Pairs()
        var links = StoryGrouper.Links()
        init(docs: [CorpusDocuments.Doc], global: [Int32], first: Int?) {
            self.docs = docs
            self.global = global
            self.first = first
        }
    }

    /// The story keys of a title: its content words' base forms.
    static func titleKeys(_ title: String?) -> [String] {
        guard let title else { return [] }
        return ClaimNormalizer.terms(of: title)
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

