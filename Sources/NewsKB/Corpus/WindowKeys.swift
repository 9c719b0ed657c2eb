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
    /// Number of claims holding each key, corpus-wide.
    let claimFrequency: [Int32]
    /// Ids of date keys (`d:`).
    let dateKeys: Set<Int32>
    /// The date each key names, by key id (``ClaimGrouper/packedDate(ofKey:)``; 0 for any other key).
    let dateValues: [Int32]
    /// The mood each marker key stands for (``ClaimKey/marker(_:)``), by key id (nil: not a
    /// marker).
    let moods: [ClaimMood?]
    /// The holder each holder marker names (``ClaimKey/holder(_:)``), by key id (nil: not a
    /// holder marker).
    let holders: [String?]
    /// Corpus-wide ids of the keys, in the order of their names (a window id is an index here):
    /// ascending, unless the keys were numbered as met (``KeyCounts/fromStored``).
    let global: [Int32]

    /// Kind of each key: entity (`e:`) or date (`d:`) or word.
    let kinds: [ClaimKey.Kind]

    /// Renumbers the keys of `claims` (corpus-wide ids, as loaded) and of `titles` to window
    /// ids, and looks up each key's name and counts. `scratch` maps corpus-wide ids to window
    /// ids while it runs: it has one entry per corpus-wide key, all -1 before and after (so a
    /// window costs in proportion to its own keys, not to the vocabulary). Keys numbered as they
    /// were met (``KeyCounts/fromStored``) are sorted by name here, which is the order of
    /// corpus-wide ids.
    init(claims: inout [ClaimCorpus.ClaimRow], titles: inout [(doc: Int, keys: [Int32])], counts: KeyCounts,
         scratch: inout [Int32]) throws {
        if scratch.count < counts.distinctKeys { scratch += repeatElement(-1, count: max(counts.distinctKeys, 2 * scratch.count) - scratch.count) }
        var global = [Int32]()
        for c in claims { for k in c.keys where scratch[Int(k)] < 0 { scratch[Int(k)] = 0; global.append(k) } }
        for t in titles { for k in t.keys where scratch[Int(k)] < 0 { scratch[Int(k)] = 0; global.append(k) } }
        let byName = counts.fromStored
        if byName { counts.sortByName(&global) } else { global.sort() }
        for (i, k) in global.enumerated() { scratch[Int(k)] = Int32(i) }
        self.global = global
        // The map is increasing with corpus-wide ids, so each claim's keys stay sorted; keys
        // numbered as met are sorted again.
        scratch.withUnsafeBufferPointer { local in
            func renumber(_ keys: inout [Int32]) {
                keys.withUnsafeMutableBufferPointer { ks in
                    for j in ks.indices { ks[j] = local[Int(ks[j])] }
                    if byName { ks.sort() }
                }
            }
            for i in claims.indices { renumber(&claims[i].keys) }
            for i in titles.indices {
                titles[i].keys.withUnsafeMutableBufferPointer { ks in for j in ks.indices { ks[j] = local[Int(ks[j])] } }
            }
        }
        for k in global { scratch[Int(k)] = -1 }
        var names = [String](), claimDF = [Int32](), docDF = [Int32](), kinds = [ClaimKey.Kind](), dateValues = [Int32]()
        var moods = [ClaimMood?](), holders = [String?]()
        names.reserveCapacity(global.count)
        moods.reserveCapacity(global.count)
        claimDF.reserveCapacity(global.count)
        docDF.reserveCapacity(global.count)
        kinds.reserveCapacity(global.count)
        dateValues.reserveCapacity(global.count)
        for k in global {
            let e = try counts.entry(k)
            moods.append(e.mood)
            holders.append(e.holder)
            names.append(e.name)
            claimDF.append(e.claims)
            docDF.append(e.docs)
            kinds.append(e.kind)
            dateValues.append(e.date)
        }
        self.names = names
        self.kinds = kinds
        weights = ClaimGrouper.weights(counts: claimDF, claims: counts.weightClaims)
        documentFrequency = docDF
        claimFrequency = claimDF
        dateKeys = Set(kinds.indices.filter { kinds[$0] == .date }.map { Int32($0) })
        self.dateValues = dateValues
        self.moods = moods
        self.holders = holders
    }

    var count: Int { names.count }
}
