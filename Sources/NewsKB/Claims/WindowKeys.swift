import Foundation

/// The keys of one window, numbered in sorted order: the window's claims and titles use these
/// ids, and their weights come from the corpus-wide counts (``KeyCounts``). Sorted order makes
/// every comparison between ids the same as between the keys themselves, so a window computes
/// exactly what it would with ids numbered over the whole corpus, while holding only its own
/// keys.
struct WindowKeys {
    /// The keys, sorted; a key's id is its index.
    let names: [String]
    let ids: [String: Int32]
    /// IDF weight of each key for claim similarity (``ClaimGrouper/weights(counts:claims:)``).
    let weights: [Double]
    /// Number of documents holding each key (for story vectors).
    let documentFrequency: [Int32]
    /// Ids of date keys (`d:`).
    let dateKeys: Set<Int32>

    /// Numbers the keys of `claims` (their `matchKeys` lines) and `titles`, fills in each
    /// claim's `keys`, and looks up each key's corpus-wide counts.
    init(claims: inout [ClaimCorpus.ClaimRow], titles: [(doc: Int, keys: [String])], counts: KeyCounts) throws {
        var distinct = Set<String>()
        for c in claims { ClaimKeys.scan(c.matchKeys) { distinct.insert($0) } }
        for t in titles { for k in t.keys { distinct.insert(k) } }
        let names = distinct.sorted()
        self.names = names
        var ids = [String: Int32](minimumCapacity: names.count)
        for (i, k) in names.enumerated() { ids[k] = Int32(i) }
        self.ids = ids
        for i in claims.indices { claims[i].keys = WindowLoader.keys(claims[i].matchKeys) { ids[$0] } }
        var claimDF = [Int32](repeating: 0, count: names.count), docDF = [Int32](repeating: 0, count: names.count)
        for (i, k) in names.enumerated() {
            let c = try counts.counts(of: k)
            claimDF[i] = c.claims
            docDF[i] = c.docs
        }
        weights = ClaimGrouper.weights(counts: claimDF, claims: counts.claimTotal)
        documentFrequency = docDF
        dateKeys = Set(names.indices.filter { names[$0].hasPrefix("d:") }.map { Int32($0) })
    }

    var count: Int { names.count }
}
