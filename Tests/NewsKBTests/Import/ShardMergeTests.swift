import Testing
import Foundation
@testable import NewsKB

/// `newskb merge` (#18): shards imported separately, merged, hold what one import of all their
/// articles holds.
@Suite(.serialized) struct ShardMergeTests {
    /// Dated weekly stories (several outlets per week) and the seed articles (undated, with
    /// quotations, entities, claims the seeds share and conflicts).
    static func corpus() throws -> [SourceDocument] {
        var docs = BoundedCorpusTests().weeklyCorpus(weeks: 6, chained: true)
        let seeds = repoRoot + "/seeds"
        for f in try FileManager.default.contentsOfDirectory(atPath: seeds).sorted() {
            docs.append(SourceDocument(key: "seeds/" + f, body: try String(contentsOfFile: seeds + "/" + f, encoding: .utf8), origin: f))
        }
        return docs
    }

    /// Everything a store says about its documents, as sets without ids: the corpus views
    /// (``corpusSets(_:)``), each document's metadata and text, statements with their speakers,
    /// entity aliases and roles, claims with their keys, entities, quantities and frames, and
    /// what full-text search finds.
    static func storeSets(_ db: Database) throws -> Set<String> {
        let queries = [
            "SELECT 'doc', key, title, outlet, url, published, author, content_hash, char_count, word_count FROM documents",
            "SELECT 'sentence', d.key, s.position, s.paragraph, s.start, s.\"end\" FROM sentences s JOIN documents d ON d.id = s.document_id",
            "SELECT 'said', document, speaker, cue, kind, quote, start, \"end\", place FROM who_said",
            "SELECT 'alias', e.name, e.type, a.alias, d.key FROM entity_aliases a JOIN entities e ON e.id = a.entity_id JOIN documents d ON d.id = a.document_id",
            "SELECT 'role', e.name, e.type, r.role, d.key FROM entity_roles r JOIN entities e ON e.id = r.entity_id JOIN documents d ON d.id = r.document_id",
            "SELECT 'entity', name, type, name_key, match_key FROM entities",
            """
            SELECT 'claim', d.key, c.position, c.start, c."end", c.negated, c.match_keys, hex(c.vector),
                   (SELECT s.start FROM statements s WHERE s.id = c.statement_id),
                   (SELECT group_concat(name, ',') FROM (SELECT e.name FROM claim_entities ce JOIN entities e ON e.id = ce.entity_id WHERE ce.claim_id = c.id ORDER BY 1)),
                   (SELECT group_concat(v, ',') FROM (SELECT q.start || ':' || q.unit || ':' || q.noun || ':' || q.value AS v FROM claim_quantities q WHERE q.claim_id = c.id ORDER BY 1)),
                   (SELECT group_concat(v, ',') FROM (SELECT f.predicate || ':' || f.role || ':' || f.value || ':' || f.start AS v FROM claim_frames f WHERE f.claim_id = c.id ORDER BY 1))
              FROM claims c JOIN documents d ON d.id = c.document_id
            """,
            "SELECT 'search', d.key, s.quote, s.speaker FROM statements_fts f JOIN statement_search s ON s.id = f.rowid JOIN documents d ON d.id = s.document_id WHERE statements_fts MATCH 'said OR summit OR train'",
        ]
        var out = try corpusSets(db)
        for q in queries { out.formUnion(try db.rows(q).map { $0.map(\.description).joined(separator: "|") }) }
        return out
    }

    /// Imports `docs` into a new store at `path`; the corpus phase is left owed unless asked.
    @discardableResult
    static func shard(_ path: String, _ docs: [SourceDocument], corpusPhase: Bool = false) throws -> Importer.Summary {
        let importer = try Importer(store: try KnowledgeStore.openForWriting(path: path))
        importer.runsCorpusPhase = corpusPhase
        return try importer.importDocuments(docs)
    }

    /// Merges `shards` into the store at `path`, collecting the issues reported.
    static func merge(into path: String, _ shards: [String], chunk: Int? = nil) throws -> (Importer.Summary, [ImportIssue], KnowledgeStore) {
        let store = try KnowledgeStore.openForWriting(path: path)
        let importer = try Importer(store: store)
        if let chunk { importer.mergeChunkSize = chunk }
        var issues = [ImportIssue]()
        importer.onIssue = { issues.append($0) }
        let summary = try importer.merge(shards: shards)
        return (summary, issues, store)
    }

    @Test func shardsOfAPartitionMergeToWhatOneImportGives() throws {
        let docs = try ShardMergeTests.corpus()
        let (_, one) = try importDocs(docs)
        let expected = try ShardMergeTests.storeSets(one.db)
        #expect(try one.db.int("SELECT count(*) FROM claim_evidence") > 20)
        #expect(try one.db.int("SELECT count(*) FROM disagreements") > 0)

        // A random partition in three; one shard ran its corpus phase, the others left it owed.
        let dir = TempDir()
        var rng = SeededRandom(seed: 18)
        var parts = [[SourceDocument]](repeating: [], count: 3)
        for d in docs.shuffled(using: &rng) { parts[Int.random(in: 0..<3, using: &rng)].append(d) }
        let paths = (0..<3).map { dir.file("shard-\($0).db") }
        for (k, part) in parts.enumerated() { try ShardMergeTests.shard(paths[k], part, corpusPhase: k == 1) }
        #expect(try KnowledgeStore.openForReading(path: paths[0]).db.int("SELECT count(*) FROM corpus_pending") == 1)
        // Such a shard builds only the indexes the merge reads in it; the others wait.
        let setAside = Set(try KnowledgeStore.openForReading(path: paths[0]).db.rows("SELECT name FROM deferred_indexes").compactMap { $0[0].string })
        #expect(setAside.contains("statements_fts") && setAside.contains("mentions_entity"))
        #expect(setAside.isDisjoint(with: DeferredIndexes.readByMerge))
        #expect(try KnowledgeStore.openForReading(path: paths[1]).db.int("SELECT count(*) FROM deferred_indexes") == 0)

        // Small chunks: several transactions per shard.
        let (summary, issues, merged) = try ShardMergeTests.merge(into: dir.file("merged.db"), paths, chunk: 7)
        #expect(issues.isEmpty)
        #expect(summary.new == docs.count && summary.read == docs.count && summary.replaced == 0)
        #expect(try ShardMergeTests.storeSets(merged.db) == expected)
        #expect(try merged.db.int("SELECT count(*) FROM corpus_pending") == 0)
        #expect(try IntegrityCheck(db: merged.db).run().allSatisfy(\.ok))

        // Merging the same shards again adds nothing.
        let (again, _, store) = try ShardMergeTests.merge(into: dir.file("merged.db"), paths.reversed())
        #expect(again.new == 0 && again.replaced == 0 && again.unchanged == docs.count)
        #expect(try ShardMergeTests.storeSets(store.db) == expected)
    }

    @Test func shardsMergedOneByOneWithTheCorpusPhaseLeftForTheLastGiveTheSame() throws {
        let docs = try ShardMergeTests.corpus()
        let (_, one) = try importDocs(docs)
        let dir = TempDir()
        let paths = (0..<3).map { dir.file("s\($0).db") }
        for k in 0..<3 { try ShardMergeTests.shard(paths[k], docs.enumerated().filter { $0.offset % 3 == k }.map(\.element)) }
        let out = dir.file("out.db")
        for path in paths {
            let store = try KnowledgeStore.openForWriting(path: out)
            let importer = try Importer(store: store)
            importer.runsCorpusPhase = false
            _ = try importer.merge(shards: [path])
            // The corpus phase and the indexes set aside by the first merge stay owed.
            #expect(try store.db.int("SELECT count(*) FROM corpus_pending") == 1)
            #expect(try store.db.int("SELECT count(*) FROM deferred_indexes") > 0)
        }
        let (summary, _, merged) = try ShardMergeTests.merge(into: out, [])
        #expect(summary.read == 0 && summary.corpus != nil)
        #expect(try merged.db.int("SELECT count(*) FROM deferred_indexes") == 0)
        #expect(try ShardMergeTests.storeSets(merged.db) == ShardMergeTests.storeSets(one.db))
        #expect(try IntegrityCheck(db: merged.db).run().allSatisfy(\.ok))
    }

    @Test func aShardIntoAStoreTakesItsDocumentsAsAnImportWould() throws {
        let docs = try ShardMergeTests.corpus()
        let dir = TempDir()
        let base = Array(docs.prefix(20)), rest = Array(docs.dropFirst(20))
        // The shard: a changed version of a stored document, a body stored under a larger key
        // (the smaller key takes its place), a body stored under a smaller key (a duplicate),
        // unchanged documents, and new ones.
        var changed = base[3]; changed.body += " A later paragraph was added."
        var smaller = base[5]; smaller.key = "0-first.txt"
        var larger = base[6]; larger.key = "zz-last.txt"
        let shardDocs = [changed, smaller, larger, base[0], base[1]] + rest
        try ShardMergeTests.shard(dir.file("shard.db"), shardDocs)

        let (_, _, store) = try ShardMergeTests.merge(into: dir.file("out.db"), [])
        _ = try Importer(store: store).importDocuments(base)
        let (summary, issues, merged) = try ShardMergeTests.merge(into: dir.file("out.db"), [dir.file("shard.db")], chunk: 5)
        #expect(issues.isEmpty)
        #expect(summary.new == rest.count && summary.replaced == 2 && summary.unchanged == 2 && summary.duplicates == 1)

        // The same articles imported in the same order give the same store.
        let (_, imported) = try importDocs(base)
        _ = try Importer(store: imported).importDocuments(shardDocs)
        #expect(try ShardMergeTests.storeSets(merged.db) == ShardMergeTests.storeSets(imported.db))
        #expect(try merged.db.int("SELECT count(*) FROM documents WHERE key = 'zz-last.txt'") == 0)
        #expect(try IntegrityCheck(db: merged.db).run().allSatisfy(\.ok))
    }

    @Test func shardsThatCannotBeMergedAreReportedAndTheOthersMerged() throws {
        let docs = try ShardMergeTests.corpus()
        let dir = TempDir()
        try ShardMergeTests.shard(dir.file("good.db"), Array(docs.prefix(10)))
        // Analysed with a user alias the target lacks: another analysis key.
        let aliased = try KnowledgeStore.openForWriting(path: dir.file("aliased.db"))
        _ = try UserAliases(db: aliased.db).add(.init(alias: "Vlad", canonical: "Vladimir Putin", type: .person))
        _ = try Importer(store: aliased).importDocuments(Array(docs.suffix(5)))
        dir.write("notes.db", "not a database, only text\n")
        try FileManager.default.createDirectory(atPath: dir.file("folder.db"), withIntermediateDirectories: true)
        let out = dir.file("out.db")
        try ShardMergeTests.shard(out, [docs[20]], corpusPhase: true)

        let shards = ["missing.db", "aliased.db", "notes.db", "folder.db", "out.db", "good.db"].map(dir.file)
        let (summary, issues, store) = try ShardMergeTests.merge(into: out, shards)
        #expect(summary.failed == 5 && summary.new == 10)
        #expect(issues.map(\.file) == Array(shards.prefix(5)))
        let messages = issues.map(\.message)
        #expect(messages[0].contains("no such shard"))
        #expect(messages[1].contains("5 of its documents were analysed by another newskb version or with other user aliases"))
        #expect(messages[2].contains("cannot be merged"))
        #expect(messages[3].contains("is a folder"))
        #expect(messages[4].contains("is the database being merged into"))
        #expect(try store.db.int("SELECT count(*) FROM documents") == 11)
    }

    @Test func anInterruptedMergeKeepsWholeDocumentsAndTheNextOneAddsTheRest() throws {
        let docs = try ShardMergeTests.corpus()
        let dir = TempDir()
        try ShardMergeTests.shard(dir.file("shard.db"), docs)
        let (_, one) = try importDocs(docs)

        let store = try KnowledgeStore.openForWriting(path: dir.file("out.db"))
        let importer = try Importer(store: store)
        importer.mergeChunkSize = 8
        importer.shouldStop = { true }
        #expect(throws: Importer.Interrupted.self) { try importer.merge(shards: [dir.file("shard.db")]) }
        #expect(try store.db.int("SELECT count(*) FROM documents") == 8)
        #expect(try store.db.int("SELECT count(*) FROM corpus_pending") == 1)
        // Every document written is whole: as many sentences and statements as in the shard.
        let shard = try KnowledgeStore.openForReading(path: dir.file("shard.db"))
        let inShard = try perDocumentCounts(shard.db), written = try perDocumentCounts(store.db)
        for (key, counts) in written { #expect(inShard[key] == counts, "\(key)") }

        let (summary, _, merged) = try ShardMergeTests.merge(into: dir.file("out.db"), [dir.file("shard.db")])
        #expect(summary.new == docs.count - 8 && summary.unchanged == 8)
        #expect(try ShardMergeTests.storeSets(merged.db) == ShardMergeTests.storeSets(one.db))
    }

    @Test func entitiesThatAnotherImportDeletesBetweenTwoChunksAreMappedAgain() throws {
        let docs = try ShardMergeTests.corpus()
        let (_, one) = try importDocs(docs)
        let dir = TempDir()
        try ShardMergeTests.shard(dir.file("shard.db"), docs)
        let store = try KnowledgeStore.openForWriting(path: dir.file("out.db"))
        let importer = try Importer(store: store)
        importer.mergeChunkSize = 5
        // What another import's corpus phase may do between two chunks: the entities no document
        // mentions yet go, and a new entity takes the largest id freed.
        importer.onProgress = { _ in
            try? store.db.execute("""
                DELETE FROM entities WHERE NOT EXISTS (SELECT 1 FROM mentions m WHERE m.entity_id = entities.id)
                                       AND NOT EXISTS (SELECT 1 FROM entity_aliases a WHERE a.entity_id = entities.id);
                INSERT INTO entities(name, type, name_key, match_key)
                VALUES ('Somebody Else ' || (SELECT count(*) FROM entities), 'PERSON', 'somebody else', 'somebody else');
                """)
        }
        _ = try importer.merge(shards: [dir.file("shard.db")])
        #expect(try ShardMergeTests.storeSets(store.db) == ShardMergeTests.storeSets(one.db))
        #expect(try IntegrityCheck(db: store.db).run().allSatisfy(\.ok))
    }

    @Test func everyTableIsCopiedRecomputedOrTheStoresOwn() throws {
        let (_, store) = try importDocs([])
        let tables = Set(try store.db.rows("""
            SELECT name FROM sqlite_schema WHERE type = 'table' AND name NOT LIKE 'sqlite_%' AND name NOT LIKE 'statements_fts_%'
            """).compactMap { $0[0].string })
        let lists = [Importer.shardDocumentTables, Importer.shardCorpusTables, Importer.shardStoreTables]
        #expect(Set(lists.joined()) == tables, "a new table must say what a merge does with it")
        #expect(lists.joined().count == tables.count)
    }
}
