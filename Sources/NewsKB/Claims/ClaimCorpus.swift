import Foundation
import NewsKBExtraction

/// The corpus-level phase of claims: after an import, groups documents into stories, claims
/// into claim groups, and finds disagreements, then rewrites `story_clusters`,
/// `claim_groups`, `conflicts` and their member tables in one transaction.
///
/// Candidate pairs always come from blocking indexes (``ClaimGrouper``, ``StoryGrouper``),
/// so the cost grows about linearly with the number of claims. The results are recomputed
/// from the stored claims in a canonical order (document key, offset), so the same set of
/// documents gives the same ids, groups, conflicts and stories whatever the import order or
/// batch size.
public struct ClaimCorpus {
    public let db: Database

    public init(db: Database) { self.db = db }

    /// Figures of one run, for timings.
    public struct Summary: Sendable {
        public var documents = 0, claims = 0, stories = 0, groups = 0, conflicts = 0, comparisons = 0
        public var seconds = 0.0
    }

    struct ClaimRow {
        var id: Int64, doc: Int, start: Int, end: Int, negated: Bool, matchKeys: String
        var keys: [Int32] = []
        var quantities: [(value: Double, unit: String, noun: String, start: Int, end: Int)] = []
        var frames: [(predicate: String, role: String, value: String, label: String, other: String?, start: Int, end: Int)] = []
    }

    /// Recomputes stories, claim groups and conflicts.
    @discardableResult
    public func update() throws -> Summary {
        let t0 = DispatchTime.now().uptimeNanoseconds
        var summary = Summary()
        // Documents in canonical (key) order.
        var docIDs = [Int64](), docKeys = [String](), docDays = [Int?](), docTitles = [String?]()
        for r in try db.rows("SELECT id, key, published, title FROM documents ORDER BY key") {
            docIDs.append(r[0].int64 ?? 0)
            docKeys.append(r[1].string ?? "")
            docDays.append(r[2].string.flatMap(CivilDate.parse)?.dayNumber)
            docTitles.append(r[3].string)
        }
        var docIndex = [Int64: Int]()
        for (i, id) in docIDs.enumerated() { docIndex[id] = i }
        summary.documents = docIDs.count

        // Claims in canonical order: (document key, start, end, keys).
        var claims = [ClaimRow]()
        var claimIndex = [Int64: Int]()
        let claimStmt = try db.prepare("SELECT id, document_id, start, \"end\", negated, match_keys FROM claims")
        while try claimStmt.step() {
            guard let d = docIndex[claimStmt.columnInt64(1)] else { continue }
            claims.append(ClaimRow(id: claimStmt.columnInt64(0), doc: d, start: claimStmt.columnInt(2), end: claimStmt.columnInt(3),
                                   negated: claimStmt.columnInt(4) != 0, matchKeys: claimStmt.columnString(5) ?? ""))
        }
        claimStmt.reset()
        claims.sort { ($0.doc, $0.start, $0.end, $0.matchKeys, $0.id) < ($1.doc, $1.start, $1.end, $1.matchKeys, $1.id) }
        for (i, c) in claims.enumerated() { claimIndex[c.id] = i }
        summary.claims = claims.count

        // Keys, interned in sorted order so ids do not depend on insertion order. Internally a
        // word is `w:` + its base form and an entity key has its spaces back (labels show it).
        var rawKeys = claims.map { c in
            ClaimKeys.parse(c.matchKeys).map { k in
                ClaimKeys.isWord(k) ? "w:" + k : k.hasPrefix("e:") ? k.replacingByte(95, with: 32) : String(k)
            }
        }
        var titleTerms = [[String]](repeating: [], count: docIDs.count)
        for (i, t) in docTitles.enumerated() { if let t { titleTerms[i] = ClaimNormalizer.terms(of: t).map { "w:" + $0 } } }
        var allKeys = Set<String>()
        for k in rawKeys { allKeys.formUnion(k) }
        for k in titleTerms { allKeys.formUnion(k) }
        var interner = KeyInterner()
        for k in allKeys.sorted() { _ = interner.id(k) }
        for i in claims.indices { claims[i].keys = rawKeys[i].map { interner.ids[$0]! }.sorted() }
        rawKeys = []

        let qStmt = try db.prepare("SELECT claim_id, value, unit, noun, start, \"end\" FROM claim_quantities")
        while try qStmt.step() {
            guard let i = claimIndex[qStmt.columnInt64(0)] else { continue }
            claims[i].quantities.append((qStmt.column(1).double ?? 0, qStmt.columnString(2) ?? "", qStmt.columnString(3) ?? "",
                                         qStmt.columnInt(4), qStmt.columnInt(5)))
        }
        qStmt.reset()
        let fStmt = try db.prepare("SELECT claim_id, predicate, role, value, value_label, other, start, \"end\" FROM claim_frames")
        while try fStmt.step() {
            guard let i = claimIndex[fStmt.columnInt64(0)] else { continue }
            claims[i].frames.append((fStmt.columnString(1) ?? "", fStmt.columnString(2) ?? "", fStmt.columnString(3) ?? "",
                                     fStmt.columnString(4) ?? "", fStmt.columnString(5), fStmt.columnInt(6), fStmt.columnInt(7)))
        }
        fStmt.reset()
        for i in claims.indices {
            claims[i].quantities.sort { ($0.start, $0.end) < ($1.start, $1.end) }
            claims[i].frames.sort { ($0.start, $0.end, $0.predicate, $0.role, $0.value) < ($1.start, $1.end, $1.predicate, $1.role, $1.value) }
        }

        // Stories.
        var docKeyCounts = [[Int32: Int32]](repeating: [:], count: docIDs.count)
        for c in claims {
            for k in c.keys {
                let name = interner.names[Int(k)]
                if name.hasPrefix("d:") { continue }
                docKeyCounts[c.doc][k, default: 0] += name.hasPrefix("e:") ? 2 : 1
            }
        }
        for (i, ts) in titleTerms.enumerated() { for t in ts { docKeyCounts[i][interner.ids[t]!, default: 0] += 2 } }
        let storyDocs = docKeyCounts.enumerated().map { (i, m) in
            StoryGrouper.Document(keys: m.sorted { $0.key < $1.key }.map { (key: $0.key, count: $0.value) }, day: docDays[i], order: i)
        }
        let (storyOf, labelKeys) = StoryGrouper().group(storyDocs, keyCount: interner.count)
        let storyLabels = labelKeys.map { ks in ks.map { String(interner.names[Int($0)].dropFirst(2)) }.joined(separator: " ") }

        // Claim groups and pair conflicts.
        var units = KeyInterner()
        let items = claims.enumerated().map { (i, c) in
            ClaimGrouper.Item(id: c.id, document: Int32(c.doc), keys: c.keys,
                              quantities: c.quantities.map { ClaimGrouper.Q(value: $0.value, unit: units.id($0.unit + "|" + $0.noun), isCount: $0.unit.isEmpty) },
                              negated: c.negated, order: Int64(i))
        }
        let grouped = ClaimGrouper().group(items, keyCount: interner.count)
        summary.comparisons = grouped.comparisons

        // Conflicts: frames within stories, and numeric/negation pairs.
        let found = DisagreementFinder.find(claims: claims, storyOf: storyOf, pairConflicts: grouped.conflicts,
                                            names: interner.names)

        // Write everything in one transaction, ids in canonical order.
        try db.transaction {
            try db.execute("""
                DELETE FROM conflict_positions; DELETE FROM conflicts;
                DELETE FROM claim_group_members; DELETE FROM claim_groups;
                DELETE FROM story_documents; DELETE FROM story_clusters;
                """)
            let insStory = try db.prepare("INSERT INTO story_clusters(id, label) VALUES (?, ?)")
            for (s, label) in storyLabels.enumerated() { try insStory.execute([s + 1, label]) }
            let insStoryDoc = try db.prepare("INSERT INTO story_documents(story_id, document_id) VALUES (?, ?)")
            for (i, id) in docIDs.enumerated() { try insStoryDoc.execute([storyOf[i] + 1, id]) }
            let insGroup = try db.prepare("INSERT INTO claim_groups(id, representative_claim_id, story_id, normalized) VALUES (?, ?, ?, ?)")
            let insMember = try db.prepare("INSERT INTO claim_group_members(group_id, claim_id, similarity) VALUES (?, ?, ?)")
            for (g, members) in grouped.groups.enumerated() {
                // Representative: the best-connected member (ties: canonical order).
                let rep = members.max { (grouped.bestSimilarity[$0] ?? 0, -$0) < (grouped.bestSimilarity[$1] ?? 0, -$1) } ?? members[0]
                let stories = Set(members.map { storyOf[claims[$0].doc] })
                try insGroup.execute([g + 1, claims[rep].id, stories.count == 1 ? stories.first! + 1 : nil, claims[rep].normalized])
                for m in members {
                    try insMember.execute([g + 1, claims[m].id, (grouped.bestSimilarity[m] ?? 0).rounded3])
                }
            }
            let insConflict = try db.prepare("INSERT INTO conflicts(id, kind, topic, story_id) VALUES (?, ?, ?, ?)")
            let insPosition = try db.prepare("INSERT OR IGNORE INTO conflict_positions(conflict_id, claim_id, start, \"end\", position) VALUES (?, ?, ?, ?, ?)")
            for (k, d) in found.enumerated() {
                try insConflict.execute([k + 1, d.kind, d.topic, d.story.map { $0 + 1 }])
                for p in d.positions {
                    let c = claims[p.claim]
                    try insPosition.execute([k + 1, c.id, c.start, c.end, p.position])
                }
            }
        }
        summary.stories = storyLabels.count
        summary.groups = grouped.groups.count
        summary.conflicts = found.count
        summary.seconds = Double(DispatchTime.now().uptimeNanoseconds - t0) / 1e9
        return summary
    }
}

extension ClaimCorpus.ClaimRow {
    /// The normalized form shown for a claim group: the base forms of its words, then its
    /// quantities in canonical units (`armor carriag train 59.5 km/h`).
    var normalized: String {
        let words = ClaimKeys.parse(matchKeys).filter(ClaimKeys.isWord).map(String.init)
        let qs = quantities.map { Quantity(value: $0.value, unit: $0.unit, noun: $0.noun, span: TextSpan($0.start, $0.end)).key }
        return (words + qs).joined(separator: " ")
    }
}

extension Double {
    var rounded3: Double { (self * 1000).rounded() / 1000 }
}

extension DatabaseValue {
    var double: Double? {
        switch self {
        case .real(let v): return v
        case .integer(let v): return Double(v)
        default: return nil
        }
    }
}
