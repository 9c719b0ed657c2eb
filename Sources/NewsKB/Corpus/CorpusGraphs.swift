/// The *collect* and *finish* steps: what may still change between windows, held as live
/// graphs (``LiveGraph``) — documents joined by story links, claims joined by edges, and the
/// conflict pairs waiting for their stories (``PendingConflicts``). ``collect(_:)`` adds a
/// window's links; ``finish(through:)`` hands the components no later window can reach to
/// ``CorpusResults``, one at a time, each forgotten once written.
final class CorpusGraphs {
    private let results: CorpusResults
    /// Documents by story links.
    let stories = LiveGraph<Int, CorpusResults.StoryDocument, Double>()
    /// Claims by edges.
    let claims = LiveGraph<Int64, CorpusResults.ClaimNode, Double>()
    /// Conflict pairs, waiting for the story of the first of their two documents.
    private(set) var pendingConflicts = PendingConflicts()
    /// Pairs of claims compared, in all windows collected.
    private(set) var comparisons = 0

    /// Documents (by number) joined by claim edges: union-find parents (``component(of:)``), for
    /// `corpus_components`.
    private var parent: [Int32]
    /// Where the pairs the story comparison found alike are gathered, to be kept (nil: not kept).
    private let storyLinks: StoryLinks?

    /// `documentCount`: documents in the store (numbers are below it).
    init(results: CorpusResults, documentCount: Int, storyLinks: StoryLinks?) {
        self.results = results
        self.storyLinks = storyLinks
        parent = (0..<Int32(documentCount)).map { $0 }
    }

    /// The root of a document's component (by number).
    func component(of doc: Int) -> Int {
        var x = Int32(doc)
        while parent[Int(x)] != x { parent[Int(x)] = parent[Int(parent[Int(x)])]; x = parent[Int(x)] }
        return Int(x)
    }

    private func join(_ a: Int, _ b: Int) {
        let (x, y) = (component(of: a), component(of: b))
        if x != y { parent[max(x, y)] = Int32(min(x, y)) }
    }

    /// Adds what a window found: its documents with their label keys, story links and pairs
    /// compared, claim edges and conflict pairs.
    func collect(_ r: WindowLinks) throws {
        comparisons += r.pairs.comparisons
        var topOf = [Int: [(key: Int32, weight: Double)]]()
        for t in r.links.top { topOf[t.doc] = t.keys.map { (key: r.global[Int($0.key)], weight: $0.weight) } }
        var docOf = [Int: CorpusDocuments.Doc](minimumCapacity: r.docs.count)
        for d in r.docs {
            docOf[d.number] = d
            stories.add(d.number, bucket: d.bucket, CorpusResults.StoryDocument(id: d.id, day: d.day, earliest: r.earliest[d.number], top: topOf[d.number] ?? []))
        }
        func node(_ i: Int) -> Int64 {
            let c = r.items[i]
            let d = docOf[Int(c.document)]!
            claims.add(c.id, bucket: d.bucket, CorpusResults.ClaimNode(order: c.order, doc: d.number, documentID: d.id, bucket: d.bucket, holder: c.holder))
            return c.id
        }
        for e in r.pairs.edges {
            claims.link(node(e.a), node(e.b), e.sim)
            join(Int(r.items[e.a].document), Int(r.items[e.b].document))
        }
        for c in r.pairs.conflicts {
            let (x, y) = (r.items[c.a], r.items[c.b])
            let (dx, dy) = (docOf[Int(x.document)]!, docOf[Int(y.document)]!)
            pendingConflicts.add(x.id, of: dx.number, y.id, of: dy.number, kind: c.kind)
        }
        for e in r.links.edges { stories.link(e.a, e.b, e.sim) }
        for p in r.links.adjacency { stories.link(Int(p.a), Int(p.b), Double(p.sim), joins: false) }
        if let storyLinks { try storyLinks.add(CorpusGraphs.storyPairs(r.links) { docOf[$0]!.id }) }
        if !r.postings.isEmpty { try results.write(postings: r.postings, docs: docOf) }
        ProcessStats.trace("corpus: window \(r.window): \(stories.count) documents (\(stories.linkCount) story links), \(claims.count) claims (\(claims.linkCount) edges), \(pendingConflicts.count) conflict pairs held")
    }

    /// Merges and writes the components whose documents are all in buckets up to `bucket`
    /// (nil: every component, at the end): one at a time, each forgotten once written; the story
    /// graph and its conflict pairs first, so that at the end they are freed before the claims
    /// are merged.
    func finish(through bucket: Int?) throws {
        try results.batch {
            try stories.takeFinished(through: bucket) { story in
                var ids = [Int: Int64](minimumCapacity: story.nodes.count)
                for (i, d) in story.nodes.enumerated() { ids[d] = story.infos[i].id }
                try results.write(story: &story)
                let conflicts = pendingConflicts.take(documents: ids)
                if !conflicts.links.isEmpty { try results.write(conflicts: conflicts) }
            }
            try claims.takeFinished(through: bucket) { try results.write(group: &$0) }
        }
    }

    /// The pairs of `links` to keep (``StoryLinks``), by document id (`id` of a number): every
    /// pair compared and counted in averages, with its similarity — exact for the links that
    /// join (a `Double`, as they are merged in order), as averaged for the others (a `Float`,
    /// which stays below the link threshold when the similarity was).
    static func storyPairs(_ links: StoryGrouper.Links, id: (Int) -> Int64) -> [(a: Int64, b: Int64, sim: Double)] {
        var exact = [Int64: Double](minimumCapacity: links.edges.count)
        for e in links.edges { exact[Int64(e.a) << 32 | Int64(e.b)] = e.sim }
        return links.adjacency.map { p in
            let (x, y) = (Int(min(p.a, p.b)), Int(max(p.a, p.b)))
            return (a: id(x), b: id(y), sim: exact[Int64(x) << 32 | Int64(y)] ?? Double(p.sim))
        }
    }

    /// The most documents, and claims with an edge or a conflict, held at once.
    var peakLiveDocuments: Int { stories.peak }
    var peakLiveClaims: Int { max(claims.peak, pendingConflicts.peak) }
}
