import Testing
import Foundation
@testable import NewsKB

@Suite struct MigratorTests {
    @Test func freshDatabaseGetsEveryMigration() throws {
        let dir = TempDir()
        let db = try Database(path: dir.file("t.db"))
        let applied = try Migrator.embedded.migrate(db)
        #expect(applied.count == Migrator.embedded.migrations.count)
        #expect(try db.userVersion() == Migrator.embedded.latestVersion)
        #expect(try db.int("SELECT count(*) FROM schema_migrations") == applied.count)
        #expect(try db.strings("SELECT name FROM schema_migrations ORDER BY version")
                == Migrator.embedded.migrations.map(\.name))
        // Every public view of docs/sql-interface.md exists with its columns.
        for (view, columns) in [
            ("documents", ["key", "title", "outlet", "url", "published", "body"]),
            ("entity_mentions", ["document", "entity", "type", "mention", "start", "end"]),
            ("who_said", ["document", "speaker", "speaker_start", "speaker_end", "cue", "cue_start", "cue_end",
                          "kind", "quote", "start", "end", "sentence", "place"]),
        ] {
            let names = try db.strings("SELECT name FROM pragma_table_info(?)", [view])
            for c in columns { #expect(names.contains(c), "\(view).\(c)") }
        }
        // Migrating again does nothing.
        #expect(try Migrator.embedded.migrate(db).isEmpty)
    }

    @Test func olderDatabaseIsUpgradedKeepingItsData() throws {
        let dir = TempDir()
        let path = dir.file("t.db")
        do {
            let db = try Database(path: path)
            try Migrator.embedded.migrate(db, upTo: 1)
            #expect(try db.userVersion() == 1)
            try db.execute("""
                INSERT INTO documents(key, body, content_hash, origin, imported_at, char_count, word_count, analysis_key)
                VALUES ('old.txt', 'Old text.', 'x', 'old.txt', 'now', 9, 2, 'k')
                """)
        }
        let store = try KnowledgeStore.openForWriting(path: path)
        #expect(try store.db.userVersion() == Migrator.embedded.latestVersion)
        #expect(try store.db.strings("SELECT key FROM documents") == ["old.txt"])
        #expect(try store.db.int("SELECT count(*) FROM entity_mentions") == 0)
    }

    @Test func newerDatabaseIsRefusedAndLeftUnchanged() throws {
        let dir = TempDir()
        let path = dir.file("t.db")
        let future = Migrator.embedded.latestVersion + 1
        do {
            let db = try Database(path: path)
            try Migrator.embedded.migrate(db)
            try db.execute("PRAGMA user_version = \(future)")
        }
        let error = #expect(throws: DatabaseError.self) { try KnowledgeStore.openForWriting(path: path) }
        #expect(error?.message.contains("newer newskb") == true)
        let ro = #expect(throws: DatabaseError.self) { try KnowledgeStore.openForReading(path: path) }
        #expect(ro?.message.contains("newer newskb") == true)
        let db = try Database(path: path, mode: .readOnly)
        #expect(try db.userVersion() == future)
        #expect(try db.int("SELECT count(*) FROM schema_migrations") == Migrator.embedded.migrations.count)
    }

    @Test func failedMigrationRollsBackEntirely() throws {
        let dir = TempDir()
        let db = try Database(path: dir.file("t.db"))
        let broken = Migrator(files: [
            ("001_ok.sql", "CREATE TABLE schema_migrations (version INTEGER PRIMARY KEY, name TEXT, applied_at TEXT);"),
            ("002_bad.sql", "CREATE TABLE a (x INTEGER); CREATE TABLE a (y INTEGER);"),
        ])
        #expect(throws: DatabaseError.self) { try broken.migrate(db) }
        #expect(try db.userVersion() == 1)
        #expect(try db.int("SELECT count(*) FROM sqlite_schema WHERE name = 'a'") == 0)
    }
}
