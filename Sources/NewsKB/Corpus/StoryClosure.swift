import Foundation
import NewsKBExtraction

/// The documents a partial run must recompute so that it gives what a run over everything would
/// (#17, ``CorpusPlan``): a set closed under stories — it holds every story, as it was and as it
/// will be, of each of its documents — and under claim components.
///
/// It starts from the documents changed, the documents their claim edges reach, and the stories
/// and claim components that held a changed or deleted document, and adds, until nothing more
/// comes, the story and the claim component of every document in it. Then it checks the story
/// links that leave it (``StoryGrouper/crossings(days:links:group:)``, over the links kept in
/// `corpus_story_links` and those the changed documents were just found to have): a story on the
/// other side that a merge of everything could join to it is added, with what it brings, and the
/// check runs again. A story component may hold most of a corpus (wire templates knit Reuters'
/// busy weeks into one of 13,819 documents) while its stories are small: only the stories whose
/// merge can change are recomputed, not the component.
final class StoryClosure {
    private let changed: Set<Int64>
    private let grouper: StoryGrouper
    /// The changed documents' story pairs, both ways.
    private let newLinks: [Int64: [(other: Int64, sim: Double)]]
    private let storyOfStmt, storyMembers, componentOfStmt, componentMembers, linksByA, linksByB, documentStmt, claimKeys: PreparedStatement
    private var linkCache = [Int64: [(other: Int64, sim: Double)]]()
    private var storyCache = [Int64: Int64?]()
    /// Story checks run (for traces).
    private(set) var checks = 0

    init(db: Database, changed: Set<Int64>, newLinks: [(a: Int64, b: Int64, sim: Double)], grouper: StoryGrouper) throws {
        self.changed = changed
        self.grouper = grouper
        var both = [Int64: [(other: Int64, sim: Double)]]()
        for l in newLinks {
            both[l.a, default: []].append((l.b, l.sim))
            both[l.b, default: []].append((l.a, l.sim))
        }
        self.newLinks = both
        storyOfStmt = try db.prepare("SELECT story_id FROM story_documents WHERE document_id = ?")
        storyMembers = try db.prepare("SELECT document_id FROM story_documents WHERE story_id = ?")
        componentOfStmt = try db.prepare("SELECT component FROM corpus_components WHERE document_id = ?")
        componentMembers = try db.prepare("SELECT document_id FROM corpus_components WHERE component = ?")
        linksByA = try db.prepare("SELECT b, sim FROM corpus_story_links WHERE a = ?")
        linksByB = try db.prepare("SELECT a, sim FROM corpus_story_links WHERE b = ?")
        documentStmt = try db.prepare("SELECT key, published FROM documents WHERE id = ?")
        claimKeys = try db.prepare("SELECT match_keys FROM claims WHERE document_id = ? ORDER BY position")
    }

    /// The closed set, from the documents `start`, the claim components `components` and the
    /// stories `stories` (of deleted or re-dated documents); nil once it reaches `limit`
    /// documents (the whole store: a run over everything is as cheap).
    func close(start: Set<Int64>, components: [Int64], stories: [Int64], limit: Int) throws -> Set<Int64>? {
        var region = Set<Int64>()
        var work = [Int64]()
        func add(_ d: Int64) { if region.insert(d).inserted { work.append(d) } }
        func drain() throws {
            while let d = work.popLast() {
                if let s = try story(of: d) { for m in try members(ofStory: s) { add(m) } }
                if let c = try componentOfStmt.scalar([d])?.int64 {
                    try componentMembers.forEachRow([c]) { add($0.columnInt64(0)) }
                }
            }
        }
        for d in start.sorted() { add(d) }
        for c in components { try componentMembers.forEachRow([c]) { add($0.columnInt64(0)) } }
        for s in stories { for m in try members(ofStory: s) { add(m) } }
        try drain()
        while region.count < limit {
            let joined = try crossings(region)
            if joined.isEmpty { return region }
            for s in joined.sorted() { for m in try members(ofStory: s) { add(m) } }
            try drain()
        }
        return nil
    }

    /// The stories outside `region` that a merge of everything could join to it.
    private func crossings(_ region: Set<Int64>) throws -> Set<Int64> {
        checks += 1
        // The stories one link that joins leads to.
        var outside = [Int64: [Int64]]()
        for x in region.sorted() {
            for (y, sim) in try links(of: x) where sim >= grouper.threshold && !region.contains(y) {
                guard let s = try story(of: y) else { continue }
                if outside[s] == nil { outside[s] = try members(ofStory: s) }
            }
        }
        if outside.isEmpty { return [] }
        // The documents in canonical order, each with its group: -1 the region, else a story.
        let storyIDs = outside.keys.sorted()
        var groupOf = [Int64: Int]()
        for d in region { groupOf[d] = -1 }
        for (g, s) in storyIDs.enumerated() { for d in outside[s]! { groupOf[d] = g } }
        var facts = [Int64: Facts](minimumCapacity: groupOf.count)
        for d in groupOf.keys { facts[d] = try self.facts(of: d) }
        let nodes = groupOf.keys.sorted { KeyCounts.precedes(facts[$0]!.key, facts[$1]!.key) }
        var rank = [Int64: Int](minimumCapacity: nodes.count)
        for (i, d) in nodes.enumerated() { rank[d] = i }
        var links = [(a: Int, b: Int, sim: Double)]()
        for d in nodes {
            let i = rank[d]!
            for (o, sim) in try self.links(of: d) { if let j = rank[o], i < j { links.append((i, j, sim)) } }
        }
        let joined = grouper.crossings(days: nodes.map { facts[$0]!.day }, earliest: nodes.map { facts[$0]!.earliest }, links: links,
                                       group: nodes.map { groupOf[$0]! })
        return Set(joined.map { storyIDs[$0] })
    }

    /// A document's story pairs: those kept, but for the changed documents those just found.
    private func links(of d: Int64) throws -> [(other: Int64, sim: Double)] {
        if let l = linkCache[d] { return l }
        var out = newLinks[d] ?? []
        if !changed.contains(d) {
            for stmt in [linksByA, linksByB] {
                try stmt.forEachRow([d]) { row in
                    let o = row.columnInt64(0)
                    if !changed.contains(o) { out.append((o, row.column(1).double ?? 0)) }
                }
            }
        }
        linkCache[d] = out
        return out
    }

    /// What the replay needs of a document: its key (canonical order), its publication day, and
    /// when it has none its earliest day (``StoryGrouper/earliestDay(ofClaims:)``). Read once: a
    /// document is a neighbour in every round of the check after it first is.
    private struct Facts { var key: String; var day: Int?; var earliest: Int? }
    private var factsCache = [Int64: Facts]()

    private func facts(of d: Int64) throws -> Facts {
        if let f = factsCache[d] { return f }
        let row = try documentStmt.firstRow([d]) { ($0.columnString(0) ?? "", $0.columnString(1)) }
        var f = Facts(key: row?.0 ?? "", day: row?.1.flatMap(CivilDate.parse)?.dayNumber, earliest: nil)
        if f.day == nil { f.earliest = try StoryClosure.earliestDay(of: d, claimKeys) }
        factsCache[d] = f
        return f
    }

    /// An undated document's earliest day, from its claims' keys as stored (`claimKeys`: the
    /// `match_keys` of a document's claims).
    static func earliestDay(of d: Int64, _ claimKeys: PreparedStatement) throws -> Int? {
        var claims = [[Substring]]()
        try claimKeys.forEachRow([d]) { claims.append(($0.columnString(0) ?? "").split(separator: " ")) }
        return StoryGrouper.earliestDay(ofClaims: claims)
    }

    private func story(of d: Int64) throws -> Int64? {
        if let s = storyCache[d] { return s }
        let s = try storyOfStmt.scalar([d])?.int64
        storyCache[d] = s
        return s
    }

    private func members(ofStory s: Int64) throws -> [Int64] {
        var out = [Int64]()
        try storyMembers.forEachRow([s]) { out.append($0.columnInt64(0)) }
        return out
    }
}
