import Foundation

/// The keys each document is found by (`corpus_postings`, migration 017): what an import needs to
/// find, without reading the windows, the documents its new ones can be compared with (#17;
/// docs/incremental.md).
///
/// Two claims are compared when the earlier one probes a key the later one holds, or they give
/// measures of one unit within a step (``ClaimGrouper/findPairs``); two documents when they share
/// a probe key (``StoryGrouper/findLinks``). Given the key counts of the weights snapshot, each
/// of those keys is a function of the document alone (``ClaimGrouper/probeKeys``, ``CorpusCaps``),
/// so a document's rows are written once, with the counts they were computed with:
///
/// - ``Role/held``: an indexed key one of its claims holds, and each measure's unit and step;
/// - ``Role/probe``: a key one of its claims probes;
/// - ``Role/story``: a key the document probes as a whole.
///
/// A new document's candidates are the documents of its weeks (the week before and after too;
/// every week when undated, and the undated documents always) that hold a key it probes, probe a
/// key it holds, give a measure within a step of one of its own, or share a story probe key: a
/// superset of the pairs the windows would compare, which the comparisons then decide exactly.
/// Keys are 32-bit hashes (two keys that collide only add candidates). Rows of deleted documents
/// stay until the next run over the whole store (they too only add candidates, which are checked
/// against the documents).
enum CorpusPostings {
    enum Role: Int {
        case held = 0, probe = 1, story = 2
        /// Only in a new document's own lookup: a measure's step and the steps either side,
        /// matched against ``held``.
        case nearMeasure = 3
    }

    /// One row: a document (by canonical number, in the window that found it), a key, a role.
    struct Row: Hashable, Sendable { var doc: Int; var key: Int64; var role: Role }

    /// The bucket stored for an undated document (below any week's).
    static let undatedBucket: Int64 = -(1 << 40)

    /// A key's 32-bit hash, as stored.
    static func key(_ name: String) -> Int64 { Int64(Int32(truncatingIfNeeded: KeyHash.of(name))) }

    /// The key of a measure: its unit, counted noun and step.
    static func measureKey(unit: String, noun: String, step: Int64) -> Int64 {
        var h = KeyHash("q|".utf8)
        h.add(unit.utf8)
        h.add("|".utf8)
        h.add(noun.utf8)
        withUnsafeBytes(of: step.littleEndian) { h.add($0) }
        return Int64(Int32(truncatingIfNeeded: h.value))
    }

    /// The rows of the documents `owned` (by number) among a window's: its claims' held and
    /// probe keys and measures, by the counts the window compares with, and the documents' story
    /// probe keys (``StoryGrouper/Links/probes``). `nearMeasures`: also each measure's
    /// neighbouring steps (``Role/nearMeasure``), for a new document's lookup.
    static func rows(owned: (Int) -> Bool, input: WindowInput, items: [ClaimGrouper.Item], grouper: ClaimGrouper,
                     cap: Int, storyProbes: [(doc: Int, keys: [Int32])], nearMeasures: Bool) -> [Row] {
        let keys = input.keys
        let df = keys.claimFrequency
        var hashOf = [Int32: Int64]()
        func hash(_ k: Int32) -> Int64 {
            if let h = hashOf[k] { return h }
            let h = key(keys.names[Int(k)])
            hashOf[k] = h
            return h
        }
        var out = Set<Row>()
        var probes = [Int32]()
        for (i, it) in items.enumerated() where owned(Int(it.document)) && it.keys.count + it.quantities.count >= grouper.minKeys {
            let doc = Int(it.document)
            for k in it.keys where ClaimGrouper.isIndexed(k, df: df, maxPostings: cap) { out.insert(Row(doc: doc, key: hash(k), role: .held)) }
            ClaimGrouper.probeKeys(of: it.keys, df: df, maxPostings: cap, probes: grouper.probes, rare: grouper.rareKeys, into: &probes)
            for k in probes { out.insert(Row(doc: doc, key: hash(k), role: .probe)) }
            for q in input.claims[i].quantities where !q.unit.isEmpty {
                guard let step = ClaimGrouper.valueBucket(q.value) else { continue }
                out.insert(Row(doc: doc, key: measureKey(unit: q.unit, noun: q.noun, step: step), role: .held))
                if nearMeasures {
                    for d in -1...1 {
                        if let s = ClaimGrouper.valueBucket(q.value, offset: d) {
                            out.insert(Row(doc: doc, key: measureKey(unit: q.unit, noun: q.noun, step: s), role: .nearMeasure))
                        }
                    }
                }
            }
        }
        for p in storyProbes where owned(p.doc) { for k in p.keys { out.insert(Row(doc: p.doc, key: hash(k), role: .story)) } }
        return out.sorted { ($0.doc, $0.key, $0.role.rawValue) < ($1.doc, $1.key, $1.role.rawValue) }
    }

    /// The role a row of the store must have to make a candidate of a new document's row of
    /// `role`: what it probes must be held, what it holds probed, its measures' steps held, its
    /// story keys probed as well.
    static func partner(of role: Role) -> Role {
        switch role {
        case .probe, .nearMeasure: return .held
        case .held: return .probe
        case .story: return .story
        }
    }
}
