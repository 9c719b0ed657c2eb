import Foundation

/// The part of a graph the corpus phase still holds between windows: nodes (documents or
/// claims) whose component may still grow, with the links among them, as connected components
/// (union-find over the live nodes only, each component with its nodes, its links and its
/// last week bucket).
///
/// A window compares the documents of two consecutive week buckets (plus the undated ones), so
/// once the window starting at bucket `b` is done, no later window can link a node of bucket
/// `b` or earlier to anything but an undated node. A component whose nodes are all dated and
/// in buckets up to `b` can never change: ``takeFinished(through:)`` hands it over (to be
/// merged and written) and forgets it; a component with an undated node stays to the end.
/// Merging each finished component on its own gives exactly what one merge of all links would:
/// best-first merging only looks inside the component of a link, and links keep their order of
/// arrival. Each call costs in proportion to what it hands over, not to what is held.
final class LiveGraph<Node: Hashable, Info, Link> {
    /// A finished component.
    struct Component {
        /// Its nodes (any order) with what was recorded for each.
        var nodes: [(node: Node, info: Info)] = []
        /// Its links, in order of arrival.
        var links: [StoredLink] = []
    }

    /// A link as stored.
    struct StoredLink {
        /// Order of arrival.
        var sequence: Int
        var a: Node, b: Node
        var link: Link
    }

    private struct Root {
        var nodes: [Node]
        /// Its links, and pairs from one of its nodes that do not join (kept on one side only:
        /// such a pair matters only if the two sides join).
        var links: [StoredLink] = []
        var last: Int
        var undated: Bool
    }

    private var info = [Node: (bucket: Int?, info: Info)]()
    private var parent = [Node: Node]()
    private var roots = [Node: Root]()
    /// Roots of components without undated nodes, by their last bucket.
    private var byLast = [Int: Set<Node>]()
    private var sequence = 0
    /// The most nodes held at once.
    private(set) var peak = 0
    /// Links held now.
    private(set) var linkCount = 0

    /// Nodes held now.
    var count: Int { info.count }


    /// Adds a node (once; later calls for the same node are ignored).
    func add(_ node: Node, bucket: Int?, _ value: @autoclosure () -> Info) {
        guard info[node] == nil else { return }
        info[node] = (bucket, value())
        parent[node] = node
        roots[node] = Root(nodes: [node], last: bucket ?? Int.min, undated: bucket == nil)
        if let bucket { byLast[bucket, default: []].insert(node) }
        peak = max(peak, info.count)
    }

    private func find(_ x: Node) -> Node {
        var x = x
        while let p = parent[x], p != x {
            let g = parent[p] ?? p
            parent[x] = g
            x = g
        }
        return x
    }

    private func unlist(_ r: Node, _ root: Root) {
        guard !root.undated else { return }
        byLast[root.last]?.remove(r)
        if byLast[root.last]?.isEmpty == true { byLast[root.last] = nil }
    }

    /// Adds a link between two nodes already added; `joins` false records it without
    /// connecting them (a compared pair that only matters if other links connect them).
    func link(_ a: Node, _ b: Node, _ link: Link, joins: Bool = true) {
        let stored = StoredLink(sequence: sequence, a: a, b: b, link: link)
        sequence += 1
        linkCount += 1
        var ra = find(a), rb = find(b)
        if ra != rb && joins {
            if roots[ra]!.nodes.count < roots[rb]!.nodes.count { swap(&ra, &rb) }
            // Taken out of the dictionary, so that appending does not copy the arrays.
            var x = roots.removeValue(forKey: rb)!
            var k = roots.removeValue(forKey: ra)!
            unlist(ra, k)
            unlist(rb, x)
            k.nodes += x.nodes
            if k.links.count < x.links.count { swap(&k.links, &x.links) }
            k.links += x.links
            k.last = max(k.last, x.last)
            k.undated = k.undated || x.undated
            if !k.undated { byLast[k.last, default: []].insert(ra) }
            roots[ra] = k
            parent[rb] = ra
            rb = ra
        }
        roots[ra]!.links.append(stored)
    }

    /// Removes and returns the components that no later window can change: all their nodes
    /// dated and in buckets up to `bucket` (nil: every component, at the end). A link that does
    /// not join its nodes is returned with their component when both are in it, and dropped
    /// when they are in two components one of which is finished (it can never be consulted).
    func takeFinished(through bucket: Int?) -> [Component] {
        var finished = [Node]()
        if let bucket {
            for b in byLast.keys where b <= bucket { finished += byLast.removeValue(forKey: b)! }
        } else {
            finished = Array(roots.keys)
            byLast = [:]
        }
        var out = [Component]()
        out.reserveCapacity(finished.count)
        for r in finished {
            var root = roots.removeValue(forKey: r)!
            var c = Component()
            c.nodes = root.nodes.map { ($0, info[$0]!.info) }
            linkCount -= root.links.count
            // In place: a long chain's links are the largest thing held.
            root.links.removeAll { find($0.a) != r || find($0.b) != r }
            root.links.sort { $0.sequence < $1.sequence }
            c.links = root.links
            for n in root.nodes { info[n] = nil }
            out.append(c)
        }
        // Parents last: finding a node of another finished component must not reach this one.
        for c in out { for n in c.nodes { parent[n.node] = nil } }
        return out
    }
}
