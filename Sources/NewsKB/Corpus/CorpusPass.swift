import Foundation

/// One pass of the corpus phase over some documents: numbered (``CorpusDocuments``), their keys
/// counted and weighed (``KeyCounts``: by the snapshot's counts in a run over part of the store),
/// then compared window by window (``WindowReader`` reads a window while a worker thread compares
/// the one before, ``WindowComparison``) and each window's links handed over in order.
/// ``ClaimCorpus`` runs one over what it recomputes; ``CorpusReach`` runs smaller ones to find
/// what new documents link to.
final class CorpusPass {
    let documents: CorpusDocuments
    let counts: KeyCounts
    let loader: WindowLoader
    let caps: CorpusCaps
    private(set) var comparison: WindowComparison
    let windows: [CorpusWindow]
    private let reader: WindowReader

    /// `keep`: the documents to read, by id (nil: all). `persist`: write their stored records too
    /// (always in a run over everything). `fromStored`: read their stored records instead of the
    /// claims (each must have one, ``CorpusRecords``): no vectors then, and the pairs that need
    /// them are left undecided (``ClaimGrouper/Pairs/pending``).
    init(db: Database, plan: CorpusPlan, bucketDays: Int, keep: Set<Int64>?, keyChunkLimit: Int, clock: StepClock,
         workerClock: StepClock, persist: Bool = false, fromStored: Bool = false) throws {
        documents = try clock.measure("number") { try CorpusDocuments(db: db, bucketDays: bucketDays, keep: keep) }
        // Large blocks mapped one by one pay off (about 20 MB less held mid-run at 1,000,000
        // documents) where the graphs grow large; below, they only cost system time.
        if documents.count >= MappedAllocations.minimumDocuments && keep == nil { MappedAllocations.enable() }
        // Count keys: one streaming pass, how many claims and documents hold each key (title
        // words count for documents), and each document's record for the windows.
        counts = try KeyCounts(db: db)
        counts.chunkLimit = keyChunkLimit
        counts.scoped = keep != nil
        counts.persist = persist || keep == nil
        // (Its keys are then weighed by the counts taken earlier, as the stored records give no counts.)
        counts.fromStored = fromStored && keep != nil && plan.snapshot != nil
        let counts = self.counts
        try clock.measure("count") { try counts.count() }
        if let snapshot = plan.snapshot { try clock.measure("weigh") { try counts.weigh(bySnapshotOf: snapshot.claims) } }
        windows = CorpusWindow.all(buckets: documents.buckets, hasUndated: !documents.undated.isEmpty)
        loader = try WindowLoader(db: db, counts: counts, stored: counts.fromStored)
        reader = WindowReader(db: db, documents: documents, loader: loader, counts: counts)
        // Index caps: taken with the counts (a run over part of the store), or now.
        caps = plan.snapshot?.spread.map(CorpusCaps.init(spread:))
            ?? CorpusCaps(bucketSizes: documents.bucketSizes, undated: documents.undated.count)
        comparison = WindowComparison(documentCount: plan.snapshot?.documents ?? documents.count, caps: caps, clock: workerClock)
        comparison.vectorsPending = counts.fromStored
    }

    /// Compares every window (`focus`: only pairs with one of these documents, by id; `postings`:
    /// which rows of ``CorpusPostings`` to give, of the documents `postingsOf` when given) and
    /// hands each window's links to `collect`, in window order.
    ///
    /// `windowsOf`: with a focus, the windows each other document is read in (by id; a window
    /// that compares none of its pairs with the focus need not hold it).
    func run(focus: Set<Int64>? = nil, windowsOf: [Int64: Set<CorpusWindow>]? = nil, postings: WindowComparison.Postings,
             postingsOf: Set<Int64>? = nil, clock: StepClock, collect: (WindowLinks) throws -> Void) throws {
        if let focus { self.comparison.focus = try clock.measure("focus") { Set(try documents.numbers(of: focus).values) } }
        try clock.measure("focus") {
            if let windowsOf, let focus = self.comparison.focus {
                var byNumber = [Int: Set<CorpusWindow>]()
                for (id, n) in try documents.numbers(of: Set(windowsOf.keys)) { byNumber[n] = windowsOf[id] }
                reader.only = { number, window in focus.contains(number) || byNumber[number]?.contains(window) == true }
            }
        }
        if let postingsOf { comparison.postingsOf = Set(try documents.numbers(of: postingsOf).values) }
        comparison.postings = postings
        let comparison = self.comparison
        let worker = DispatchQueue(label: "newskb.corpus-window", qos: .userInitiated)
        // Windows read and queued for the worker, oldest first. The worker compares them in
        // order; each is collected, in order, once done (collecting needs nothing a later
        // comparison computes). With a focus, windows differ widely in what the worker does (a
        // window with few new documents has little to compare), so the reader may run up to
        // ``queuedWindows`` ahead instead of waiting for each window in turn.
        var inFlight = [WindowJob]()
        let ahead = focus == nil ? 1 : CorpusPass.queuedWindows
        for (i, window) in windows.enumerated() {
            var input = try reader.read(window, next: i + 1 < windows.count ? windows[i + 1] : nil, clock: clock)
            clock.measure("prepare") { WindowComparison.prepare(&input, vectorsPending: comparison.vectorsPending) }
            // Take the windows done, waiting while too many are queued; queue this one, then
            // collect those taken while the worker runs.
            var taken = [WindowLinks]()
            while let oldest = inFlight.first, inFlight.count >= ahead || oldest.isDone {
                inFlight.removeFirst()
                taken.append(clock.measure("wait") { oldest.wait() })
            }
            let ready = input
            inFlight.append(WindowJob(on: worker) { comparison.compare(ready, in: window) })
            for links in taken { try clock.measure("collect") { try collect(links) } }
        }
        for job in inFlight {
            let links = clock.measure("wait") { job.wait() }
            try clock.measure("collect") { try collect(links) }
        }
    }

    /// How many windows a focused pass may hold queued for the worker (``run(focus:windowsOf:postings:postingsOf:clock:collect:)``).
    static let queuedWindows = 4

    /// Drops the temporary tables.
    func drop() {
        try? counts.drop()
        try? documents.drop()
    }

    /// One window's comparisons, running on a worker thread.
    private final class WindowJob: @unchecked Sendable {
        private let done = DispatchGroup()
        /// Set on the worker; read after ``done`` (``wait()``).
        private var links: WindowLinks?

        init(on queue: DispatchQueue, _ compare: @escaping @Sendable () -> WindowLinks) {
            queue.async(group: done) { self.links = compare() }
        }

        func wait() -> WindowLinks {
            done.wait()
            return links!
        }

        /// Whether the comparison is done (without waiting).
        var isDone: Bool { done.wait(timeout: .now()) == .success }
    }
}

/// What the documents an import changed can reach (#17, ``CorpusPlan``): they themselves, the
/// claim components (`corpus_components`) they link to, the stories and claim components that
/// held them or a deleted document, and the stories their story links can change
/// (``StoryClosure``). The links of the changed documents are found in two small passes: one over
/// the changed documents alone gives their postings (``CorpusPostings``, with each measure's
/// neighbouring steps), through which the stored postings give their candidates — the documents
/// of their weeks (and the undated ones) they may be compared with; one over both compares only
/// the pairs with a changed document, exactly as a run over everything would.
public struct CorpusReach {
    let db: Database
    let plan: CorpusPlan
    let bucketDays: Int
    let keyChunkLimit: Int
    /// The steps of its comparisons on the worker thread (``WindowComparison``).
    let workerClock = StepClock()

    /// What it found, for the summary.
    struct Found {
        /// The documents to recompute; nil: all of them, for `everything`.
        var documents: Set<Int64>?
        var everything: String?
        var candidates = 0, linked = 0
    }

    /// How ``ClaimCorpus/Summary/recomputedAll`` says that what the changed documents can change
    /// is the whole store (then the numbers): recomputing it at once costs no more.
    public static let wideReason = "the changed documents may reach "

    func documents(changed: [Int64], components: [Int64], stories: [Int64], storyLinks: StoryLinks,
                   clock: StepClock) throws -> Found {
        let total = try db.scalar("SELECT count(*) FROM documents")?.int ?? 0
        if changed.count >= total { return Found(documents: nil, everything: "every document changed") }
        var found = Found()
        var start = Set(changed)
        var newLinks = [(a: Int64, b: Int64, sim: Double)]()
        if !changed.isEmpty {
            // Their postings, and their candidates through the stored ones.
            let (rows, earliest) = try clock.measure("reach postings") { try postings(of: Set(changed), clock: clock) }
            // In one read transaction: a statement outside one takes and drops SQLite's shared
            // lock, system calls included, each time it runs (a look-up per key and document).
            let windowsOf = try clock.measure("reach lookup") {
                try db.transaction(immediate: false) { try self.candidates(rows, earliest: earliest, changed: Set(changed), documents: total) }
            }
            let candidates = Set(windowsOf.keys)
            found.candidates = candidates.count
            ProcessStats.trace("corpus: \(changed.count) changed documents, \(candidates.count) candidates of \(total)")
            // What they link to: claim edges (their claim components), story links (checked below).
            let linked = try clock.measure("reach compare") { try self.linked(Set(changed), candidates: windowsOf, clock: clock) }
            found.linked = linked.claims.count
            start.formUnion(linked.claims)
            newLinks = linked.story
            try storyLinks.add(newLinks)
        }
        let closure = try StoryClosure(db: db, changed: Set(changed), newLinks: newLinks, grouper: StoryGrouper())
        let reach = try clock.measure("reach stories") {
            try db.transaction(immediate: false) { try closure.close(start: start, components: components, stories: stories, limit: total) }
        }
        guard let reach else {
            found.everything = CorpusReach.wideReason + "most of the \(total) documents"
            return found
        }
        ProcessStats.trace("corpus: \(reach.count) documents to recompute (\(closure.checks) story checks)")
        found.documents = reach
        return found
    }

    /// The postings of `docs` (``CorpusPostings/rows``), with each document's bucket.
    /// With each undated document's earliest day, as its windows found it (by id).
    private func postings(of docs: Set<Int64>, clock: StepClock)
        throws -> (rows: [(row: CorpusPostings.Row, id: Int64, bucket: Int?)], earliest: [Int64: Int]) {
        // Their stored records are written here, for this import's comparisons and later ones.
        let pass = try CorpusPass(db: db, plan: plan, bucketDays: bucketDays, keep: docs, keyChunkLimit: keyChunkLimit,
                                  clock: clock, workerClock: StepClock(), persist: true)
        defer { pass.drop() }
        var out = [(row: CorpusPostings.Row, id: Int64, bucket: Int?)]()
        var earliest = [Int64: Int]()
        try pass.run(postings: .lookup, clock: clock) { links in
            var docOf = [Int: CorpusDocuments.Doc]()
            for d in links.docs { docOf[d.number] = d }
            for r in links.postings { if let d = docOf[r.doc] { out.append((r, d.id, d.bucket)) } }
            for (n, e) in links.earliest { if let d = docOf[n] { earliest[d.id] = e } }
        }
        return (out, earliest)
    }

    /// The documents of the store, other than `changed`, that the stored postings pair with the
    /// rows: in the rows' weeks or the week before or after, or undated when both are (claims) or
    /// either is (story keys: any week, for an undated document's); existing documents only. A claim probes only the claims after it
    /// in canonical order (documents by key, ``ClaimGrouper/findPairs``): a key a new document
    /// probes finds the holders after it, a key it holds the probers before it. Each candidate
    /// comes with the windows that compare it with a row's document (``CorpusWindow/owner(_:_:)``).
    private func candidates(_ rows: [(row: CorpusPostings.Row, id: Int64, bucket: Int?)], earliest: [Int64: Int],
                            changed: Set<Int64>, documents: Int) throws -> [Int64: Set<CorpusWindow>] {
        let lookup = try db.prepare("SELECT document_id, bucket FROM corpus_postings WHERE key = ? AND role = ? AND bucket BETWEEN ? AND ?")
        let order = try DocumentOrder(db: db, documents: documents)
        var found = [Int64: Set<CorpusWindow>]()
        // An undated document with an earliest day is compared with the documents from then on.
        let from = earliest.mapValues { Int64(CorpusPlan.bucket(ofDay: $0 - StoryGrouper().maxDays, bucketDays: bucketDays)) - 1 }
        for (r, id, bucket) in rows {
            let role = Int64(CorpusPostings.partner(of: r.role).rawValue)
            // Claims of an undated and a dated document are compared only when the documents are
            // (``WindowComparison``): across that line, only the story keys find candidates.
            let undated = (CorpusPostings.undatedBucket, CorpusPostings.undatedBucket)
            var ranges: [(Int64, Int64)]
            switch (bucket, r.role) {
            case (let b?, .story): ranges = [(Int64(b) - 1, Int64(b) + 1), undated]
            case (let b?, _): ranges = [(Int64(b) - 1, Int64(b) + 1)]
            case (nil, .story): ranges = [(from[id] ?? Int64.min, Int64.max), undated]
            case (nil, _): ranges = [undated]
            }
            guard try order.exists(id) else { continue }
            for (lo, hi) in ranges {
                try lookup.forEachRow([r.key, role, lo, hi]) { row in
                    let o = row.columnInt64(0), b = row.columnInt64(1)
                    guard !changed.contains(o),
                          let window = CorpusWindow.owner(bucket, b == CorpusPostings.undatedBucket ? nil : Int(b)),
                          found[o]?.contains(window) != true else { return }
                    switch r.role {
                    case .probe: if try order.precedes(id, o) == true { found[o, default: []].insert(window) }
                    case .held: if try order.precedes(o, id) == true { found[o, default: []].insert(window) }
                    case .nearMeasure, .story: if try order.exists(o) { found[o, default: []].insert(window) }
                    }
                }
            }
        }
        return found
    }

    /// What the changed documents link to among the candidates: the documents their claim edges
    /// join them to (their claim components must be recomputed), and every story pair compared
    /// with a changed document (by id: kept, and checked by ``StoryClosure``).
    ///
    /// Two rounds. The first compares the changed documents with every candidate as read from
    /// their stored records (``CorpusRecords``): story pairs, and the claim pairs that get as far
    /// as the learned decision, which needs the claims' vectors and is left undecided. The second
    /// compares the changed documents again with the candidates of those pairs only, read in
    /// full. A comparison is a function of its pair and of the two documents (``WindowComparison``),
    /// so each round gives what a run over everything gives for the pairs it decides.
    /// Each candidate is read in the windows that compare it with a changed document only.
    private func linked(_ changed: Set<Int64>, candidates windowsOf: [Int64: Set<CorpusWindow>], clock: StepClock)
        throws -> (claims: Set<Int64>, story: [(a: Int64, b: Int64, sim: Double)]) {
        let candidates = Set(windowsOf.keys)
        guard !candidates.isEmpty || changed.count > 1 else { return ([], []) }
        /// One pass over `keep`, focused on the changed documents; `collect` gets each window's
        /// links and the ids of its documents by number.
        func compare(_ keep: Set<Int64>, fromStored: Bool, windows: [Int64: Set<CorpusWindow>],
                     _ collect: (WindowLinks, [Int: Int64]) -> Void) throws {
            let pass = try CorpusPass(db: db, plan: plan, bucketDays: bucketDays, keep: keep, keyChunkLimit: keyChunkLimit,
                                      clock: clock, workerClock: workerClock, fromStored: fromStored)
            defer { pass.drop() }
            try pass.run(focus: changed, windowsOf: windows, postings: .none, clock: clock) { r in
                var idOf = [Int: Int64]()
                for d in r.docs { idOf[d.number] = d.id }
                collect(r, idOf)
            }
        }
        var story = [(a: Int64, b: Int64, sim: Double)]()
        var undecided = Set<Int64>(), anyUndecided = false
        func firstRound() throws {
            (story, undecided, anyUndecided) = ([], [], false)
            try compare(changed.union(candidates), fromStored: true, windows: windowsOf) { r, idOf in
                for p in r.pairs.pending {
                    anyUndecided = true
                    for i in [p.a, p.b] { if let x = idOf[Int(r.items[i].document)], !changed.contains(x) { undecided.insert(x) } }
                }
                story += CorpusGraphs.storyPairs(r.links) { idOf[$0]! }
            }
        }
        do {
            try firstRound()
        } catch is WindowLoader.MissingRecord {
            // A candidate without a stored record (a store upgraded from version 18, shards
            // merged): the missing ones are written, and the round is run again.
            try clock.measure("reach records") { try CorpusRecords.fill(db, documents: candidates) }
            try firstRound()
        }
        var claims = Set<Int64>()
        guard anyUndecided else { return (claims, story) }
        try compare(changed.union(undecided), fromStored: false, windows: windowsOf.filter { undecided.contains($0.key) }) { r, idOf in
            for e in r.pairs.edges {
                guard let x = idOf[Int(r.items[e.a].document)], let y = idOf[Int(r.items[e.b].document)] else { continue }
                if changed.contains(x) && !changed.contains(y) { claims.insert(y) }
                if changed.contains(y) && !changed.contains(x) { claims.insert(x) }
            }
        }
        return (claims, story)
    }
}
