import Foundation
import NewsKBExtraction

/// Groups claims that assert the same thing, across documents, from their matching keys.
///
/// Candidate pairs come from an inverted index over keys (word base forms, entities, dates)
/// and over measures with units (value buckets): each claim probes only the posting lists of
/// its rarest keys and of its measures, and lists longer than ``maxPostings`` are skipped, so
/// the number of pairs compared grows about linearly with the number of claims — never all
/// pairs. A pair is an edge when its IDF-weighted Dice similarity reaches ``threshold``, its
/// quantities agree (37 mph = 59 km/h), it shares ``minShared`` keys or more and both are
/// asserted the same way; edges merge best first with average linkage, and groups with claims
/// from two or more documents are kept.
/// Pairs that are similar but disagree on a quantity are reported as conflicts, and pairs of
/// opposite polarity as possible denials (checked by ``DisagreementFinder`` on the terms the
/// negated claim denies).
///
/// Pure and deterministic: the result depends on the set of claims, not on their order
/// (claims are processed in the canonical order of their ``Item/order`` key).
public struct ClaimGrouper: Sendable {
    /// One claim, as the grouper sees it.
    public struct Item: Sendable {
        /// Caller's id (claims.id).
        public var id: Int64
        /// Index of its document (claims of one document never group with each other).
        public var document: Int32
        /// Interned keys (any distinct integers; see ``KeyInterner``), sorted, distinct.
        public var keys: [Int32]
        public var quantities: [Q]
        public var negated: Bool
        /// What is to or may happen, or what happened (``NewsKBExtraction/Claim/prospective``,
        /// ``NewsKBExtraction/Claim/past``): a prospective claim and a past one are two stages of
        /// a story, never one fact.
        public var mood = ClaimMood.unmarked
        /// The canonical order: (document key, start) made comparable by the caller.
        public var order: Int64
        /// The claim's quantized sentence vector (``ClaimVectors``); empty when it has none.
        public var vector: [Int8]
        /// The vector was not read (a stored record, ``CorpusReach``): a pair that needs it is
        /// set aside (``Pairs/pending``), not decided.
        public var vectorPending = false
        /// The match key of whom the claim is about, when a pronoun or a relative clause says
        /// it (``NewsKBExtraction/Claim/holder``): two claims of holders that differ
        /// (``ClaimKey/mayBeOneHolder(_:_:)``) are neither one fact nor a conflict.
        public var holder: String?

        public init(id: Int64, document: Int32, keys: [Int32], quantities: [Q] = [], negated: Bool = false, order: Int64,
                    vector: [Int8] = []) {
            self.id = id
            self.document = document
            self.keys = keys
            self.quantities = quantities
            self.negated = negated
            self.order = order
            self.vector = vector
        }
    }

    /// A quantity: value in a canonical unit, the unit (and counted noun) interned.
    public struct Q: Sendable {
        public var value: Double
        public var unit: Int32
        /// A plain count (`20 carriages`) weighs less than a measure with a unit (`59 km/h`).
        public var isCount: Bool
        /// The step it was written to (``ClaimGrouper/writtenStep(_:)``); 0 when converted.
        public var step: Double
        public init(value: Double, unit: Int32, isCount: Bool = false) {
            self.value = value; self.unit = unit; self.isCount = isCount
            step = ClaimGrouper.writtenStep(value) ?? 0
        }
        var weight: Double { isCount ? 1.5 : 4 }
    }

    /// Kinds of pair conflicts: `numeric` (the same thing with different numbers) and
    /// `negation` (opposite polarity: a candidate denial).
    public enum ConflictKind: String, Sendable { case numeric, negation }

    public struct Result: Sendable {
        /// Groups as indexes into the items, each sorted in canonical order; groups sorted by their first item.
        public var groups: [[Int]] = []
        /// For each item in a group, its best similarity to another member.
        public var bestSimilarity: [Int: Double] = [:]
        /// Conflicting pairs (item indexes, canonical order within the pair).
        public var conflicts: [(a: Int, b: Int, kind: ConflictKind)] = []
        /// Pairs compared (for measurements).
        public var comparisons = 0
    }

    /// Minimum similarity for two claims to assert the same thing.
    public var threshold = 0.5
    /// Minimum similarity (quantities left aside) for a quantity mismatch to be a conflict.
    public var conflictThreshold = 0.6
    /// Claims with fewer keys and quantities say too little to group (a `Reuters` sign-off, a dateline).
    public var minKeys = 3
    /// Average similarity, as a fraction of ``threshold``, two clusters need to merge.
    public var linkage = 0.5
    /// Keys held by more claims than this are not indexed (they cannot single out a claim).
    public var maxPostings = 100
    /// Keys of a claim probed in the index, rarest first.
    public var probes = 4
    /// Corpus-wide claim counts by key id, and the most claims of the corpus a key may be held by
    /// to be indexed (``CorpusCaps``). With them, a key is indexed and probed by its corpus-wide
    /// count, not by its count in the window, and lists of measures are not cut: whether two claims
    /// are compared then depends on the two alone (given the counts), not on what else the window
    /// holds — what lets an import compare new claims with old ones only (#17). Without them (a
    /// corpus of its own), by the counts among `items`, lists longer than ``maxPostings`` skipped.
    var corpusCounts: [Int32] = []
    var corpusCap: Int?
    /// With corpus-wide counts, keys held by at most this many claims of the corpus are probed
    /// besides the ``probes`` rarest: a key rare in the corpus may have no other holder in the
    /// window, where the window's own counts would have passed it over, and costs little.
    public var rareKeys: Int32 = 10
    /// Least similarity of a negated claim and a claim that is not for the pair to be reported
    /// as a possible denial (``ConflictKind/negation``, checked by the disagreement finder).
    public var negationCandidate = 0.3
    /// Least number of keys (agreeing quantities included, see ``sharedQuantities(_:_:)``) two claims must share to group:
    /// short claims reach a high similarity on two words ("bring back our jobs" / "bring back
    /// our borders").
    public var minShared = 3
    /// Keys of dates (`d:`). The day, month and year keys written for one date count as one
    /// shared key towards ``minShared`` (a shared "Thursday" alone does not make two claims
    /// one). Empty: every key counts.
    public var dateKeys = Set<Int32>()
    /// The kind of each key (``ClaimKey/Kind``), by key id; empty: every key is a word. Entities and
    /// dates that only one claim names are evidence of another event (``PairFeatures``).
    public var keyKinds: [ClaimKey.Kind] = []
    /// The date each date key names, by key id (``packedDate(ofKey:)``; 0 for a key that is not a
    /// date or a day not resolved). Two claims whose dates are all incompatible (`May 11` /
    /// `May 15`, `June 1986` / `January 1987`) are about two things; `2004` and `April 2004` are
    /// compatible. Empty: two dates are compatible only when they are one key.
    public var dateValues: [Int32] = []
    /// Entity keys named by many documents of the corpus (a country, a regulator, a head of
    /// state), by key id; empty: none. A shared common entity does not anchor two claims in one
    /// event (``alikeThreshold``).
    public var commonEntities: [Bool] = []
    /// The learned pair decision.
    public var model = AgreementModel.shared
    /// Least probability for two claims that name the same entities, and no other, to group
    /// (a paraphrase in other words: `floods destroyed the main bridge over the Varna` /
    /// `flooding wrecked the principal bridge across the Varna`).
    public var sameEntitiesThreshold = 0.65
    /// Least probability for two claims of one story whose keys are alike (Dice ≥ ``threshold``)
    /// to group. The model's MRPC threshold (``AgreementModel/threshold``, 0.38) suits MRPC, whose
    /// pairs are two in three paraphrases; of 300 grouped pairs of BASIL, BBC and Reuters read
    /// for this, 28 of the 29 whose best probability lay between 0.38 and 0.6 did not assert
    /// the same thing, and 40 of the 55 between 0.55 and 0.70. Below this, alike keys need an
    /// anchor as well (``heldThreshold``, ``anchoredThreshold``).
    public var alikeThreshold = 0.70
    /// Least probability for alike claims of one story that name a common entity that is not
    /// common in the corpus (`the Khasan border station` / `the border station of Khasan`).
    public var heldThreshold = 0.55
    /// Least probability for alike claims of one story anchored in one event: they name a
    /// common entity and a common date (`his 2019 summit with Putin in Vladivostok` / `their last
    /// encounter in April 2019 in Vladivostok`).
    public var anchoredThreshold = AgreementModel.shared.threshold
    /// Least similarity of two documents (``StoryGrouper/threshold``; the corpus phase sets it from
    /// its story grouper) for them to count as one story: below it, two documents that merely
    /// share a template or a company (`will be listed in Luxembourg` in two bond issues, one
    /// company's request and, a month later, its approval) need the model's corpus threshold.
    public var storyThreshold = StoryGrouper().threshold
    /// Least probability for claims of two documents that no story link joins (another event,
    /// as far as the stories can tell: `Terms were not disclosed` in two deals).
    public var unlinkedThreshold = 0.95
    /// Least Dice similarity a candidate pair can reach, from its key weights alone, to be
    /// compared at all (a paraphrase in other words shares few of its keys).
    public var candidateFloor = 0.2

    public init() {}

    /// Groups the items: ``findPairs(_:keyCount:weight:owned:)`` over all of them, then
    /// ``merge(nodeCount:edges:)`` in canonical order.
    public func group(_ items: [Item], keyCount: Int) -> Result {
        let n = items.count
        var result = Result()
        guard n > 1 else { return result }
        let order = (0..<n).sorted { items[$0].order != items[$1].order ? items[$0].order < items[$1].order : items[$0].id < items[$1].id }
        var rank = [Int](repeating: 0, count: n)
        for (r, i) in order.enumerated() { rank[i] = r }
        let pairs = findPairs(items, keyCount: keyCount)
        let merged = merge(nodeCount: n, edges: pairs.edges.map { (sim: $0.sim, a: Int32(rank[$0.a]), b: Int32(rank[$0.b])) })
        for g in merged.groups {
            let m = g.map { order[$0] }
            if Set(m.map { items[$0].document }).count >= 2 {
                result.groups.append(m)
                for i in m { result.bestSimilarity[i] = merged.best[rank[i]] }
            }
        }
        result.conflicts = pairs.conflicts
        result.comparisons = pairs.comparisons
        return result
    }

    /// A date key's date, packed as `((year × 16 + month) × 32 + day) × 8 + weekday`, each part 0
    /// when the key does not give it: `d:2019-04-25`, `d:2019`, and in undated documents
    /// `d:month:04`, `d:month:04-25`, `d:weekday:5`. Nil for a relative day not resolved
    /// (`d:relative:-1`: yesterday of an unknown day) and for any other key.
    public static func packedDate(ofKey key: String) -> Int32? {
        guard key.hasPrefix(ClaimKey.datePrefix) else { return nil }
        var rest = key.dropFirst(ClaimKey.datePrefix.count)
        var y: Int32 = 0, m: Int32 = 0, d: Int32 = 0, w: Int32 = 0
        func numbers(_ s: Substring) -> [Int32]? {
            let parts = s.split(separator: "-", omittingEmptySubsequences: false).map { Int32($0) }
            return parts.contains(nil) ? nil : parts.map { $0! }
        }
        if rest.hasPrefix("weekday:") {
            guard let n = Int32(rest.dropFirst(8)), (0...7).contains(n) else { return nil }
            w = n == 0 ? 7 : n  // Sunday as 0 or 7
        } else if rest.hasPrefix("month:") {
            rest = rest.dropFirst(6)
            guard let p = numbers(rest), (1...2).contains(p.count) else { return nil }
            m = p[0]; d = p.count > 1 ? p[1] : 0
        } else {
            guard let p = numbers(rest), (1...3).contains(p.count) else { return nil }
            y = p[0]; m = p.count > 1 ? p[1] : 0; d = p.count > 2 ? p[2] : 0
        }
        guard (0...9999).contains(y), (0...12).contains(m), (0...31).contains(d), y + m + d + w > 0 else { return nil }
        return ((y * 16 + m) * 32 + d) * 8 + w
    }

    /// True when two dates (``packedDate(ofKey:)``) can name one day: every part both give is
    /// the same (`2004` and `2004-04`, `month:04` and `2004-04-11`; not `2004-04-11` and
    /// `2004-04-15`, not `month:12` and `month:09`, not two weekdays). Negative values (dates
    /// known by key only) are compatible when equal.
    public static func compatibleDates(_ x: Int32, _ y: Int32) -> Bool {
        if x < 0 || y < 0 { return x == y }
        let (a, b) = (dateParts(x), dateParts(y))
        func same(_ u: Int32, _ v: Int32) -> Bool { u == 0 || v == 0 || u == v }
        return same(a.0, b.0) && same(a.1, b.1) && same(a.2, b.2) && same(a.3, b.3)
    }

    /// True when date `y` gives every part `x` gives, the same, and more (`1987-05-11` refines
    /// `1987-05` and `1987`).
    static func refines(_ y: Int32, _ x: Int32) -> Bool {
        guard x > 0, y > 0 else { return false }
        let (a, b) = (dateParts(x), dateParts(y))
        func within(_ u: Int32, _ v: Int32) -> Bool { u == 0 || u == v }
        return within(a.0, b.0) && within(a.1, b.1) && within(a.2, b.2) && within(a.3, b.3) && x != y
    }

    /// The year, month, day and weekday of a packed date (``packedDate(ofKey:)``), 0 where not given.
    private static func dateParts(_ x: Int32) -> (Int32, Int32, Int32, Int32) {
        (x / 4096, x / 256 % 16, x / 8 % 32, x % 8)
    }

    /// More documents than this name a common entity (``commonEntities``): one in 200 of the
    /// corpus, and at least 50.
    public static func commonDocuments(of documents: Int) -> Int32 {
        Int32(clamping: max(50, documents / 200))
    }

    /// IDF weights of keys from their counts among `claims` claims: `log((claims + 1) / count) + 0.1`.
    public static func weights(counts: [Int32], claims: Int) -> [Double] {
        let logN = log(Double(claims) + 1)
        return counts.map { $0 > 0 ? logN - log(Double($0)) + 0.1 : 0 }
    }

    /// Whether a key is indexed: held by 2 to `maxPostings` claims (by the counts `df`).
    @inline(__always)
    static func isIndexed(_ k: Int32, df: [Int32], maxPostings: Int) -> Bool {
        df[Int(k)] >= 2 && Int(df[Int(k)]) <= maxPostings
    }

    /// The keys a claim holding `keys` probes in the index: its indexed keys (``isIndexed``),
    /// rarest first (ties: by key id, which is the keys' sorted order), the first `probes` of them
    /// and besides any held by at most `rare` claims. One definition for the comparisons and for
    /// the postings an import looks candidates up in (``CorpusPostings``).
    static func probeKeys(of keys: [Int32], df: [Int32], maxPostings: Int, probes: Int, rare: Int32, into out: inout [Int32]) {
        out.removeAll(keepingCapacity: true)
        for k in keys where isIndexed(k, df: df, maxPostings: maxPostings) { out.append(k) }
        out.sort { df[Int($0)] != df[Int($1)] ? df[Int($0)] < df[Int($1)] : $0 < $1 }
        var j = 0
        out.removeAll { k in defer { j += 1 }; return j >= probes && df[Int(k)] > rare }
    }

    /// Edges and conflicts among the items.
    public struct Pairs: Sendable {
        /// Pairs similar enough to assert the same thing (item indexes, canonical order within the pair).
        public var edges: [(sim: Double, a: Int, b: Int)] = []
        public var conflicts: [(a: Int, b: Int, kind: ConflictKind)] = []
        public var comparisons = 0
        /// Pairs that reached the learned decision with a claim whose vector was not read
        /// (``Item/vectorPending``): undecided.
        public var pending: [(a: Int, b: Int)] = []
    }

    /// Compares the candidate pairs of `items` (from the posting lists of their rarest keys) and
    /// returns the edges and conflicts. `weight` gives each key's IDF weight (by default from the
    /// items themselves; the corpus phase passes corpus-wide weights, so a pair scores the same in
    /// whichever window compares it). Only pairs for which `owned(a, b)` holds are compared: the
    /// corpus phase runs over overlapping windows and each pair belongs to exactly one.
    /// `linked(docA, docB)` is the similarity of two documents as the story comparison measured it
    /// (by ``Item/document``; 0 when it did not compare them): claims of documents that reach
    /// ``storyThreshold`` (one story) group on the learned decision; of documents compared but
    /// below it, only when the model is confident (``AgreementModel/corpusThreshold``); of
    /// documents never compared, only above ``unlinkedThreshold`` and when they name a common entity.
    /// `focus` (by item), when given, must be implied by `owned`: only pairs with an item in it are
    /// compared, and an item outside it looks only through the lists of those in it (the same
    /// pairs, in the same order, without walking long lists of others).
    /// Days between the publication of two documents of one outlet from which their undated
    /// claims are two facts (``findPairs(_:keyCount:weight:linked:daysApart:focus:owned:)``,
    /// whose `daysApart` gives nil for documents of two outlets or without a date): a daily
    /// report's sentence on two days. Of the 300 read pairs, Reuters pairs of documents three
    /// days apart or more were wrong 10 times in 13, two days apart 3 times in 3 (one day apart:
    /// 8 in 23, most of them fragments, so the next day's report keeps its agreement).
    public var reportDays = 2

    public func findPairs(_ items: [Item], keyCount: Int, weight given: [Double]? = nil,
                          linked: (Int32, Int32) -> Double = { _, _ in 1 }, daysApart: (Int32, Int32) -> Int? = { _, _ in nil },
                          focus: [Bool]? = nil,
                          owned: (Int, Int) -> Bool = { _, _ in true }) -> Pairs {
        let n = items.count
        var result = Pairs()
        guard n > 1 else { return result }
        // Canonical processing order.
        let order = (0..<n).sorted { items[$0].order != items[$1].order ? items[$0].order < items[$1].order : items[$0].id < items[$1].id }
        var rank = [Int32](repeating: 0, count: n)
        for (r, i) in order.enumerated() { rank[i] = Int32(r) }

        // Counts of keys among these items (for the posting lists), and IDF weights.
        var df = [Int32](repeating: 0, count: keyCount)
        for it in items { for k in it.keys { df[Int(k)] += 1 } }
        let weight = given ?? ClaimGrouper.weights(counts: df, claims: n)
        // The counts that index keys and rank probes: corpus-wide ones when given.
        var maxPostings = self.maxPostings, capMeasures = true, rareProbe: Int32 = 0
        if let cap = corpusCap, corpusCounts.count >= keyCount {
            for k in 0..<keyCount where df[k] > 0 { df[k] = corpusCounts[k] }
            (maxPostings, capMeasures, rareProbe) = (cap, false, rareKeys)
        }
        var total = [Double](repeating: 0, count: n)
        for i in 0..<n { var s = 0.0; for k in items[i].keys { s += weight[Int(k)] }; total[i] = s }
        // Each claim's entity weight and whether it carries a date (for the scope features).
        let kinds = keyKinds.count >= keyCount ? keyKinds : [ClaimKey.Kind](repeating: .word, count: keyCount)
        let common = commonEntities.count >= keyCount ? commonEntities : [Bool](repeating: false, count: keyCount)
        var entityTotal = [Double](repeating: 0, count: n)
        // Each claim's dates (``dateValues``; without them, a unique negative value per key).
        var dates = [[Int32]](repeating: [], count: n)
        let dateValues = dateValues.count >= keyCount ? dateValues : []
        for i in 0..<n {
            for k in items[i].keys {
                switch kinds[Int(k)] {
                case .entity: entityTotal[i] += weight[Int(k)]
                case .date:
                    // A relative day not resolved (no publication date) says nothing of the day.
                    if dateValues.isEmpty { dates[i].append(-1 - k) }
                    else if dateValues[Int(k)] > 0 { dates[i].append(dateValues[Int(k)]) }
                case .word: break
                }
            }
        }
        // A date is stored with its coarser forms (`d:1987-05-11`, `d:1987-05`, `d:1987`): each
        // claim keeps its most precise dates.
        for i in 0..<n where dates[i].count > 1 {
            let all = dates[i]
            dates[i] = all.filter { x in !all.contains { y in y != x && ClaimGrouper.refines(y, x) } }
        }
        /// True when both claims give dates and none of one's is compatible with one of the other's.
        func datesConflict(_ a: Int, _ b: Int) -> Bool {
            guard !dates[a].isEmpty && !dates[b].isEmpty else { return false }
            for x in dates[a] { for y in dates[b] where ClaimGrouper.compatibleDates(x, y) { return false } }
            return true
        }
        /// True when each claim gives a date that no date of the other is compatible with: two
        /// days for one thing on both sides (`dividend pay April 30, record April 3` / `pay April
        /// 28, record April 3`), not a date one side leaves out.
        func eachHasAnotherDate(_ a: Int, _ b: Int) -> Bool {
            guard dates[a].count + dates[b].count > 2 else { return false }
            func unmatched(_ x: [Int32], _ y: [Int32]) -> Bool { x.contains { d in !y.contains { ClaimGrouper.compatibleDates(d, $0) } } }
            return unmatched(dates[a], dates[b]) && unmatched(dates[b], dates[a])
        }
        // Date keys (``dateKeys``) as marks by key id, and each claim's measures with a unit.
        var isDateKey = [Bool](repeating: false, count: keyCount)
        for k in dateKeys where Int(k) < keyCount && k >= 0 { isDateKey[Int(k)] = true }
        let restates = items.map { ClaimGrouper.restatesOneMeasure($0.quantities) }
        let model = self.model, logging = PairFeatureLog.isOn
        // The entities each document names (in its claims of this window): a claim that names
        // none takes its holder from its document (`Terms were not disclosed`).
        var documentEntities = [Int32: Set<Int32>]()
        for it in items { for k in it.keys where kinds[Int(k)] == .entity { documentEntities[it.document, default: []].insert(k) } }
        /// Two documents that each name entities and none in common are about other things.
        func otherHolders(_ x: Int32, _ y: Int32) -> Bool {
            guard let ex = documentEntities[x], let ey = documentEntities[y] else { return false }
            return ex.isDisjoint(with: ey)
        }

        // Posting lists (in canonical order) for keys that can single out a claim.
        // One flat array: key k's list is postings[postingStart[k] ..< postingStart[k + 1]].
        var postingStart = [Int](repeating: 0, count: keyCount + 1)
        for i in order where items[i].keys.count + items[i].quantities.count >= minKeys {
            for k in items[i].keys where df[Int(k)] >= 2 && Int(df[Int(k)]) <= maxPostings { postingStart[Int(k) + 1] += 1 }
        }
        for k in 0..<keyCount { postingStart[k + 1] += postingStart[k] }
        var postings = [Int32](repeating: 0, count: postingStart[keyCount])
        var fill = postingStart
        for i in order where items[i].keys.count + items[i].quantities.count >= minKeys {
            for k in items[i].keys where df[Int(k)] >= 2 && Int(df[Int(k)]) <= maxPostings {
                postings[fill[Int(k)]] = Int32(i)
                fill[Int(k)] += 1
            }
        }
        fill = []
        // Posting lists of measures with a unit, by value bucket: claims giving the same measure
        // (`37 mph`, `59 km/h`) are compared even when they share no word.
        var qPostings = [Int64: [Int32]]()
        for i in order where items[i].keys.count + items[i].quantities.count >= minKeys {
            for q in items[i].quantities { if let b = ClaimGrouper.bucket(q) { qPostings[b, default: []].append(Int32(i)) } }
        }
        for k in qPostings.keys {
            // A claim giving two measures in one bucket is listed once.
            var last: Int32 = -1
            qPostings[k] = qPostings[k]!.filter { x in defer { last = x }; return x != last }
        }
        // With a focus: the same lists holding the focused claims only.
        var focusStart = [Int](), focusPostings = [Int32](), focusQ = [Int64: [Int32]]()
        if let focus {
            focusStart = [Int](repeating: 0, count: keyCount + 1)
            for k in 0..<keyCount {
                focusStart[k + 1] = focusStart[k]
                for j in postingStart[k]..<postingStart[k + 1] where focus[Int(postings[j])] {
                    focusPostings.append(postings[j])
                    focusStart[k + 1] += 1
                }
            }
            for (b, l) in qPostings {
                let f = l.filter { focus[Int($0)] }
                if !f.isEmpty { focusQ[b] = f }
            }
        }
        // A claim's candidates: its lists one after the other (copied as integers: no list retained).
        var candidates = [Int32]()

        var seen = [Int32](repeating: -1, count: n)
        var probeKeys = [Int32]()
        var conflicts = [(Int, Int, ConflictKind)]()
        var comparisons = 0
        var edges = [(sim: Double, a: Int, b: Int)]()
        var pending = [(a: Int, b: Int)]()

        // Flat copies for the comparisons: every claim's keys in one array (a pair costs a merge
        // of two ranges, no array retained or released), and the fields every pair reads.
        var keyStart = [Int](repeating: 0, count: n + 1)
        for i in 0..<n { keyStart[i + 1] = keyStart[i] + items[i].keys.count }
        var flatKeys = [Int32]()
        flatKeys.reserveCapacity(keyStart[n])
        for it in items { flatKeys += it.keys }
        let document = items.map(\.document), negated = items.map(\.negated), hasQuantities = items.map { !$0.quantities.isEmpty }
        let negationCandidate = negationCandidate, loosest = min(threshold, conflictThreshold), floor = min(candidateFloor, loosest)
        // The keys of the claim being compared: `mark[k] == a`.
        var mark = [Int32](repeating: -1, count: keyCount)

        flatKeys.withUnsafeBufferPointer { keys in weight.withUnsafeBufferPointer { weight in postings.withUnsafeBufferPointer { postings in
        for a in order where items[a].keys.count + items[a].quantities.count >= minKeys {
            let ia = items[a]
            ClaimGrouper.probeKeys(of: ia.keys, df: df, maxPostings: maxPostings, probes: probes, rare: rareProbe, into: &probeKeys)
            candidates.removeAll(keepingCapacity: true)
            // Outside the focus: only the focused claims of each list (the others are not compared).
            let narrow = focus.map { !$0[a] } ?? false
            for k in probeKeys {
                if narrow {
                    candidates.append(contentsOf: focusPostings[focusStart[Int(k)]..<focusStart[Int(k) + 1]])
                } else {
                    candidates.append(contentsOf: UnsafeBufferPointer(rebasing: postings[postingStart[Int(k)]..<postingStart[Int(k) + 1]]))
                }
            }
            for q in ia.quantities {
                for d in -1...1 {
                    if let b = ClaimGrouper.bucket(q, offset: d), let l = qPostings[b], !capMeasures || l.count <= maxPostings {
                        candidates += narrow ? focusQ[b] ?? [] : l
                    }
                }
            }
            for i in keyStart[a]..<keyStart[a + 1] { mark[Int(keys[i])] = Int32(a) }
            do {
                for b32 in candidates {
                    let b = Int(b32)
                    if rank[b] <= rank[a] || seen[b] == Int32(a) { continue }
                    seen[b] = Int32(a)
                    if document[b] == document[a] || !owned(a, b) { continue }
                    comparisons += 1
                    // Two claims share at most the lighter one's keys: when even that cannot reach
                    // the least similarity anything below needs, the merge is skipped (with a
                    // margin for rounding, so that no pair is lost).
                    if !hasQuantities[a] || !hasQuantities[b] {
                        let least = negated[a] != negated[b] ? min(negationCandidate, floor) : floor
                        if 2 * min(total[a], total[b]) / max(1e-9, total[a] + total[b]) < least - 1e-9 { continue }
                    }
                    // The weight and number of the keys they share: b's keys marked in a's, in
                    // ascending order (so the sum is the same, to the last bit, as a merge's).
                    var shared = 0.0, sharedKeys = 0, sharedEntities = 0.0, sharedRare = 0, sharedDates = 0, sharedDateKeys = 0
                    for j in keyStart[b]..<keyStart[b + 1] where mark[Int(keys[j])] == Int32(a) {
                        let k = Int(keys[j])
                        shared += weight[k]
                        sharedKeys += 1
                        if isDateKey[k] { sharedDateKeys += 1 }
                        switch kinds[k] {
                        case .entity:
                            sharedEntities += weight[k]
                            if !common[k] { sharedRare += 1 }
                        case .date: sharedDates += 1
                        case .word: break
                        }
                    }
                    let sim = 2 * shared / max(1e-9, total[a] + total[b])
                    // Fewer shared keys than any decision below needs, and no amounts to compare
                    // (most candidates): nothing more to look at, unless every pair's features
                    // are logged for training.
                    let decides = sharedKeys >= minShared || (hasQuantities[a] && hasQuantities[b])
                    if !decides && !logging { continue }
                    let ib = items[b]
                    let datesDiffer = datesConflict(a, b)
                    let (qa, qb, qShared) = quantityWeights(ia.quantities, ib.quantities)
                    let q = quantityRelation(ia.quantities, ib.quantities)
                    // One measure given in two units on both sides, and no other amount: a
                    // fingerprint of one fact (`200 mph (322 km/h)` and `322 kilometres per hour
                    // (200 miles per hour)`), whatever else their documents say. Two amounts of
                    // one unit that coincide (`1-1/4 pct selling concession and 5/8 pct`) are a
                    // template's, not a fingerprint (``restatesOneMeasure(_:)``).
                    let sameMeasures = qa + qb > 0 && qShared == qa + qb && restates[a] && restates[b]
                    // The features of the pair (``PairFeatures``): all of them only for the pairs
                    // that reach the decision, or for every pair when they are logged for training.
                    func features() -> PairFeatures {
                        var f = PairFeatures()
                        f.cosine = Double(ClaimGrouper.cosine(ia.vector, ib.vector))
                        f.dice = sim
                        f.diceWithQuantities = (2 * shared + qShared) / max(1e-9, total[a] + total[b] + qa + qb)
                        f.sharedKeys = sharedKeys
                        f.quantitiesMatch = q == .match
                        f.quantitiesConflict = q == .conflict
                        f.polarityDiffers = negated[a] != negated[b]
                        let entityUnion = entityTotal[a] + entityTotal[b] - sharedEntities
                        f.entitiesShared = entityUnion > 0 ? sharedEntities / entityUnion : 0
                        f.entitiesMissing = max(entityTotal[a] > 0 ? (entityTotal[a] - sharedEntities) / entityTotal[a] : 0,
                                                entityTotal[b] > 0 ? (entityTotal[b] - sharedEntities) / entityTotal[b] : 0)
                        f.datesConflict = datesDiffer
                        f.lengthRatio = min(total[a], total[b]) / max(1e-9, max(total[a], total[b]))
                        return f
                    }
                    if logging {
                        PairFeatureLog.write(ia.id, ib.id, features())
                        if !decides { continue }
                    }
                    // Two holders: one template said by two companies (`its new posting is 19
                    // dlrs a barrel`, of Citgo and of Murphy Oil), or one clause said of two
                    // people (`, who was president from 2006 to 2012`).
                    if let ha = ia.holder, let hb = ib.holder, !ClaimKey.mayBeOneHolder(ha, hb) { continue }
                    // A claim and a similar one of the other polarity may be a denial: a
                    // candidate the disagreement finder checks term by term (the negated claim
                    // keeps the terms it denies, next to their `¬` markers).
                    if negated[a] != negated[b] && sim >= negationCandidate && sharedKeys >= 3 {
                        conflicts.append(rank[a] < rank[b] ? (a, b, .negation) : (b, a, .negation))
                        continue
                    }
                    // A conflict needs a real common subject: three shared keys or more.
                    if sim >= conflictThreshold && q == .conflict && sharedKeys >= 3 {
                        conflicts.append(rank[a] < rank[b] ? (a, b, .numeric) : (b, a, .numeric))
                        continue
                    }
                    // The learned decision, with the same polarity, no quantity in conflict and
                    // enough in common: the pair asserts the same thing when the model is confident
                    // (``AgreementModel/corpusThreshold``), or when their keys are alike (Dice ≥
                    // ``threshold``, agreeing measures counted) and the model leans to the same
                    // (``alikeThreshold``), or does not say they differ (``anchoredThreshold``) when
                    // they name a common entity and a common date.
                    // Two claims that both give amounts, none of which agree, are about other
                    // amounts (one template, another deal or day): not one fact.
                    // What is to happen and what happened (`will unveil the chip` / `unveiled the
                    // chip on Monday`, `plans to sell the station` / `completed the sale`) are two
                    // stages of a story.
                    guard ia.negated == ib.negated, ia.mood == ib.mood || ia.mood == .unmarked || ib.mood == .unmarked, q != .conflict, q == .match || !hasQuantities[a] || !hasQuantities[b],
                          sharedKeys - sharedDateKeys + min(sharedDateKeys, 1) + sharedQuantities(ia, ib) >= minShared else { continue }
                    // Event scope: claims that share no entity, one of them naming none, take their
                    // holder from their documents, which must not be about other things (the same template in two
                    // deals: `Terms of the acquisition were not disclosed`; two companies' `payment
                    // date is May 15`); claims whose dates are incompatible are about two days,
                    // periods or events (`Share adjusted for a split in June 1986` / `in January 1987`),
                    // as are claims that each give a date the other has no room for.
                    if (entityTotal[a] == 0 || entityTotal[b] == 0) && sharedEntities == 0 && otherHolders(ia.document, ib.document)
                        && !sameMeasures { continue }
                    if datesDiffer || eachHasAnotherDate(a, b) { continue }
                    // Two reports of one outlet published ``reportDays`` or more apart whose claims
                    // give no date of their own tell each of its own day: the same wire sentence
                    // in two days' reports (`The Bank of Japan bought dollars just after the market
                    // opened`, economists' forecast of the Fed's repurchase agreements, a bond's
                    // denominations) is two facts. Other outlets' reports are not held to it: one
                    // outlet repeating another's fact days later is the agreement newskb looks for.
                    if dates[a].isEmpty && dates[b].isEmpty, let apart = daysApart(ia.document, ib.document), apart >= reportDays { continue }
                    if ia.vectorPending || ib.vectorPending {
                        pending.append(rank[a] < rank[b] ? (a, b) : (b, a))
                        continue
                    }
                    let f = features()
                    let p = model.probability(f)
                    let alike = max(sim, f.diceWithQuantities) >= threshold
                    // Without a sentence vector (a claim analysed before vectors existed) the
                    // keys decide alone.
                    // Claims naming the same entities (and no other) with no date in conflict: the
                    // same participants, so a lower probability suffices (``sameEntitiesThreshold``).
                    let sameEntities = f.entitiesShared > 0 && f.entitiesMissing == 0 && !f.datesConflict
                    let measured = alike && sameMeasures
                    // Claims that each name entities and none in common are about other holders
                    // (one template in two bond issues of two borrowers): alike keys are no
                    // evidence then, only a confident model or the same measures.
                    let otherEntities = entityTotal[a] > 0 && entityTotal[b] > 0 && sharedEntities == 0
                    let anchored = sharedEntities > 0 && sharedDates > 0
                    let documents = linked(ia.document, ib.document)
                    let accepted = ia.vector.isEmpty || ib.vector.isEmpty ? alike
                        : documents >= storyThreshold
                            ? p >= model.corpusThreshold || (alike && !otherEntities && (p >= alikeThreshold || (sharedRare > 0 && p >= heldThreshold)
                                                                                            || (anchored && p >= anchoredThreshold)))
                                || (sameEntities && p >= sameEntitiesThreshold) || measured
                        : documents > 0 ? p >= model.corpusThreshold || measured
                        : (p >= unlinkedThreshold && sharedEntities > 0) || measured
                    if accepted {
                        let (x, y) = rank[a] < rank[b] ? (a, b) : (b, a)
                        edges.append((p, x, y))
                    }
                }
            }
        }
        } } }
        result.edges = edges
        result.conflicts = conflicts.map { (a: $0.0, b: $0.1, kind: $0.2) }
        result.conflicts.sort { rank[$0.a] != rank[$1.a] ? rank[$0.a] < rank[$1.a] : rank[$0.b] < rank[$1.b] }
        result.comparisons = comparisons
        result.pending = pending
        return result
    }

    /// Merges edges into groups. Nodes are numbered in canonical order (`0..<nodeCount`), so
    /// ties break the same way whatever the input order. Returns the components that have an
    /// edge (members ascending, components by first member) and each node's best similarity
    /// to a member of its group. `holders` gives each node's holder (``Item/holder``), if any:
    /// two clusters whose holders differ never merge, so that one template said by two
    /// companies does not join through a third claim that names neither.
    public func merge(nodeCount n: Int, edges input: [(sim: Double, a: Int32, b: Int32)], holders: [String?] = []) -> (groups: [[Int]], best: [Double]) {
        var parent = Array(0..<n)
        func find(_ x: Int) -> Int { var x = x; while parent[x] != x { parent[x] = parent[parent[x]]; x = parent[x] }; return x }
        var best = [Double](repeating: 0, count: n)
        // Adjacency in compressed rows: the neighbours of x are at first[x] ..< first[x + 1],
        // in the order of the input, each with the index of its edge (whose similarity is its
        // weight). Nothing else is copied: a component's edges are the largest thing merged.
        var first = [Int32](repeating: 0, count: n + 1)
        for e in input { first[Int(e.a) + 1] += 1; first[Int(e.b) + 1] += 1 }
        for i in 0..<n { first[i + 1] += first[i] }
        var fill = first
        var neighbour = [Int32](repeating: 0, count: Int(first[n]))
        var via = [Int32](repeating: 0, count: Int(first[n]))
        for (i, e) in input.enumerated() {
            let (x, y) = (Int(e.a), Int(e.b))
            neighbour[Int(fill[x])] = Int32(y); via[Int(fill[x])] = Int32(i); fill[x] += 1
            neighbour[Int(fill[y])] = Int32(x); via[Int(fill[y])] = Int32(i); fill[y] += 1
        }
        fill = []
        // Merge best edges first; two clusters merge only when their members are, on average,
        // similar enough (pairs never compared count as 0), so paraphrase chains through a
        // generic sentence do not glue different claims together. Ties: the smaller pair of
        // nodes first.
        var order = [Int32](0..<Int32(input.count))
        order.sort { i, j in
            let p = input[Int(i)], q = input[Int(j)]
            if p.sim != q.sim { return p.sim > q.sim }
            return (min(p.a, p.b), max(p.a, p.b)) < (min(q.a, q.b), max(q.a, q.b))
        }
        var cluster = [Int: [Int]]()
        for e in order {
            let (sim, x, y) = input[Int(e)]
            let (a, b) = x < y ? (Int(x), Int(y)) : (Int(y), Int(x))
            let ra = find(a), rb = find(b)
            if ra == rb { best[a] = max(best[a], sim); best[b] = max(best[b], sim); continue }
            let A = cluster[ra] ?? [ra], B = cluster[rb] ?? [rb]
            if !holders.isEmpty, holdersDiffer(A, B, holders) { continue }
            if A.count * B.count > 1 {
                // Summed over the edges of the smaller cluster's members into the other one.
                let (small, other) = A.count <= B.count ? (A, rb) : (B, ra)
                var total = 0.0
                for x in small {
                    for k in Int(first[x])..<Int(first[x + 1]) where find(Int(neighbour[k])) == other { total += input[Int(via[k])].sim }
                }
                if total / Double(A.count * B.count) < linkage * model.threshold { continue }
            }
            best[a] = max(best[a], sim)
            best[b] = max(best[b], sim)
            let (keep, drop) = ra < rb ? (ra, rb) : (rb, ra)
            parent[drop] = keep
            cluster[keep] = A + B
            cluster[drop] = nil
        }
        var members = [Int: [Int]]()
        for i in 0..<n where best[i] > 0 { members[find(i), default: []].append(i) }
        let groups = members.values.sorted { $0[0] < $1[0] }
        return (groups, best)
    }

    /// True when a node of `a` and a node of `b` have holders that differ
    /// (``ClaimKey/mayBeOneHolder(_:_:)``).
    func holdersDiffer(_ a: [Int], _ b: [Int], _ holders: [String?]) -> Bool {
        for x in a {
            guard let hx = holders[x] else { continue }
            for y in b { if let hy = holders[y], !ClaimKey.mayBeOneHolder(hx, hy) { return true } }
        }
        return false
    }

    /// The blocking bucket of a measure with a unit: its unit and its value on a logarithmic
    /// scale of 3% steps (neighbouring buckets are probed too); nil for plain counts.
    static func bucket(_ q: Q, offset: Int = 0) -> Int64? {
        guard !q.isCount, let b = valueBucket(q.value, offset: offset) else { return nil }
        return Int64(q.unit) << 32 | b
    }

    /// The value's step on the logarithmic scale of ``bucket(_:offset:)`` (32 bits); nil for 0
    /// or a value that is not finite.
    static func valueBucket(_ value: Double, offset: Int = 0) -> Int64? {
        let v = abs(value)
        guard v > 0, v.isFinite else { return nil }
        return (Int64((log(v) / log(1.03)).rounded(.down)) + Int64(offset) + (1 << 31)) & 0xFFFF_FFFF
    }

    /// The cosine of two quantized unit vectors (0 when either is missing).
    @inline(__always)
    static func cosine(_ a: [Int8], _ b: [Int8]) -> Float {
        guard !a.isEmpty, a.count == b.count else { return 0 }
        return SentenceEncoder.dot(a, b)
    }

    /// The quantities of `a` with an agreeing value in `b`, as evidence two claims share (with
    /// their shared keys, a shared date counting once): a measure with a unit (`59 km/h`) is
    /// specific enough to count twice, a plain count once.
    func sharedQuantities(_ a: Item, _ b: Item) -> Int {
        var q = 0
        for x in a.quantities where b.quantities.contains(where: { $0.unit == x.unit && ClaimGrouper.valuesAgree(x, $0) }) {
            q += x.isCount ? 1 : 2
        }
        return q
    }

    /// Total quantity weight of each side, and the weight of the quantities that have an
    /// agreeing value on the other side (both sides counted).
    func quantityWeights(_ a: [Q], _ b: [Q]) -> (Double, Double, Double) {
        if a.isEmpty && b.isEmpty { return (0, 0, 0) }
        func agrees(_ x: Q, _ ys: [Q]) -> Bool {
            ys.contains { $0.unit == x.unit && ClaimGrouper.valuesAgree(x, $0) }
        }
        var wa = 0.0, wb = 0.0, shared = 0.0
        for x in a { wa += x.weight; if agrees(x, b) { shared += x.weight } }
        for y in b { wb += y.weight; if agrees(y, a) { shared += y.weight } }
        // Two claims giving the same measure, each in two units, and nothing left over (`37 mph
        // (59 km/h)` and `59 kilometers per hour (37 miles per hour)`), carry a fingerprint of
        // one fact: their quantities weigh double.
        if shared == wa + wb && ClaimGrouper.restatesOneMeasure(a) && ClaimGrouper.restatesOneMeasure(b) {
            return (2 * wa, 2 * wb, 2 * shared)
        }
        return (wa, wb, shared)
    }

    /// True when two of the measures with a unit can be one measure given in two units: in two
    /// units (`$250 (£133)`), or in one that they agree in once converted (`200 mph (322 km/h)`).
    /// Two amounts of one unit that differ (`1-1/4 pct selling concession and 5/8 pct`,
    /// `denominations of 1,000 and 10,000 dlrs`) are two measures.
    static func restatesOneMeasure(_ qs: [Q]) -> Bool {
        for i in qs.indices where !qs[i].isCount {
            for j in qs.indices where j > i && !qs[j].isCount {
                if qs[j].unit != qs[i].unit
                    || abs(qs[i].value - qs[j].value) <= 0.03 * max(abs(qs[i].value), abs(qs[j].value)) + 1e-9 { return true }
            }
        }
        return false
    }

    /// Whether two values of one unit can be one amount: within 3%, and within the rounding of
    /// the coarser of the two as written (`96` and `96.4`, `1.5 million` and `1.47 million` agree;
    /// `42.44` and `43.25`, `2383` and `2390`, `75.3` and `75.1` do not). A value with more than
    /// three decimals was converted (`37 mph` = 59.5457 km/h): the 3% alone decides.
    static func valuesAgree(_ x: Double, _ y: Double) -> Bool {
        valuesAgree(Q(value: x, unit: 0), Q(value: y, unit: 0))
    }

    /// ``valuesAgree(_:_:)`` with the written steps computed once per quantity.
    @inline(__always)
    static func valuesAgree(_ x: Q, _ y: Q) -> Bool {
        let d = abs(x.value - y.value)
        guard d <= 0.03 * max(abs(x.value), abs(y.value)) + 1e-9 else { return false }
        guard x.step > 0, y.step > 0 else { return true }
        return d <= max(x.step, y.step) / 2 + 1e-9
    }

    /// The step a value was written to: 0.01 for `42.44`, 1 for `6`, 100,000 for `1.5 million`
    /// (trailing zeros of a whole number), nil for a value with more than three decimals.
    static func writtenStep(_ v: Double) -> Double? {
        let a = abs(v)
        guard a.isFinite, a < 1e15 else { return nil }
        var step = 1.0
        for _ in 0...3 {
            let units = a / step
            if abs(units - units.rounded()) <= 1e-6 * max(1, units) {
                if step < 1 { return step }
                // a whole number: its trailing zeros
                var s = 1.0
                while s < 1e12, a >= s * 10, (a / (s * 10)).rounded() * s * 10 == a.rounded() { s *= 10 }
                return a == 0 ? 1 : s
            }
            step /= 10
        }
        return nil
    }

    enum Relation { case none, match, conflict }

    /// Quantities of the same unit must agree: a conflict when an amount of either side finds no
    /// value within 3% among the other side's amounts of its unit (`fell 23 points to 2383` /
    /// `soared 70 points to 2390`: the index levels agree, the moves do not), else a match when
    /// one pair agrees.
    func quantityRelation(_ a: [Q], _ b: [Q]) -> Relation {
        if a.isEmpty || b.isEmpty { return .none }
        var matched = false, conflict = false
        // Both ways: an amount of either side that the other gives in its unit but with no
        // value near it is a conflict (`100 versus 100 a week earlier` / `100 versus 80`), whichever
        // claim comes first.
        for (xs, ys) in [(a, b), (b, a)] {
            for x in xs {
                var sameUnit = false, ok = false
                for y in ys where y.unit == x.unit {
                    sameUnit = true
                    if ClaimGrouper.valuesAgree(x, y) { ok = true }
                }
                if ok { matched = true } else if sameUnit { conflict = true }
            }
        }
        return conflict ? .conflict : matched ? .match : .none
    }

    /// Groups `count` synthetic claims (Zipf-distributed keys, shared paraphrases between
    /// documents) and returns the seconds taken and the number of groups: the scale
    /// measurement (`make bench` can call it).
    public static func benchmark(claims count: Int, seed: UInt64 = 42) -> (seconds: Double, groups: Int, comparisons: Int) {
        var rng = seed
        func next() -> UInt64 { rng ^= rng << 13; rng ^= rng >> 7; rng ^= rng << 17; return rng }
        let vocabulary = 200_000
        func zipf() -> Int32 {
            // Inverse-CDF sampling of an approximate Zipf(1) over the vocabulary.
            let u = Double(next() % 1_000_000 + 1) / 1_000_001
            return Int32(min(Double(vocabulary - 1), exp(u * log(Double(vocabulary))) - 1))
        }
        var items = [Item]()
        items.reserveCapacity(count)
        var i = 0
        while i < count {
            var keys = Set<Int32>()
            let len = 8 + Int(next() % 10)
            while keys.count < len { keys.insert(zipf()) }
            let base = keys.sorted()
            let doc = Int32(i / 30)
            items.append(Item(id: Int64(i), document: doc, keys: base, order: Int64(i)))
            i += 1
            // Paraphrases in 1-3 other documents: most keys kept, one or two swapped.
            let copies = Int(next() % 3)
            for c in 0..<copies where i < count {
                var k = base
                k[Int(next() % UInt64(k.count))] = zipf()
                items.append(Item(id: Int64(i), document: doc + 1 + Int32(c) * 7919, keys: Array(Set(k)).sorted(), order: Int64(i)))
                i += 1
            }
        }
        let t0 = DispatchTime.now().uptimeNanoseconds
        let r = ClaimGrouper().group(items, keyCount: vocabulary)
        let s = Double(DispatchTime.now().uptimeNanoseconds - t0) / 1e9
        return (s, r.groups.count, r.comparisons)
    }
}

/// Maps strings to dense integer ids.
public struct KeyInterner {
    public private(set) var ids = [String: Int32]()
    public private(set) var names = [String]()
    public init() {}
    public mutating func id(_ s: String) -> Int32 {
        if let i = ids[s] { return i }
        let i = Int32(names.count)
        ids[s] = i
        names.append(s)
        return i
    }
    public var count: Int { names.count }
}
