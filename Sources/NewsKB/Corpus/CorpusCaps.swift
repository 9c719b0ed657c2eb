import Foundation

/// How long a posting list may be, corpus-wide, for its key to be indexed (#17, plan step 1 of
/// docs/incremental.md).
///
/// A window indexes a key, and a claim or document probes it, by the key's corpus-wide count
/// (taken with the weights, ``KeyCounts``), not by its count in the window: whether two claims
/// (or documents) are compared then depends on the two alone, given the counts, and not on what
/// else their window holds — so adding a document changes no pair of the others. The cap is the
/// window's cap (``ClaimGrouper/maxPostings``, ``StoryGrouper/maxPostings``) times the corpus's
/// **spread**: its documents over those of the window a document is compared in, on average, so
/// that a key indexed holds, in such a window, about as many claims as the window cap allowed. A key bursting in one week (an
/// event's names) is indexed where the window's count cut it; measured on Reuters, BBC and BASIL
/// in README "Adding to a store".
///
/// The spread is taken with the key counts (`corpus_snapshot.spread`) and reused with them, so a
/// run over part of the store indexes exactly as a run over all of it with the same counts.
struct CorpusCaps: Equatable, Sendable {
    /// The corpus's documents over the documents of its average window; at least 1.
    let spread: Double

    init(spread: Double) { self.spread = max(1, spread) }

    /// The spread of a corpus whose dated documents fall in week buckets as `bucketSizes` says,
    /// with `undated` documents besides: a dated bucket's window holds it, the next one and the
    /// undated documents; the undated window holds those alone (``CorpusWindow``). The average
    /// window is the one a document is compared in, on average over documents (windows weighed
    /// by their size): a corpus whose weeks are uneven is indexed as its busy weeks need.
    init(bucketSizes: [Int: Int], undated: Int) {
        var held = 0.0, squares = 0.0
        for (b, n) in bucketSizes {
            let size = Double(n + (bucketSizes[b + 1] ?? 0) + undated)
            held += size
            squares += size * size
        }
        if undated > 0 { held += Double(undated); squares += Double(undated * undated) }
        let documents = Double(bucketSizes.values.reduce(undated, +))
        self.init(spread: squares > 0 ? documents * held / squares : 1)
    }

    /// The most claims of the corpus an indexed key may be held by.
    func claims(_ grouper: ClaimGrouper) -> Int { corpusCap(windowCap: grouper.maxPostings) }

    /// The most documents of the corpus a probed key may be held by.
    func stories(_ grouper: StoryGrouper) -> Int { corpusCap(windowCap: grouper.maxPostings) }

    /// A window's cap scaled to the corpus.
    private func corpusCap(windowCap: Int) -> Int { Int((Double(windowCap) * spread).rounded()) }
}
