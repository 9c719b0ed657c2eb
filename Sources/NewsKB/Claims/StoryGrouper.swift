import Foundation

/// Groups documents into stories: documents that cover the same event.
///
/// Each document is a TF-IDF vector over its distinctive keys (entities, content-word base
/// forms of its claims and title, dates). Candidate pairs come from an inverted index over each
/// document's most distinctive keys (never all pairs); a pair is linked when its cosine
/// similarity reaches ``threshold`` and, when both have publication dates, they lie within
/// ``maxDays`` of each other. Links are merged best first (average linkage: two stories merge
/// only when their documents are, on average, similar enough), so a corpus of many alike
/// events (two summits, two earthquakes) does not chain into one story.
///
/// Deterministic: the result depends on the set of documents only.
public struct StoryGrouper {
    public struct Document: Sendable {
        /// Interned keys with their counts.
        public var keys: [(key: Int32, count: Int32)]
        /// Days since 1970 of the publication date, when known.
        public var day: Int?
        /// The canonical order (the caller sorts by document key).
        public var order: Int
        public init(keys: [(key: Int32, count: Int32)], day: Int?, order: Int) {
            self.keys = keys
            self.day = day
            self.order = order
        }
    }

    /// Minimum cosine similarity for a link.
    public var threshold = 0.12
    /// Minimum average similarity between two stories for them to merge.
    public var averageThreshold = 0.08
    /// Documents published further apart than this are never in one story.
    public var maxDays = 7
    /// Keys of a document probed in the index (most distinctive first).
    public var probes = 12
    /// Added to every IDF weight (smoothing for small corpora).
    public var idfFloor = 1.0
    /// Keys held by more documents than this are not indexed.
    public var maxPostings = 50

    public init() {}

    /// Story number of each document (0-based, numbered by each story's first document in
    /// canonical order), and per story its most distinctive shared keys.
    public func group(_ docs: [Document], keyCount: Int) -> (story: [Int], labels: [[Int32]]) {
        let n = docs.count
        guard n > 0 else { return ([], []) }
        var df = [Int32](repeating: 0, count: keyCount)
        for d in docs { for (k, _) in d.keys { df[Int(k)] += 1 } }
        let logN = log(Double(n) + 1)
        // Smoothed IDF: in a small corpus of one event, the words every document shares still count.
        func idf(_ k: Int32) -> Double { logN - log(Double(df[Int(k)])) + idfFloor }
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
        }
        var postings = [[Int32]](repeating: [], count: keyCount)
        let byOrder = (0..<n).sorted { docs[$0].order < docs[$1].order }
        var probeKeys = [[Int32]](repeating: [], count: n)
        for i in byOrder {
            let top = vec[i].filter { Int(df[Int($0.0)]) <= maxPostings }
                .sorted { $0.1 != $1.1 ? $0.1 > $1.1 : $0.0 < $1.0 }.prefix(probes).map(\.0)
            probeKeys[i] = top
            for k in top { postings[Int(k)].append(Int32(i)) }
        }
        func cosine(_ a: Int, _ b: Int) -> Double {
            let x = vec[a], y = vec[b]
            var i = 0, j = 0, s = 0.0
            while i < x.count && j < y.count {
                if x[i].0 == y[j].0 { s += x[i].1 * y[j].1; i += 1; j += 1 } else if x[i].0 < y[j].0 { i += 1 } else { j += 1 }
            }
            return s
        }
        var sims = Set<Int64>()
        var edges = [(Double, Int, Int)]()
        // Every pair compared with a positive similarity, both ways: average linkage sums these.
        var adjacency = [[(Int32, Double)]](repeating: [], count: n)
        for a in byOrder {
            for k in probeKeys[a] {
                for b32 in postings[Int(k)] {
                    let b = Int(b32)
                    guard docs[b].order > docs[a].order else { continue }
                    let key = Int64(a) << 32 | Int64(b)
                    if !sims.insert(key).inserted { continue }
                    var s = cosine(a, b)
                    if let da = docs[a].day, let db = docs[b].day, abs(da - db) > maxDays { s = 0 }
                    if s > 0 {
                        adjacency[a].append((Int32(b), s))
                        adjacency[b].append((Int32(a), s))
                    }
                    if s >= threshold { edges.append((s, a, b)) }
                }
            }
        }
        sims = []
        edges.sort { $0.0 != $1.0 ? $0.0 > $1.0 : (docs[$0.1].order, docs[$0.2].order) < (docs[$1.1].order, docs[$1.2].order) }
        var cluster = Array(0..<n)
        var members = (0..<n).map { [$0] }
        // Earliest and latest publication day of each story (nil when unknown).
        var span: [(Int?, Int?)] = docs.map { ($0.day, $0.day) }
        for (_, a, b) in edges {
            let ca = cluster[a], cb = cluster[b]
            if ca == cb { continue }
            let A = members[ca], B = members[cb]
            // Dates: the earliest and latest of the merged story must lie within maxDays.
            let (loA, hiA) = span[ca], (loB, hiB) = span[cb]
            if let l = minDay(loA, loB), let h = maxDay(hiA, hiB), h - l > maxDays { continue }
            // Average linkage over the compared pairs (pairs never compared count as 0), summed
            // from the adjacency of the smaller story: cost = its members' degrees.
            let (small, other) = A.count <= B.count ? (A, cb) : (B, ca)
            var total = 0.0
            for x in small { for (y, s) in adjacency[x] where cluster[Int(y)] == other { total += s } }
            if total / Double(A.count * B.count) < averageThreshold { continue }
            let (keep, drop) = A.count >= B.count ? (ca, cb) : (cb, ca)
            for x in members[drop] { cluster[x] = keep }
            members[keep] += members[drop]
            members[drop] = []
            span[keep] = (minDay(loA, loB), maxDay(hiA, hiB))
        }
        // Number stories by their first document in canonical order.
        var number = [Int: Int]()
        var story = [Int](repeating: 0, count: n)
        for i in byOrder {
            let c = cluster[i]
            if number[c] == nil { number[c] = number.count }
            story[i] = number[c]!
        }
        // Labels: keys with the highest summed weight over the story's documents, shared by two or more.
        var labels = [[Int32]](repeating: [], count: number.count)
        for (c, s) in number where members[c].count > 0 {
            var score = [Int32: (Double, Int)]()
            for d in members[c] { for (k, w) in vec[d] { let o = score[k] ?? (0, 0); score[k] = (o.0 + w, o.1 + 1) } }
            let minDocs = members[c].count >= 2 ? 2 : 1
            labels[s] = score.filter { $0.value.1 >= minDocs }.sorted { $0.value.0 != $1.value.0 ? $0.value.0 > $1.value.0 : $0.key < $1.key }
                .prefix(5).map(\.key)
        }
        return (story, labels)
    }
}

private func minDay(_ a: Int?, _ b: Int?) -> Int? {
    switch (a, b) { case let (x?, y?): return Swift.min(x, y); case (nil, _): return b; case (_, nil): return a }
}
private func maxDay(_ a: Int?, _ b: Int?) -> Int? {
    switch (a, b) { case let (x?, y?): return Swift.max(x, y); case (nil, _): return b; case (_, nil): return a }
}
