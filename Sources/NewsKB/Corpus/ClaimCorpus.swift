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

    /// Why a run recomputes everything when the store holds a document without a date
    /// (``Summary/recomputedAll``).
    public static let undatedReason = "the store holds undated documents"

    /// Figures of one run, for timings.
    public struct Summary: Sendable, Equatable {
        public var documents = 0, claims = 0, stories = 0, groups = 0, conflicts = 0, comparisons = 0, windows = 0
        /// Why the run recomputed the whole store (``CorpusPlan``); nil: it recomputed
        /// ``regionBuckets`` week buckets.
        public var recomputedAll: String?
        public var regionBuckets = 0
        /// What the run recomputed: `all: ` and why, or how many week buckets.
        public var scope: String { recomputedAll.map { "all: " + $0 } ?? "\(regionBuckets) week buckets" }
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
        var read: Set<Int>?, context = Set<Int>()
        switch plan.scope {
        case .all(let reason):
            summary.recomputedAll = reason
        case .region(let buckets, let more):
            read = Set(buckets + more)
            context = Set(more)
            summary.regionBuckets = buckets.count
        }
        ProcessStats.trace("corpus: \(summary.scope)")
        let clock = StepClock(), workerClock = StepClock()
        // Reads here jump from document to document: a big page cache buys little, and its
        // memory is better left to the comparisons. (Restored after.)
        let cacheSize = try db.scalar("PRAGMA cache_size")?.int64 ?? -2000
        try db.execute("PRAGMA cache_size = -8192")
        ProcessStats.returnFreedMemory()
        defer { try? db.execute("PRAGMA cache_size = \(cacheSize)") }

        // Number documents: canonical (key) order, week buckets, in a temporary table.
        let documents = try CorpusDocuments(db: db, bucketDays: bucketDays, keep: read.map { r in { $0.map(r.contains) ?? false } })
        defer { try? documents.drop() }
        summary.documents = documents.count
        // Large blocks mapped one by one pay off (about 20 MB less held mid-run at 1,000,000
        // documents) where the graphs grow large; below, they only cost system time.
        if documents.count >= MappedAllocations.minimumDocuments { MappedAllocations.enable() }
        ProcessStats.trace("corpus: \(documents.count) documents numbered")

        // Count keys: one streaming pass, how many claims and documents hold each key (title
        // words count for documents), and each document's record for the windows.
        let counts = try KeyCounts(db: db)
        counts.chunkLimit = keyChunkLimit
        counts.scoped = plan.isRegion
        defer { try? counts.drop() }
        try clock.measure("count") {
            try counts.count()
            if let snapshot = plan.snapshot { try counts.weigh(bySnapshotOf: snapshot.claims) }
        }
        (summary.claims, summary.keys) = (counts.claimTotal, counts.distinctKeys)
        ProcessStats.trace("corpus: \(counts.distinctKeys) keys counted")

        // For each window: read, compare, collect, finish.
        let windows = CorpusWindow.all(buckets: documents.buckets.filter { !context.contains($0) }, hasUndated: !documents.undated.isEmpty)
        summary.windows = windows.count
        let loader = try WindowLoader(db: db, counts: counts)
        let reader = WindowReader(db: db, documents: documents, loader: loader, counts: counts)
        // Index caps: taken with the counts (a run over some weeks), or now.
        let caps = plan.snapshot?.spread.map(CorpusCaps.init(spread:))
            ?? CorpusCaps(bucketSizes: documents.bucketSizes, undated: documents.undated.count)
        ProcessStats.trace("corpus: spread \(caps.spread)")
        let comparison = WindowComparison(documentCount: plan.snapshot?.documents ?? documents.count, caps: caps, clock: workerClock)
        let results = try CorpusResults(db: db, loader: loader, counts: counts, grouper: comparison.grouper,
                                        storyGrouper: comparison.storyGrouper)
        results.bucketDays = bucketDays
        defer { results.discard() }
        let graphs = CorpusGraphs(results: results, context: context)
        func collect(_ links: WindowLinks) throws {
            graphs.collect(links)
            // Components that no later window can reach are merged and written now.
            if finalizeEarly, let first = links.window.firstBucket { try clock.measure("finish") { try graphs.finish(through: first) } }
        }
        let worker = DispatchQueue(label: "newskb.corpus-window", qos: .userInitiated)
        var inFlight: WindowJob?
        for (i, window) in windows.enumerated() {
            let input = try reader.read(window, next: i + 1 < windows.count ? windows[i + 1] : nil, clock: clock)
            // The previous window's comparisons are done before this window's start, and are
            // collected while this window's run (collecting needs nothing they compute).
            let previous = inFlight
            clock.measure("wait") { _ = previous?.wait() }
            inFlight = WindowJob(on: worker) { comparison.compare(input, in: window) }
            if let previous { try clock.measure("collect") { try collect(previous.wait()) } }
        }
        if let last = inFlight { try collect(last.wait()) }
        try clock.measure("finish") { try graphs.finish(through: nil) }
        summary.comparisons = graphs.comparisons
        summary.peakLiveDocuments = graphs.peakLiveDocuments
        summary.peakLiveClaims = graphs.peakLiveClaims
        summary.peakMergingDocuments = graphs.stories.peakHandedOver
        summary.peakMergingClaims = graphs.claims.peakHandedOver
        ProcessStats.trace("corpus: largest components merged: \(summary.peakMergingDocuments) documents, \(summary.peakMergingClaims) claims")
        ProcessStats.trace("corpus: \(windows.count) windows compared, at most \(summary.peakLiveDocuments) documents and \(summary.peakLiveClaims) linked claims held")

        // Publish: number the results in canonical order and replace the public tables.
        try clock.measure("wait for indexes") { try beforeWriting() }
        try clock.measure("publish") {
            try results.publish(region: plan.regionBuckets, when: { try plan.isNewest(db) }) {
                try plan.recordPublished(db, crossings: results.crossings, counts: counts, documents: documents.count, bucketDays: bucketDays, caps: caps)
            }
        }
        // The store's totals (a region run wrote only its own).
        summary.stories = try db.scalar("SELECT count(*) FROM story_clusters")?.int ?? 0
        summary.groups = try db.scalar("SELECT count(*) FROM claim_groups")?.int ?? 0
        summary.conflicts = try db.scalar("SELECT count(*) FROM conflicts")?.int ?? 0
        summary.seconds = Double(DispatchTime.now().uptimeNanoseconds - t0) / 1e9
        (summary.stepWall, summary.stepCPU) = (clock.wall, clock.cpu)
        for (k, v) in workerClock.wall { summary.stepWall["worker " + k] = v }
        for (k, v) in workerClock.cpu { summary.stepCPU["worker " + k] = v }
        ProcessStats.trace("corpus: written")
        return summary
    }

    /// One window's comparisons, running on a worker thread.
    private final class WindowJob: @unchecked Sendable {
        private let done = DispatchGroup()
        /// Set on the worker; read after ``done`` (``wait()``).
        private var links: WindowLinks?

        init(on queue: DispatchQueue, _ compare: @escaping @Sendable () -> WindowLinks) {
            queue.async(group: done) { self.links = compare() }
        }

        /// Waits for the comparisons and returns what they found.
        func wait() -> WindowLinks {
            done.wait()
            return links!
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

