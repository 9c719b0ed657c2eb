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
        /// Why the run recomputed the whole store (``CorpusPlan``); nil: it recomputed
        /// ``readDocuments`` documents (the changed ones and what they can change).
        public var recomputedAll: String?
        public var readDocuments = 0
        /// In a run over part of the store: the documents changed, the candidates their postings
        /// gave, and those they link to (``CorpusReach``).
        public var changedDocuments = 0, candidates = 0, linked = 0
        /// What the run recomputed: `all: ` and why, or how many documents.
        public var scope: String { recomputedAll.map { "all: " + $0 } ?? "\(readDocuments) documents" }
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
        /// `claims`, `keys` (a window's reads, ``WindowReader``), `wait` (for a window's comparisons,
        /// which run on another core), `collect` (links added to the live graphs), `finish`
        /// (finished components merged and written; inside `collect` but for the last), `publish` (results
        /// numbered and written); and on the worker thread that compares a window while the
        /// next is read, `worker compare` (all of it), `worker pairs` (claims), `worker links`
        /// (documents).
        public var stepWall = [String: Double](), stepCPU = [String: Double]()
    }

    /// Recomputes stories, claim groups and conflicts where the documents changed since the last
    /// run can change them (``CorpusPlan``); with `full`, over the whole store.
    @discardableResult
    public func update(full: Bool = false) throws -> Summary {
        try update(finalizeEarly: true, full: full)
    }

    /// Recomputes stories, claim groups and conflicts; with `finalizeEarly` false, every
    /// component is kept to the end and merged then (the results are the same: for tests).
    ///
    /// The steps: number documents → count keys → for each window: read, compare (on a worker
    /// thread, while the next window is read), collect, finish → publish. Each is timed by
    /// name (``Summary/stepWall``).
    func update(finalizeEarly: Bool, full: Bool = false) throws -> Summary {
        let t0 = DispatchTime.now().uptimeNanoseconds
        var summary = Summary()
        let plan = try CorpusPlan.make(db: db, bucketDays: bucketDays, full: full)
        let clock = StepClock(), workerClock = StepClock()
        // Reads here jump from document to document: a big page cache buys little, and its
        // memory is better left to the comparisons. (Restored after.)
        let cacheSize = try db.scalar("PRAGMA cache_size")?.int64 ?? -2000
        try db.execute("PRAGMA cache_size = -8192")
        ProcessStats.returnFreedMemory()
        defer { try? db.execute("PRAGMA cache_size = \(cacheSize)") }

        // The story comparisons to keep, gathered as the run goes.
        let storyLinks = try StoryLinks(db: db)
        defer { storyLinks.drop() }
        // The documents' stored records this run writes, published with its results.
        try CorpusRecords.stage(db)
        defer { CorpusRecords.unstage(db) }
        // What to read: everything, or what the changed documents reach.
        var keep: Set<Int64>?
        var changedDocuments = [Int64]()
        // With the counts taken earlier, the stored postings of the other documents stand.
        var postingsOf: Set<Int64>?
        /// The worker's steps in the reach's comparisons.
        var reachWorker: StepClock?
        switch plan.scope {
        case .all(let reason):
            summary.recomputedAll = reason
        case .changes(let changed, let components, let stories):
            postingsOf = Set(changed)
            changedDocuments = changed
            let reach = CorpusReach(db: db, plan: plan, bucketDays: bucketDays, keyChunkLimit: keyChunkLimit)
            let found = try reach.documents(changed: changed, components: components, stories: stories, storyLinks: storyLinks, clock: clock)
            reachWorker = reach.workerClock
            keep = found.documents
            (summary.changedDocuments, summary.candidates, summary.linked) = (changed.count, found.candidates, found.linked)
            summary.recomputedAll = found.everything
            ProcessStats.returnFreedMemory()
        }
        let scoped = keep != nil

        // Number documents (canonical order, week buckets), count keys, prepare the windows.
        let pass = try CorpusPass(db: db, plan: plan, bucketDays: bucketDays, keep: keep, keyChunkLimit: keyChunkLimit,
                                  clock: clock, workerClock: workerClock)
        defer { pass.drop() }
        let documents = pass.documents, counts = pass.counts
        summary.documents = documents.count
        summary.readDocuments = keep?.count ?? documents.count
        summary.windows = pass.windows.count
        (summary.claims, summary.keys) = (counts.claimTotal, counts.distinctKeys)
        ProcessStats.trace("corpus: \(summary.scope); \(counts.distinctKeys) keys counted; spread \(pass.caps.spread)")

        // For each window: read, compare, collect, finish.
        let results = try CorpusResults(db: db, loader: pass.loader, counts: counts, grouper: pass.comparison.grouper,
                                        storyGrouper: pass.comparison.storyGrouper)
        results.bucketDays = bucketDays
        defer { results.discard() }
        let graphs = CorpusGraphs(results: results, documentCount: documents.count, storyLinks: storyLinks)
        try pass.run(postings: .stored, postingsOf: postingsOf, clock: clock) { links in
            try graphs.collect(links)
            // Components that no later window can reach are merged and written now.
            if finalizeEarly, let first = links.window.firstBucket { try clock.measure("finish") { try graphs.finish(through: first) } }
        }
        try clock.measure("finish") { try graphs.finish(through: nil) }
        summary.comparisons = graphs.comparisons
        summary.peakLiveDocuments = graphs.peakLiveDocuments
        summary.peakLiveClaims = graphs.peakLiveClaims
        summary.peakMergingDocuments = graphs.stories.peakHandedOver
        summary.peakMergingClaims = graphs.claims.peakHandedOver
        ProcessStats.trace("corpus: largest components merged: \(summary.peakMergingDocuments) documents, \(summary.peakMergingClaims) claims")
        ProcessStats.trace("corpus: \(pass.windows.count) windows compared, at most \(summary.peakLiveDocuments) documents and \(summary.peakLiveClaims) linked claims held")

        // Publish: number the results in canonical order and replace the public tables.
        try clock.measure("wait for indexes") { try beforeWriting() }
        try clock.measure("publish") {
            try results.publish(scoped: scoped, when: { try plan.isNewest(db) }) {
                try clock.measure("publish counts") {
                    try plan.recordPublished(db, counts: counts, documents: documents.count, bucketDays: bucketDays, caps: pass.caps)
                }
                try clock.measure("publish postings") { try results.publishPostings(replacing: postingsOf == nil) }
                ProcessStats.trace("corpus: postings published")
                try clock.measure("publish components") { try writeComponents(graphs, documents, replacing: !scoped) }
                try clock.measure("publish story links") { try storyLinks.publish(replacing: !scoped, changed: changedDocuments) }
                try clock.measure("publish records") { try CorpusRecords.publish(db, replacing: !scoped) }
                ProcessStats.trace("corpus: postings, components, story links and records published")
            }
        }
        // The store's totals (a run over part of the store wrote only its own).
        summary.stories = try db.scalar("SELECT count(*) FROM story_clusters")?.int ?? 0
        summary.groups = try db.scalar("SELECT count(*) FROM claim_groups")?.int ?? 0
        summary.conflicts = try db.scalar("SELECT count(*) FROM conflicts")?.int ?? 0
        summary.seconds = Double(DispatchTime.now().uptimeNanoseconds - t0) / 1e9
        (summary.stepWall, summary.stepCPU) = (clock.wall, clock.cpu)
        for (k, v) in workerClock.wall { summary.stepWall["worker " + k] = v }
        for (k, v) in workerClock.cpu { summary.stepCPU["worker " + k] = v }
        for (k, v) in reachWorker?.wall ?? [:] { summary.stepWall["reach worker " + k] = v }
        for (k, v) in reachWorker?.cpu ?? [:] { summary.stepCPU["reach worker " + k] = v }
        ProcessStats.trace("corpus: written")
        return summary
    }

    /// Records each document's component (`corpus_components`): the smallest id among the
    /// documents joined to it by the links a merge reads (``CorpusGraphs``).
    private func writeComponents(_ graphs: CorpusGraphs, _ documents: CorpusDocuments, replacing: Bool) throws {
        if replacing { try db.execute("DELETE FROM corpus_components") }
        let read = try db.prepare("SELECT number, id FROM temp.corpus_documents ORDER BY number")
        var smallest = [Int: Int64]()
        try read.forEachRow { row in
            let root = graphs.component(of: row.columnInt(0)), id = row.columnInt64(1)
            if let s = smallest[root], s <= id { return }
            smallest[root] = id
        }
        let insert = try db.prepare("INSERT OR REPLACE INTO corpus_components(document_id, component) VALUES (?, ?)")
        try read.forEachRow { row in
            try insert.execute(binding: row.columnInt64(1), smallest[graphs.component(of: row.columnInt(0))]!)
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

