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
        #expect(error?.resultCode == .SQLITE_CONSTRAINT)
        #expect(error?.extendedResultCode == .SQLITE_CONSTRAINT_UNIQUE)
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

    @Test func typedBindingStoresEachValueAsItsType() throws {
        let dir = TempDir()
        let db = try Database(path: dir.file("t.db"))
        try db.execute("CREATE TABLE t (i INTEGER, j INTEGER, r REAL, s TEXT, n TEXT, b INTEGER, v ANY) STRICT")
        let insert = try db.prepare("INSERT INTO t VALUES (?, ?, ?, ?, ?, ?, ?)")
        let missing: String? = nil, present: Int64? = 7
        try insert.execute(binding: 42, present, 2.5, "Peskov’s “quote” — ünïcode", missing, true, DatabaseValue.blob([1, 2]))
        try insert.execute(binding: -1, Int64?.none, 0.0, "", "x", false, DatabaseValue.null)
        let rows = try db.prepare("SELECT i, j, r, s, n, b, v, typeof(v) FROM t ORDER BY i DESC").rows()
        #expect(rows[0] == [.integer(42), .integer(7), .real(2.5), .text("Peskov’s “quote” — ünïcode"), .null,
                            .integer(1), .blob([1, 2]), .text("blob")])
        #expect(rows[1] == [.integer(-1), .null, .real(0), .text(""), .text("x"), .integer(0), .null, .text("null")])
        // A value that does not fit the column is an error carrying the SQL.
        let error = #expect(throws: DatabaseError.self) { try insert.execute(binding: "not a number", 1, 1.0, "s", "n", true, 1) }
        #expect(error?.sql == "INSERT INTO t VALUES (?, ?, ?, ?, ?, ?, ?)")
    }

    @Test func resultCodesMatchTheirPrimaryCode() {
        #expect(ResultCode.SQLITE_CONSTRAINT_UNIQUE.primaryResultCode == .SQLITE_CONSTRAINT)
        #expect(ResultCode.SQLITE_CONSTRAINT_UNIQUE.rawValue == 2067)
        #expect(ResultCode.SQLITE_CONSTRAINT ~= .SQLITE_CONSTRAINT_UNIQUE)
        #expect(!(ResultCode.SQLITE_CONSTRAINT_UNIQUE ~= .SQLITE_CONSTRAINT_NOTNULL))
        #expect(ResultCode.SQLITE_BUSY.description == "SQLITE_BUSY")
        #expect(ResultCode.SQLITE_CONSTRAINT_UNIQUE.description == "SQLITE_CONSTRAINT (2067)")
        #expect(ResultCode(rawValue: 23).name == "SQLite error 23")
    }

    @Test func wrongNumberOfValuesIsAnErrorNotTheLastBinding() throws {
        let dir = TempDir()
        let db = try Database(path: dir.file("t.db"))
        try db.execute("CREATE TABLE t (a INTEGER, b INTEGER) STRICT")
        let insert = try db.prepare("INSERT INTO t VALUES (?, ?)")
        try insert.execute([1, 2])
        // Too few: b would silently keep the previous run's 2.
        let short = #expect(throws: DatabaseError.self) { try insert.execute([3]) }
        #expect(short?.resultCode == .SQLITE_RANGE)
        #expect(short?.message == "wrong number of statement arguments: the SQL has 2 parameters, 1 value given")
        #expect(short?.sql == "INSERT INTO t VALUES (?, ?)")
        #expect(short?.description.contains("INSERT INTO t VALUES (?, ?)") == true)
        let long = #expect(throws: DatabaseError.self) { try insert.execute([3, 4, 5]) }
        #expect(long?.message == "wrong number of statement arguments: the SQL has 2 parameters, 3 values given")
        // The typed form checks the same way.
        let typedShort = #expect(throws: DatabaseError.self) { try insert.execute(binding: 3) }
        #expect(typedShort?.resultCode == .SQLITE_RANGE)
        #expect(typedShort?.message == "wrong number of statement arguments: the SQL has 2 parameters, 1 value given")
        #expect(throws: DatabaseError.self) { try insert.execute(binding: 3, 4, 5) }
        // Queries too; one-off statements as well.
        let query = try db.prepare("SELECT b FROM t WHERE a = ?")
        #expect(throws: DatabaseError.self) { try query.scalar([]) }
        #expect(throws: DatabaseError.self) { try query.rows([1, 2]) }
        #expect(throws: DatabaseError.self) { try query.forEachRow([]) { _ in } }
        #expect(throws: DatabaseError.self) { try db.execute("INSERT INTO t VALUES (?, ?)", [9]) }
        // Nothing was written by the refused runs.
        #expect(try db.rows("SELECT a, b FROM t") == [[.integer(1), .integer(2)]])
        // No values at all keeps the bindings made by name.
        let named = try db.prepare("SELECT b FROM t WHERE a = :a")
        try named.bind(.integer(1), named: "a")
        #expect(try named.scalar()?.int == 2)
    }

    @Test func forEachRowAndFirstRowResetTheStatement() throws {
        let dir = TempDir()
        let db = try Database(path: dir.file("t.db"))
        try db.execute("CREATE TABLE t (n INTEGER) STRICT; INSERT INTO t VALUES (1), (2), (3), (4)")
        let query = try db.prepare("SELECT n FROM t WHERE n >= ? ORDER BY n")
        var seen = [Int]()
        try query.forEachRow([2]) { seen.append($0.columnInt(0)) }
        #expect(seen == [2, 3, 4])
        #expect(try query.firstRow([3]) { $0.columnInt(0) } == 3)
        #expect(try query.firstRow([5]) { $0.columnInt(0) } == nil)
        struct Stop: Error {}
        #expect(throws: Stop.self) { try query.forEachRow([1]) { _ in throw Stop() } }
        let other = try db.prepare("SELECT n FROM t ORDER BY n")
        #expect(try other.firstRow { $0.columnInt(0) } == 1)
        // Both were reset when done (the first when its body threw): nothing still reads the table.
        try db.execute("DROP TABLE t")
        #expect(try db.int("SELECT count(*) FROM sqlite_schema WHERE name = 't'") == 0)
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
        #expect(error?.resultCode == .SQLITE_NOTADB)
    }

    @Test func readOnlyConnectionCannotWrite() throws {
        let dir = TempDir()
        let path = dir.file("t.db")
        try Database(path: path).execute("CREATE TABLE t (n INTEGER)")
        let ro = try Database(path: path, mode: .readOnly)
        let error = #expect(throws: DatabaseError.self) { try ro.execute("INSERT INTO t VALUES (1)") }
        #expect(error?.resultCode == .SQLITE_READONLY)
    }
}
