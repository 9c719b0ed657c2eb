import Testing
import Foundation
@testable import NewsKB

/// The corpus phase with bounded memory: components finished early give the same stories,
/// claim groups and conflicts as one merge of everything, and what is held stays bounded as
/// weeks are added.
@Suite(.serialized) struct BoundedCorpusTests {
    static let towns = ["Kelbrook", "Harrowby", "Dunmere", "Ashcombe", "Penwick", "Marlston", "Thornleigh", "Easterby",
                        "Brackwell", "Coldharbour", "Wystan", "Ferrisham", "Glenarrow", "Holloway", "Ivybridge", "Larkhill",
                        "Moorfield", "Norbury", "Oakhanger", "Quarley", "Redmarsh", "Saltwood", "Tinsley", "Upwell",
                        "Vexley", "Whitmoor", "Yarrow", "Zennor", "Alderney", "Bexford"]

    func day(_ d: Int) -> String {
        // Days after Monday 2021-01-04.
        let date = Date(timeIntervalSince1970: Double(18_631 + d) * 86_400)
        let f = DateFormatter()
        f.locale = Locale(identifier: "en_US_POSIX")
        f.timeZone = TimeZone(identifier: "UTC")
        f.dateFormat = "yyyy-MM-dd"
        return f.string(from: date)
    }

    /// Events of six kinds, each as a statement and a paraphrase (`{t}`: town, `{n}`: a number).
    static let events: [(String, String)] = [
        ("Heavy rain flooded the river valley near {t} and forced {n} residents from their homes, officials said.",
         "Officials said {n} residents were forced from their homes near {t} after heavy rain flooded the river valley."),
        ("A warehouse fire in {t} destroyed {n} tonnes of grain stored for export, firefighters said.",
         "Firefighters said {n} tonnes of export grain were destroyed when fire swept through a warehouse in {t}."),
        ("Dock workers in {t} walked out over pay, halting {n} container ships at the port, the union said.",
         "The union said {n} container ships were halted at the port of {t} after dock workers walked out over pay."),
        ("An earthquake shook the hills above {t}, damaging {n} houses and cutting power, the agency said.",
         "The agency said {n} houses were damaged and power was cut when an earthquake shook the hills above {t}."),
        ("A freight train derailed outside {t}, spilling {n} litres of diesel into the canal, inspectors said.",
         "Inspectors said {n} litres of diesel spilled into the canal when a freight train derailed outside {t}."),
        ("Voters in {t} approved a new hospital budget by {n} votes in the Sunday referendum, the council said.",
         "The council said the new hospital budget for {t} was approved by {n} votes in the Sunday referendum."),
    ]

    func event(_ w: Int, paraphrase: Bool = false, half: Bool = false) -> String {
        let (s, p) = BoundedCorpusTests.events[w % BoundedCorpusTests.events.count]
        let n = (1_000 + 100 * w) / (half ? 2 : 1)
        return (paraphrase ? p : s).replacingOccurrences(of: "{t}", with: BoundedCorpusTests.towns[w % BoundedCorpusTests.towns.count])
            .replacingOccurrences(of: "{n}", with: String(n))
    }

    /// Four articles a week about that week's event (two agreeing, one with another number) and
    /// a follow-up the next week that restates it: claim groups, stories and conflicts that reach
    /// across a week boundary. `chained`: the follow-up also reports the next week's event, so
    /// that links go on from week to week.
    func weeklyCorpus(weeks: Int, chained: Bool = false, undated: Bool = false, chain: Int = 3, storyChain: Bool = false) -> [SourceDocument] {
        var docs = [SourceDocument]()
        for w in 0..<weeks {
            let town = BoundedCorpusTests.towns[w % BoundedCorpusTests.towns.count]
            func doc(_ n: String, _ d: Int, _ body: String) {
                docs.append(SourceDocument(key: "w\(String(format: "%02d", w))-\(n).txt", title: nil, published: day(7 * w + d), body: body, origin: n))
            }
            doc("a", 1, event(w) + " The regional governor visited \(town) on Tuesday.")
            doc("b", 2, event(w, paraphrase: true) + " Volunteers from \(town) worked through the night.")
            doc("c", 3, event(w, half: true) + " Volunteers from \(town) worked through the night.")
            // Chains of `chain` weeks when chained.
            let next = BoundedCorpusTests.towns[(w + 1) % BoundedCorpusTests.towns.count]
            doc("d", 8, event(w, paraphrase: true) + " Officials in \(town) promised a full inquiry." + (chained && w % chain != chain - 1 ? " " + event(w + 1) : "")
                + (storyChain ? " Relief crews and \(next) residents were told to expect the storm in \(next) next." : ""))
        }
        if undated {
            docs.append(SourceDocument(key: "u1.txt", title: nil, published: nil, body: event(0), origin: "u1"))
            docs.append(SourceDocument(key: "u2.txt", title: nil, published: nil, body: event(5, paraphrase: true), origin: "u2"))
        }
        return docs
    }

    @Test(arguments: [false, true])
    func componentsFinishedEarlyGiveWhatOneMergeOfEverythingGives(undated: Bool) throws {
        let (_, store) = try importDocs(weeklyCorpus(weeks: 12, chained: true, undated: undated))
        let db = store.db
        let early = try corpusViews(db)
        let summary = try ClaimCorpus(db: db).update(full: true)
        #expect(try corpusViews(db) == early)
        // Components were finished along the way (those an undated document reaches stay to the end).
        if !undated { #expect(summary.peakLiveDocuments < summary.documents, "\(summary)") }
        // The same phase with every component kept to the end and merged then: one global merge.
        let global = try ClaimCorpus(db: db).update(finalizeEarly: false, full: true)
        #expect(try corpusViews(db) == early)
        #expect(global.documents == 12 * 4 + (undated ? 2 : 0))
        // What the corpus holds: groups across documents and weeks, conflicts, several stories.
        #expect(global.groups >= 12, "\(global)")
        // (Conflicts need two sources of one proposition, the same holder and period: fewer of
        // the generator's number clashes qualify than before.)
        #expect(global.conflicts >= 4, "\(global)")
        #expect(global.stories >= 12, "\(global)")
        // Follow-ups grouped with the week before.
        let crossWeek = try db.int("""
            SELECT count(DISTINCT claim_group) FROM claim_evidence WHERE document LIKE '%-d.txt'
               AND claim_group IN (SELECT claim_group FROM claim_evidence WHERE document LIKE '%-a.txt')
            """)
        #expect(crossWeek >= 6)
        #expect(try db.int("SELECT count(*) FROM disagreements WHERE kind = 'numeric'") >= 12)
    }

    /// A window compares a pair when one of its two documents is in the window's first bucket
    /// (the quick test the comparisons use) exactly when the window owns the pair.
    @Test func aWindowComparesThePairsItOwns() {
        for (w, buckets) in [(Optional(5), [Optional(5), 6, nil]), (nil, [nil])] {
            for a in buckets {
                for b in buckets {
                    #expect((CorpusWindow.owner(a, b) == (w.map { .week($0) } ?? .undated)) == (a == w || b == w), "\(String(describing: a)) \(String(describing: b))")
                }
            }
        }
    }

    /// Keys numbered in memory (a vocabulary that fits in one chunk) or by SQLite after chunks
    /// spilled to a table give the same ids, hence the same results.
    @Test func keysSpilledToATableGiveWhatKeysCountedInMemoryGive() throws {
        let (_, store) = try importDocs(weeklyCorpus(weeks: 6, chained: true, undated: true))
        let db = store.db
        let inMemory = try corpusViews(db)
        var corpus = ClaimCorpus(db: db)
        corpus.keyChunkLimit = 16
        let spilled = try corpus.update(full: true)
        #expect(spilled.keys > 16 * 4, "\(spilled)")
        #expect(try corpusViews(db) == inMemory)
        #expect(spilled.groups > 0 && spilled.conflicts > 0)
    }

    @Test func stateHeldStaysBoundedAsWeeksAreAdded() throws {
        let (_, short) = try importDocs(weeklyCorpus(weeks: 4))
        let (_, long) = try importDocs(weeklyCorpus(weeks: 24))
        let a = try ClaimCorpus(db: short.db).update(full: true)
        let b = try ClaimCorpus(db: long.db).update(full: true)
        #expect(b.documents == 6 * a.documents)
        // At most the documents of the weeks a window reaches (about three weeks' worth), however
        // many weeks there are.
        #expect(b.peakLiveDocuments > 0 && b.peakLiveDocuments <= 3 * 4, "\(b)")
        #expect(b.peakLiveDocuments <= a.peakLiveDocuments + 4, "\(a) \(b)")
        #expect(b.peakLiveClaims <= a.peakLiveClaims + 12, "\(a) \(b)")
        // Kept to the end, everything is held at once.
        let global = try ClaimCorpus(db: long.db).update(finalizeEarly: false, full: true)
        #expect(global.peakLiveDocuments == b.documents)
        #expect(global.groups == b.groups && global.stories == b.stories && global.conflicts == b.conflicts)
        // Even then, components are merged one at a time: never everything held at once.
        #expect(global.peakMergingDocuments > 0 && global.peakMergingDocuments < global.documents, "\(global)")
        #expect(global.peakMergingClaims > 0 && global.peakMergingClaims < global.peakLiveClaims, "\(global)")
        #expect(b.peakMergingDocuments <= b.peakLiveDocuments && b.peakMergingClaims <= b.peakLiveClaims, "\(b)")
    }

    /// The graph hands over exactly the connected components of all its joining links, each
    /// with its links in order of arrival (pairs that do not join: only when both ends are in
    /// it), one at a time — whether its tables are compacted often or never.
    @Test(arguments: [0, 1_000_000])
    func liveGraphHandsOverTheComponentsOfAllItsLinks(compactionMinimum: Int) {
        var rng: UInt64 = 0x2545_F491_4F6C_DD1D
        func next() -> UInt64 { rng ^= rng << 13; rng ^= rng >> 7; rng ^= rng << 17; return rng }
        for _ in 0..<10 {
            let n = 200 + Int(next() % 200)
            // Nodes in blocks of ten (buckets); a few undated ones, reached by any bucket.
            let undated = Set((0..<n).filter { _ in next() % 40 == 0 })
            func bucket(_ i: Int) -> Int? { undated.contains(i) ? nil : i / 10 }
            let graph = LiveGraph<Int, Int, Int>()
            graph.compactionMinimum = compactionMinimum
            var links = [(a: Int, b: Int, joins: Bool)]()
            var taken = [LiveGraph<Int, Int, Int>.Component]()
            for b in 0...((n - 1) / 10) {
                for i in (b * 10)..<min(n, b * 10 + 20) { graph.add(i, bucket: bucket(i), 1000 + i) }
                for i in undated { graph.add(i, bucket: nil, 1000 + i) }
                // Links within the window (buckets b and b + 1, and the undated nodes).
                let window = Array((b * 10)..<min(n, b * 10 + 20)) + undated.sorted()
                for _ in 0..<(8 + Int(next() % 8)) {
                    let x = window[Int(next() % UInt64(window.count))], y = window[Int(next() % UInt64(window.count))]
                    guard x != y, CorpusWindow.owner(bucket(x), bucket(y)) == .week(b) else { continue }
                    let joins = next() % 3 != 0
                    graph.link(x, y, links.count, joins: joins)
                    links.append((x, y, joins))
                }
                graph.takeFinished(through: b) { taken.append($0) }
            }
            // The undated window: pairs of undated nodes.
            let u = undated.sorted()
            for (i, x) in u.enumerated() where i + 1 < u.count && next() % 2 == 0 {
                graph.link(x, u[i + 1], links.count)
                links.append((x, u[i + 1], true))
            }
            graph.takeFinished(through: nil) { taken.append($0) }
            #expect(graph.count == 0 && graph.linkCount == 0)
            // The reference: components of every joining link, over every node.
            var parent = Array(0..<n)
            func find(_ x: Int) -> Int { parent[x] == x ? x : find(parent[x]) }
            for l in links where l.joins { parent[find(l.a)] = find(l.b) }
            var expected = [Int: (nodes: [Int], links: [Int])]()
            for i in 0..<n { expected[find(i), default: ([], [])].nodes.append(i) }
            for (k, l) in links.enumerated() where find(l.a) == find(l.b) { expected[find(l.a)]!.links.append(k) }
            let got = taken.map { c in
                (nodes: c.nodes.sorted(), links: c.values,
                 ok: c.nodes.indices.allSatisfy { c.infos[$0] == 1000 + c.nodes[$0] }
                     && c.values.indices.allSatisfy { k in
                         let l = links[c.values[k]]
                         return c.nodes[Int(c.ends[k].a)] == l.a && c.nodes[Int(c.ends[k].b)] == l.b && c.joins[k] == l.joins
                     })
            }
            let allOK = got.allSatisfy { $0.ok }
            #expect(allOK)
            let gotSorted: [(nodes: [Int], links: [Int])] = got.map { ($0.nodes, $0.links) }.sorted { $0.nodes[0] < $1.nodes[0] }
            let expectedSorted: [(nodes: [Int], links: [Int])] = expected.values.sorted { $0.nodes[0] < $1.nodes[0] }
            let gotNodes: [[Int]] = gotSorted.map { $0.nodes }, expectedNodes: [[Int]] = expectedSorted.map { $0.nodes }
            let gotLinks: [[Int]] = gotSorted.map { $0.links }, expectedLinks: [[Int]] = expectedSorted.map { $0.links }
            #expect(gotNodes == expectedNodes)
            #expect(gotLinks == expectedLinks)
            let largest = expectedNodes.map { $0.count }.max()
            #expect(graph.peakHandedOver == largest)
            #expect(compactionMinimum > 0 ? graph.compactions == 0 : graph.compactions > 0)
        }
    }

    /// Merging each connected component on its own equals merging all edges at once, on random
    /// graphs (best first, average linkage: a merge only ever looks inside its component).
    @Test func mergingComponentsApartEqualsOneMerge() {
        var rng: UInt64 = 0x9E37_79B9_7F4A_7C15
        func next() -> UInt64 { rng ^= rng << 13; rng ^= rng >> 7; rng ^= rng << 17; return rng }
        let grouper = ClaimGrouper()
        for _ in 0..<20 {
            let n = 60 + Int(next() % 60)
            var edges = [(sim: Double, a: Int32, b: Int32)]()
            var seen = Set<Int>()
            for _ in 0..<(n + Int(next() % UInt64(n))) {
                let a = Int(next() % UInt64(n))
                // Mostly near neighbours, like claims of nearby weeks.
                let b = min(n - 1, a + 1 + Int(next() % 4))
                guard a != b, seen.insert(a * n + b).inserted else { continue }
                edges.append((sim: 0.5 + Double(next() % 50) / 100, a: Int32(a), b: Int32(b)))
            }
            // In the order windows would find them: by the first node's bucket (nodes in blocks of
            // ten; an edge never spans more than two blocks).
            edges.sort { ($0.a / 10, $0.a, $0.b) < ($1.a / 10, $1.a, $1.b) }
            let whole = grouper.merge(nodeCount: n, edges: edges)
            let graph = LiveGraph<Int, Int, Double>()
            var components = [LiveGraph<Int, Int, Double>.Component]()
            var next = 0
            for bucket in 0...((n - 1) / 10) {
                for i in (bucket * 10)..<min(n, bucket * 10 + 20) { graph.add(i, bucket: i / 10, i) }
                while next < edges.count && Int(edges[next].a) / 10 == bucket {
                    graph.link(Int(edges[next].a), Int(edges[next].b), edges[next].sim)
                    next += 1
                }
                graph.takeFinished(through: bucket) { components.append($0) }
            }
            graph.takeFinished(through: nil) { components.append($0) }
            #expect(graph.count == 0)
            #expect(components.count > 1)
            var groups = [[Int]]()
            var best = [Double](repeating: 0, count: n)
            for c in components {
                let nodes = c.nodes.sorted()
                let rank = Dictionary(uniqueKeysWithValues: nodes.enumerated().map { ($0.element, Int32($0.offset)) })
                let m = grouper.merge(nodeCount: nodes.count, edges: c.ends.indices.map {
                    (sim: c.values[$0], a: rank[c.nodes[Int(c.ends[$0].a)]]!, b: rank[c.nodes[Int(c.ends[$0].b)]]!)
                })
                groups += m.groups.map { $0.map { nodes[$0] } }
                for (i, x) in nodes.enumerated() { best[x] = m.best[i] }
            }
            #expect(groups.sorted { $0[0] < $1[0] } == whole.groups)
            #expect(best == whole.best)
        }
    }
}
