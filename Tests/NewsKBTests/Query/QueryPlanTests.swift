import Testing
import Foundation
@testable import NewsKB

/// The main queries use an index, not a full scan of the big tables.
@Suite struct QueryPlanTests {
    let dir = TempDir()
    let store: KnowledgeStore

    init() throws {
        _ = try importInto(dir.file("t.db"), [repoRoot + "/seeds"])
        store = try KnowledgeStore.openForReading(path: dir.file("t.db"))
    }

    private func plan(_ filter: StatementQueries.Filter) throws -> [String] {
        let (sql, values) = try StatementQueries(db: store.db).query(filter)
        return try store.db.queryPlan(sql, values)
    }

    private func expectNoScan(_ plan: [String], of tables: [String], _ what: String) {
        for t in tables {
            #expect(!plan.contains { $0 == "SCAN \(t)" || $0.hasPrefix("SCAN \(t) ") }, "\(what) scans \(t): \(plan)")
        }
    }

    @Test func whoSaidBySpeakerDocumentAndTopicUseIndexes() throws {
        expectNoScan(try plan(.init(speaker: "Dmitry Peskov")), of: ["s", "statements"], "--speaker")
        expectNoScan(try plan(.init(speaker: "a US official")), of: ["s", "statements"], "--speaker phrase")
        expectNoScan(try plan(.init(document: "000_b71210cead4df8d3.txt")), of: ["s", "statements", "d", "documents"], "--document")
        let about = try plan(.init(about: "artillery"))
        expectNoScan(about, of: ["s", "statements"], "--about")
        #expect(about.contains { $0.contains("statements_fts VIRTUAL TABLE INDEX") }, "\(about)")
    }

    @Test func entityLookupsUseIndexes() throws {
        let db = store.db
        for (sql, what) in [
            ("SELECT entity_id FROM entity_aliases WHERE alias_key = 'kim'", "alias lookup"),
            ("SELECT entity_id FROM entity_roles WHERE role_key = 'kremlin spokesman'", "role lookup"),
            ("SELECT * FROM mentions WHERE entity_id = 1", "mentions of an entity"),
            ("SELECT * FROM entity_mentions WHERE document = '000_b71210cead4df8d3.txt'", "mentions of a document"),
        ] {
            let p = try db.queryPlan(sql)
            #expect(!p.contains { $0.hasPrefix("SCAN") }, "\(what): \(p)")
        }
    }

    @Test func agreeCountsSourcesWithoutReadingEveryDocument() throws {
        let q = ClaimQueries(db: store.db)
        // The corpus-wide count scans the member table (every group must be counted), but never
        // materializes the evidence view (document text) and reaches claims and documents by key.
        let (sql, values) = try q.agreeQuery(minSources: 3, about: nil, story: nil, limit: nil)
        let all = try store.db.queryPlan(sql, values)
        expectNoScan(all, of: ["c", "claims", "claim_groups", "d", "documents", "ev", "s", "statements"], "agree")
        #expect(!all.contains { $0.contains("MATERIALIZE ev") || $0.contains("AUTOMATIC") }, "\(all)")
        // Within a story nothing is scanned: story -> documents -> claims -> members, by index.
        let (ssql, svalues) = try q.agreeQuery(minSources: 2, about: nil, story: 1, limit: 20)
        let story = try store.db.queryPlan(ssql, svalues)
        #expect(!story.contains { $0.hasPrefix("SCAN") && $0 != "SCAN k" && $0 != "SCAN g" }, "\(story)")
        expectNoScan(story, of: ["m", "claim_group_members", "claims", "d", "documents", "sd", "story_documents"], "agree --story")
        #expect(story.contains { $0.contains("SEARCH sd USING") && $0.contains("story_id=?") }, "\(story)")
    }

    @Test func disagreeInOneStorySeeksItsConflicts() throws {
        let (sql, values) = ClaimQueries(db: store.db).disagreeQuery(story: 1)
        let p = try store.db.queryPlan(sql, values)
        expectNoScan(p, of: ["x", "conflicts", "p", "conflict_positions", "c", "claims", "d", "documents"], "disagree --story")
        #expect(p.contains { $0.contains("conflicts_story") }, "\(p)")
    }

    @Test func aJoinOverTheViewsForOneDocumentUsesIndexes() throws {
        // The join `make bench-large` times as `sql`: a document's statements with their claim groups.
        let p = try store.db.queryPlan("""
            SELECT w.speaker, w.kind, w.quote, a.sources, a.claim
              FROM who_said w
              JOIN claim_evidence e ON e.statement_id = w.statement_id
              JOIN claim_agreement a ON a.claim_group = e.claim_group
             WHERE w.document = :doc
             ORDER BY w.start
            """, [("doc", .text("000_b71210cead4df8d3.txt"))])
        #expect(!p.contains { $0.hasPrefix("SCAN") }, "\(p)")
    }
}
