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
        #expect(throws: QueryError.self) { try queries.whoSaid(.init(kind: "rumour")) }
    }

    @Test func listingsAreInImportOrderAndAPageIsTheirPrefix() throws {
        // The seeds are imported in key order, so import order is document key, then position.
        let all = try queries.whoSaid(.init())
        let keys = all.column("document").map(\.description), starts = all.column("start").map { $0.int ?? -1 }
        #expect(all.rows.count > 10)
        for i in 1..<keys.count {
            #expect(keys[i - 1] < keys[i] || (keys[i - 1] == keys[i] && starts[i - 1] < starts[i]), "row \(i)")
        }
        let page = try queries.whoSaid(.init(limit: 5))
        #expect(page.rows.map { $0.map(\.description) } == all.rows.prefix(5).map { $0.map(\.description) })
        // The same for one speaker, and for a speaker and a kind (the two plans of --speaker).
        for filter in [StatementQueries.Filter(speaker: "Kim Jong Un"), .init(speaker: "Kim Jong Un", kind: "indirect")] {
            var f = filter
            let every = try queries.whoSaid(f)
            f.limit = 2
            let first = try queries.whoSaid(f)
            #expect(!every.rows.isEmpty)
            #expect(first.rows.map { $0.map(\.description) } == every.rows.prefix(2).map { $0.map(\.description) })
            #expect(every.column("document").map(\.description) == every.column("document").map(\.description).sorted())
        }
    }

    @Test func hostileSpeakerAndSearchTextAreHarmless() throws {
        let r = try queries.whoSaid(.init(speaker: "x'); DROP TABLE documents; --"))
        #expect(r.rows.isEmpty)
        let o = try queries.whoSaid(.init(speaker: "O'Brien", about: "O'Brien"))
        #expect(o.rows.isEmpty)
        #expect(try store.db.int("SELECT count(*) FROM documents") == 5)
    }
}

/// A search ranks every match when it can, and the newest matches when a page of a frequent
/// word is asked for.
@Suite struct SearchRankingTests {
    let dir = TempDir()
    let store: KnowledgeStore

    init() throws {
        // Imported in file-name order: a (oldest) has the best bm25 for "harbour" (short, the word
        // three times), b and c are newer and longer.
        dir.write("in/a.txt", "“The harbour, the harbour, the harbour matters,” the mayor said on Monday.")
        dir.write("in/b.txt", "“We will rebuild the old harbour wall before the winter storms arrive in the region,” the mayor said.")
        dir.write("in/c.txt", "“Fishermen have asked for a longer season and for new moorings near the harbour entrance this year and next,” the minister said.")
        store = try importInto(dir.file("t.db"), [dir.file("in")]).2
    }

    @Test func aPageRanksTheNewestCandidatesOnly() throws {
        let q = StatementQueries(db: store.db)
        let all = try q.whoSaid(.init(about: "harbour"))
        #expect(all.rows.count == 3, "the extractor found \(all.rows.count) statements")
        #expect(all.column("document").first?.description == "a.txt", "bm25 puts the short, repetitive one first")
        // A page ranks every match when there are no more than the candidates.
        let page = try q.whoSaid(.init(about: "harbour", limit: 1))
        #expect(page.column("document").map(\.description) == ["a.txt"])
        // With two candidates, the two newest (b, c) are ranked: the page is the better of them,
        // in the order of the full ranking.
        var f = StatementQueries.Filter(about: "harbour", limit: 1)
        f.candidates = 2
        let newest = try q.whoSaid(f)
        let bestOfNewest = all.column("document").map(\.description).first { $0 != "a.txt" }
        #expect(newest.column("document").map(\.description) == [bestOfNewest].compactMap { $0 })
        // Other filters apply before the cut: the mayor's newest two are a and b.
        f.speaker = "the mayor"
        let mayor = try q.whoSaid(f)
        #expect(mayor.column("document").map(\.description) == ["a.txt"], "\(mayor.rows)")
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
