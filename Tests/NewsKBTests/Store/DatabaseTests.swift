import Testing
import Foundation
@testable import NewsKB

@Suite struct DatabaseTests {
    @Test func errorsCarryCodeMessageAndSQL() throws {
        let dir = TempDir()
        let db = try Database(path: dir.file("t.db"))
        try db.execute("CREATE TABLE t (id INTEGER PRIMARY KEY, name TEXT NOT NULL UNIQUE) STRICT")
        try db.execute("INSERT INTO t(name) VALUES (?)", ["a"])
        let error = #expect(throws: DatabaseError.self) {
            try db.execute("INSERT INTO t(name) VALUES (?)", ["a"])
        }
        #expect(error?.resultCode == 19)  // SQLITE_CONSTRAINT
        #expect(error?.extendedResultCode == 2067)  // SQLITE_CONSTRAINT_UNIQUE
        #expect(error?.message.contains("UNIQUE constraint failed: t.name") == true)
        #expect(error?.sql == "INSERT INTO t(name) VALUES (?)")
        #expect(error?.description.contains("SQLITE_CONSTRAINT") == true)

        let syntax = #expect(throws: DatabaseError.self) { try db.prepare("SELEC 1") }
        #expect(syntax?.sql == "SELEC 1")
        #expect(syntax?.message.contains("syntax error") == true)
    }

    @Test func preparedStatementIsReusedAcrossRows() throws {
        let dir = TempDir()
        let db = try Database(path: dir.file("t.db"))
        try db.execute("CREATE TABLE t (n INTEGER, s TEXT) STRICT")
        let insert = try db.prepare("INSERT INTO t VALUES (?, ?)")
        try db.transaction {
            for i in 0..<100 { try insert.execute([i, "row \(i)"]) }
        }
        #expect(try db.int("SELECT count(*) FROM t") == 100)
        #expect(try db.int("SELECT sum(n) FROM t") == 4950)
        let query = try db.prepare("SELECT s FROM t WHERE n = ?")
        #expect(try query.scalar([7])?.string == "row 7")
        #expect(try query.scalar([42])?.string == "row 42")
    }

    @Test func transactionRollsBackOnError() throws {
        let dir = TempDir()
        let db = try Database(path: dir.file("t.db"))
        try db.execute("CREATE TABLE t (n INTEGER NOT NULL) STRICT")
        #expect(throws: DatabaseError.self) {
            try db.transaction {
                try db.execute("INSERT INTO t VALUES (1)")
                try db.execute("INSERT INTO t VALUES (NULL)")
            }
        }
        #expect(try db.int("SELECT count(*) FROM t") == 0)
        #expect(!db.isInTransaction)
    }

    @Test func openConfiguresForeignKeysAndWAL() throws {
        let dir = TempDir()
        let db = try Database(path: dir.file("t.db"))
        #expect(try db.int("PRAGMA foreign_keys") == 1)
        #expect(try db.scalar("PRAGMA journal_mode")?.string == "wal")
    }

    @Test func notADatabaseIsRefusedWithItsPath() throws {
        let dir = TempDir()
        let path = dir.write("notes.db", String(repeating: "this is not a database\n", count: 200))
        let error = #expect(throws: DatabaseError.self) { try Database(path: path) }
        #expect(error?.message.contains(path) == true)
        #expect(error?.resultCode == 26)  // SQLITE_NOTADB
    }

    @Test func readOnlyConnectionCannotWrite() throws {
        let dir = TempDir()
        let path = dir.file("t.db")
        try Database(path: path).execute("CREATE TABLE t (n INTEGER)")
        let ro = try Database(path: path, mode: .readOnly)
        let error = #expect(throws: DatabaseError.self) { try ro.execute("INSERT INTO t VALUES (1)") }
        #expect(error?.resultCode == 8)  // SQLITE_READONLY
    }
}
