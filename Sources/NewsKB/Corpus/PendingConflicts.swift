/// Numeric and negation pairs waiting for their story: sources disagree within a story, so a
/// pair counts only if both its documents end in one story component. Each pair waits with the
/// first of its two documents and is settled when that document's story component is finished
/// (``take(documents:)``): kept when the other document is in the component too, dropped
/// otherwise — so conflicts never chain claims across stories and years.
///
/// Held compactly (claim ids, the other document's number and the kind: 24 bytes a pair):
/// long story chains hold many of them. The documents' ids come from the story component.
struct PendingConflicts {
    private struct Pair {
        var a: Int64, b: Int64
        /// The number of `b`'s document.
        var otherDocument: Int32
        var kind: ClaimGrouper.ConflictKind
    }

    /// Pairs by the number of their first document.
    private var pairs = [Int: [Pair]]()
    /// Pairs held now, and the most held at once.
    private(set) var count = 0, peak = 0

    /// Records a pair of claims `a` (of document number `document`) and `b` (of document number
    /// `otherDocument`).
    mutating func add(_ a: Int64, of document: Int, _ b: Int64, of otherDocument: Int, kind: ClaimGrouper.ConflictKind) {
        pairs[document, default: []].append(Pair(a: a, b: b, otherDocument: Int32(otherDocument), kind: kind))
        count += 1
        peak = max(peak, count)
    }

    /// Removes the pairs of a finished story component's documents (numbers, with their ids)
    /// and returns those whose two documents are both in it, with their claims.
    mutating func take(documents ids: [Int: Int64]) -> CorpusResults.ConflictComponent {
        var component = CorpusResults.ConflictComponent()
        var seen = Set<Int64>()
        for d in ids.keys.sorted() {
            guard let held = pairs.removeValue(forKey: d) else { continue }
            count -= held.count
            for p in held {
                guard let other = ids[Int(p.otherDocument)] else { continue }
                component.links.append((p.a, p.b, p.kind))
                if seen.insert(p.a).inserted { component.nodes.append((p.a, d, ids[d]!)) }
                if seen.insert(p.b).inserted { component.nodes.append((p.b, Int(p.otherDocument), other)) }
            }
        }
        return component
    }
}
