import Foundation

/// The part of a graph the corpus phase still holds between windows: nodes (documents or
/// claims) whose component may still grow, with the links among them, as connected components
/// (union-find over the live nodes only, each component with its nodes, its links and its
/// last week bucket).
///
/// A window compares the documents of two consecutive week buckets (plus the undated ones), so
/// once the window starting at bucket `b` is done, no later window can link a node of bucket
/// `b` or earlier to anything but an undated node. A component whose nodes are all dated and
/// in buckets up to `b` can never change: ``takeFinished(through:_:)`` hands it over (to be
/// merged and written) and forgets it; a component with an undated node stays to the end.
/// Merging each finished component on its own gives exactly what one merge of all links would:
/// best-first merging only looks inside the component of a link, and links keep their order of
/// arrival. Each call costs in proportion to what it hands over, not to what is held.
///
/// **Storage.** Long chains of links are the largest thing the corpus phase holds, so the graph
/// is kept compact: nodes live in numbered slots (struct of arrays: parent, the next node of
/// its component, and for a root its last node, first and last link, size, last bucket), links
/// in one flat table in order of arrival (their two slots, their value, the next link of their
/// component), each component's nodes and links as lists threaded through those tables (two
/// components join in constant time). Slots and links of finished components are dead until
/// the tables are compacted in place, which happens once the dead are a quarter of the living
/// (so compaction costs, amortized, a constant per node or link removed, and keeps order of
/// arrival); full tables grow by a quarter. The tables thus hold little more than what is alive.
final class LiveGraph<Node: Hashable, Info, Link> {
    /// A finished component, handed over by ``takeFinished(through:_:)``.
    struct Component {
        /// Its nodes (any order).
        var nodes: [Node] = []
        /// What was recorded for each node (same order as ``nodes``).
        var infos: [Info] = []
        /// Its links in order of arrival: their two ends (indices into ``nodes``), ...
        var ends: [(a: Int32, b: Int32)] = []
        /// ... their values, ...
        var values: [Link] = []
        /// ... and whether each joins its ends (false: a pair recorded by `link(_:_:_:joins:)`
        /// with `joins` false).
        var joins: [Bool] = []
    }

    // Slots (one per node held, dead ones until compaction).
    private var slotOf = [Node: Int32]()
    private var key = [Node?]()
    private var info = [Info?]()
    /// Union-find parent; -1: dead.
    private var parent = [Int32]()
    /// The next node of the same component (-1: the last); a root is the first of its list.
    private var nextNode = [Int32]()
    // Per root (meaningless for other slots).
    private var lastNode = [Int32]()
    private var firstLink = [Int32]()
    private var lastLink = [Int32]()
    private var size = [Int32]()
    /// The last bucket of the component's dated nodes (Int.min: none).
    private var lastBucket = [Int]()
    private var undated = [Bool]()

    // Links in order of arrival (dead ones until compaction: `linkA` -1).
    private var linkA = [Int32]()
    private var linkB = [Int32]()
    private var linkValue = [Link]()
    private var linkJoins = [Bool]()
    /// The next link of the same component (-1: the last).
    private var nextLink = [Int32]()

    /// Roots of components without undated nodes, by their last bucket.
    private var byLast = [Int: Set<Int32>]()
    private var deadSlots = 0, deadLinks = 0
    /// The most nodes held at once.
    private(set) var peak = 0
    /// Links held now.
    private(set) var linkCount = 0
    /// The most nodes handed over and not yet given back at once: a finished component is in
    /// memory as a whole while it is merged, the others are not (so this is the largest
    /// component, not all that finished at once).
    private(set) var peakHandedOver = 0
    private var handedOver = 0
    /// Components handed over so far.
    private(set) var componentsTaken = 0
    /// Times the tables were compacted.
    private(set) var compactions = 0
    /// Dead slots (and four times as many dead links) tolerated before compaction whatever the
    /// living (small tables are not worth compacting).
    var compactionMinimum = 1024

    /// Nodes held now.
    var count: Int { slotOf.count }

    /// Adds a node (once; later calls for the same node are ignored).
    func add(_ node: Node, bucket: Int?, _ value: @autoclosure () -> Info) {
        guard slotOf[node] == nil else { return }
        let s = Int32(key.count)
        slotOf[node] = s
        LiveGraph.append(&key, node)
        LiveGraph.append(&info, value())
        LiveGraph.append(&parent, s)
        LiveGraph.append(&nextNode, -1)
        LiveGraph.append(&lastNode, s)
        LiveGraph.append(&firstLink, -1)
        LiveGraph.append(&lastLink, -1)
        LiveGraph.append(&size, 1)
        LiveGraph.append(&lastBucket, bucket ?? Int.min)
        LiveGraph.append(&undated, bucket == nil)
        if let bucket { byLast[bucket, default: []].insert(s) }
        peak = max(peak, slotOf.count)
    }

    private func find(_ x: Int32) -> Int32 {
        var x = x
        while true {
            let p = parent[Int(x)]
            if p == x || p < 0 { return p < 0 ? -1 : x }
            let g = parent[Int(p)]
            parent[Int(x)] = g
            x = g
        }
    }

    private func unlist(_ r: Int32) {
        let i = Int(r)
        guard !undated[i] else { return }
        let b = lastBucket[i]
        byLast[b]?.remove(r)
        if byLast[b]?.isEmpty == true { byLast[b] = nil }
    }

    /// Adds a link between two nodes already added; `joins` false records it without
    /// connecting them (a compared pair that only matters if other links connect them).
    func link(_ a: Node, _ b: Node, _ value: Link, joins: Bool = true) {
        let sa = slotOf[a]!, sb = slotOf[b]!
        var ra = find(sa), rb = find(sb)
        if ra != rb && joins {
            if size[Int(ra)] < size[Int(rb)] { swap(&ra, &rb) }
            unlist(ra)
            unlist(rb)
            let (k, x) = (Int(ra), Int(rb))
            // Node lists and link lists concatenated.
            nextNode[Int(lastNode[k])] = rb
            lastNode[k] = lastNode[x]
            if firstLink[x] >= 0 {
                if lastLink[k] >= 0 { nextLink[Int(lastLink[k])] = firstLink[x] } else { firstLink[k] = firstLink[x] }
                lastLink[k] = lastLink[x]
            }
            size[k] += size[x]
            lastBucket[k] = max(lastBucket[k], lastBucket[x])
            undated[k] = undated[k] || undated[x]
            if !undated[k] { byLast[lastBucket[k], default: []].insert(ra) }
            parent[x] = ra
            rb = ra
        }
        // Kept with the component of `a` (a pair that does not join matters only if the two
        // sides join later).
        let l = Int32(linkA.count)
        LiveGraph.append(&linkA, sa)
        LiveGraph.append(&linkB, sb)
        LiveGraph.append(&linkValue, value)
        LiveGraph.append(&linkJoins, joins)
        LiveGraph.append(&nextLink, -1)
        let r = Int(ra)
        if lastLink[r] >= 0 { nextLink[Int(lastLink[r])] = l } else { firstLink[r] = l }
        lastLink[r] = l
        linkCount += 1
    }

    /// Removes the components that no later window can change — all their nodes dated and in
    /// buckets up to `bucket` (nil: every component, at the end) — and hands them to `body` one
    /// at a time, forgotten before the next is built. A link that does not join its nodes is
    /// handed over with their component when both are in it, and dropped when they are in two
    /// components one of which is finished (it can never be consulted).
    func takeFinished(through bucket: Int?, _ body: (inout Component) throws -> Void) rethrows {
        var finished = [Int32]()
        if let bucket {
            for b in byLast.keys.filter({ $0 <= bucket }) { finished += byLast.removeValue(forKey: b)! }
        } else {
            for s in parent.indices where parent[s] == Int32(s) { finished.append(Int32(s)) }
            byLast = [:]
        }
        var next = 0
        while next < finished.count {
            let r = finished[next]
            next += 1
            var c = Component()
            let n = Int(size[Int(r)])
            c.nodes.reserveCapacity(n)
            c.infos.reserveCapacity(n)
            // Each node's index in the component, kept in `size` (read only for roots, and
            // these slots die).
            var s = r
            while s >= 0 {
                size[Int(s)] = Int32(c.nodes.count)
                c.nodes.append(key[Int(s)]!)
                c.infos.append(info[Int(s)]!)
                s = nextNode[Int(s)]
            }
            // Links in order of arrival: the component's list, sorted by position.
            var links = [Int32]()
            var l = firstLink[Int(r)]
            while l >= 0 { links.append(l); l = nextLink[Int(l)] }
            links.sort()
            linkCount -= links.count
            deadLinks += links.count
            c.ends.reserveCapacity(links.count)
            c.values.reserveCapacity(links.count)
            c.joins.reserveCapacity(links.count)
            for l in links {
                let i = Int(l)
                // A pair whose other side is in another component: never consulted.
                let (a, b) = (linkA[i], linkB[i])
                if find(a) == r && find(b) == r {
                    c.ends.append((size[Int(a)], size[Int(b)]))
                    c.values.append(linkValue[i])
                    c.joins.append(linkJoins[i])
                }
                linkA[i] = -1
            }
            links = []
            // The slots die (a node of another component that finds this one finds none).
            s = r
            while s >= 0 {
                let i = Int(s)
                slotOf[key[i]!] = nil
                key[i] = nil
                info[i] = nil
                parent[i] = -1
                s = nextNode[i]
            }
            deadSlots += n
            componentsTaken += 1
            // Before the component is merged, so that what it held is given back first.
            if compactionIsWorthIt { compact(remapping: &finished, from: next) }
            handedOver += n
            peakHandedOver = max(peakHandedOver, handedOver)
            defer { handedOver -= n }
            try body(&c)
        }
    }

    /// Whether the dead slots or links are more than a quarter of the living (and are many): the
    /// tables then hold at most a quarter more than what is alive.
    private var compactionIsWorthIt: Bool {
        let liveSlots = key.count - deadSlots, liveLinks = linkA.count - deadLinks
        return deadSlots > max(liveSlots / 4, compactionMinimum) || deadLinks > max(liveLinks / 4, 4 * compactionMinimum)
    }

    /// Renumbers the living slots and links (keeping their order), drops links with a dead
    /// end, and threads each component's link list again (in order of arrival). `roots` from
    /// `from` on are renumbered too. In place: the living move down, the tables keep their
    /// capacity for what comes next (no second copy of them is ever held), unless they are
    /// mostly empty.
    private func compact(remapping roots: inout [Int32], from: Int) {
        compactions += 1
        var newSlot = [Int32](repeating: -1, count: key.count)
        var live = 0
        for s in parent.indices where parent[s] >= 0 { newSlot[s] = Int32(live); live += 1 }
        func moved(_ x: Int32) -> Int32 { x < 0 ? -1 : newSlot[Int(x)] }
        // A slot's new number is never above its old one: fields move down, in order.
        for s in parent.indices {
            let t = Int(newSlot[s])
            guard t >= 0 else { continue }
            if t != s {
                key[t] = key[s]
                info[t] = info[s]
                info[s] = nil
                size[t] = size[s]
                lastBucket[t] = lastBucket[s]
                undated[t] = undated[s]
            }
            parent[t] = moved(parent[s])
            nextNode[t] = moved(nextNode[s])
            lastNode[t] = moved(lastNode[s])
        }
        let deadNow = key.count - live
        func truncate<T>(_ a: inout [T]) {
            a.removeLast(a.count - live)
            if a.capacity > 2 * live + 1024 { a = LiveGraph.shrunk(a) }
        }
        truncate(&key); truncate(&info); truncate(&parent); truncate(&nextNode); truncate(&lastNode)
        truncate(&size); truncate(&lastBucket); truncate(&undated)
        if deadNow > 0 {
            for (s, k) in key.enumerated() { slotOf[k!] = Int32(s) }
        }
        byLast = [:]
        for s in parent.indices where parent[s] == Int32(s) && !undated[s] {
            byLast[lastBucket[s], default: []].insert(Int32(s))
        }
        // Links: the living ones whose two ends live, in order, each appended to the list of
        // the component of its first end.
        var w = 0
        for l in linkA.indices where linkA[l] >= 0 {
            let a = newSlot[Int(linkA[l])], b = newSlot[Int(linkB[l])]
            guard a >= 0, b >= 0 else { linkCount -= 1; continue }
            linkA[w] = a
            linkB[w] = b
            linkValue[w] = linkValue[l]
            linkJoins[w] = linkJoins[l]
            w += 1
        }
        func truncateLinks<T>(_ a: inout [T]) {
            a.removeLast(a.count - w)
            if a.capacity > 2 * w + 4096 { a = LiveGraph.shrunk(a) }
        }
        truncateLinks(&linkA); truncateLinks(&linkB); truncateLinks(&linkValue); truncateLinks(&linkJoins)
        truncateLinks(&nextLink)
        // Components about to be handed over are no longer listed.
        for i in from..<roots.count {
            roots[i] = newSlot[Int(roots[i])]
            unlist(roots[i])
        }
        newSlot = []
        firstLink.removeLast(firstLink.count - live)
        lastLink.removeLast(lastLink.count - live)
        if firstLink.capacity > 2 * live + 1024 { firstLink = LiveGraph.shrunk(firstLink); lastLink = LiveGraph.shrunk(lastLink) }
        for s in 0..<live { firstLink[s] = -1; lastLink[s] = -1 }
        for l in 0..<w {
            nextLink[l] = -1
            let r = Int(find(linkA[l]))
            if lastLink[r] >= 0 { nextLink[Int(lastLink[r])] = Int32(l) } else { firstLink[r] = Int32(l) }
            lastLink[r] = Int32(l)
        }
        deadSlots = 0
        deadLinks = 0
        if key.isEmpty { slotOf = [:] }
        // Tables that were mostly empty were given back: hand their pages back too.
        ProcessStats.returnFreedMemory()
    }

    /// `a`, with room for one more element: full tables grow by a quarter, not double (what is
    /// held is mostly these tables).
    @inline(__always)
    private static func append<T>(_ a: inout [T], _ x: T) {
        if a.count == a.capacity { a.reserveCapacity(a.count + a.count / 4 + 64) }
        a.append(x)
    }

    /// A copy of `a` with no spare capacity.
    private static func shrunk<T>(_ a: [T]) -> [T] {
        var out = [T]()
        out.reserveCapacity(a.count)
        out.append(contentsOf: a)
        return out
    }
}
