import Testing
import Foundation
@testable import NewsKB

/// The corpus phase recomputes only the documents changed and the components they reach (#17),
/// weighing keys by the counts taken when it last ran over the whole store, and keeps the ids of
/// what it did not change.
@Suite(.serialized) struct IncrementalCorpusTests {
    let corpus = BoundedCorpusTests()

    /// Stories, groups and conflicts with their ids and members.
    func withIDs(_ db: Database) throws -> [String] {
        try corpusViews(db)
    }

    /// Recomputes everything with the counts taken earlier, as if every document had changed:
    /// what a store built in one go with those counts holds.
    func recomputeEveryWeek(_ db: Database) throws -> ClaimCorpus.Summary {
        try CorpusPlan.markEverythingChanged(db)
        return try ClaimCorpus(db: db).update()
    }

    @Test func eachDocumentIsRecordedWithItsComponentAndTheKeysItIsFoundBy() throws {
        let docs = corpus.weeklyCorpus(weeks: 8, chained: true)
        let (dir, store) = try importDocs(docs)
        _ = dir
        let db = store.db
        #expect(try db.int("SELECT count(*) FROM corpus_components") == docs.count)
        // Documents of one claim group share a claim component; a component is named by its smallest id.
        #expect(try db.int("""
            SELECT count(*) FROM claim_evidence a JOIN claim_evidence b ON b.claim_group = a.claim_group
              JOIN documents da ON da.key = a.document JOIN documents db ON db.key = b.document
              JOIN corpus_components x ON x.document_id = da.id JOIN corpus_components y ON y.document_id = db.id
             WHERE x.component != y.component
            """) == 0)
        #expect(try db.int("SELECT count(*) FROM claim_groups") > 0)
        #expect(try db.int("SELECT count(*) FROM corpus_components c WHERE c.component > c.document_id") == 0)
        #expect(try db.int("SELECT count(DISTINCT component) FROM corpus_components") < docs.count)
        // The story pairs compared are kept, each once, by document id; every pair of documents
        // of one story that the merge joined is among them.
        #expect(try db.int("SELECT count(*) FROM corpus_story_links WHERE a >= b") == 0)
        #expect(try db.int("SELECT count(*) FROM corpus_story_links WHERE sim >= 0.12") >= 1)
        #expect(try db.int("""
            SELECT count(*) FROM story_documents s WHERE (SELECT count(*) FROM story_documents t WHERE t.story_id = s.story_id) > 1
               AND NOT EXISTS (SELECT 1 FROM corpus_story_links l JOIN story_documents t ON t.document_id = (CASE WHEN l.a = s.document_id THEN l.b ELSE l.a END)
                                WHERE (l.a = s.document_id OR l.b = s.document_id) AND t.story_id = s.story_id AND l.sim >= 0.12)
            """) == 0)
        // Every document is found by some key, in each role.
        for role in 0...2 {
            #expect(try db.int("SELECT count(DISTINCT document_id) FROM corpus_postings WHERE role = ?", [role]) == docs.count, "\(role)")
        }
        // A deleted document is recorded with its component.
        let gone = try db.int("SELECT id FROM documents WHERE key = 'w03-a.txt'")
        let component = try db.int("SELECT component FROM corpus_components WHERE document_id = ?", [Int64(gone)])
        let story = try db.int("SELECT story_id FROM story_documents WHERE document_id = ?", [Int64(gone)])
        #expect(try db.int("SELECT count(*) FROM corpus_story_links WHERE a = ? OR b = ?", [Int64(gone), Int64(gone)]) > 0)
        try db.execute("DELETE FROM documents WHERE id = ?", [Int64(gone)])
        #expect(try db.int("SELECT component FROM corpus_changes WHERE document_id = ?", [Int64(gone)]) == component)
        // ... and its story, and its story pairs go with it.
        #expect(try db.int("SELECT story FROM corpus_changes WHERE document_id = ?", [Int64(gone)]) == story)
        #expect(try db.int("SELECT count(*) FROM corpus_components WHERE document_id = ?", [Int64(gone)]) == 0)
        #expect(try db.int("SELECT count(*) FROM corpus_story_links WHERE a = ? OR b = ?", [Int64(gone), Int64(gone)]) == 0)
        // Every document has its stored record; the deleted one's went with it.
        #expect(try db.int("SELECT count(*) FROM corpus_records") == docs.count - 1)
        #expect(try db.int("SELECT count(*) FROM corpus_records WHERE document_id = ?", [Int64(gone)]) == 0)
    }

    @Test func addingAWeekAfterAGapRecomputesItsRegionOnlyAndEqualsARecomputationWithTheSameCounts() throws {
        // Weeks 0-49 (chains of three weeks), then the articles of week 55 (4 of 200: within the
        // 2 % that reuse the counts), after a gap: nothing links them to the weeks before.
        let docs = corpus.weeklyCorpus(weeks: 56, chained: true)
        let first = docs.filter { Int($0.key.dropFirst().prefix(2))! < 50 }
        let later = docs.filter { $0.key.hasPrefix("w55-") }
        let (dir, store) = try importDocs(first)
        _ = dir
        let db = store.db
        let before = try withIDs(db)
        let added = try Importer(store: store).importDocuments(later)
        let summary = try #require(added.corpus)
        // Week 55's documents only: nothing before links to them.
        #expect(summary.scope == "4 documents", "\(summary.scope)")
        #expect(summary.windows <= 2, "\(summary)")
        let incremental = try withIDs(db)
        // The new documents are grouped with each other.
        #expect(try db.int("SELECT count(DISTINCT claim_group) FROM claim_evidence WHERE document LIKE 'w55-%'") >= 1)
        // What was there keeps its rows, ids included.
        #expect(Set(before).isSubset(of: Set(incremental)))
        #expect(incremental.count > before.count)
        // Every week recomputed with the same counts: the same stories, groups and conflicts, ids included.
        let all = try recomputeEveryWeek(db)
        #expect(all.windows >= 50, "\(all)")
        #expect(try withIDs(db) == incremental)
    }

    @Test func aWeekLinkedToTheWeeksBeforeRecomputesThemTooAndEqualsARecomputation() throws {
        // Follow-ups link each week to the next: the region reaches back through them.
        let docs = corpus.weeklyCorpus(weeks: 51, chained: true)
        let (dir, store) = try importDocs(docs.filter { !$0.key.hasPrefix("w50-") })
        _ = dir
        let db = store.db
        let summary = try #require(try Importer(store: store).importDocuments(docs.filter { $0.key.hasPrefix("w50-") }).corpus)
        #expect(!summary.scope.hasPrefix("all"), "\(summary.scope)")
        // The follow-ups of week 49 link to week 50's: their component is read again, not the store.
        #expect(summary.linked >= 1 && summary.readDocuments < 200, "\(summary)")
        let incremental = try withIDs(db)
        _ = try recomputeEveryWeek(db)
        #expect(try withIDs(db) == incremental)
    }

    @Test func documentsWithoutAStoredRecordGetOneWhenComparedAndTheResultIsTheSame() throws {
        // A store from before the records (or merged from shards): the documents an import
        // compares its new ones with are read from the claims once, and their records written.
        let docs = corpus.weeklyCorpus(weeks: 51, chained: true)
        let (dir, store) = try importDocs(docs.filter { !$0.key.hasPrefix("w50-") })
        _ = dir
        let db = store.db
        try db.execute("DELETE FROM corpus_records WHERE document_id % 2 = 0")
        let missing = try db.int("SELECT count(*) FROM documents d WHERE NOT EXISTS (SELECT 1 FROM corpus_records r WHERE r.document_id = d.id)")
        #expect(missing > 50)
        let summary = try #require(try Importer(store: store).importDocuments(docs.filter { $0.key.hasPrefix("w50-") }).corpus)
        #expect(summary.linked >= 1 && summary.candidates >= 1, "\(summary)")
        // The new documents and the candidates that had none now have one.
        #expect(try db.int("SELECT count(*) FROM documents d JOIN corpus_records r ON r.document_id = d.id WHERE d.key LIKE 'w50-%'") == 4)
        #expect(try db.int("SELECT count(*) FROM documents d WHERE NOT EXISTS (SELECT 1 FROM corpus_records r WHERE r.document_id = d.id)")
                < missing)
        let incremental = try withIDs(db)
        _ = try recomputeEveryWeek(db)
        #expect(try withIDs(db) == incremental)
    }

    @Test func theCorpusPhaseWritesToTheStoreOnlyOnceItMay() throws {
        // An import that set its indexes aside builds them on another connection while the
        // corpus phase reads; the phase writes only after them (`beforeWriting`), records included.
        // Here another connection holds the write lock until then, and a write before it fails.
        let docs = corpus.weeklyCorpus(weeks: 51, chained: true)
        let (dir, store) = try importDocs(docs.filter { !$0.key.hasPrefix("w50-") })
        _ = store
        let db = try Database(path: dir.file("t.db"), mode: .readWrite, busyTimeoutMilliseconds: 100)
        // New documents without their corpus phase, then a phase over part of the store and one over all of it.
        let importer = try Importer(store: KnowledgeStore(db: db))
        importer.runsCorpusPhase = false
        _ = try importer.importDocuments(docs.filter { $0.key.hasPrefix("w50-") })
        for full in [false, true] {
            let locker = try Database(path: dir.file("t.db"), mode: .readWrite)
            try locker.execute("BEGIN IMMEDIATE")
            var released = false
            var phase = ClaimCorpus(db: db)
            phase.beforeWriting = {
                try locker.execute("COMMIT")
                released = true
            }
            let summary = try phase.update(full: full)
            #expect(released)
            #expect(summary.scope.hasPrefix("all") == full, "\(summary.scope)")
        }
        // Every document has its record, and the store is what a recomputation gives.
        #expect(try db.int("SELECT count(*) FROM documents d WHERE NOT EXISTS (SELECT 1 FROM corpus_records r WHERE r.document_id = d.id)") == 0)
        let result = try withIDs(db)
        _ = try recomputeEveryWeek(db)
        #expect(try withIDs(db) == result)
    }

    @Test func aDocumentLinkedIntoALongChainOfStoriesRecomputesTheStoriesItCanChangeNotTheChain() throws {
        // Every week's follow-up links it to the next: story links join all 30 weeks into one
        // component, while stories span a week at most. A new follow-up of week 12 links into
        // the chain; the stories it can change are those of weeks 12 and 13, not the chain's.
        let docs = corpus.weeklyCorpus(weeks: 30, storyChain: true)
        let (dir, store) = try importDocs(docs)
        _ = dir
        let db = store.db
        let reached = try db.int("""
            WITH RECURSIVE r(id) AS (SELECT id FROM documents WHERE key = 'w00-a.txt'
              UNION SELECT CASE WHEN l.a = r.id THEN l.b ELSE l.a END FROM corpus_story_links l JOIN r ON l.a = r.id OR l.b = r.id WHERE l.sim >= 0.12)
            SELECT count(*) FROM r
            """)
        #expect(reached >= 100, "\(reached)")
        let before = try withIDs(db)
        let added = SourceDocument(key: "w12-e.txt", title: nil, published: corpus.day(7 * 12 + 4),
                                   body: corpus.event(12, paraphrase: true) + " Officials said the inquiry would report soon.", origin: "e")
        let summary = try #require(try Importer(store: store).importDocuments([added]).corpus)
        #expect(!summary.scope.hasPrefix("all"), "\(summary.scope)")
        #expect(summary.readDocuments <= 16, "\(summary)")
        let incremental = try withIDs(db)
        // What it did not reach keeps its rows, ids included; the new document joined a story.
        #expect(Set(before).intersection(Set(incremental)).count >= before.count - 12)
        #expect(try db.int("SELECT count(*) FROM stories s JOIN stories t ON t.story = s.story WHERE s.document = 'w12-e.txt' AND t.document LIKE 'w12-%'") >= 2)
        _ = try recomputeEveryWeek(db)
        #expect(try withIDs(db) == incremental)
    }

    @Test func anUndatedArticleThatReportsALaterYearIsNoStoryWithOlderWeeks() throws {
        // The weeks are of 2021. An undated report of week 3's event joins its story when it
        // reports a past year before then, not when it reports one after: then it was written
        // later, and it is compared with no week before 2023 (a year's slack).
        let docs = corpus.weeklyCorpus(weeks: 60)
        func storyMates(reporting year: Int) throws -> Int {
            let (dir, store) = try importDocs(docs)
            _ = dir
            let db = store.db
            let article = SourceDocument(key: "u.txt", title: nil, published: nil,
                                         body: corpus.event(3) + " The valley last flooded in \(year), when the dam failed.", origin: "u")
            let summary = try #require(try Importer(store: store).importDocuments([article]).corpus)
            #expect(!summary.scope.hasPrefix("all"), "\(summary.scope)")
            let mates = try db.int("SELECT count(*) FROM stories s JOIN stories t ON t.story = s.story WHERE s.document = 'u.txt' AND t.document LIKE 'w03-%'")
            let incremental = try withIDs(db)
            _ = try recomputeEveryWeek(db)
            #expect(try withIDs(db) == incremental)
            return mates
        }
        #expect(try storyMates(reporting: 2019) >= 2)
        #expect(try storyMates(reporting: 2024) == 0)
    }

    @Test func replacingAndDeletingRecomputeTheirRegion() throws {
        let docs = corpus.weeklyCorpus(weeks: 40)
        let (dir, store) = try importDocs(docs)
        _ = dir
        let db = store.db
        // A follow-up of week 12 rewritten (another number): replaced in place.
        var changed = docs.first { $0.key == "w12-d.txt" }!
        changed.body = corpus.event(12, half: true) + " Officials promised a full inquiry."
        let summary = try #require(try Importer(store: store).importDocuments([changed]).corpus)
        #expect(!summary.scope.hasPrefix("all"), "\(summary.scope)")
        let replaced = try withIDs(db)
        #expect(try recomputeEveryWeek(db).windows >= 40)
        #expect(try withIDs(db) == replaced)
        // A document deleted: its groups and stories go, the others of its weeks are recomputed.
        try db.transaction { try db.execute("DELETE FROM documents WHERE key = 'w20-a.txt'") }
        try db.execute("INSERT OR IGNORE INTO corpus_pending(id, since) VALUES (1, 'now')")
        let after = try #require(try Importer(store: store).importDocuments([]).corpus)
        #expect(!after.scope.hasPrefix("all"), "\(after.scope)")
        #expect(try db.int("SELECT count(*) FROM claim_evidence WHERE document = 'w20-a.txt'") == 0)
        #expect(try db.int("SELECT count(*) FROM claim_groups g WHERE NOT EXISTS (SELECT 1 FROM claim_group_members m WHERE m.group_id = g.id)") == 0)
        let deleted = try withIDs(db)
        _ = try recomputeEveryWeek(db)
        #expect(try withIDs(db) == deleted)
    }

    @Test func aDocumentDeletedByHandWithForeignKeysOffLeavesNothingBehind() throws {
        // The sqlite3 shell and most tools leave foreign keys off, so ON DELETE CASCADE does
        // nothing there: the trigger of migration 015 deletes what derives from the document.
        let docs = corpus.weeklyCorpus(weeks: 12)
        let (dir, store) = try importDocs(docs)
        _ = dir
        let db = store.db
        let gone = try db.int("SELECT id FROM documents WHERE key = 'w05-a.txt'")
        #expect(try db.int("SELECT count(*) FROM claims WHERE document_id = ?", [Int64(gone)]) > 0)
        try db.execute("PRAGMA foreign_keys = OFF")
        try db.execute("DELETE FROM documents WHERE key = 'w05-a.txt'")
        try db.execute("PRAGMA foreign_keys = ON")
        for table in ["sentences", "mentions", "statements", "claims", "entity_aliases", "entity_roles", "story_documents"] {
            #expect(try db.int("SELECT count(*) FROM \(table) WHERE document_id = ?", [Int64(gone)]) == 0, "\(table)")
        }
        for table in ["claim_entities", "claim_quantities", "claim_frames", "claim_group_members", "conflict_positions"] {
            #expect(try db.int("SELECT count(*) FROM \(table) WHERE claim_id NOT IN (SELECT id FROM claims)") == 0, "\(table)")
        }
        #expect(try db.rows("PRAGMA foreign_key_check").isEmpty)
        // The deletion was recorded: the next import recomputes, and the store equals one import
        // of the other documents (as sets; more than 2 % changed, so with new counts).
        let after = try #require(try Importer(store: store).importDocuments([]).corpus)
        #expect(after.scope.hasPrefix("all"), "\(after.scope)")
        let (dir2, fresh) = try importDocs(docs.filter { $0.key != "w05-a.txt" })
        _ = dir2
        #expect(try corpusSets(db) == corpusSets(fresh.db))
    }

    @Test func countsTakenBeforeTheSpreadWasRecordedAreTakenAgain() throws {
        // A store whose counts predate migration 016 has no spread: a run over part of it could
        // not index keys as a run over all of them did, so the next import recomputes everything.
        let docs = corpus.weeklyCorpus(weeks: 30)
        let (dir, store) = try importDocs(Array(docs.dropLast()))
        _ = dir
        let spread = try #require(try store.db.scalar("SELECT spread FROM corpus_snapshot")?.double)
        #expect(spread > 1, "\(spread)")
        try store.db.execute("UPDATE corpus_snapshot SET spread = NULL")
        let summary = try #require(try Importer(store: store).importDocuments([docs.last!]).corpus)
        #expect(summary.scope == "all: the key counts predate the corpus-wide index caps", "\(summary.scope)")
        #expect(try store.db.scalar("SELECT spread FROM corpus_snapshot")?.double != nil)
    }

    @Test func anUndatedDocumentRecomputesWhatItLinksToAndLargeChangesEverything() throws {
        let docs = corpus.weeklyCorpus(weeks: 27)
        let (dir, store) = try importDocs(Array(docs.prefix(100)))
        _ = dir
        let db = store.db
        #expect(try db.int("SELECT documents FROM corpus_snapshot") == 100)
        // An undated document is compared with every week, found through the postings: only
        // what it links to (week 3's event) is recomputed, and the store equals a recomputation.
        let undated = SourceDocument(key: "u.txt", title: nil, published: nil, body: corpus.event(3), origin: "u")
        let summary = try #require(try Importer(store: store).importDocuments([undated]).corpus)
        #expect(!summary.scope.hasPrefix("all"), "\(summary.scope)")
        #expect(summary.linked >= 1 && summary.readDocuments < 20, "\(summary)")
        #expect(try db.int("SELECT count(*) FROM story_documents s JOIN documents d ON d.id = s.document_id WHERE d.key = 'u.txt'") == 1)
        let incremental = try withIDs(db)
        _ = try recomputeEveryWeek(db)
        #expect(try withIDs(db) == incremental)
        #expect(try db.int("SELECT changed FROM corpus_snapshot") == 1)
        // An undated round-up of every week's event: its claims meet the dated ones only where
        // its story comparison does, and what it can change is recomputed, with the same counts.
        let roundup = SourceDocument(key: "r.txt", title: nil, published: nil, body: (0..<25).map { corpus.event($0) }.joined(separator: " "), origin: "r")
        let wide = try #require(try Importer(store: store).importDocuments([roundup]).corpus)
        #expect(!wide.scope.hasPrefix("all"), "\(wide.scope)")
        #expect(try db.int("SELECT changed FROM corpus_snapshot") == 2)
        let whole = try withIDs(db)
        _ = try recomputeEveryWeek(db)
        #expect(try withIDs(db) == whole)
        // 2 + 8 of 100: more than 2 %.
        let large = try #require(try Importer(store: store).importDocuments(Array(docs.suffix(8))).corpus)
        #expect(large.scope == "all: 10 documents changed since the key counts were taken over 100", "\(large.scope)")
        #expect(try store.db.int("SELECT documents FROM corpus_snapshot") == 110)
        #expect(try store.db.int("SELECT changed FROM corpus_snapshot") == 0)
    }

    @Test func resultsMadeByOtherRulesAreRecomputedWholeOnce() throws {
        let docs = corpus.weeklyCorpus(weeks: 10, chained: true)
        let (dir, store) = try importDocs(Array(docs.dropLast(2)))
        _ = dir
        let db = store.db
        #expect(try db.scalar("SELECT rules FROM corpus_snapshot")?.string == CorpusPlan.rules)
        // A store whose results an earlier version made (NULL: before the rules were recorded).
        try db.execute("UPDATE corpus_snapshot SET rules = NULL")
        let check = try IntegrityCheck(db: db).run().first { $0.check == "key counts" }
        #expect(check?.detail.contains("another version's rules") == true, "\(String(describing: check))")
        let first = try #require(try Importer(store: store).importDocuments([docs[docs.count - 2]]).corpus)
        #expect(first.scope == "all: the stored results were made by other rules of the corpus phase", "\(first.scope)")
        #expect(try db.scalar("SELECT rules FROM corpus_snapshot")?.string == CorpusPlan.rules)
        // Once: the next import recomputes for its own reasons only (here the 2 % rule, a
        // store of 39 documents).
        let next = try #require(try Importer(store: store).importDocuments([docs[docs.count - 1]]).corpus)
        #expect(!next.scope.contains("rules"), "\(next.scope)")
    }

    @Test func recomputingEverythingKeepsTheIDsOfWhatItFindsAgain() throws {
        let docs = corpus.weeklyCorpus(weeks: 10, chained: true)
        let (dir, store) = try importDocs(docs)
        _ = dir
        let before = try withIDs(store.db)
        let summary = try #require(try Importer(store: store).rebuild().corpus)
        #expect(summary.scope == "all: asked for")
        #expect(try withIDs(store.db) == before)
        // A store built in one go numbers its results 1, 2, 3…
        #expect(try store.db.int("SELECT max(id) FROM story_clusters") == store.db.int("SELECT count(*) FROM story_clusters"))
        #expect(try store.db.int("SELECT max(id) FROM claim_groups") == store.db.int("SELECT count(*) FROM claim_groups"))
    }

    @Test func checkRecomputesOnACopyAndFindsWhatDiffers() throws {
        let docs = corpus.weeklyCorpus(weeks: 56, chained: true)
        let (dir, store) = try importDocs(docs.filter { Int($0.key.dropFirst().prefix(2))! < 50 })
        let db = store.db
        _ = try Importer(store: store).importDocuments(docs.filter { $0.key.hasPrefix("w55-") })
        #expect(try CorpusRecomputation.compare(db, scratch: dir.file("copy.db")) == .init())
        #expect(!FileManager.default.fileExists(atPath: dir.file("copy.db")))
        // A document moved to another story by hand: one story loses it, another gains it.
        try db.execute("""
            UPDATE story_documents SET story_id = (SELECT max(story_id) FROM story_documents)
             WHERE document_id = (SELECT min(document_id) FROM story_documents)
            """)
        let d = try CorpusRecomputation.compare(db, scratch: dir.file("copy.db"))
        #expect(d.stories >= 2 && d.groups == 0 && d.conflicts == 0, "\(d)")
    }

    @Test func aDateGivenForArticlesWithoutOneKeepsThemToTheirWeek() throws {
        let docs = corpus.weeklyCorpus(weeks: 56, chained: true)
        let (dir, store) = try importDocs(docs.filter { Int($0.key.dropFirst().prefix(2))! < 50 })
        _ = dir
        let importer = try Importer(store: store)
        importer.defaultPublished = "2022-06-01"
        var undated = docs.filter { $0.key.hasPrefix("w55-") }.map { d in var d = d; d.published = nil; return d }
        // One of them carries its own date: it keeps it.
        undated[0].published = "2022-06-02"
        let summary = try #require(try importer.importDocuments(undated).corpus)
        #expect(!summary.scope.hasPrefix("all"), "\(summary.scope)")
        #expect(try store.db.strings("SELECT published FROM documents WHERE key LIKE 'w55-%' ORDER BY key") == ["2022-06-02", "2022-06-01", "2022-06-01", "2022-06-01"])
        #expect(Importer.isReadableDate("2022-06-01") && !Importer.isReadableDate("June-ish"))
    }

    @Test func incrementsInARandomOrderGiveWhatOneImportGives() throws {
        var docs = corpus.weeklyCorpus(weeks: 12, chained: true)
        let (oneDir, one) = try importDocs(docs)
        _ = oneDir
        var rng = SeededRandom(seed: 5)
        docs.shuffle(using: &rng)
        let dir = TempDir()
        let store = try KnowledgeStore.openForWriting(path: dir.file("inc.db"))
        for k in 0..<5 {
            _ = try Importer(store: store).importDocuments(Array(docs[(k * docs.count / 5)..<((k + 1) * docs.count / 5)]))
        }
        // A document replaced and one deleted in a last increment, and the same in the one import.
        var changed = docs[0]
        changed.body += " Officials said more rain was expected."
        _ = try Importer(store: store).importDocuments([changed])
        _ = try Importer(store: one).importDocuments([changed])
        for s in [store, one] {
            // (Deleted in SQL: the triggers mark the corpus phase owed; the next import does it.)
            try s.db.transaction { try s.db.execute("DELETE FROM documents WHERE key = ?", [docs[1].key]) }
            _ = try Importer(store: s).importDocuments([])
            #expect(try s.db.int("SELECT count(*) FROM corpus_pending") == 0)
        }
        #expect(try corpusSets(store.db) == corpusSets(one.db))
        #expect(try corpusSets(store.db).contains { $0.hasPrefix("g|") })
    }
}
