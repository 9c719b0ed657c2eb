import Testing
@testable import NewsKB

/// Title terms worked out a batch ahead on another core are the terms of each title, whether
/// documents are asked for one by one, with gaps, or past the last batch.
@Suite struct TitleTermsTests {
    @Test func termsWorkedOutAheadAreEachTitlesTerms() throws {
        let dir = TempDir()
        let store = try KnowledgeStore.openForWriting(path: dir.file("t.db"))
        let heads = ["Harbour reopens after storm", "Ferries run late on the coast", "Council approves new bridge",
                     "Strike halts container ships", "Flood warnings lifted in the valley"]
        _ = try Importer(store: store).importDocuments(heads.enumerated().map { i, h in
            SourceDocument(key: "d\(i)", title: h, published: "2024-03-0\(i + 1)",
                           body: "\(h). \"We expect more news on Monday,\" an official said.", origin: "d\(i).txt")
        })
        let db = store.db
        let titles = try db.rows("SELECT id, title FROM documents ORDER BY id").map { ($0[0].int64!, $0[1].string) }
        #expect(titles.count == 5)
        #expect(titles.allSatisfy { ClaimCorpus.titleKeys($0.1).count >= 3 })
        // Batches of two: the five documents span three batches.
        let all = try TitleTerms(db: db, batchSize: 2)
        for (id, title) in titles { #expect(try all.terms(of: id, title: title) == ClaimCorpus.titleKeys(title)) }
        // Every other document, then one that does not exist.
        let some = try TitleTerms(db: db, batchSize: 2)
        for (id, title) in titles.enumerated().filter({ $0.offset % 2 == 0 }).map(\.element) {
            #expect(try some.terms(of: id, title: title) == ClaimCorpus.titleKeys(title))
        }
        #expect(try some.terms(of: titles.last!.0 + 100, title: "Harbour reopens") == ClaimCorpus.titleKeys("Harbour reopens"))
    }
}
