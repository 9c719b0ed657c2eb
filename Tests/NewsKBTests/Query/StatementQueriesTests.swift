import Testing
import Foundation
@testable import NewsKB

/// who-said over real extraction output of the seed articles.
@Suite struct StatementQueriesTests {
    let dir = TempDir()
    let store: KnowledgeStore

    init() throws {
        _ = try importInto(dir.file("t.db"), [repoRoot + "/seeds"])
        store = try KnowledgeStore.openForReading(path: dir.file("t.db"))
    }

    var queries: StatementQueries { StatementQueries(db: store.db) }

    @Test func aboutIsFullTextSearchOverStatements() throws {
        let r = try queries.whoSaid(.init(about: "artillery ammunition"))
        #expect(!r.rows.isEmpty)
        for q in r.column("quote") {
            let t = q.description.lowercased()
            #expect(t.contains("artillery") && t.contains("ammunition"), "\(t)")
        }
        let highlighted = try queries.whoSaid(.init(about: "artillery", highlight: ("[", "]")))
        #expect(highlighted.column("quote").allSatisfy { $0.description.contains("[artillery]") })
    }

    @Test func filtersByDocumentKindAndUnnamedSpeakerPhrase() throws {
        let doc = "001_c5151bc69ca5c79e.txt"
        let r = try queries.whoSaid(.init(document: doc))
        #expect(!r.rows.isEmpty)
        #expect(r.column("document").allSatisfy { $0.description == doc })
        let direct = try queries.whoSaid(.init(kind: "direct"))
        #expect(direct.column("kind").allSatisfy { $0.description == "direct" })
        let official = try queries.whoSaid(.init(speaker: "a US official"))
        #expect(official.column("quote").contains { $0.description.contains("arms deal") })
        #expect(throws: StatementQueries.Invalid.self) { try queries.whoSaid(.init(kind: "rumour")) }
    }

    @Test func hostileSpeakerAndSearchTextAreHarmless() throws {
        let r = try queries.whoSaid(.init(speaker: "x'); DROP TABLE documents; --"))
        #expect(r.rows.isEmpty)
        let o = try queries.whoSaid(.init(speaker: "O'Brien", about: "O'Brien"))
        #expect(o.rows.isEmpty)
        #expect(try store.db.int("SELECT count(*) FROM documents") == 5)
    }
}

@Suite struct FullTextSyncTests {
    @Test func ftsFollowsReplacementAndDeletion() throws {
        let dir = TempDir()
        let v1 = "Talks in Oslo\n“The weather in Oslo is excellent for negotiations,” the mayor said."
        let v2 = "Talks in Bergen\n“The fjords around Bergen are beautiful this season,” the mayor said."
        dir.write("in/a.txt", v1)
        var (_, _, store) = try importInto(dir.file("t.db"), [dir.file("in")])
        let q1 = try StatementQueries(db: store.db).whoSaid(.init(about: "weather"))
        #expect(q1.rows.count == 1, "the extractor found no statement in v1")
        dir.write("in/a.txt", v2)
        (_, _, store) = try importInto(dir.file("t.db"), [dir.file("in")])
        let db = store.db
        #expect(try StatementQueries(db: db).whoSaid(.init(about: "weather")).rows.isEmpty)
        #expect(try StatementQueries(db: db).whoSaid(.init(about: "fjords")).rows.count == 1)
        #expect(try db.int("SELECT count(*) FROM statements_fts") == db.int("SELECT count(*) FROM statements"))
        try db.execute("DELETE FROM documents")
        #expect(try db.int("SELECT count(*) FROM statements_fts") == 0)
    }
}
