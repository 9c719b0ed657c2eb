import Foundation

/// Groups documents into stories: documents that cover the same event.
///
/// Each document is a TF-IDF vector over its distinctive keys (entities, content-word base
/// forms of its claims and title, dates). Candidate pairs come from an inverted index over each
/// document's most distinctive keys (never all pairs); a pair is linked when its cosine
/// similarity reaches ``threshold`` and, when both have publication dates, they lie within
/// ``maxDays`` of each other (without a date on both sides, it needs more: ``undatedFactor``).
/// Links are merged best first (average linkage: two stories merge
/// only when their documents are, on average, similar enough), so a corpus of many alike
/// events (two summits, two earthquakes) does not chain into one story.
///
/// Deterministic: the result depends on the set of documents only.
public struct StoryGrouper: Sendable {
    public struct Document: Sendable {
        /// Interned keys with their counts.
        public var keys: [(key: Int32, count: Int32)]
        /// Days since 1970 of the publication date, when known.
        public var day: Int?
        /// The canonical order (the caller sorts by document key).
        public var order: Int
        /// For an undated document, the earliest day it can have been published
        /// (``earliestDay(ofClaims:)``).
        public var earliest: Int?
        public init(keys: [(key: Int32, count: Int32)], day: Int?, order: Int, earliest: Int? = nil) {
            self.keys = keys
            self.day = day
            self.order = order
            self.earliest = earliest
        }
    }

    /// Minimum cosine similarity for a link.
    public var threshold = 0.12
    /// Minimum average similarity between two stories for them to merge.
    public var averageThreshold = 0.08
    /// Documents published further apart than this are never in one story.
    public var maxDays = 7
    /// The similarity of two documents of which one or both have no publication date counts this
    /// much (a link then needs 0.12 / 0.65 ≈ 0.18): two dated documents are compared only within
    /// a week or two of each other, and that closeness is itself evidence of one event, which an
    /// undated document compared with every week lacks. Chosen on BASIL with its dates removed,
    /// on two halves of its events (0.7 best on one, 0.6 on the other; README "Stories").
    public var undatedFactor = 0.65
    /// Keys of a document probed in the index (most distinctive first).
    public var probes = 12
    /// Added to every IDF weight (smoothing for small corpora).
    public var idfFloor = 1.0
    /// Keys held by more documents (of one window) than this are not indexed.
    public var maxPostings = 50
    /// The most documents of the corpus a key may be held by to be probed (``CorpusCaps``): with
    /// it, a document's probe keys are its most distinctive among those, by the corpus-wide counts
    /// `df` given to ``findLinks``, so whether two documents are compared depends on the two alone
    /// (#17); nil: among the keys 2 to ``maxPostings`` documents of the window hold.
    var corpusCap: Int?
    /// With ``corpusCap``, keys held by at most this many documents of the corpus are probed
    /// besides the ``probes`` most distinctive: a key rare in the corpus may be held by no other
    /// document of the window (where the window's counts would have passed it over), and costs little.
    public var rareKeys: Int32 = 10

    public init() {}

    /// Links between documents found by one pass over `docs`.
    public struct Links: Sendable {
        /// Pairs similar enough to be one story (by ``Document/order``, smaller first).
        public var edges: [(sim: Double, a: Int, b: Int)] = []
        /// Every pair compared with a similarity worth counting in an average, both ways.
        public var adjacency: [(a: Int32, b: Int32, sim: Float)] = []
        /// Each document's most distinctive keys with their weights (for story labels).
        public var top: [(doc: Int, keys: [(key: Int32, weight: Double)])] = []
        /// With ``recordProbes``: each document's probe keys (two documents are compared when they
        /// share one), for the postings an import looks candidates up in (``CorpusPostings``).
        public var probes: [(doc: Int, keys: [Int32])] = []
    }

    /// Whether ``findLinks`` records each document's probe keys (``Links/probes``).
    var recordProbes = false

    /// Story number of each document (0-based, numbered by each story's first document in
    /// canonical order), and per story its most distinctive shared keys. Documents'
    /// ``Document/order`` must be `0..<docs.count`.
    public func group(_ docs: [Document], keyCount: Int) -> (story: [Int], labels: [[Int32]]) {
        guard !docs.isEmpty else { return ([], []) }
        let links = findLinks(docs, keyCount: keyCount)
        var days = [Int?](repeating: nil, count: docs.count)
        for d in docs { days[d.order] = d.day }
        return merge(days: days, links: [links])
    }

    /// Document frequencies of keys over `docs`.
    public static func documentFrequencies(_ docs: [Document], keyCount: Int) -> [Int32] {
        var df = [Int32](repeating: 0, count: keyCount)
        for d in docs { for (k, _) in d.keys { df[Int(k)] += 1 } }
        return df
    }

    /// Compares candidate pairs of `docs` (from an inverted index over each document's most
    /// distinctive keys) and returns the links. `df` and `documentCount` give corpus-wide
    /// document frequencies for the IDF weights (by default those of `docs`); only pairs for
    /// which `owned(a, b)` holds (by ``Document/order``) are compared.
    /// `focus` (by index into `docs`), when given, must be implied by `owned`: a document outside it
    /// looks only through the lists of those in it (the same pairs, in the same order).
    public func findLinks(_ docs: [Document], keyCount: Int, df given: [Int32]? = nil, documentCount: Int? = nil,
                          focus: [Bool]? = nil, owned: (Int, Int) -> Bool = { _, _ in true }) -> Links {
        let n = docs.count
        var links = Links()
        guard n > 0 else { return links }
        let local = StoryGrouper.documentFrequencies(docs, keyCount: keyCount)
        let df = given ?? local
        let logN = log(Double(documentCount ?? n) + 1)
        // Smoothed IDF: in a small corpus of one event, the words every document shares still count.
        func idf(_ k: Int32) -> Double { logN - log(Double(max(1, df[Int(k)]))) + idfFloor }
        // Sparse normalized vectors (keys held by one document only cannot link anything,
        // but they count in the norm: a long document is less similar to anything).
        var vec = [[(Int32, Double)]](repeating: [], count: n)
        for i in 0..<n {
            var v = [(Int32, Double)]()
            var norm = 0.0
            for (k, c) in docs[i].keys {
                let w = (1 + log(Double(c))) * idf(k)
                norm += w * w
                if df[Int(k)] >= 2 { v.append((k, w)) }
            }
            let s = norm > 0 ? 1 / norm.squareRoot() : 0
            vec[i] = v.map { ($0.0, $0.1 * s) }.sorted { $0.0 < $1.0 }
            // A story's label (its documents' most distinctive keys): not needed of documents
            // outside the focus, whose stories are not made here.
            if focus?[i] ?? true {
                let top = vec[i].sorted { $0.1 != $1.1 ? $0.1 > $1.1 : $0.0 < $1.0 }.prefix(8).map { (key: $0.0, weight: $0.1) }
                links.top.append((doc: docs[i].order, keys: top))
            }
        }
        var postings = [Int32: [Int32]]()
        let byOrder = (0..<n).sorted { docs[$0].order < docs[$1].order }
        var probeKeys = [[Int32]](repeating: [], count: n)
        // Keys that may be probed: by the corpus-wide counts up to ``corpusCap``, else by the window's.
        func probeable(_ k: Int32) -> Bool {
            corpusCap.map { Int(df[Int(k)]) <= $0 } ?? (local[Int(k)] >= 2 && Int(local[Int(k)]) <= maxPostings)
        }
        let rare: Int32 = corpusCap == nil ? 0 : rareKeys
        for i in byOrder {
            // Keys shared by many documents cannot single out a story. By corpus-wide counts, keys
            // held by few documents of the corpus are probed besides the most distinctive (``rareKeys``).
            let top = vec[i].filter { probeable($0.0) }.sorted { $0.1 != $1.1 ? $0.1 > $1.1 : $0.0 < $1.0 }
                .enumerated().filter { $0.offset < probes || df[Int($0.element.0)] <= rare }.map(\.element.0)
            probeKeys[i] = top
            if recordProbes { links.probes.append((doc: docs[i].order, keys: top)) }
            for k in top { postings[k, default: []].append(Int32(i)) }
        }
        var focusPostings = [Int32: [Int32]]()
        if let focus { for (k, l) in postings { let f = l.filter { focus[Int($0)] }; if !f.isEmpty { focusPostings[k] = f } } }
        // Vectors flat for the comparisons: document i's entries are at start[i] ..< start[i + 1].
        var start = [Int](repeating: 0, count: n + 1)
        for i in 0..<n { start[i + 1] = start[i] + vec[i].count }
        var flatKeys = [Int32](), flatWeights = [Double]()
        flatKeys.reserveCapacity(start[n])
        flatWeights.reserveCapacity(start[n])
        for v in vec { for (k, w) in v { flatKeys.append(k); flatWeights.append(w) } }
        vec = []
        // The pairs of `a` already compared: `compared[b] == a`.
        var compared = [Int32](repeating: -1, count: n)
        // The keys of the document being compared and their weights: `mark[k] == a`, `weightOfA[k]`.
        var mark = [Int32](repeating: -1, count: keyCount), weightOfA = [Double](repeating: 0, count: keyCount)
        flatKeys.withUnsafeBufferPointer { keys in flatWeights.withUnsafeBufferPointer { weights in
            // b's keys looked up in a's, in ascending order: the same sum, to the last bit, as
            // a merge of the two vectors.
            func cosine(_ a: Int, _ b: Int) -> Double {
                var s = 0.0
                for j in start[b]..<start[b + 1] where mark[Int(keys[j])] == Int32(a) { s += weightOfA[Int(keys[j])] * weights[j] }
                return s
            }
            for a in byOrder {
                for i in start[a]..<start[a + 1] {
                    mark[Int(keys[i])] = Int32(a)
                    weightOfA[Int(keys[i])] = weights[i]
                }
                let narrow = focus.map { !$0[a] } ?? false
                for k in probeKeys[a] {
                    for b32 in (narrow ? focusPostings[k] : postings[k]) ?? [] {
                        let b = Int(b32)
                        let (oa, ob) = (docs[a].order, docs[b].order)
                        guard ob > oa, owned(oa, ob) else { continue }
                        if compared[b] == Int32(a) { continue }
                        compared[b] = Int32(a)
                        var s = cosine(a, b)
                        if let da = docs[a].day, let db = docs[b].day {
                            if abs(da - db) > maxDays { s = 0 }
                        } else {
                            s *= undatedFactor
                            if StoryGrouper.tooEarly(docs[a].day, for: docs[b].earliest, maxDays: maxDays)
                                || StoryGrouper.tooEarly(docs[b].day, for: docs[a].earliest, maxDays: maxDays) { s = 0 }
                        }
                        // Pairs below a quarter of the average threshold weigh nothing in an average.
                        if s >= averageThreshold / 4 { links.adjacency.append((Int32(oa), Int32(ob), Float(s))) }
                        if s >= threshold { links.edges.append((s, oa, ob)) }
                    }
                }
            }
        } }
        return links
    }

    /// Merges the links of one or more passes into stories: best link first, average linkage,
    /// publication dates of a story within ``maxDays``. `days` is indexed by document order.
    public func merge(days: [Int?], earliest: [Int?] = [], links passes: [Links]) -> (story: [Int], labels: [[Int32]]) {
        let n = days.count
        guard n > 0 else { return ([], []) }
        var state = Clusters(days: days, earliest: earliest) { pair in
            for p in passes { for (a, b, s) in p.adjacency { pair(a, b, s) } }
        }
        var edges = [(Double, Int, Int)]()
        for p in passes { for e in p.edges { edges.append((e.sim, e.a, e.b)) } }
        edges.sort { $0.0 != $1.0 ? $0.0 > $1.0 : ($0.1, $0.2) < ($1.1, $1.2) }
        for (_, a, b) in edges {
            if let (ca, cb) = state.takes(a, b, by: self) { state.join(ca, cb) }
        }
        let (cluster, members) = (state.cluster, state.members)
        // Number stories by their first document in canonical order.
        var number = [Int: Int]()
        var story = [Int](repeating: 0, count: n)
        for i in 0..<n {
            let c = cluster[i]
            if number[c] == nil { number[c] = number.count }
            story[i] = number[c]!
        }
        // Labels: keys with the highest summed weight over the story's documents, shared by two or more.
        var topOf = [Int: [(key: Int32, weight: Double)]]()
        for p in passes { for t in p.top where topOf[t.doc] == nil { topOf[t.doc] = t.keys } }
        var labels = [[Int32]](repeating: [], count: number.count)
        for (c, s) in number where members[c].count > 0 {
            var score = [Int32: (Double, Int)]()
            for d in members[c] { for (k, w) in topOf[d] ?? [] { let o = score[k] ?? (0, 0); score[k] = (o.0 + w, o.1 + 1) } }
            let minDocs = members[c].count >= 2 ? 2 : 1
            labels[s] = score.filter { $0.value.1 >= minDocs }.sorted { $0.value.0 != $1.value.0 ? $0.value.0 > $1.value.0 : $0.key < $1.key }
                .prefix(5).map(\.key)
        }
        return (story, labels)
    }
}

/// A best-first merge as it stands (``StoryGrouper/merge(days:earliest:links:)``,
/// ``StoryGrouper/crossings(days:earliest:links:group:)``): documents in clusters, each with its
/// members, the span of its publication days and the latest earliest day of its undated
/// documents, and the pairs compared (in compressed rows: the neighbours of x are at
/// `first[x] ..< first[x + 1]`) that averages are summed from.
private struct Clusters {
    private var first: [Int32], neighbour: [Int32], weight: [Float]
    private(set) var cluster: [Int], members: [[Int]]
    private var span: [(Int?, Int?)], floor: [Int?]

    /// `pairs` calls its argument with every pair compared (either order); it is run twice.
    init(days: [Int?], earliest: [Int?], pairs: (_ pair: (Int32, Int32, Float) -> Void) -> Void) {
        let n = days.count
        var first = [Int32](repeating: 0, count: n + 1)
        pairs { a, b, _ in first[Int(a) + 1] += 1; first[Int(b) + 1] += 1 }
        for i in 0..<n { first[i + 1] += first[i] }
        var fill = first
        var neighbour = [Int32](repeating: 0, count: Int(first[n]))
        var weight = [Float](repeating: 0, count: Int(first[n]))
        pairs { a, b, s in
            neighbour[Int(fill[Int(a)])] = b; weight[Int(fill[Int(a)])] = s; fill[Int(a)] += 1
            neighbour[Int(fill[Int(b)])] = a; weight[Int(fill[Int(b)])] = s; fill[Int(b)] += 1
        }
        (self.first, self.neighbour, self.weight) = (first, neighbour, weight)
        cluster = Array(0..<n)
        members = (0..<n).map { [$0] }
        span = days.map { ($0, $0) }
        floor = earliest.count == n ? earliest : [Int?](repeating: nil, count: n)
    }

    /// The clusters of `a` and `b` when the merge takes a link between them now: two clusters
    /// whose publication days lie within ``StoryGrouper/maxDays`` (none before the latest earliest
    /// day of the two, less as much) and whose documents are alike enough on average
    /// (``StoryGrouper/averageThreshold``, pairs never compared counting 0); else nil.
    func takes(_ a: Int, _ b: Int, by g: StoryGrouper) -> (Int, Int)? {
        let ca = cluster[a], cb = cluster[b]
        if ca == cb { return nil }
        let (loA, hiA) = span[ca], (loB, hiB) = span[cb]
        if let l = minDay(loA, loB), let h = maxDay(hiA, hiB), h - l > g.maxDays { return nil }
        if StoryGrouper.tooEarly(minDay(loA, loB), for: maxDay(floor[ca], floor[cb]), maxDays: g.maxDays) { return nil }
        // Summed from the adjacency of the smaller cluster: cost = its members' degrees.
        let (A, B) = (members[ca], members[cb])
        let (small, other) = A.count <= B.count ? (A, cb) : (B, ca)
        var total = 0.0
        for x in small {
            for k in Int(first[x])..<Int(first[x + 1]) where cluster[Int(neighbour[k])] == other { total += Double(weight[k]) }
        }
        return total / Double(A.count * B.count) < g.averageThreshold ? nil : (ca, cb)
    }

    /// Merges two clusters (the smaller into the larger).
    mutating func join(_ ca: Int, _ cb: Int) {
        let (keep, drop) = members[ca].count >= members[cb].count ? (ca, cb) : (cb, ca)
        for x in members[drop] { cluster[x] = keep }
        members[keep] += members[drop]
        members[drop] = []
        span[keep] = (minDay(span[ca].0, span[cb].0), maxDay(span[ca].1, span[cb].1))
        floor[keep] = maxDay(floor[ca], floor[cb])
    }
}

private func minDay(_ a: Int?, _ b: Int?) -> Int? {
    switch (a, b) { case let (x?, y?): return Swift.min(x, y); case (nil, _): return b; case (_, nil): return a }
}
private func maxDay(_ a: Int?, _ b: Int?) -> Int? {
    switch (a, b) { case let (x?, y?): return Swift.max(x, y); case (nil, _): return b; case (_, nil): return a }
}

extension StoryGrouper {
    /// True when a document published on `day` is more than `maxDays` before `earliest`, the
    /// earliest day an undated document of its story can have been published.
    static func tooEarly(_ day: Int?, for earliest: Int?, maxDays: Int) -> Bool {
        guard let day, let earliest else { return false }
        return day < earliest - maxDays
    }

    /// The earliest day (since 1970) an undated document can have been published, from what its
    /// claims report as past (`claims`: each claim's keys, as in `claims.match_keys`): news of
    /// what happened in a year is written in that year or after, so a claim in the past tense
    /// (`m:past`) that names a year (`d:2019`, `d:2019-04`, …) puts the document after it. The
    /// latest such year, less one year (a mood read wrong, a fiscal year named ahead): 1 January
    /// of it. Nil when no past claim names a year. Measured on PolNeAR and BASIL imported without
    /// their dates: of the documents that get one, 8 of 446 and 1 of 155 are given a day after
    /// their real publication (README "Adding to a store").
    static func earliestDay<Keys: Sequence>(ofClaims claims: some Sequence<Keys>) -> Int? where Keys.Element: StringProtocol {
        var latest: Int?
        for keys in claims {
            var past = false, year: Int?
            for k in keys {
                if k == "m:past" { past = true; continue }
                guard k.hasPrefix("d:"), k.count >= 6 else { continue }
                let digits = k.dropFirst(2).prefix(4)
                guard digits.count == 4, digits.allSatisfy(\.isASCII), digits.allSatisfy(\.isNumber), let y = Int(digits),
                      k.count == 6 || k.dropFirst(6).first == "-" else { continue }
                year = max(year ?? y, y)
            }
            if past, let year { latest = max(latest ?? year, year) }
        }
        guard let latest, latest > 1 else { return nil }
        return CivilDate(year: latest - 1, month: 1, day: 1).dayNumber
    }

    /// Which of the stories outside a region a merge of everything could join to it (#17,
    /// ``StoryClosure``). `group[i]` is -1 for a document of the region, else the story (0, 1, …)
    /// it held when the stories were last merged; `links` are the pairs compared among all these
    /// documents (by their canonical order, `a < b`), with their similarity; `days` as in
    /// ``merge(days:links:)``.
    ///
    /// Replays ``merge(days:links:)`` on the region's links and on each story's own links (which
    /// give that story back, step by step, as a merge of everything built it: a link between two
    /// stories was turned down and changed nothing) and, at each link between the region and a
    /// story, in the same best-first order, checks whether the merge would take it — the two
    /// clusters as they stand then, within ``maxDays``, alike enough on average. A story whose
    /// link would be taken is returned; when none is, merging everything leaves every story
    /// outside the region as it was, and merging the region alone gives its stories.
    func crossings(days: [Int?], earliest: [Int?] = [], links: [(a: Int, b: Int, sim: Double)], group: [Int]) -> Set<Int> {
        var state = Clusters(days: days, earliest: earliest) { pair in
            for l in links { pair(Int32(l.a), Int32(l.b), Float(l.sim)) }
        }
        let edges = links.filter { $0.sim >= threshold }
            .sorted { $0.sim != $1.sim ? $0.sim > $1.sim : ($0.a, $0.b) < ($1.a, $1.b) }
        var joined = Set<Int>()
        for e in edges {
            let (ga, gb) = (group[e.a], group[e.b])
            let crossing = (ga < 0) != (gb < 0)
            // Links between two stories outside the region, or leaving one for elsewhere, were
            // turned down when they were merged, and still are.
            if !crossing && ga != gb { continue }
            guard let (ca, cb) = state.takes(e.a, e.b, by: self) else { continue }
            if crossing { joined.insert(max(ga, gb)) } else { state.join(ca, cb) }
        }
        return joined
    }
}
