import Testing
import Foundation
@testable import NewsKB

/// `agree` gives exactly what its definition over the public views gives: groups with at least
/// N distinct documents among their evidence (within a story when asked), most supported first,
/// each with every piece of its evidence.
@Suite struct ClaimQueriesTests {
    let dir = TempDir()
    let store: KnowledgeStore

    init() throws {
        _ = try importInto(dir.file("t.db"), [repoRoot + "/seeds"])
        store = try KnowledgeStore.openForReading(path: dir.file("t.db"))
    }

    /// The definition, written plainly over the views (slow on large databases, exact everywhere).
    func reference(minSources: Int, about: String?, story: Int?, limit: Int?) throws -> ResultSet {
        let stmt = try store.db.prepare("""
            WITH ev AS MATERIALIZED (
                SELECT * FROM claim_evidence WHERE (:story IS NULL OR story = :story)
            ), g AS (
                SELECT claim_group, count(DISTINCT document) AS sources FROM ev GROUP BY claim_group
                HAVING count(DISTINCT document) >= :min
            ), chosen AS (
                SELECT g.claim_group, g.sources FROM g
                 WHERE :about IS NULL
                    OR EXISTS (SELECT 1 FROM ev WHERE ev.claim_group = g.claim_group AND ev.text LIKE '%' || :about || '%')
                    OR EXISTS (SELECT 1 FROM ev JOIN claim_entities ce ON ce.claim_id = ev.claim_id
                                WHERE ev.claim_group = g.claim_group
                                  AND ce.entity_id IN (SELECT id FROM entities WHERE name_key = lower(:about)
                                                       UNION SELECT entity_id FROM entity_aliases WHERE alias_key = lower(:about)))
                 ORDER BY g.sources DESC, g.claim_group
                 LIMIT :limit
            )
            SELECT c.claim_group, c.sources, a.claim, ev.document, ev.speaker, ev.text, ev.start, ev."end", ev.story
              FROM chosen c
              JOIN claim_agreement a ON a.claim_group = c.claim_group
              JOIN ev ON ev.claim_group = c.claim_group
             ORDER BY c.sources DESC, c.claim_group, ev.document, ev.start
            """)
        try stmt.bind(story.map { .integer(Int64($0)) } ?? .null, named: "story")
        try stmt.bind(.integer(Int64(minSources)), named: "min")
        try stmt.bind(about.map { .text($0) } ?? .null, named: "about")
        try stmt.bind(.integer(Int64(limit ?? -1)), named: "limit")
        return try ResultSet(statement: stmt)
    }

    @Test func agreeMatchesItsDefinition() throws {
        let stories = try store.db.rows("SELECT DISTINCT story_id FROM story_documents ORDER BY 1").compactMap { $0[0].int }
        #expect(!stories.isEmpty)
        let q = ClaimQueries(db: store.db)
        var nonEmpty = 0
        for minSources in [1, 2, 3, 4] {
            for story in [nil] + stories.map(Optional.some) + [9_999] {
                for about in [nil, "Shoigu", "kirby", "Vladivostok", "carriages", "no such words"] {
                    for limit in [nil, 1, 3] {
                        let got = try q.agree(minSources: minSources, about: about, story: story, limit: limit)
                        let want = try reference(minSources: minSources, about: about, story: story, limit: limit)
                        #expect(got == want, "min \(minSources) story \(String(describing: story)) about \(about ?? "-") limit \(String(describing: limit))")
                        if !got.rows.isEmpty { nonEmpty += 1 }
                    }
                }
            }
        }
        #expect(nonEmpty > 20)
    }

    @Test func disagreeInAStoryIsTheStorysShareOfAll() throws {
        let q = ClaimQueries(db: store.db)
        let all = try q.disagree()
        #expect(!all.rows.isEmpty)
        let storyColumn = all.columns.firstIndex(of: "story")!
        for story in Set(all.rows.compactMap { $0[storyColumn].int }) {
            let one = try q.disagree(story: story)
            #expect(one.rows == all.rows.filter { $0[storyColumn].int == story })
        }
        #expect(try q.disagree(story: 9_999).rows.isEmpty)
    }
}
