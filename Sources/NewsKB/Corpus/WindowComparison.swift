import Foundation

/// What one window's comparisons found: claim edges and conflict pairs (``ClaimGrouper/Pairs``,
/// between ``items``), story links and each document's most distinctive keys
/// (``StoryGrouper/Links``, between documents by number).
struct WindowLinks: Sendable {
    let window: CorpusWindow
    let docs: [CorpusDocuments.Doc]
    /// Corpus-wide ids of the window's keys (``WindowKeys/global``).
    let global: [Int32]
    /// The window's claims as the grouper numbered them (the pairs' indexes point here): what
    /// collecting the pairs needs of each, not its keys and vector.
    var items: [Claim]
    struct Claim: Sendable { let id: Int64, document: Int32, order: Int64, holder: String? }
    var pairs: ClaimGrouper.Pairs
    var links: StoryGrouper.Links
    /// With ``WindowComparison/postings``: the rows of the documents this window owns (each
    /// dated document in the window of its own bucket, each undated one in the undated window).
    var postings: [CorpusPostings.Row] = []
    /// The undated documents' earliest publication days, by number (those that have one).
    var earliest: [Int: Int] = [:]
}

/// The *compare* step of a window, a pure function of what was read (``compare(_:in:)``): claim
/// pairs (``ClaimGrouper/findPairs(_:keyCount:weight:owned:)``), the conflict checks on the two
/// claims of each conflict pair, and story links (``StoryGrouper/findLinks``). Only the pairs the
/// window owns (``CorpusWindow/owner(_:_:)``) are compared. Runs on a worker thread while the
/// next window is read; times its steps on ``clock``: `compare` (all), `pairs`, `links`.
struct WindowComparison: Sendable {
    var grouper = ClaimGrouper()
    var storyGrouper = StoryGrouper()
    /// Documents in the corpus (for story key weights).
    var documentCount: Int
    /// The corpus-wide index caps (``CorpusCaps``).
    var caps: CorpusCaps
    let clock: StepClock
    /// When set, only pairs with one of these documents (by number) are compared: the new
    /// documents of an import, looking for what they link to (``CorpusReach``).
    var focus: Set<Int>?
    /// Which rows of ``CorpusPostings`` each window gives for the documents it owns: none, the
    /// stored ones, or those and each measure's neighbouring steps (a new document's lookup).
    enum Postings: Sendable { case none, stored, lookup }
    var postings = Postings.none
    /// When set, the rows of these documents only (by number).
    var postingsOf: Set<Int>?
    /// The claims' vectors were not read (stored records): pairs that need them are left
    /// undecided (``ClaimGrouper/Pairs/pending``).
    var vectorsPending = false

    /// Makes the window's grouper items and story documents (``WindowInput/items``,
    /// ``WindowInput/storyDocs``), on the reading thread.
    static func prepare(_ input: inout WindowInput, vectorsPending: Bool) {
        input.items = WindowComparison.items(input.claims, moods: input.keys.moods, holders: input.keys.holders)
        if vectorsPending { for i in input.items.indices { input.items[i].vectorPending = true } }
        input.storyDocs = WindowComparison.storyDocuments(input, keyCount: input.keys.count)
    }

    func compare(_ input: WindowInput, in window: CorpusWindow) -> WindowLinks {
        clock.measure("compare") {
            let keys = input.keys
            let (items, storyDocs) = (input.items, input.storyDocs)
            // A window's documents are in its first bucket, the next one, or undated; a pair is
            // this window's when one of the two is in the first bucket (every pair, in the
            // undated window).
            var inFirst = [Int: Bool](minimumCapacity: input.docs.count)
            for d in input.docs { inFirst[d.number] = d.bucket == window.firstBucket }
            let undated = Set(input.docs.lazy.filter { $0.bucket == nil }.map(\.number))
            // With a focus, only the pairs with a focused document.
            let focus = self.focus
            func isFocus(_ d: Int) -> Bool { focus?.contains(d) ?? true }
            let itemInFirst = items.map { inFirst[Int($0.document)]! }
            let itemInFocus = items.map { isFocus(Int($0.document)) }
            // A shared date (its day, month and year keys) counts as one shared key, not three.
            var claimGrouper = grouper
            claimGrouper.dateKeys = keys.dateKeys
            claimGrouper.keyKinds = keys.kinds
            claimGrouper.dateValues = keys.dateValues
            claimGrouper.corpusCounts = keys.claimFrequency
            claimGrouper.corpusCap = caps.claims(grouper)
            let common = ClaimGrouper.commonDocuments(of: documentCount)
            claimGrouper.commonEntities = keys.kinds.indices.map { keys.kinds[$0] == .entity && keys.documentFrequency[$0] > common }
            var storyGrouper = storyGrouper
            storyGrouper.corpusCap = caps.stories(storyGrouper)
            storyGrouper.recordProbes = postings != .none
            let links = clock.measure("links") {
                storyGrouper.findLinks(storyDocs, keyCount: keys.count, df: keys.documentFrequency, documentCount: documentCount,
                                       focus: focus == nil ? nil : storyDocs.map { isFocus($0.order) }) { a, b in
                    (inFirst[a]! || inFirst[b]!) && (isFocus(a) || isFocus(b))
                }
            }
            // Event scope: how alike the story comparison found two documents decides what their
            // claims need to group (``ClaimGrouper/findPairs``).
            var linked = [Int64: Float](minimumCapacity: links.adjacency.count)
            for e in links.adjacency {
                let k = Int64(min(e.a, e.b)) << 32 | Int64(max(e.a, e.b))
                linked[k] = max(linked[k] ?? 0, e.sim)
            }
            claimGrouper.storyThreshold = storyGrouper.threshold
            // The claims of an undated and a dated document are compared only when their documents
            // are (and count in an average): an undated document is in every week's window, and
            // without a week to narrow them its claims' keys would find every holder of the
            // corpus; the story comparison, over the documents' most distinctive keys, is the
            // narrower gate.
            let itemUndated = items.map { undated.contains(Int($0.document)) }
            var dayOf = [Int: Int](minimumCapacity: input.docs.count), outletOf = [Int: String](minimumCapacity: input.docs.count)
            for d in input.docs {
                if let day = d.day { dayOf[d.number] = day }
                if let o = d.outlet { outletOf[d.number] = o }
            }
            var pairs = clock.measure("pairs") {
                claimGrouper.findPairs(items, keyCount: keys.count, weight: keys.weights,
                                       linked: { a, b in Double(linked[Int64(min(a, b)) << 32 | Int64(max(a, b))] ?? 0) },
                                       daysApart: { a, b in
                                           guard let x = dayOf[Int(a)], let y = dayOf[Int(b)], let o = outletOf[Int(a)],
                                                 o == outletOf[Int(b)] else { return nil }
                                           return abs(x - y)
                                       },
                                       focus: focus == nil ? nil : itemInFocus) { a, b in
                    guard (itemInFirst[a] || itemInFirst[b]) && (itemInFocus[a] || itemInFocus[b]) else { return false }
                    if itemUndated[a] == itemUndated[b] { return true }
                    let (x, y) = (Int64(items[a].document), Int64(items[b].document))
                    return linked[min(x, y) << 32 | max(x, y)] != nil
                }
            }
            pairs.conflicts = WindowComparison.possibleConflicts(pairs.conflicts, input.claims, keys) { a, b in
                guard let x = dayOf[a], let y = dayOf[b] else { return true }
                return abs(x - y) <= DisagreementFinder.conflictDays
            }
            var rows = [CorpusPostings.Row]()
            if postings != .none {
                // Each document's rows once: a dated one's in the window of its own bucket, an
                // undated one's in the undated window.
                let only = postingsOf
                rows = CorpusPostings.rows(owned: { d in (inFirst[d] ?? false) && (only?.contains(d) ?? true) }, input: input, items: items, grouper: claimGrouper,
                                           cap: claimGrouper.corpusCap ?? claimGrouper.maxPostings, storyProbes: links.probes,
                                           nearMeasures: postings == .lookup)
            }
            var found = links
            found.probes = []
            var earliest = [Int: Int]()
            for d in storyDocs { if let e = d.earliest { earliest[d.order] = e } }
            return WindowLinks(window: window, docs: input.docs, global: keys.global,
                               items: items.map { WindowLinks.Claim(id: $0.id, document: $0.document, order: $0.order, holder: $0.holder) },
                               pairs: pairs, links: found, postings: rows, earliest: earliest)
        }
    }

    /// Claims as the grouper sees them: keys, quantities with their unit (and counted noun)
    /// interned for the window, polarity, mood, canonical order. A key that marks a claim's mood
    /// (`moods`, ``ClaimKey/marker(_:)``) is its mood, and one that names its holder (`holders`,
    /// ``ClaimKey/holder(_:)``) its holder: not keys it is compared by.
    static func items(_ rows: [ClaimCorpus.ClaimRow], moods: [ClaimMood?] = [], holders: [String?] = []) -> [ClaimGrouper.Item] {
        var units = KeyInterner()
        let anyMood = moods.contains { $0 != nil }, anyHolder = holders.contains { $0 != nil }
        return rows.map { c in
            let marker = anyMood ? c.keys.first { moods[Int($0)] != nil } : nil
            let holder = anyHolder ? c.keys.first { holders[Int($0)] != nil } : nil
            var keys = c.keys
            if marker != nil || holder != nil { keys.removeAll { $0 == marker || $0 == holder } }
            var item = ClaimGrouper.Item(id: c.id, document: Int32(c.doc), keys: keys,
                              quantities: c.quantities.map { ClaimGrouper.Q(value: $0.value, unit: units.id($0.unit + "|" + $0.noun), isCount: $0.unit.isEmpty) },
                              negated: c.negated, order: Int64(c.doc) << 32 | Int64(c.start), vector: c.vector)
            if let marker { item.mood = moods[Int(marker)]! }
            if let holder { item.holder = holders[Int(holder)] }
            return item
        }
    }

    /// Story vectors: a document's key counts, its claims' (entities count double, dates not at
    /// all; rows are in document order) and its title's (double; likewise), summed in a dense
    /// counter, emitted sorted by key.
    static func storyDocuments(_ input: WindowInput, keyCount: Int) -> [StoryGrouper.Document] {
        let (rows, titleKeys, kinds, moods, holders) = (input.claims, input.titles, input.keys.kinds, input.keys.moods, input.keys.holders)
        var counter = [Int32](repeating: 0, count: keyCount)
        var touched = [Int32]()
        var (r, t) = (0, 0)
        return input.docs.map { d in
            func count(_ k: Int32, _ weight: Int32) {
                if counter[Int(k)] == 0 { touched.append(k) }
                counter[Int(k)] += weight
            }
            while r < rows.count && rows[r].doc < d.number { r += 1 }
            let first = r
            while r < rows.count && rows[r].doc == d.number {
                for k in rows[r].keys where moods[Int(k)] == nil && holders[Int(k)] == nil {
                    let kind = kinds[Int(k)]
                    if kind != .date { count(k, kind == .entity ? 2 : 1) }
                }
                r += 1
            }
            while t < titleKeys.count && titleKeys[t].doc < d.number { t += 1 }
            if t < titleKeys.count && titleKeys[t].doc == d.number { for k in titleKeys[t].keys { count(k, 2) } }
            touched.sort()
            let keys = touched.map { k in (key: k, count: counter[Int(k)]) }
            for k in touched { counter[Int(k)] = 0 }
            touched.removeAll(keepingCapacity: true)
            // An undated document's earliest day, from its claims about the past.
            let earliest = d.day == nil ? StoryGrouper.earliestDay(ofClaims: rows[first..<r].lazy.map { $0.keys.lazy.map { input.keys.names[Int($0)] } }) : nil
            return StoryGrouper.Document(keys: keys, day: d.day, order: d.number, earliest: earliest)
        }
    }

    /// The conflict pairs that pass the checks on their two claims (``DisagreementFinder/passes``;
    /// the check that needs their stories comes when they are written).
    /// A numeric conflict also needs its two documents published close together (`close`, by
    /// document number): the same template about another day's trade is another event.
    static func possibleConflicts(_ conflicts: [(a: Int, b: Int, kind: ClaimGrouper.ConflictKind)], _ rows: [ClaimCorpus.ClaimRow],
                                  _ keys: WindowKeys, close: (Int, Int) -> Bool = { _, _ in true })
        -> [(a: Int, b: Int, kind: ClaimGrouper.ConflictKind)] {
        guard !conflicts.isEmpty else { return conflicts }
        var involved = [ClaimCorpus.ClaimRow]()
        for c in conflicts { involved.append(rows[c.a]); involved.append(rows[c.b]) }
        let (names, kinds) = (keys.names, keys.kinds)
        let keyNames = DisagreementFinder.KeyNames(involved, names: { ClaimKey.display(names[Int($0)]) },
                                                   isDate: { kinds[Int($0)] == .date },
                                                   isEntity: { kinds[Int($0)] == .entity })
        return conflicts.filter {
            ($0.kind != .numeric || close(rows[$0.a].doc, rows[$0.b].doc)) && DisagreementFinder.passes(rows[$0.a], rows[$0.b], $0.kind, keyNames)
        }
    }
}
