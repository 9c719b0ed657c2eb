import Foundation

/// The part of a graph the corpus phase still holds between windows: nodes (documents or
/// claims) whose component may still grow, with the links among them, as connected components
/// (union-find over the live nodes only).
///
/// A window compares the documents of two consecutive week buckets (plus the undated ones), so
/// once the window starting at bucket `b` is done, no later window can link a node of bucket
/// `b` or earlier to anything but an undated node. A component whose nodes are all dated and
/// in buckets up to `b` can never change: ``takeFinished(through:)`` hands it over (to be
/// merged and written) and forgets it; a component with an undated node stays to the end.
/// Merging each finished component on its own gives exactly what one merge of all links would:
/// best-first merging only looks inside the component of a link, and links keep their order of
/// arrival.
final class LiveGraph<Node: Hashable, Info, Link> {
    /// A finished component.
    struct Component {
        /// Its nodes (any order) with what was recorded for each.
        var nodes: [(node: Node, info: Info)] = []
        /// Its links, in order of arrival.
        var links: [(a: Node, b: Node, link: Link)] = []
    }

    private var info = [Node: (bucket: Int?, info: Info)]()
    private var parent = [Node: Node]()
    private var links = [(a: Node, b: Node, link: Link)]()
    /// The most nodes held at once.
    private(set) var peak = 0

    /// Nodes held now.
    var count: Int { info.count }

    func contains(_ node: Node) -> Bool { info[node] != nil }

    /// Adds a node (once; later calls for the same node are ignored).
    func add(_ node: Node, bucket: Int?, _ value: @autoclosure () -> Info) {
        guard info[node] == nil else { return }
        info[node] = (bucket, value())
        parent[node] = node
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

    /// Adds a link between two nodes already added; `joins` false records it without
    /// connecting them (a compared pair that only matters if other links connect them).
    func link(_ a: Node, _ b: Node, _ link: Link, joins: Bool = true) {
        links.append((a, b, link))
        guard joins else { return }
        let ra = find(a), rb = find(b)
        if ra != rb { parent[rb] = ra }
    }

    /// Removes and returns the components that no later window can change: all their nodes
    /// dated and in buckets up to `bucket` (nil: every component, at the end). A link that does
    /// not join its nodes is returned with their component when both are in it, and dropped
    /// when they are in two components one of which is finished (it can never be consulted).
    func takeFinished(through bucket: Int?) -> [Component] {
        guard !info.isEmpty else { return [] }
        var rootOf = [Node: Node](minimumCapacity: info.count)
        var state = [Node: (undated: Bool, last: Int)]()
        for (n, v) in info {
            let r = find(n)
            rootOf[n] = r
            var s = state[r] ?? (false, Int.min)
            if let b = v.bucket { s.last = max(s.last, b) } else { s.undated = true }
            state[r] = s
        }
        var finished = Set<Node>()
        for (r, s) in state where bucket == nil || (!s.undated && s.last <= bucket!) { finished.insert(r) }
        guard !finished.isEmpty else { return [] }
        var out = [Node: Component]()
        var keptInfo = [Node: (bucket: Int?, info: Info)]()
        for (n, v) in info {
            let r = rootOf[n]!
            if finished.contains(r) { out[r, default: Component()].nodes.append((n, v.info)) } else { keptInfo[n] = v }
        }
        var keptLinks = [(a: Node, b: Node, link: Link)]()
        for l in links {
            let ra = rootOf[l.a]!, rb = rootOf[l.b]!
            let fa = finished.contains(ra), fb = finished.contains(rb)
            if fa || fb {
                if ra == rb { out[ra]!.links.append(l) }
            } else {
                keptLinks.append(l)
            }
        }
        info = keptInfo
        links = keptLinks
        var kept = [Node: Node](minimumCapacity: info.count)
        for n in info.keys { kept[n] = rootOf[n]! }
        parent = kept
        return Array(out.values)
    }
}
