import Testing
import Foundation
@testable import NewsKB

@Suite struct ImporterTests {
    let article = """
        Ministers meet in Brussels
        The ministers met in Brussels on Monday, officials said.
        “We have agreed on the text,” the chairman told reporters.
        """

    @Test func importingTheSameContentAgainAddsNothing() throws {
        let dir = TempDir()
        dir.write("in/a.txt", article)
        dir.write("in/sub/b.txt", "Second article.\nIt has two lines.")
        let (first, issues, store) = try importInto(dir.file("t.db"), [dir.file("in")])
        #expect(issues.isEmpty)
        #expect(first.read == 2 && first.new == 2 && first.failed == 0)
        #expect(try store.db.strings("SELECT key FROM documents ORDER BY key") == ["a.txt", "sub/b.txt"])
        let counts = try store.db.rows("SELECT (SELECT count(*) FROM sentences), (SELECT count(*) FROM documents)")
        let (second, _, again) = try importInto(dir.file("t.db"), [dir.file("in")])
        #expect(second.read == 2 && second.new == 0 && second.unchanged == 2 && second.replaced == 0)
        #expect(try again.db.rows("SELECT (SELECT count(*) FROM sentences), (SELECT count(*) FROM documents)") == counts)
    }

    @Test func oneImporterRunTwiceStartsEachRunWithNoKeysSeen() throws {
        // Keys read twice in one run are reported (BadInputTests); a later run of the same
        // importer reads them afresh, as unchanged documents.
        let dir = TempDir()
        let store = try KnowledgeStore.openForWriting(path: dir.file("t.db"))
        let importer = try Importer(store: store)
        var issues = [ImportIssue]()
        importer.onIssue = { issues.append($0) }
        let docs = [SourceDocument(key: "a", body: article, origin: "feed:1"),
                    SourceDocument(key: "b", body: "Second article.\nIt has two lines.", origin: "feed:2")]
        let first = try importer.importDocuments(docs + [SourceDocument(key: "a", body: "Other text.", origin: "feed:3")])
        #expect(first.new == 2 && first.failed == 1)
        #expect(issues.map(\.message) == ["duplicate key \"a\" (first read at feed:1): skipped"])
        let second = try importer.importDocuments(docs)
        #expect(second.read == 2 && second.unchanged == 2 && second.failed == 0 && issues.count == 1)
    }

    @Test func theSameBodyUnderTwoKeysIsStoredOnceWhateverTheBatchSize() throws {
        // Twins in one batch (analysed together) and in different batches are caught alike.
        for batchSize in [1, 2, 256] {
            let dir = TempDir()
            dir.write("in/a.txt", article)
            dir.write("in/b.txt", article)
            dir.write("in/c.txt", "Another article.\nWith another line.")
            dir.write("in/d.txt", article)
            let store = try KnowledgeStore.openForWriting(path: dir.file("t.db"))
            let importer = try Importer(store: store)
            importer.batchSize = batchSize
            let s = try importer.importPaths([dir.file("in")])
            #expect(s.read == 4 && s.new == 2 && s.duplicates == 2, "batch size \(batchSize)")
            #expect(try store.db.strings("SELECT key FROM documents ORDER BY key") == ["a.txt", "c.txt"])
        }
    }

    @Test func ofOneBodyUnderSeveralKeysTheSmallestKeyIsKeptWhateverTheOrder() throws {
        // Twins in one batch and across batches, into an empty store (the full-text index set
        // aside) and into one that holds a document (indexed batch by batch).
        for batchSize in [1, 2, 256] {
            for holdsOne in [false, true] {
                let dir = TempDir()
                let store = try KnowledgeStore.openForWriting(path: dir.file("t.db"))
                if holdsOne {
                    _ = try Importer(store: store).importDocuments([SourceDocument(key: "0", body: "An older note.\n“It rained,” she said.", origin: "feed:0")])
                }
                let importer = try Importer(store: store)
                importer.batchSize = batchSize
                let docs = ["d", "b", "a"].map { SourceDocument(key: $0, body: article, origin: "feed:" + $0) }
                    + [SourceDocument(key: "c", body: "Another article.\nWith another line.", origin: "feed:c")]
                let s = try importer.importDocuments(docs)
                let keys = try store.db.strings("SELECT key FROM documents ORDER BY key")
                #expect(keys == (holdsOne ? ["0", "a", "c"] : ["a", "c"]), "batch size \(batchSize)")
                // d, then b in its place, then a in b's: two replacements, no duplicate left.
                #expect(s.new == 2 && s.replaced == 2, "\(s)")
                #expect(try store.db.int("SELECT count(*) FROM statements s JOIN documents d ON d.id = s.document_id WHERE d.key = 'a'") >= 1)
                // The full-text index is whole and finds the kept document's quotation.
                try store.db.execute("INSERT INTO statements_fts(statements_fts) VALUES ('integrity-check')")
                #expect(try store.db.int("SELECT count(*) FROM statements_fts WHERE statements_fts MATCH 'agreed'") == 1)
            }
        }
    }

    @Test func aChangedFileReplacesTheOldVersionAndItsDerivedRows() throws {
        let dir = TempDir()
        let path = dir.write("in/a.txt", article)
        _ = try importInto(dir.file("t.db"), [dir.file("in")])
        dir.write("in/a.txt", "Ministers meet in Paris\nThe ministers met in Paris on Tuesday.")
        _ = path
        let (s, issues, store) = try importInto(dir.file("t.db"), [dir.file("in")])
        #expect(issues.isEmpty)
        #expect(s.replaced == 1 && s.new == 0)
        #expect(try store.db.int("SELECT count(*) FROM documents") == 1)
        #expect(try store.db.strings("SELECT title FROM documents") == ["Ministers meet in Paris"])
        // No orphans: every sentence belongs to the one document, none of the old ones remain.
        #expect(try store.db.int("SELECT count(*) FROM sentences WHERE document_id NOT IN (SELECT id FROM documents)") == 0)
        #expect(try store.db.int("SELECT count(*) FROM sentences WHERE substr((SELECT body FROM documents), start + 1, \"end\" - start) LIKE '%Brussels%'") == 0)
        #expect(try store.db.rows("PRAGMA foreign_key_check").isEmpty)
    }

    @Test func keysAreRelativePathsJSONLIdsOrFileAndLine() throws {
        let dir = TempDir()
        dir.write("in/deep/x.md", "# A title\n\nSome text here.")
        let jsonl = dir.write("feed.jsonl", """
            {"id": "r-1", "text": "First record.", "title": "One", "source": "Wire", "date": "2024-01-02", "url": "http://x/1", "author": "A. Writer"}
            {"text": "Record without id.", "outlet": "Daily"}

            {"id": 17, "text": "Numeric id."}
            """)
        let (s, issues, store) = try importInto(dir.file("t.db"), [dir.file("in"), jsonl])
        #expect(issues.isEmpty)
        #expect(s.new == 4)
        #expect(try store.db.strings("SELECT key FROM documents ORDER BY key") == ["17", "deep/x.md", "feed.jsonl:2", "r-1"])
        let meta = try store.db.rows("SELECT title, outlet, published, url, author FROM documents WHERE key = 'r-1'")[0]
        #expect(meta.map(\.description) == ["One", "Wire", "2024-01-02", "http://x/1", "A. Writer"])
        #expect(try store.db.strings("SELECT outlet FROM documents WHERE key = 'feed.jsonl:2'") == ["Daily"])
        #expect(try store.db.strings("SELECT title FROM documents WHERE key = 'deep/x.md'") == ["A title"])
    }

    @Test func headlineDetection() {
        #expect(Headline.title(of: "Kim crosses border for talks\nKim arrived on Tuesday.") == "Kim crosses border for talks")
        #expect(Headline.title(of: "Kim arrived on Tuesday.\nHe met Putin.") == nil)
        #expect(Headline.title(of: "- Bullet point one\n- Bullet point two") == nil)
        #expect(Headline.title(of: "A single line without a break") == nil)
        #expect(Headline.title(of: "“We will win,” he said\nMore text.") != nil)
        #expect(Headline.title(of: "“We will win,” he said.\nMore text.") == nil)
    }

    @Test func offsetsRoundTripThroughSQLiteSubstrWithNonASCIIBefore() throws {
        let dir = TempDir()
        let body = "Emoji 🇺🇸 and “curly” quotes, café and e\u{301}: Kim said “the talks were useful.”\nNext line 👍🏽 here."
        dir.write("in/u.txt", body)
        let (_, issues, store) = try importInto(dir.file("t.db"), [dir.file("in")])
        #expect(issues.isEmpty)
        #expect(try store.db.strings("SELECT body FROM documents") == [body])
        let sentences = try store.db.rows("""
            SELECT s.start, s."end", substr(d.body, s.start + 1, s."end" - s.start)
              FROM sentences s JOIN documents d ON d.id = s.document_id ORDER BY s.position
            """)
        #expect(!sentences.isEmpty)
        let scalars = Array(body.unicodeScalars)
        for row in sentences {
            let (a, b) = (row[0].int!, row[1].int!)
            var view = String.UnicodeScalarView()
            view.append(contentsOf: scalars[a..<b])
            #expect(row[2].string == String(view))
        }
        // A span located on the Swift side by code points equals SQLite's substr.
        let target = "the talks were useful."
        let scalarStart = body.unicodeScalars.distance(
            from: body.unicodeScalars.startIndex, to: body.range(of: target)!.lowerBound)
        let viaSQL = try store.db.scalar("SELECT substr(body, ? + 1, ?) FROM documents", [scalarStart, target.unicodeScalars.count])
        #expect(viaSQL?.string == target)
    }

    @Test func bodyIsVerbatimWithBOMDroppedAndUTF16Decoded() throws {
        let dir = TempDir()
        dir.write("in/bom.txt", bytes: [0xEF, 0xBB, 0xBF] + Array("Text after a BOM.".utf8))
        var utf16: [UInt8] = [0xFF, 0xFE]
        for u in "UTF-16 text: “quoted”.".utf16 { utf16 += [UInt8(u & 0xFF), UInt8(u >> 8)] }
        dir.write("in/wide.txt", bytes: utf16)
        let (s, issues, store) = try importInto(dir.file("t.db"), [dir.file("in")])
        #expect(issues.isEmpty)
        #expect(s.new == 2)
        #expect(try store.db.strings("SELECT body FROM documents ORDER BY key") == ["Text after a BOM.", "UTF-16 text: “quoted”."])
    }

    @Test func corpusWorkOwedByAKilledImportIsDoneByTheNextOne() throws {
        let dir = TempDir()
        let (_, _, store) = try importInto(dir.file("t.db"), [repoRoot + "/seeds"])
        let before = try derivedCounts(store.db)
        #expect(before["claim_agreement"]! > 0)
        #expect(try store.db.int("SELECT count(*) FROM corpus_pending") == 0)
        // As if an import had committed its documents and died before the corpus phase.
        try store.db.execute("""
            DELETE FROM claim_group_members; DELETE FROM claim_groups;
            INSERT INTO corpus_pending(id, since) VALUES (1, 'now');
            """)
        #expect(try store.db.int("SELECT count(*) FROM claim_agreement") == 0)
        let (s, _, again) = try importInto(dir.file("t.db"), [repoRoot + "/seeds"])
        #expect(s.new == 0 && s.unchanged == 5)
        #expect(try derivedCounts(again.db) == before)
        #expect(try again.db.int("SELECT count(*) FROM corpus_pending") == 0)
    }

    @Test func indexesSetAsideForABulkImportAreAllBackAfterIt() throws {
        let dir = TempDir()
        let path = dir.file("t.db")
        let indexSQL = "SELECT name, sql FROM sqlite_schema WHERE type = 'index' AND sql IS NOT NULL ORDER BY name"
        let fresh = try KnowledgeStore.openForWriting(path: dir.file("fresh.db"))
        let expected = try fresh.db.prepare(indexSQL).rows()
        #expect(expected.count > 10)

        // Into an empty database: the indexes are dropped while the rows go in, then rebuilt.
        let (s, _, store) = try importInto(path, [repoRoot + "/seeds"])
        #expect(s.new == 5 && (s.stageSeconds["index"] ?? -1) >= 0)
        #expect(try store.db.prepare(indexSQL).rows() == expected)
        #expect(try store.db.int("SELECT count(*) FROM deferred_indexes") == 0)
        // The full-text index, rebuilt at the end instead of batch by batch, holds every statement.
        #expect(try store.db.int("SELECT count(*) FROM statements_fts") == store.db.int("SELECT count(*) FROM statements"))
        #expect(try IntegrityCheck(db: store.db).run().filter { !$0.ok }.isEmpty)
        let derived = try derivedCounts(store.db)

        // As if an import had been killed with its indexes set aside: the next one rebuilds them.
        try DeferredIndexes(db: store.db).deferAll()
        #expect(try store.db.int("SELECT count(*) FROM deferred_indexes") > 10)
        #expect(try store.db.prepare(indexSQL).rows().count < expected.count)
        let (again, _, reopened) = try importInto(path, [repoRoot + "/seeds"])
        #expect(again.unchanged == 5)
        #expect(try reopened.db.prepare(indexSQL).rows() == expected)
        #expect(try derivedCounts(reopened.db) == derived)
        #expect(try IntegrityCheck(db: reopened.db).run().filter { !$0.ok }.isEmpty)
    }

    @Test func anInterruptedBulkImportLeavesItsIndexesBuilt() throws {
        let dir = TempDir()
        let store = try KnowledgeStore.openForWriting(path: dir.file("t.db"))
        let importer = try Importer(store: store)
        importer.batchSize = 1
        var batches = 0
        importer.shouldStop = { batches += 1; return batches == 2 }
        #expect(throws: Importer.Interrupted.self) { try importer.importPaths([repoRoot + "/seeds"]) }
        #expect(try store.db.int("SELECT count(*) FROM documents") == 2)
        #expect(try store.db.int("SELECT count(*) FROM deferred_indexes") == 0)
        #expect(try store.db.int("SELECT count(*) FROM sqlite_schema WHERE name = 'mentions_entity'") == 1)
    }
}
