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
        #expect(try failed(db) == ["offsets who_said.quote"])
    }

    @Test func aFullTextIndexOutOfSyncIsFound() throws {
        let (_, db) = try seeded()
        try db.execute("DELETE FROM statements_fts WHERE rowid = (SELECT min(id) FROM statements)")
        #expect(try failed(db).contains("full-text index in sync"))
    }

    @Test func orphansAreFound() throws {
        let (_, db) = try seeded()
        try db.execute("INSERT INTO entities(name, type) VALUES ('Nobody At All', 'PERSON')")
        #expect(try failed(db) == ["orphan entities"])
    }
}
