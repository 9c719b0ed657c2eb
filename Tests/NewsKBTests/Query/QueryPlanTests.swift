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
}
