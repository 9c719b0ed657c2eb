import Foundation

/// The keys of one window, numbered 0..<count in the order of their corpus-wide ids (sorted
/// order, ``KeyCounts``): the window's claims and titles use these ids, and every comparison
/// between them is the same as between the keys themselves, so a window computes exactly what
/// it would with the corpus-wide ids while its arrays (postings, weights, frequencies) hold only
/// its own keys.
struct WindowKeys {
    /// The keys by window id.
    let names: [String]
    /// IDF weight of each key for claim similarity (``ClaimGrouper/weights(counts:claims:)``).
    let weights: [Double]
    /// Number of documents holding each key (for story vectors).
    let documentFrequency: [Int32]
    /// Ids of date keys (`d:`).
    let dateKeys: Set<Int32>
    /// Corpus-wide ids of the keys, ascending (a window id is an index here).
    let global: [Int32]

    /// Renumbers the keys of `claims` (corpus-wide ids, as loaded) and of `titles` to window
    /// ids, and looks up each key's name and counts.
    init(claims: inout [ClaimCorpus.ClaimRow], titles: inout [(doc: Int, keys: [Int32])], counts: KeyCounts) throws {
        var all = [Int32]()
        for c in claims { all += c.keys }
        for t in titles { all += t.keys }
        all.sort()
        var global = [Int32]()
        global.reserveCapacity(all.count)
        for k in all where k != global.last { global.append(k) }
        self.global = global
        func local(_ k: Int32) -> Int32 {
            var lo = 0, hi = global.count
            while lo < hi { let m = (lo + hi) >> 1; if global[m] < k { lo = m + 1 } else { hi = m } }
            return Int32(lo)
        }
        // The map is increasing, so each claim's keys stay sorted.
        for i in claims.indices { claims[i].keys = claims[i].keys.map(local) }
        for i in titles.indices { titles[i].keys = titles[i].keys.map(local) }
        var names = [String](), claimDF = [Int32](), docDF = [Int32]()
        names.reserveCapacity(global.count)
        for k in global {
            let e = try counts.entry(k)
            names.append(e.name)
            claimDF.append(e.claims)
            docDF.append(e.docs)
        }
        self.names = names
        weights = ClaimGrouper.weights(counts: claimDF, claims: counts.claimTotal)
        documentFrequency = docDF
        dateKeys = Set(names.indices.filter { names[$0].hasPrefix("d:") }.map { Int32($0) })
    }

    var count: Int { names.count }
}
