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

    @Test func aSpeakerAloneIsTwoCoveringIndexWalks() throws {
        // Alone, --speaker reads statement ids from the two speaker indexes (which carry them in
        // import order) and stops at the page: no table row, no sort of every statement made.
        for speaker in ["Dmitry Peskov", "Kirby", "a US official"] {
            let p = try plan(.init(speaker: speaker, limit: 101))
            expectNoScan(p, of: ["s", "statements"], "--speaker \(speaker)")
            #expect(p.contains { $0.contains("COVERING INDEX statements_speaker_phrase") }, "\(speaker): \(p)")
            if speaker != "a US official" {  // a phrase names no entity: the phrase index alone
                #expect(p.contains { $0.contains("COVERING INDEX statements_speaker ") }, "\(speaker): \(p)")
            }
        }
        // With another filter as well, both indexes are still used (MULTI-INDEX OR).
        let kind = try plan(.init(speaker: "Dmitry Peskov", kind: "direct", limit: 101))
        expectNoScan(kind, of: ["s", "statements"], "--speaker --kind")
        #expect(kind.contains { $0.contains("statements_speaker") }, "\(kind)")
        // No filter at all, or one speaker: statement id order all the way, nothing sorted
        // (also with --all, where a sort would hold every row and its sentence).
        for filter in [StatementQueries.Filter(limit: 101), .init(), .init(speaker: "Dmitry Peskov"), .init(speaker: "Kirby", limit: 101)] {
            let p = try plan(filter)
            #expect(!p.contains { $0.contains("TEMP B-TREE") }, "\(p)")
        }
    }

    @Test func aSurnameIsAnIndexSeek() throws {
        // `--speaker Kirby`: no entity is called `kirby` and no alias is, so the surname is looked
        // up, by the partial expression index of migration 008, not by reading every person.
        let p = try store.db.queryPlan("SELECT id FROM entities WHERE type = 'PERSON' AND \(EntityQueries.surnameKey) = ?1")
        #expect(p.contains { $0.contains("SEARCH entities USING INDEX entities_person_surname") }, "\(p)")
        let kirby = try EntityQueries(db: store.db).resolve("Kirby")
        #expect(kirby.count == 1)
        #expect(try store.db.strings("SELECT name FROM entities WHERE id = ?", [kirby[0]]) == ["John Kirby"])
    }

    @Test func aPersonsOtherNamesAreAnIndexSeek() throws {
        // `--speaker "Mike Kirby"`: the person's match key is looked up by the partial index of
        // migration 022, not by reading every person.
        let p = try store.db.queryPlan("SELECT id FROM entities WHERE type = 'PERSON' AND match_key = ?1 ORDER BY id")
        #expect(p.contains { $0.contains("SEARCH entities USING INDEX entities_person_match_key") }, "\(p)")
    }

    @Test func aSearchRanksABoundedSetOfMatches() throws {
        // --about reads the full-text index newest first and stops at the candidates; who_said's
        // columns are read for the page only.
        let p = try plan(.init(about: "Kim", limit: 101, highlight: ("[", "]")))
        expectNoScan(p, of: ["s", "statements", "d", "documents"], "--about")
        #expect(p.contains { $0.contains("statements_fts VIRTUAL TABLE INDEX") }, "\(p)")
        let speaker = try plan(.init(speaker: "Dmitry Peskov", about: "interests", limit: 101))
        expectNoScan(speaker, of: ["statements", "d", "documents"], "--about --speaker")
    }

    @Test func entityLookupsUseIndexes() throws {
        let db = store.db
        for (sql, what) in [
            ("SELECT entity_id FROM entity_aliases WHERE alias_key = 'kim'", "alias lookup"),
            ("SELECT entity_id FROM entity_roles WHERE role_key = 'kremlin spokesman'", "role lookup"),
            ("SELECT DISTINCT entity_id FROM entity_aliases WHERE alias_key = 'kim'", "alias lookup"),
            ("SELECT * FROM mentions WHERE entity_id = 1", "mentions of an entity"),
            ("SELECT * FROM entity_mentions WHERE document = '000_b71210cead4df8d3.txt'", "mentions of a document"),
        ] {
            let p = try db.queryPlan(sql)
            #expect(!p.contains { $0.hasPrefix("SCAN") }, "\(what): \(p)")
        }
        // Resolving a name reads the key indexes alone (migration 008): a frequent alias has a
        // row per document that writes it.
        for (table, key) in [("entity_aliases", "alias_key"), ("entity_roles", "role_key")] {
            let p = try db.queryPlan("SELECT entity_id, count(*) FROM \(table) WHERE \(key) = 'us' GROUP BY entity_id")
            #expect(p.contains { $0.contains("USING COVERING INDEX \(table == "entity_aliases" ? "entity_aliases_key" : "entity_roles_key")") }, "\(p)")
            #expect(!p.contains { $0.contains("TEMP B-TREE") }, "\(p)")
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
