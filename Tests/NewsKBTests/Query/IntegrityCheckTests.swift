import Testing
import Foundation
@testable import NewsKB

@Suite struct IntegrityCheckTests {
    private func seeded() throws -> (TempDir, Database) {
        let dir = TempDir()
        _ = try importInto(dir.file("t.db"), [repoRoot + "/seeds"])
        return (dir, try KnowledgeStore.openForReading(path: dir.file("t.db"), writable: true).db)
    }

    private func failed(_ db: Database) throws -> [String] {
        try IntegrityCheck(db: db).run().filter { !$0.ok }.map(\.check)
    }

    @Test func aFreshImportPassesEveryCheck() throws {
        let (_, db) = try seeded()
        #expect(try failed(db) == [])
    }

    @Test func aSpanOutsideItsTextIsFound() throws {
        let (_, db) = try seeded()
        try db.execute("UPDATE statements SET \"end\" = \"end\" + 100000 WHERE id = (SELECT min(id) FROM statements)")
        // The full-text index no longer matches the text the statement now spans, either.
        #expect(try failed(db) == ["offsets who_said.quote", "full-text index in sync"])
    }

    @Test func aFullTextIndexOutOfSyncIsFound() throws {
        let (_, db) = try seeded()
        try db.execute("DELETE FROM statements_fts WHERE rowid = (SELECT min(id) FROM statements)")
        #expect(try failed(db) == ["full-text index in sync"])
    }

    @Test func indexesLeftAsideByAKilledImportAreNamed() throws {
        let (_, db) = try seeded()
        try DeferredIndexes(db: db).deferAll()
        // Work owed, not damage: the check passes and says what is missing.
        #expect(try failed(db) == [])
        let note = try IntegrityCheck(db: db).run().first { $0.check == "indexes built" }
        #expect(note?.detail.contains("set aside by an import") == true)
        #expect(note?.detail.contains("full-text search misses") == true)
        // The full-text index owed is not reported out of sync meanwhile.
        try db.execute("DELETE FROM statements_fts WHERE rowid = (SELECT min(id) FROM statements)")
        #expect(try failed(db) == [])
        try DeferredIndexes(db: db).restoreAll()
        #expect(try IntegrityCheck(db: db).run().first { $0.check == "indexes built" }?.detail == "ok")
    }

    @Test func aCorpusPhaseOwedIsNamed() throws {
        let (_, db) = try seeded()
        #expect(try IntegrityCheck(db: db).run().first { $0.check == "corpus phase done" }?.detail == "ok")
        try db.execute("INSERT INTO corpus_pending(id, since) VALUES (1, '2026-12-06T00:00:00Z')")
        // Work owed, not damage: the check passes and names what completes it.
        #expect(try failed(db) == [])
        let note = try IntegrityCheck(db: db).run().first { $0.check == "corpus phase done" }
        #expect(note?.detail.contains("newskb rebuild") == true, "\(String(describing: note))")
    }

    @Test func replacingAndDeletingDocumentsKeepsTheIndexInSync() throws {
        let (_, db) = try seeded()
        try db.execute("DELETE FROM documents WHERE id = (SELECT min(id) FROM documents)")
        try db.execute("DELETE FROM statements WHERE id = (SELECT max(id) FROM statements)")
        // (Entities only the deleted document mentioned wait for the next import's clean-up.)
        #expect(try failed(db).filter { $0 != "orphan entities" } == [])
        let indexed = try db.int("SELECT count(*) FROM statements_fts WHERE statements_fts MATCH 'Peskov OR Kim OR Putin'")
        let expected = try db.int("""
            SELECT count(*) FROM statement_search WHERE quote LIKE '%Peskov%' OR quote LIKE '%Kim%' OR quote LIKE '%Putin%'
               OR speaker LIKE '%Peskov%' OR speaker LIKE '%Kim%' OR speaker LIKE '%Putin%'
            """)
        #expect(indexed == expected && indexed > 0)
    }

    @Test func aStoryPairNamingADocumentThatIsGoneIsFoundAndRebuildDropsIt() throws {
        let (dir, db) = try seeded()
        #expect(try db.int("SELECT count(*) FROM corpus_story_links") > 0)
        try db.execute("INSERT INTO corpus_story_links(a, b, sim) SELECT min(id), max(id) + 100, 0.5 FROM documents")
        #expect(try failed(db) == ["every story pair kept joins two documents"])
        _ = try Importer(store: KnowledgeStore.openForWriting(path: dir.file("t.db"))).rebuild()
        #expect(try failed(db) == [])
    }

    @Test func aDocumentWithoutAComponentIsFoundAndRebuildRecordsIt() throws {
        let (dir, db) = try seeded()
        try db.execute("DELETE FROM corpus_components WHERE document_id = (SELECT min(id) FROM documents)")
        #expect(try failed(db) == ["every document in a component"])
        _ = try Importer(store: KnowledgeStore.openForWriting(path: dir.file("t.db"))).rebuild()
        #expect(try failed(db) == [])
    }

    @Test func orphansAreFound() throws {
        let (_, db) = try seeded()
        try db.execute("INSERT INTO entities(name, type) VALUES ('Nobody At All', 'PERSON')")
        #expect(try failed(db) == ["orphan entities"])
    }
}
