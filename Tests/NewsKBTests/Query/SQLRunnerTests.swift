import Testing
import Foundation
@testable import NewsKB

@Suite struct SQLRunnerTests {
    private func seededStore() throws -> (TempDir, KnowledgeStore) {
        let dir = TempDir()
        dir.write("in/a.txt", "Talks in Oslo\nThe talks took place in Oslo.")
        let (_, _, store) = try importInto(dir.file("t.db"), [dir.file("in")])
        return (dir, try KnowledgeStore.openForReading(path: dir.file("t.db")))
    }

    @Test func readOnlyByDefault() throws {
        let (_, store) = try seededStore()
        let runner = SQLRunner(db: store.db, allowWrites: false)
        for sql in ["DELETE FROM documents", "DROP TABLE documents", "UPDATE documents SET title = 'x'",
                    "PRAGMA user_version = 99", "CREATE TABLE x (y)", "SELECT 1; DELETE FROM documents"] {
            #expect(throws: (any Error).self, "\(sql)") { try runner.run(sql) }
        }
        #expect(try store.db.int("SELECT count(*) FROM documents") == 1)
        #expect(try store.db.userVersion() == Migrator.embedded.latestVersion)
    }

    @Test func otherFilesAndExtensionsAreOutOfReach() throws {
        let (dir, store) = try seededStore()
        let runner = SQLRunner(db: store.db, allowWrites: false)
        let copy = dir.file("copy.db")
        #expect(throws: (any Error).self) { try runner.run("VACUUM INTO '\(copy)'") }
        #expect(!FileManager.default.fileExists(atPath: copy))
        do {
            _ = try runner.run("ATTACH '\(dir.file("t.db"))' AS other")
            Issue.record("ATTACH was allowed without --write")
        } catch let f as SQLRunner.Failure {
            #expect(f.description.contains("--write"))
        }
        #expect(throws: (any Error).self) { try runner.run("ATTACH '\(dir.file("new.db"))' AS n") }
        #expect(!FileManager.default.fileExists(atPath: dir.file("new.db")))
        #expect(throws: (any Error).self) { try runner.run("SELECT load_extension('/lib/x86_64-linux-gnu/libc.so.6')") }
        #expect(throws: (any Error).self) { try runner.run("PRAGMA journal_mode = DELETE") }
    }

    @Test func writeRefusalSaysHowToAllowIt() throws {
        let (_, store) = try seededStore()
        do {
            _ = try SQLRunner(db: store.db, allowWrites: false).run("DELETE FROM documents")
            Issue.record("a write was allowed")
        } catch let f as SQLRunner.Failure {
            #expect(f.description.contains("--write"))
        }
    }

    @Test func writesAllowedWithWrite() throws {
        let (dir, _) = try seededStore()
        let store = try KnowledgeStore.openForReading(path: dir.file("t.db"), writable: true)
        _ = try SQLRunner(db: store.db, allowWrites: true).run("UPDATE documents SET title = 'Changed'")
        #expect(try store.db.strings("SELECT title FROM documents") == ["Changed"])
    }

    @Test func namedParametersAreBoundNotSpliced() throws {
        let (_, store) = try seededStore()
        let runner = SQLRunner(db: store.db, allowWrites: false)
        let hostile = "x'); DROP TABLE documents; --"
        let r = try runner.run("SELECT count(*) AS n, :v AS v FROM documents WHERE title = :v", parameters: ["v": hostile])
        #expect(r[0].rows == [[.integer(0), .text(hostile)]])
        let ok = try runner.run("SELECT key FROM documents WHERE title = :t", parameters: ["t": "Talks in Oslo"])
        #expect(ok[0].rows == [[.text("a.txt")]])
        #expect(throws: SQLRunner.Failure.self) { try runner.run("SELECT :missing") }
        #expect(throws: SQLRunner.Failure.self) { try runner.run("SELECT 1", parameters: ["unused": "1"]) }
    }

    @Test func severalStatementsEachPrintTheirRows() throws {
        let (_, store) = try seededStore()
        let r = try SQLRunner(db: store.db, allowWrites: false).run("SELECT 1 AS a; SELECT 2 AS b, 3 AS c;")
        #expect(r.map(\.columns) == [["a"], ["b", "c"]])
    }
}
