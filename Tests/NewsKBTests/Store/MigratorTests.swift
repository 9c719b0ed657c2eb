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

    /// No table's constraints build a temporary b-tree for every row inserted (SQLite does that
    /// for a CHECK with an IN list of more than two values; migration 009 rewrote them).
    @Test func insertsBuildNoTemporaryTablePerRow() throws {
        let dir = TempDir()
        let db = try Database(path: dir.file("t.db"))
        try Migrator.embedded.migrate(db, upTo: 7)
        try db.execute("INSERT INTO entities(name, type) VALUES ('Dmitry Peskov', 'PERSON')")
        try Migrator.embedded.migrate(db)
        let tables = try db.strings("""
            SELECT name FROM sqlite_schema
             WHERE type = 'table' AND name NOT LIKE 'sqlite_%' AND name NOT LIKE 'statements_fts%'
            """)
        #expect(tables.contains("entities") && tables.contains("statements"))
        for table in tables {
            let plan = try db.prepare("EXPLAIN INSERT INTO \(table) DEFAULT VALUES")
            var opcodes = [String]()
            while try plan.step() { opcodes.append(plan.columnString(1) ?? "") }
            #expect(!opcodes.contains("OpenEphemeral"), "\(table)")
        }
        // The constraints still hold, and the rows written before are kept.
        #expect(try db.strings("SELECT name FROM entities") == ["Dmitry Peskov"])
        #expect(throws: DatabaseError.self) { try db.execute("INSERT INTO entities(name, type) VALUES ('X', 'NOUN')") }
        try db.execute("INSERT INTO entities(name, type) VALUES ('Kremlin', 'ORG')")
        #expect(try db.strings("PRAGMA integrity_check") == ["ok"])
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

    @Test func version5DataMovesToTheCompactStorageOf6() throws {
        let dir = TempDir()
        let db = try Database(path: dir.file("t.db"))
        try Migrator.embedded.migrate(db, upTo: 5)
        try db.execute("""
            INSERT INTO documents(id, key, body, content_hash, origin, imported_at, char_count, word_count, analysis_key)
            VALUES (1, 'a.txt', 'Mr. Peskov said the talks went well.', 'x', 'a.txt', 'now', 36, 7, 'k');
            INSERT INTO sentences(id, document_id, position, paragraph, start, "end") VALUES (1, 1, 0, 0, 0, 36);
            INSERT INTO entities(id, name, type) VALUES (1, 'Dmitry Peskov', 'PERSON');
            INSERT INTO mentions(document_id, entity_id, sentence_id, start, "end") VALUES (1, 1, 1, 0, 10);
            INSERT INTO statements(id, document_id, sentence_id, kind, start, "end", speaker_entity_id)
            VALUES (1, 1, 1, 'indirect', 16, 35, 1);
            INSERT INTO statements_fts(rowid, quote, speaker) VALUES (1, 'the talks went well', 'Dmitry Peskov');
            INSERT INTO claims(id, document_id, sentence_id, statement_id, position, start, "end", negated, normalized)
            VALUES (1, 1, 1, 1, 0, 16, 35, 0, 'talk well went');
            INSERT INTO claim_keys(claim_id, key) VALUES (1, 'w:talk'), (1, 'w:went'), (1, 'e:dmitry peskov');
            INSERT INTO claim_quantities(claim_id, value, unit, noun, start, "end") VALUES (1, 2, '', 'talk', 16, 20);
            """)
        try Migrator.embedded.migrate(db, upTo: 6)
        #expect(try db.strings("SELECT match_keys FROM claims") == ["e:dmitry_peskov talk went"])
        #expect(try db.int("SELECT count(*) FROM sqlite_schema WHERE name = 'claim_keys'") == 0)
        #expect(try db.int("SELECT count(*) FROM statements_fts WHERE statements_fts MATCH 'talks'") == 1)
        #expect(try db.int("SELECT count(*) FROM statements_fts WHERE statements_fts MATCH 'peskov'") == 1)
        try db.execute("INSERT INTO statements_fts(statements_fts, rank) VALUES ('integrity-check', 1)")
        #expect(try db.strings("SELECT mention FROM entity_mentions") == ["Mr. Peskov"])
        #expect(try db.strings("SELECT name_key FROM entities") == ["dmitry peskov"])
        #expect(try db.int("SELECT count(*) FROM claim_quantities WHERE noun = 'talk'") == 1)
        // Deleting the document takes its statement out of the index too.
        try db.execute("DELETE FROM documents")
        #expect(try db.int("SELECT count(*) FROM statements_fts WHERE statements_fts MATCH 'talks'") == 0)
        try db.execute("INSERT INTO statements_fts(statements_fts, rank) VALUES ('integrity-check', 1)")
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
