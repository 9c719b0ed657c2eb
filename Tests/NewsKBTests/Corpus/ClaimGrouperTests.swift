import Testing
@testable import NewsKB
import NewsKBExtraction

/// The grouper on hand-made items: the evidence two claims need to be one.
@Suite struct ClaimGrouperTests {
    // Keys: 0-2 a date (day, month, year), 3-9 words.
    func item(_ id: Int64, doc: Int32, _ keys: [Int32], _ quantities: [ClaimGrouper.Q] = [], negated: Bool = false) -> ClaimGrouper.Item {
        ClaimGrouper.Item(id: id, document: doc, keys: keys.sorted(), quantities: quantities, negated: negated, order: id)
    }

    @Test func whetherTwoClaimsAreComparedDependsOnTheirCorpusCountsNotOnTheirWindow() {
        // a and b state one fact (keys 3-6, the same vector). 120 claims of other documents in
        // their window hold the same keys and say something else: by the window's counts (122
        // holders, over ``maxPostings``) no key of a or b is indexed any more and the pair is
        // never compared; by corpus-wide counts (150 holders, under a cap of 300) it is, with or
        // without the others (#17: adding documents changes no pair of the others).
        func vector(_ x: Int8, _ y: Int8) -> [Int8] { [x, y] + [Int8](repeating: 0, count: 254) }
        var a = item(1, doc: 0, [3, 4, 5, 6]), b = item(2, doc: 1, [3, 4, 5, 6])
        (a.vector, b.vector) = (vector(127, 0), vector(127, 0))
        let others = (0..<120).map { i in
            var o = item(10 + Int64(i), doc: Int32(2 + i), [3, 4, 5, 6, 7 + Int32(i % 3)])
            o.vector = vector(0, 127)
            return o
        }
        let weights = [Double](repeating: 1, count: 10)
        func joined(_ g: ClaimGrouper, _ items: [ClaimGrouper.Item]) -> Bool {
            g.findPairs(items, keyCount: 10, weight: weights, linked: { _, _ in 0.5 }).edges.contains { Set([$0.a, $0.b]) == [0, 1] }
        }
        var windowCounts = ClaimGrouper()
        #expect(joined(windowCounts, [a, b]))
        #expect(!joined(windowCounts, [a, b] + others))
        windowCounts.corpusCounts = [Int32](repeating: 150, count: 10)
        windowCounts.corpusCap = 300
        #expect(joined(windowCounts, [a, b]))
        #expect(joined(windowCounts, [a, b] + others))
        // A key held by more claims of the corpus than the cap is not indexed, whatever the window.
        windowCounts.corpusCap = 100
        #expect(!joined(windowCounts, [a, b]))
    }

    @Test func whetherTwoDocumentsAreComparedDependsOnTheirCorpusCountsNotOnTheirWindow() {
        // Documents 0 and 1 share keys 0-3; 60 others of their window hold keys 0-3 too, each
        // with many words of its own (so none is alike to them). By the window's counts (62
        // holders, over the story cap of 50) no key of 0 or 1 is probed; by corpus-wide ones (80,
        // under a cap of 100) they are, whoever else the window holds.
        let shared: [(key: Int32, count: Int32)] = (0..<4).map { (key: Int32($0), count: 2) }
        let a = StoryGrouper.Document(keys: shared, day: 0, order: 0)
        let b = StoryGrouper.Document(keys: shared + [(key: 4, count: 1)], day: 0, order: 1)
        let others = (0..<60).map { i in
            StoryGrouper.Document(keys: (0..<4).map { (key: Int32($0), count: 1) } + (0..<20).map { (key: Int32(10 + 20 * i + $0), count: 3) },
                                  day: 1, order: 2 + i)
        }
        let keyCount = 10 + 20 * 60
        var df = [Int32](repeating: 2, count: keyCount)
        for k in 0..<5 { df[k] = 80 }
        func linked(_ g: StoryGrouper, _ docs: [StoryGrouper.Document]) -> Bool {
            g.findLinks(docs, keyCount: keyCount, df: df, documentCount: 1_000).edges.contains { $0.a == 0 && $0.b == 1 }
        }
        var g = StoryGrouper()
        #expect(linked(g, [a, b]))
        #expect(!linked(g, [a, b] + others))
        g.corpusCap = 100
        #expect(linked(g, [a, b]))
        #expect(linked(g, [a, b] + others))
    }

    @Test func withoutAPublicationDateTwoDocumentsNeedMoreInCommonToBeOneStory() {
        // Two documents sharing one key of m + 1 each (equal weights): cosine 1 / (m + 1).
        func pair(_ m: Int32, days: (Int?, Int?)) -> [StoryGrouper.Document] {
            [StoryGrouper.Document(keys: [(key: 0, count: 1)] + (1...m).map { (key: $0, count: 1) }, day: days.0, order: 0),
             StoryGrouper.Document(keys: [(key: 0, count: 1)] + (1...m).map { (key: 100 + $0, count: 1) }, day: days.1, order: 1)]
        }
        let df = [Int32](repeating: 2, count: 200)
        func linked(_ docs: [StoryGrouper.Document]) -> Bool {
            !StoryGrouper().findLinks(docs, keyCount: 200, df: df, documentCount: 1_000).edges.isEmpty
        }
        // 1/7 ≈ 0.14: one story when both were published within a week, not when a date is missing.
        #expect(linked(pair(6, days: (10, 12))))
        #expect(!linked(pair(6, days: (10, nil))))
        #expect(!linked(pair(6, days: (nil, nil))))
        #expect(!linked(pair(6, days: (10, 30))))
        // 1/4: enough without dates too (0.25 × 0.65 ≥ 0.12).
        #expect(linked(pair(3, days: (nil, 12))))
        #expect(linked(pair(3, days: (nil, nil))))
    }

    @Test func aStoryOutsideARegionIsReportedWhenAMergeOfEverythingWouldJoinItToTheRegion() {
        // Documents 0 and 1 are the region, 2 and 3 a story outside it; each pair is linked
        // (0.5), and 1-2 (0.3) crosses. When 1-2 comes up, the two clusters are {0, 1} and
        // {2, 3}: the merge takes it when they are alike enough on average (≥ 0.08 over the four
        // pairs) and within a week.
        let g = StoryGrouper()
        let inside: [(a: Int, b: Int, sim: Double)] = [(0, 1, 0.5), (2, 3, 0.5), (1, 2, 0.3)]
        let group = [-1, -1, 0, 0]
        #expect(g.crossings(days: [nil, nil, nil, nil], links: inside, group: group).isEmpty)  // 0.3 / 4
        let alike = inside + [(0, 3, 0.1)]
        #expect(g.crossings(days: [nil, nil, nil, nil], links: alike, group: group) == [0])  // 0.4 / 4
        #expect(g.crossings(days: [1, 1, 20, 20], links: alike, group: group).isEmpty)
        // A link between two stories outside the region is not the region's business.
        #expect(g.crossings(days: [nil, nil, nil, nil, nil], links: [(2, 4, 0.9), (0, 1, 0.5)], group: [-1, -1, 0, 0, 1]).isEmpty)
    }

    @Test func anUndatedDocumentIsNotPublishedBeforeTheYearsItReportsAsPast() {
        // A past claim naming a year puts the document after it (a year's slack); a claim about
        // what is to come, or a date that is not a year, says nothing.
        let earliest = StoryGrouper.earliestDay(ofClaims: [["summit", "d:2019-04-25", "d:2019-04", "d:2019", "m:past"],
                                                           ["target", "d:2030", "m:prospective"], ["d:month:04", "m:past"]])
        #expect(earliest == CivilDate(year: 2018, month: 1, day: 1).dayNumber)
        #expect(StoryGrouper.earliestDay(ofClaims: [["d:2030", "m:prospective"], ["visit", "d:weekday:3", "m:past"]]) == nil)
        #expect(StoryGrouper.earliestDay(ofClaims: [["d:1987"], ["d:2001", "m:past"], ["d:1999", "m:past"]])
                == CivilDate(year: 2000, month: 1, day: 1).dayNumber)
        // Such a document is no story with one published more than a week before that day.
        let y2023 = CivilDate(year: 2023, month: 9, day: 13).dayNumber, y1987 = CivilDate(year: 1987, month: 3, day: 17).dayNumber
        func linked(_ day: Int) -> Bool {
            let docs = [StoryGrouper.Document(keys: [(key: 0, count: 1)], day: nil, order: 0, earliest: earliest),
                        StoryGrouper.Document(keys: [(key: 0, count: 1)], day: day, order: 1)]
            return !StoryGrouper().findLinks(docs, keyCount: 1, df: [2], documentCount: 1_000).edges.isEmpty
        }
        #expect(linked(y2023))
        #expect(!linked(y1987))
        // Nor joined to one through a third document that has no such day.
        let g = StoryGrouper()
        var links = StoryGrouper.Links()
        links.edges = [(0.9, 0, 1), (0.8, 1, 2)]
        links.adjacency = [(0, 1, 0.9), (1, 2, 0.8), (0, 2, 0.5)]
        let merged = g.merge(days: [nil, nil, y1987], earliest: [earliest, nil, nil], links: [links])
        #expect(merged.story[0] == merged.story[1] && merged.story[2] != merged.story[0])
        #expect(g.merge(days: [nil, nil, y2023], earliest: [earliest, nil, nil], links: [links]).story == [0, 0, 0])
    }

    @Test func theSpreadIsTheCorpusOverItsAverageWindow() {
        // Four weeks of 10 documents: windows of 20, 20, 20 and 10 (the last has no next week);
        // a document's window holds 130 / 7 documents on average (windows weighed by size).
        #expect(abs(CorpusCaps(bucketSizes: [0: 10, 1: 10, 2: 10, 3: 10], undated: 0).spread - 40.0 * 70 / 1300) < 1e-9)
        // One window (undated documents only, or one week): the window's own caps.
        #expect(CorpusCaps(bucketSizes: [:], undated: 50).spread == 1)
        #expect(CorpusCaps(bucketSizes: [7: 50], undated: 0).spread == 1)
        #expect(CorpusCaps(spread: 2.5).claims(ClaimGrouper()) == 250)
        #expect(CorpusCaps(spread: 2.5).stories(StoryGrouper()) == 125)
    }

    @Test func aSharedDateCountsOnceWhenTheCallerNamesDateKeys() {
        // The same day (three date keys) and one word: similar, but one fact only by the date.
        let items = [item(1, doc: 0, [0, 1, 2, 3]), item(2, doc: 1, [0, 1, 2, 3, 4])]
        var g = ClaimGrouper()
        g.threshold = 0.3
        #expect(g.group(items, keyCount: 10).groups.count == 1)
        g.dateKeys = [0, 1, 2]
        #expect(g.group(items, keyCount: 10).groups.isEmpty)
        // Three words besides the date: one fact.
        let more = [item(1, doc: 0, [0, 1, 2, 3, 5, 6]), item(2, doc: 1, [0, 1, 2, 3, 5, 6, 7])]
        #expect(g.group(more, keyCount: 10).groups.count == 1)
    }

    @Test func measuresWithUnitsAreBlockingKeysAndCountTwice() {
        // No key in common; the same two measures in km/h (unit 0).
        let q = [ClaimGrouper.Q(value: 59.55, unit: 0), ClaimGrouper.Q(value: 59, unit: 0)]
        let items = [item(1, doc: 0, [3, 4], q), item(2, doc: 1, [5], q.reversed())]
        let r = ClaimGrouper().group(items, keyCount: 10)
        #expect(r.groups.count == 1)
        // A different speed: no group.
        let other = [item(1, doc: 0, [3, 4], q), item(2, doc: 1, [5], [ClaimGrouper.Q(value: 80, unit: 0), ClaimGrouper.Q(value: 81, unit: 0)])]
        #expect(ClaimGrouper().group(other, keyCount: 10).groups.isEmpty)
    }

    @Test func alikeClaimsTheModelIsUnsureOfNeedAnEntityFewDocumentsName() throws {
        // Two claims of one story whose keys are alike (key 3 an entity: `Khasan`), and whose
        // vectors are alike enough for the model to lean to the same, below ``alikeThreshold``.
        func vector(_ x: Int8, _ y: Int8) -> [Int8] { [x, y] + [Int8](repeating: 0, count: 254) }
        var g = ClaimGrouper()
        g.keyKinds = [ClaimKey.Kind](repeating: .word, count: 10)
        g.keyKinds[3] = .entity
        g.keyKinds[7] = .entity  // b names one more entity: not the same entities
        let weights = [Double](repeating: 1, count: 10)
        var a = item(1, doc: 0, [3, 4, 5, 6]), b = item(2, doc: 1, [3, 4, 5, 6, 7])
        a.vector = vector(127, 0)
        // The first vector of a few that puts the model between the two thresholds.
        var found = false
        for x in stride(from: 127, through: 0, by: -3) {
            b.vector = vector(Int8(x), 127)
            var f = PairFeatures()
            f.cosine = Double(ClaimGrouper.cosine(a.vector, b.vector))
            f.dice = 8.0 / 9; f.diceWithQuantities = 8.0 / 9; f.sharedKeys = 4; f.lengthRatio = 0.8
            f.entitiesShared = 0.5; f.entitiesMissing = 0.5
            let p = g.model.probability(f)
            if p >= g.heldThreshold && p < g.alikeThreshold { found = true; break }
        }
        try #require(found)
        func edges() -> Int { g.findPairs([a, b], keyCount: 10, weight: weights, linked: { _, _ in 0.5 }).edges.count }
        // The entity is one few documents name: it anchors them.
        g.commonEntities = [Bool](repeating: false, count: 10)
        #expect(edges() == 1)
        // A common one (a country, a regulator) does not.
        g.commonEntities[3] = true
        #expect(edges() == 0)
        #expect(ClaimGrouper.commonDocuments(of: 300) == 50 && ClaimGrouper.commonDocuments(of: 20_000) == 100)
    }

    @Test func howAlikeTheDocumentsAreDecidesWhatTheirClaimsNeed() throws {
        // Two claims whose keys are alike and whose vectors are fairly alike: the model leans to
        // the same (``ClaimGrouper/alikeThreshold``) but is not confident.
        func vector(_ x: Int8, _ y: Int8) -> [Int8] { [x, y] + [Int8](repeating: 0, count: 254) }
        var a = item(1, doc: 0, [3, 4, 5, 6]), b = item(2, doc: 1, [3, 4, 5, 6, 7])
        a.vector = vector(127, 0)
        b.vector = vector(100, 70)
        let g = ClaimGrouper()
        let weights = [Double](repeating: 1, count: 10)
        func edges(documents: Double) -> Int {
            g.findPairs([a, b], keyCount: 10, weight: weights, linked: { _, _ in documents }).edges.count
        }
        var f = PairFeatures()
        f.cosine = Double(ClaimGrouper.cosine(a.vector, b.vector))
        f.dice = 8.0 / 9; f.diceWithQuantities = 8.0 / 9; f.sharedKeys = 4; f.lengthRatio = 0.8
        let p = g.model.probability(f)
        try #require(p >= g.alikeThreshold && p < g.model.corpusThreshold, "p = \(p)")
        // One story (the documents reach the story grouper's link threshold): they group.
        #expect(edges(documents: 0.5) == 1)
        // Documents the story comparison found only a little alike (a template, one company in
        // two events): the model must be confident.
        #expect(edges(documents: StoryGrouper().threshold / 2) == 0)
        // Documents never compared: not either.
        #expect(edges(documents: 0) == 0)
    }

    /// Two claims of documents 0 and 1 with keys `ka` and `kb` (keys 0-2 are dates, 8 and 9
    /// entities, every key weighs 1), the first's vector along one axis and the second's towards
    /// `(x, y)`, and the features the grouper computes for them (`dice`, shared keys and entities
    /// as given).
    func pair(_ ka: [Int32], _ kb: [Int32], towards x: Int8, _ y: Int8, dice: Double, sharedKeys: Int,
              entitiesShared: Double, entitiesMissing: Double) -> (ClaimGrouper.Item, ClaimGrouper.Item, ClaimGrouper, PairFeatures) {
        func vector(_ x: Int8, _ y: Int8) -> [Int8] { [x, y] + [Int8](repeating: 0, count: 254) }
        var a = item(1, doc: 0, ka), b = item(2, doc: 1, kb)
        a.vector = vector(127, 0)
        b.vector = vector(x, y)
        var g = ClaimGrouper()
        g.keyKinds = [.date, .date, .date, .word, .word, .word, .word, .word, .entity, .entity]
        var f = PairFeatures()
        f.cosine = Double(ClaimGrouper.cosine(a.vector, b.vector))
        f.dice = dice; f.diceWithQuantities = dice; f.sharedKeys = sharedKeys
        f.lengthRatio = Double(min(ka.count, kb.count)) / Double(max(ka.count, kb.count))
        f.entitiesShared = entitiesShared; f.entitiesMissing = entitiesMissing
        return (a, b, g, f)
    }

    @Test func claimsNamingOtherHoldersNeedAConfidentModel() throws {
        // Keys 8 and 9 are entities: one template said of two companies, in one story.
        let (a, b, g, f) = pair([3, 4, 5, 6, 8], [3, 4, 5, 6, 7, 9], towards: 100, 70, dice: 8.0 / 11, sharedKeys: 4,
                                entitiesShared: 0, entitiesMissing: 1)
        let weights = [Double](repeating: 1, count: 10)
        let p = g.model.probability(f)
        try #require(p >= g.alikeThreshold && p < g.model.corpusThreshold, "p = \(p)")
        #expect(g.findPairs([a, b], keyCount: 10, weight: weights, linked: { _, _ in 0.5 }).edges.isEmpty)
        // The same holder on both sides: the keys' likeness counts again.
        var c = b
        c.keys = [3, 4, 5, 6, 7, 8]
        var f2 = f
        f2.entitiesShared = 1; f2.entitiesMissing = 0
        try #require(g.model.probability(f2) >= g.model.threshold)
        #expect(g.findPairs([a, c], keyCount: 10, weight: weights, linked: { _, _ in 0.5 }).edges.count == 1)
    }

    @Test func oneTemplateSaidByTwoHoldersIsTwoClaims() throws {
        // The same words and vector, said of itself by two companies (`its new posting is 19
        // dlrs a barrel`): no edge, however confident the model.
        var a = item(1, doc: 0, [3, 4, 5, 6]), b = item(2, doc: 1, [3, 4, 5, 6])
        a.vector = [127] + [Int8](repeating: 0, count: 255)
        b.vector = a.vector
        let g = ClaimGrouper()
        let weights = [Double](repeating: 1, count: 10)
        func edges() -> Int { g.findPairs([a, b], keyCount: 10, weight: weights, linked: { _, _ in 0.5 }).edges.count }
        #expect(edges() == 1)
        a.holder = "alder_oil_corp"; b.holder = "birch_petroleum"
        #expect(edges() == 0)
        // One holder named two ways still groups.
        b.holder = "alder_oil"
        #expect(edges() == 1)
        // Nor do two holders join through a third claim that names neither: nodes 0 and 1 have
        // holders that differ, node 2 none.
        let merged = g.merge(nodeCount: 3, edges: [(sim: 0.95, a: 0, b: 2), (sim: 0.94, a: 1, b: 2)],
                             holders: ["alder_oil_corp", "birch_petroleum", nil])
        #expect(merged.groups == [[0, 2]], "\(merged.groups)")
        #expect(g.merge(nodeCount: 3, edges: [(sim: 0.95, a: 0, b: 2), (sim: 0.94, a: 1, b: 2)]).groups == [[0, 1, 2]])
    }

    @Test func holdersMayBeOneWhenOneNameHoldsTheOther() {
        for (a, b, one) in [("avx", "avx_corp", true), ("reynolds_metals_co", "reynolds_metals", true), ("moody", "moody's_investors_service", true),
                            ("trust_co", "bankers_trust", true), ("citgo_petroleum", "murphy_oil", false),
                            ("university_federal_savings_bank", "american_savings_bank", false)] {
            #expect(ClaimKey.mayBeOneHolder(a, b) == one && ClaimKey.mayBeOneHolder(b, a) == one, "\(a) \(b)")
        }
    }

    @Test func alikeKeysWithAnUnsureModelNeedAnAnchorInOneEvent() throws {
        // Alike keys, vectors far apart: the model leans against the pair, above its MRPC threshold.
        let (a, b, grouper, f) = pair([3, 4, 5, 6, 8], [3, 4, 5, 6, 7, 8], towards: 50, 117, dice: 10.0 / 11, sharedKeys: 5,
                                      entitiesShared: 1, entitiesMissing: 0)
        var g = grouper
        let weights = [Double](repeating: 1, count: 10)
        let p = g.model.probability(f)
        try #require(p >= g.anchoredThreshold && p < g.alikeThreshold, "p = \(p)")
        // One entity in common but no date: not enough.
        g.sameEntitiesThreshold = 1
        #expect(g.findPairs([a, b], keyCount: 10, weight: weights, linked: { _, _ in 0.5 }).edges.isEmpty)
        // The same entity and the same date (key 0) on both sides: one event, they group.
        var a2 = a, b2 = b
        a2.keys = [0, 3, 4, 5, 6, 8]; b2.keys = [0, 3, 4, 5, 6, 7, 8]
        #expect(g.findPairs([a2, b2], keyCount: 10, weight: weights, linked: { _, _ in 0.5 }).edges.count == 1)
    }

    @Test func oneMeasureInTwoUnitsIsAFingerprintTwoAmountsOfOneUnitAreNot() {
        typealias Q = ClaimGrouper.Q
        // 200 mph (322 km/h): one measure, converted into one unit (0).
        #expect(ClaimGrouper.restatesOneMeasure([Q(value: 321.9, unit: 0), Q(value: 322, unit: 0)]))
        // $250 (£133): one amount in two currencies (units 1 and 2).
        #expect(ClaimGrouper.restatesOneMeasure([Q(value: 250, unit: 1), Q(value: 133, unit: 2)]))
        // A 1-1/4 pct selling concession and 5/8 pct for management: two amounts of one unit.
        #expect(!ClaimGrouper.restatesOneMeasure([Q(value: 1.25, unit: 3), Q(value: 0.625, unit: 3)]))
        // Claims giving those two amounts in two deals share no fingerprint: keys alone decide.
        let fees = [Q(value: 1.25, unit: 3), Q(value: 0.625, unit: 3)]
        let g = ClaimGrouper()
        let (wa, wb, shared) = g.quantityWeights(fees, fees)
        #expect(shared == wa + wb && wa == 8)
    }

    @Test func anAmountEitherSideGivesMustFindItsValueOnTheOther() {
        typealias Q = ClaimGrouper.Q
        let g = ClaimGrouper()
        // `output 100 versus 100 a week earlier` and `output 100 versus 80`: one series at two
        // dates, whichever claim comes first.
        let a = [Q(value: 100, unit: 0), Q(value: 100, unit: 0)], b = [Q(value: 100, unit: 0), Q(value: 80, unit: 0)]
        #expect(g.quantityRelation(a, b) == .conflict)
        #expect(g.quantityRelation(b, a) == .conflict)
        // Rounding agrees; another unit is no conflict.
        #expect(g.quantityRelation([Q(value: 6.2, unit: 0)], [Q(value: 6.2, unit: 0), Q(value: 3, unit: 1)]) == .match)
    }

    @Test func valuesAgreeWithinTheRoundingOfTheCoarserAsWritten() {
        #expect(ClaimGrouper.valuesAgree(96, 96.4))
        #expect(ClaimGrouper.valuesAgree(1_500_000, 1_470_000))
        #expect(ClaimGrouper.valuesAgree(300, 296))
        #expect(!ClaimGrouper.valuesAgree(42.44, 43.25))
        #expect(!ClaimGrouper.valuesAgree(2383, 2390))
        #expect(!ClaimGrouper.valuesAgree(75.3, 75.1))
        // A converted value (many decimals) agrees within 3%: 37 mph and 59 km/h.
        #expect(ClaimGrouper.valuesAgree(37 * 1.609344, 59))
        #expect(ClaimGrouper.writtenStep(42.44) == 0.01 && ClaimGrouper.writtenStep(1_500_000) == 100_000 && ClaimGrouper.writtenStep(59.545728) == nil)
    }

    @Test func oppositePolarityIsACandidateDenialNotAnEdge() {
        let items = [item(1, doc: 0, [3, 4, 5, 6]), item(2, doc: 1, [3, 4, 5, 6, 7], negated: true)]
        let r = ClaimGrouper().group(items, keyCount: 10)
        #expect(r.groups.isEmpty)
        #expect(r.conflicts.count == 1 && r.conflicts.first?.kind == .negation)
    }
}
