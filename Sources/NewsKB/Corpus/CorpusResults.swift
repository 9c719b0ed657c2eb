import Foundation

/// The stories, claim groups and conflicts of finished components (``LiveGraph``): each
/// component is merged and checked for disagreements on its own, and its results go to
/// temporary tables with the keys that order them canonically. ``publish()`` then numbers them
/// in SQL — stories by their first document, claim groups by their first member, conflicts as
/// ``DisagreementFinder`` orders them (frames by story and predicate, then numeric and negation
/// conflicts by their first claim) — and replaces the public tables in one transaction. Only the
/// component at hand is ever in memory.
final class CorpusResults {
    private let db: Database
    private let loader: WindowLoader
    private let counts: KeyCounts
    private let grouper: ClaimGrouper
    private let storyGrouper: StoryGrouper
    /// Results written so far.
    private(set) var stories = 0, groups = 0, conflicts = 0
    /// Days in a week bucket.
    var bucketDays = 7

    private let insStory, insStoryDoc, insGroup, insMember, insConflict, insPosition, insPosting: PreparedStatement
    private let normalizedStmt, claimTextStmt, storyOfDocument, outletOfDocument: PreparedStatement
    /// Outlets by number (``source(ofDocument:)``).
    private var outlets = KeyInterner()

    init(db: Database, loader: WindowLoader, counts: KeyCounts, grouper: ClaimGrouper, storyGrouper: StoryGrouper) throws {
        self.db = db
        self.loader = loader
        self.counts = counts
        self.grouper = grouper
        self.storyGrouper = storyGrouper
        try CorpusResults.dropTables(db)
        try db.execute("""
            CREATE TEMP TABLE corpus_stories (tmp INTEGER PRIMARY KEY, first_doc INTEGER NOT NULL, label TEXT NOT NULL);
            CREATE TEMP TABLE corpus_story_documents (document_id INTEGER PRIMARY KEY, tmp INTEGER NOT NULL);
            CREATE TEMP TABLE corpus_groups (tmp INTEGER PRIMARY KEY, sort_order INTEGER NOT NULL, sort_id INTEGER NOT NULL,
                representative INTEGER NOT NULL, normalized TEXT NOT NULL, sources INTEGER NOT NULL, reason TEXT);
            CREATE TEMP TABLE corpus_group_members (tmp INTEGER NOT NULL, claim_id INTEGER NOT NULL, document_id INTEGER NOT NULL,
                similarity REAL NOT NULL, PRIMARY KEY (tmp, claim_id)) WITHOUT ROWID;
            CREATE TEMP TABLE corpus_conflicts (tmp INTEGER PRIMARY KEY, cls INTEGER NOT NULL, k1 INTEGER NOT NULL, k2 INTEGER NOT NULL,
                k3 TEXT NOT NULL, k4 INTEGER NOT NULL, kind TEXT NOT NULL, topic TEXT NOT NULL, story INTEGER, reason TEXT);
            CREATE TEMP TABLE corpus_positions (tmp INTEGER NOT NULL, seq INTEGER NOT NULL, claim_id INTEGER NOT NULL,
                start INTEGER NOT NULL, "end" INTEGER NOT NULL, position TEXT NOT NULL);
            CREATE TEMP TABLE corpus_new_postings (key INTEGER NOT NULL, role INTEGER NOT NULL, bucket INTEGER NOT NULL,
                document_id INTEGER NOT NULL);
            """)
        insPosting = try db.prepare("INSERT INTO temp.corpus_new_postings(key, role, bucket, document_id) VALUES (?, ?, ?, ?)")
        insStory = try db.prepare("INSERT INTO temp.corpus_stories(tmp, first_doc, label) VALUES (?, ?, ?)")
        insStoryDoc = try db.prepare("INSERT INTO temp.corpus_story_documents(document_id, tmp) VALUES (?, ?)")
        storyOfDocument = try db.prepare("SELECT tmp FROM temp.corpus_story_documents WHERE document_id = ?")
        outletOfDocument = try db.prepare("SELECT outlet FROM documents WHERE id = ?")
        insGroup = try db.prepare("""
            INSERT INTO temp.corpus_groups(tmp, sort_order, sort_id, representative, normalized, sources, reason) VALUES (?, ?, ?, ?, ?, ?, ?)
            """)
        insMember = try db.prepare("INSERT INTO temp.corpus_group_members(tmp, claim_id, document_id, similarity) VALUES (?, ?, ?, ?)")
        insConflict = try db.prepare("""
            INSERT INTO temp.corpus_conflicts(tmp, cls, k1, k2, k3, k4, kind, topic, story, reason) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            """)
        insPosition = try db.prepare("INSERT INTO temp.corpus_positions(tmp, seq, claim_id, start, \"end\", position) VALUES (?, ?, ?, ?, ?, ?)")
        normalizedStmt = try db.prepare("SELECT match_keys FROM claims WHERE id = ?")
        claimTextStmt = try db.prepare("""
            SELECT substr(d.body, c.start + 1, c."end" - c.start) FROM claims c JOIN documents d ON d.id = c.document_id WHERE c.id = ?
            """)
    }

    private static func dropTables(_ db: Database) throws {
        try db.execute("""
            DROP TABLE IF EXISTS temp.corpus_stories; DROP TABLE IF EXISTS temp.corpus_story_documents;
            DROP TABLE IF EXISTS temp.corpus_groups; DROP TABLE IF EXISTS temp.corpus_group_members;
            DROP TABLE IF EXISTS temp.corpus_conflicts; DROP TABLE IF EXISTS temp.corpus_positions;
            DROP TABLE IF EXISTS temp.corpus_story_ids; DROP TABLE IF EXISTS temp.corpus_group_ids;
            DROP TABLE IF EXISTS temp.corpus_conflict_ids; DROP TABLE IF EXISTS temp.corpus_group_stories;
            DROP TABLE IF EXISTS temp.corpus_old_story_clusters; DROP TABLE IF EXISTS temp.corpus_old_claim_groups;
            DROP TABLE IF EXISTS temp.corpus_old_conflicts; DROP TABLE IF EXISTS temp.corpus_scope;
            DROP TABLE IF EXISTS temp.corpus_new_postings;
            """)
    }

    /// A document of the story graph.
    struct StoryDocument {
        var id: Int64
        var day: Int?
        /// Undated: the earliest day it can have been published (``StoryGrouper/earliestDay(ofClaims:)``).
        var earliest: Int? = nil
        /// Its most distinctive keys (corpus-wide ids) with their weights, for labels.
        var top: [(key: Int32, weight: Double)]
    }
    /// A claim of the claim-group or conflict graph.
    struct ClaimNode {
        var order: Int64; var doc: Int; var documentID: Int64; var bucket: Int?
        /// Whom the claim is about, when a pronoun or a relative clause says it (``ClaimGrouper/Item/holder``).
        var holder: String?
    }

    /// A finished component of the story graph: documents, linked by edges to merge on
    /// (joining, with their similarity) and by pairs compared (not joining, their similarity as
    /// a `Float` widened exactly, for averages).
    typealias StoryComponent = LiveGraph<Int, StoryDocument, Double>.Component
    /// A finished component of the claim graph: claims linked by edges.
    typealias GroupComponent = LiveGraph<Int64, ClaimNode, Double>.Component
    /// The numeric and negation pairs of one finished story component, with their claims.
    struct ConflictComponent {
        /// Claims with the number and the id of their document.
        var nodes: [(node: Int64, doc: Int, documentID: Int64)] = []
        var links: [(a: Int64, b: Int64, kind: ClaimGrouper.ConflictKind)] = []
    }

    /// Runs `body` in one transaction of the temporary tables.
    func batch(_ body: () throws -> Void) throws {
        try db.transaction(immediate: false, body)
    }

    /// Merges a finished story component into stories and finds the conflicts between the
    /// frames of each story's documents. The component is emptied once converted.
    func write(story c: inout StoryComponent) throws {
        // Documents in canonical order (their numbers).
        let n = c.nodes.count
        let order = c.nodes.indices.sorted { c.nodes[$0] < c.nodes[$1] }
        var rank = [Int](repeating: 0, count: n)
        for (r, i) in order.enumerated() { rank[i] = r }
        let docs = order.map { (node: c.nodes[$0], info: c.infos[$0]) }
        // Links numbered in canonical order; label keys keep their corpus-wide ids (sorted order).
        var links = StoryGrouper.Links()
        for (k, e) in c.ends.enumerated() {
            let (a, b) = (rank[Int(e.a)], rank[Int(e.b)])
            if c.joins[k] {
                links.edges.append((sim: c.values[k], a: a, b: b))
            } else {
                links.adjacency.append((a: Int32(a), b: Int32(b), sim: Float(c.values[k])))
            }
        }
        links.top = docs.enumerated().map { i, d in (doc: i, keys: d.info.top) }
        c = StoryComponent()
        rank = []
        let (storyOf, labels) = storyGrouper.merge(days: docs.map(\.info.day), earliest: docs.map(\.info.earliest), links: [links])
        var storyTmp = [Int](), storyFirst = [Int](repeating: -1, count: labels.count)
        for i in 0..<n where storyFirst[storyOf[i]] < 0 { storyFirst[storyOf[i]] = docs[i].node }
        for (s, ks) in labels.enumerated() {
            stories += 1
            storyTmp.append(stories)
            try insStory.execute([stories, storyFirst[s], try ks.map { ClaimKey.display(try counts.entry($0).name) }.joined(separator: " ")])
        }
        for i in 0..<n { try insStoryDoc.execute([docs[i].info.id, storyTmp[storyOf[i]]]) }

        // Frame conflicts, within stories of two documents or more.
        var storySize = [Int](repeating: 0, count: labels.count)
        for i in 0..<n { storySize[storyOf[i]] += 1 }
        var framed = [Int64]()
        for i in 0..<n where storySize[storyOf[i]] >= 2 { framed += try loader.framedClaims(ofDocument: docs[i].info.id) }
        guard !framed.isEmpty else { return }
        var docIndex = [Int64: Int](minimumCapacity: n)
        for (i, d) in docs.enumerated() { docIndex[d.info.id] = i }
        var keys = KeyInterner()
        var rows = try loader.rows(ids: framed.sorted(), docIndex: docIndex, interner: &keys)
        rows.sort(by: ClaimCorpus.ClaimRow.canonicallyPrecedes)
        let found = find(rows, storyOf: storyOf, sourceOf: try docs.map { try source(ofDocument: $0.info.id) }, dayOf: docs.map(\.info.day),
                         pairConflicts: [], keys: keys)
        // Ordered by story (its first document), then as the finder lists them (by predicate).
        var framesSoFar = [Int: Int]()
        for d in found {
            let s = d.story ?? -1
            let k = framesSoFar[s, default: 0]
            framesSoFar[s] = k + 1
            try insert(d, key: (0, s >= 0 ? Int64(storyFirst[s]) : -1, Int64(k), "", 0), story: d.story.map { storyTmp[$0] }, rows: rows)
        }
    }

    /// Merges a finished claim component into claim groups (their story is set when
    /// published). The component is emptied once converted.
    func write(group c: inout GroupComponent) throws {
        // Nodes in canonical order, edges between their ranks.
        let n = c.nodes.count
        let order = c.nodes.indices.sorted { (c.infos[$0].order, c.nodes[$0]) < (c.infos[$1].order, c.nodes[$1]) }
        var rank = [Int32](repeating: 0, count: n)
        for (r, i) in order.enumerated() { rank[i] = Int32(r) }
        var edges = [(sim: Double, a: Int32, b: Int32)]()
        edges.reserveCapacity(c.ends.count)
        for (k, e) in c.ends.enumerated() { edges.append((sim: c.values[k], a: rank[Int(e.a)], b: rank[Int(e.b)])) }
        let nodes = order.map { (node: c.nodes[$0], info: c.infos[$0]) }
        c = GroupComponent()
        rank = []
        let merged = grouper.merge(nodeCount: n, edges: edges, holders: nodes.map(\.info.holder))
        edges = []
        for g in merged.groups {
            // One piece of evidence per document and group: a document that states the fact twice
            // (a sentence and a quotation inside it) is one source; its best-connected claim stays.
            var best = [Int: Int]()
            for m in g {
                let d = nodes[m].info.doc
                if let o = best[d], merged.best[o] >= merged.best[m] { continue }
                best[d] = m
            }
            let members = best.values.sorted()
            guard members.count >= 2 else { continue }
            // Representative: the best-connected member (ties: canonical order).
            let rep = members.max { (merged.best[$0], -$0) < (merged.best[$1], -$1) } ?? members[0]
            let repID = nodes[rep].node
            var row = ClaimCorpus.ClaimRow(id: repID, doc: 0, start: 0, end: 0, negated: false,
                                           matchKeys: try normalizedStmt.scalar([repID])?.string ?? "")
            row.quantities = try loader.quantities(ofClaim: repID)
            groups += 1
            // Numbered by the first member of the merged group.
            try insGroup.execute([groups, nodes[g[0]].info.order, nodes[g[0]].node, repID, row.normalized, members.count,
                                  try reason(representative: row.matchKeys, id: repID, others: members.map { nodes[$0].node }.filter { $0 != repID },
                                             best: merged.best[rep])])
            for m in members { try insMember.execute([groups, nodes[m].node, nodes[m].info.documentID, merged.best[m].rounded3]) }
        }
    }

    /// Why a group's claims assert one thing: the probability of its closest pair (the agreement
    /// model's) and the words every member states (`probability 0.93; all say: summit,
    /// vladivostok`). `best` is the representative's best probability, the group's highest; the
    /// other members' key lines are read only while some word is still common to all.
    /// The words are shown as the representative writes them (`artillery`, `persuaded`), not as
    /// the base forms they match by (`artilleri`, `persuad`): ``surfaceWords(_:in:)``.
    private func reason(representative line: String, id representative: Int64, others: [Int64], best: Double) throws -> String {
        func words(_ line: String) -> Set<Substring> {
            Set(line.split(separator: " ").filter { ClaimKey.kind(of: $0) == .word && !$0.hasPrefix(ClaimExtractor.negatedTermPrefix) && !ClaimKey.isMarker($0) })
        }
        var common = words(line)
        for id in others where !common.isEmpty {
            common.formIntersection(words(try normalizedStmt.scalar([id])?.string ?? ""))
        }
        guard !common.isEmpty else { return String(format: "probability %.2f", best) }
        let shown = Self.surfaceWords(common.sorted().prefix(8).map(String.init), in: try claimTextStmt.scalar([representative])?.string ?? "")
        return String(format: "probability %.2f", best) + "; all say: " + shown.joined(separator: ", ")
    }

    /// Each base form of `keys` as the first word of `text` that reduces to it, in lower case
    /// (`artilleri` → `artillery`), or the base form itself when no word does (a synonym's
    /// representative); sorted, each once.
    static func surfaceWords(_ keys: [String], in text: String) -> [String] {
        var byKey = [String: String]()
        let wanted = Set(keys)
        for raw in text.split(whereSeparator: { !($0.isLetter || $0.isNumber || $0 == "-" || $0 == "'" || $0 == "’") }) {
            let word = raw.trimmingCharacters(in: CharacterSet(charactersIn: "-'’")).lowercased()
            guard !word.isEmpty else { continue }
            let base = ClaimNormalizer.baseForm(word)
            if wanted.contains(base), byKey[base] == nil { byKey[base] = word }
            if byKey.count == wanted.count { break }
        }
        var seen = Set<String>()
        return keys.map { byKey[$0] ?? $0 }.sorted().filter { seen.insert($0).inserted }
    }

    /// Adds a window's postings (``CorpusPostings``) of the documents `docs` (by number), for
    /// ``publishPostings(replacing:)``.
    func write(postings rows: [CorpusPostings.Row], docs: [Int: CorpusDocuments.Doc]) throws {
        try batch {
            for r in rows {
                guard let d = docs[r.doc] else { continue }
                try insPosting.execute(binding: r.key, r.role.rawValue, d.bucket.map(Int64.init) ?? CorpusPostings.undatedBucket, d.id)
            }
        }
    }

    /// Checks the numeric and negation pairs of a finished story component; the stories of its
    /// documents must be written already.
    func write(conflicts c: ConflictComponent) throws {
        // Documents in canonical order, with their stories.
        var byNumber = [Int: Int64]()
        for x in c.nodes { byNumber[x.doc] = x.documentID }
        let docs = byNumber.keys.sorted()
        var docIndex = [Int64: Int](minimumCapacity: docs.count)
        var storyTmp = [Int](), localStory = [Int: Int]()
        var storyOf = [Int]()
        for (i, d) in docs.enumerated() {
            let id = byNumber[d]!
            docIndex[id] = i
            let tmp = try storyOfDocument.scalar([id])?.int ?? -1
            if localStory[tmp] == nil { localStory[tmp] = storyTmp.count; storyTmp.append(tmp) }
            storyOf.append(localStory[tmp]!)
        }
        var keys = KeyInterner()
        var rows = try loader.rows(ids: c.nodes.map(\.node).sorted(), docIndex: docIndex, interner: &keys)
        // Frames are checked with stories (``write(stories:)``).
        for i in rows.indices { rows[i].frames = [] }
        rows.sort(by: ClaimCorpus.ClaimRow.canonicallyPrecedes)
        var rowOf = [Int64: Int]()
        for (i, r) in rows.enumerated() { rowOf[r.id] = i }
        let pairConflicts = c.links.compactMap { l -> (a: Int, b: Int, kind: ClaimGrouper.ConflictKind)? in
            guard let a = rowOf[l.a], let b = rowOf[l.b] else { return nil }
            return a < b ? (a, b, l.kind) : (b, a, l.kind)
        }.sorted { ($0.a, $0.b) < ($1.a, $1.b) }
        let sourceOf = try docs.map { try source(ofDocument: byNumber[$0]!) }
        for d in find(rows, storyOf: storyOf, sourceOf: sourceOf, pairConflicts: pairConflicts, keys: keys) {
            // Numeric conflicts, then negations, each by their first claim in canonical order.
            let r = rows[d.positions[0].claim]
            try insert(d, key: (d.kind == .numeric ? 1 : 2, Int64(docs[r.doc]) << 32 | Int64(r.start),
                                Int64(r.end), r.matchKeys, r.id),
                       story: d.story.map { storyTmp[$0] }, rows: rows)
        }
    }

    /// A document's source for the disagreement finder: its outlet's number, or (outlet unknown)
    /// a number of its own.
    private func source(ofDocument id: Int64) throws -> Int {
        guard let outlet = try outletOfDocument.scalar([id])?.string, !outlet.isEmpty else { return -Int(id) - 1 }
        return Int(outlets.id(outlet))
    }

    private func find(_ rows: [ClaimCorpus.ClaimRow], storyOf: [Int], sourceOf: [Int], dayOf: [Int?] = [],
                      pairConflicts: [(a: Int, b: Int, kind: ClaimGrouper.ConflictKind)], keys: KeyInterner) -> [DisagreementFinder.Found] {
        let names = keys.names
        return DisagreementFinder.find(claims: rows, storyOf: storyOf, sourceOf: sourceOf, dayOf: dayOf, pairConflicts: pairConflicts,
                                       names: { ClaimKey.display(names[Int($0)]) },
                                       isDate: { ClaimKey.kind(of: names[Int($0)]) == .date },
                                       isEntity: { ClaimKey.kind(of: names[Int($0)]) == .entity })
    }

    private func insert(_ d: DisagreementFinder.Found, key: (Int, Int64, Int64, String, Int64), story: Int?,
                        rows: [ClaimCorpus.ClaimRow]) throws {
        conflicts += 1
        try insConflict.execute([conflicts, key.0, key.1, key.2, key.3, key.4, d.kind.rawValue, d.topic, story, d.reason])
        for (q, p) in d.positions.enumerated() {
            let r = rows[p.claim]
            try insPosition.execute([conflicts, q, r.id, r.start, r.end, p.position])
        }
    }

    /// Replaces the results of the documents this run read (`scoped`; else of the whole store)
    /// with those of this run, in one transaction, then runs `also` in it
    /// and drops the temporary tables. Ids stay stable (``StableIDs``): a story, claim group or
    /// conflict found again with the same members keeps its id; a changed one takes the id of
    /// the old one that held its first member, when free; the others get new ids, in canonical
    /// order (stories by their first document, claim groups by their first member, conflicts as
    /// ``DisagreementFinder`` orders them), so a store built in one run numbers them 1, 2, 3….
    /// Nothing is written when `when`, asked first in the transaction, says no.
    func publish(scoped: Bool, when: () throws -> Bool = { true }, also: () throws -> Void) throws {
        try db.transaction {
            guard try when() else { return }
            try db.execute("""
                CREATE TEMP TABLE corpus_story_ids (tmp INTEGER PRIMARY KEY, id INTEGER NOT NULL);
                CREATE TEMP TABLE corpus_group_ids (tmp INTEGER PRIMARY KEY, id INTEGER NOT NULL);
                CREATE TEMP TABLE corpus_conflict_ids (tmp INTEGER PRIMARY KEY, id INTEGER NOT NULL);
                """)
            let ids = try StableIDs(db: db, scoped: scoped)
            try ids.assign(table: "story_clusters", old: """
                SELECT story_id, document_id FROM story_documents WHERE story_id IN (\(ids.inScope("story_clusters")))
                 ORDER BY story_id, document_id
                """, new: """
                SELECT s.tmp, d.document_id FROM temp.corpus_stories s JOIN temp.corpus_story_documents d ON d.tmp = s.tmp
                 ORDER BY s.first_doc, s.tmp, d.document_id
                """, into: "temp.corpus_story_ids")
            ProcessStats.trace("corpus: ids of corpus_story_ids assigned")
            try ids.assign(table: "claim_groups", old: """
                SELECT group_id, claim_id FROM claim_group_members WHERE group_id IN (\(ids.inScope("claim_groups")))
                 ORDER BY group_id, claim_id
                """, new: """
                SELECT g.tmp, m.claim_id FROM temp.corpus_groups g JOIN temp.corpus_group_members m ON m.tmp = g.tmp
                 ORDER BY g.sort_order, g.sort_id, g.tmp, m.claim_id
                """, into: "temp.corpus_group_ids")
            ProcessStats.trace("corpus: ids of corpus_group_ids assigned")
            // A conflict's members: its kind and its positions' claims.
            try ids.assign(table: "conflicts", old: """
                SELECT c.id, p.claim_id, c.kind FROM conflicts c JOIN conflict_positions p ON p.conflict_id = c.id
                 WHERE c.id IN (\(ids.inScope("conflicts"))) ORDER BY c.id, p.claim_id
                """, new: """
                SELECT c.tmp, p.claim_id, c.kind FROM temp.corpus_conflicts c JOIN temp.corpus_positions p ON p.tmp = c.tmp
                 ORDER BY c.cls, c.k1, c.k2, c.k3, c.k4, c.tmp, p.claim_id
                """, into: "temp.corpus_conflict_ids")
            ProcessStats.trace("corpus: ids of corpus_conflict_ids assigned")
            try ids.deleteOld()
            ProcessStats.trace("corpus: old results deleted")
            try db.execute("""
                INSERT INTO story_clusters(id, label)
                    SELECT i.id, s.label FROM temp.corpus_stories s JOIN temp.corpus_story_ids i ON i.tmp = s.tmp ORDER BY i.id;
                INSERT INTO story_documents(story_id, document_id)
                    SELECT i.id, d.document_id FROM temp.corpus_story_documents d JOIN temp.corpus_story_ids i ON i.tmp = d.tmp ORDER BY 1, 2;
                -- A group's story: the one story of all its members' documents, else NULL.
                CREATE TEMP TABLE corpus_group_stories (tmp INTEGER PRIMARY KEY, story INTEGER NOT NULL);
                INSERT INTO temp.corpus_group_stories(tmp, story)
                    SELECT m.tmp, min(sd.tmp) FROM temp.corpus_group_members m
                      JOIN temp.corpus_story_documents sd ON sd.document_id = m.document_id
                     GROUP BY m.tmp HAVING min(sd.tmp) = max(sd.tmp);
                INSERT INTO claim_groups(id, representative_claim_id, story_id, normalized, sources, reason)
                    SELECT i.id, g.representative, s.id, g.normalized, g.sources, g.reason
                      FROM temp.corpus_groups g JOIN temp.corpus_group_ids i ON i.tmp = g.tmp
                      LEFT JOIN temp.corpus_group_stories gs ON gs.tmp = g.tmp
                      LEFT JOIN temp.corpus_story_ids s ON s.tmp = gs.story ORDER BY i.id;
                INSERT INTO claim_group_members(group_id, claim_id, similarity)
                    SELECT i.id, m.claim_id, m.similarity FROM temp.corpus_group_members m JOIN temp.corpus_group_ids i ON i.tmp = m.tmp
                     ORDER BY 1, 2;
                INSERT INTO conflicts(id, kind, topic, story_id, reason)
                    SELECT i.id, c.kind, c.topic, s.id, c.reason
                      FROM temp.corpus_conflicts c JOIN temp.corpus_conflict_ids i ON i.tmp = c.tmp
                      LEFT JOIN temp.corpus_story_ids s ON s.tmp = c.story ORDER BY i.id;
                INSERT OR IGNORE INTO conflict_positions(conflict_id, claim_id, start, "end", position)
                    SELECT i.id, p.claim_id, p.start, p."end", p.position
                      FROM temp.corpus_positions p JOIN temp.corpus_conflict_ids i ON i.tmp = p.tmp ORDER BY i.id, p.seq;
                """)
            ProcessStats.trace("corpus: results inserted")
            try also()
        }
        try CorpusResults.dropTables(db)
    }

    /// Writes the postings of this run's documents (``CorpusPostings``): replacing all of them
    /// (`replacing`, a run over the whole store), or besides those stored (a document's rows are
    /// a function of it and the counts, so rows already there are the same).
    func publishPostings(replacing: Bool) throws {
        if replacing { try db.execute("DELETE FROM corpus_postings") }
        try db.execute("""
            INSERT OR IGNORE INTO corpus_postings(key, role, bucket, document_id)
                SELECT key, role, bucket, document_id FROM temp.corpus_new_postings ORDER BY 1, 2, 3, 4
            """)
    }

    /// Drops the temporary tables without publishing (after an error).
    func discard() {
        try? CorpusResults.dropTables(db)
    }
}
