import Testing
@testable import NewsKB

/// The grouper on hand-made items: the evidence two claims need to be one.
@Suite struct ClaimGrouperTests {
    // Keys: 0-2 a date (day, month, year), 3-9 words.
    func item(_ id: Int64, doc: Int32, _ keys: [Int32], _ quantities: [ClaimGrouper.Q] = [], negated: Bool = false) -> ClaimGrouper.Item {
        ClaimGrouper.Item(id: id, document: doc, keys: keys.sorted(), quantities: quantities, negated: negated, order: id)
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

    @Test func oppositePolarityIsACandidateDenialNotAnEdge() {
        let items = [item(1, doc: 0, [3, 4, 5, 6]), item(2, doc: 1, [3, 4, 5, 6, 7], negated: true)]
        let r = ClaimGrouper().group(items, keyCount: 10)
        #expect(r.groups.isEmpty)
        #expect(r.conflicts.count == 1 && r.conflicts.first?.kind == .negation)
    }
}
