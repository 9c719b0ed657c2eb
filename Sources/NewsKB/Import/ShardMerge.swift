import Foundation

/// `newskb merge`: shards — ordinary newskb databases, each holding some of a corpus's articles
/// imported anywhere by the same newskb — added to this store with everything derived from their
/// documents, without analysing anything again; then the corpus phase runs for what was added.
///
/// A shard's documents are decided as an import decides its articles (``DocumentWriter/existing(_:hash:)``):
/// the same key and content adds nothing, a changed version under the same key replaces the stored
/// one, one body under several keys is kept under the smallest. The rows of the documents taken
/// are copied table by table in SQL (`INSERT … SELECT` from the attached shard), their ids moved
/// past the store's; entities are matched by name and type, as the importer matches them. The
/// shard's stories, claim groups and disagreements are not read: the corpus phase computes them
/// for the merged store, so that merging the shards of a partition gives what one import of the
/// whole corpus gives (as sets; `Tests/NewsKBTests/ShardMergeTests.swift`).
///
/// Each chunk of documents is written in one transaction: a merge that is killed or interrupted
/// leaves whole documents, and running it again adds the rest.
extension Importer {
    /// Tables whose rows belong to one document and are copied from a shard.
    static let shardDocumentTables = [
        "documents", "sentences", "entities", "mentions", "entity_aliases", "entity_roles", "statements",
        "claims", "claim_entities", "claim_quantities", "claim_frames",
    ]
    /// Tables the corpus phase writes: recomputed after a merge, never copied.
    static let shardCorpusTables = [
        "story_clusters", "story_documents", "claim_groups", "claim_group_members", "conflicts",
        "conflict_positions", "corpus_pending", "corpus_snapshot", "corpus_weights", "corpus_components", "corpus_postings", "corpus_story_links",
        "corpus_changes", "corpus_clock", "corpus_records",
    ]
    /// Tables that describe the store itself (schema, settings, work under way): the target's own.
    /// The user aliases must be the same in every shard (the analysis key says so).
    static let shardStoreTables = [
        "schema_migrations", "schema_docs", "user_aliases", "deferred_indexes", "statements_fts",
    ]

    /// Adds the documents of every shard, in the order given, with everything derived from them,
    /// then runs the corpus phase. A shard that cannot be merged (missing, not a newskb
    /// database, made by another newskb or with other user aliases, the store itself) is
    /// reported through ``onIssue`` and skipped; the others are merged.
    public func merge(shards paths: [String]) throws -> Summary {
        merging = true
        defer { merging = false }
        return try withBulkSettings { try run { for path in paths { try mergeShard(at: path) } } }
    }

    private func mergeShard(at path: String) throws {
        do {
            try ShardCheck(path: path, target: store.db.path, analysisKey: writer.analysisKey).run()
        } catch let issue as ImportIssue {
            report(issue)
            return
        }
        let db = store.db
        try db.execute("ATTACH DATABASE ? AS newskb_shard", [Database.uri(path: path, readOnly: true)])
        defer { try? db.execute("DETACH DATABASE newskb_shard") }
        let copy = try ShardCopy(db: db)
        var after: Int64 = 0
        while let (last, count) = try copy.nextChunk(after: after, size: mergeChunkSize) {
            summary.read += count
            var counts = BatchCounts()
            // Foreign keys hold by construction in the copy (every id it writes comes from a row it
            // wrote before, or from the entity map) and an older version is deleted explicitly
            // (``DocumentWriter/delete(id:)``): the chunk is written with the checks off.
            try db.execute("PRAGMA foreign_keys = OFF")
            defer { try? db.execute("PRAGMA foreign_keys = ON") }
            try timed("write") { try db.transaction {
                // Documents whose key and body the store lacks are new; the others are decided
                // as the importer decides them.
                counts.new = try copy.takeUnmet(after: after, through: last)
                for (id, doc) in try copy.documentsMet(after: after, through: last) {
                    switch try writer.existing(doc, hash: doc.contentHash) {
                    case .unchanged: counts.unchanged += 1; continue
                    case .duplicateContent: counts.duplicates += 1; continue
                    case .changed(let old), .supersedesDuplicate(let old, _):
                        try writer.delete(id: old)
                        counts.replaced += 1
                    case .none:
                        counts.new += 1
                    }
                    try copy.take(document: id)
                }
                counts.words = try copy.copyTaken(indexFullText: !fullTextDeferred)
            } }
            after = last
            try committed(counts)
        }
        writer.forgetCachedEntities()  // entity ids written by SQL, not through the writer's cache
    }
}

/// Why a shard cannot be merged, found before anything of it is written.
struct ShardCheck {
    let path: String
    let target: String
    let analysisKey: String

    func run() throws {
        let fm = FileManager.default
        var isFolder: ObjCBool = false
        guard fm.fileExists(atPath: path, isDirectory: &isFolder) else {
            throw ImportIssue(file: path, message: "no such shard")
        }
        if isFolder.boolValue {
            throw ImportIssue(file: path, message: "is a folder: name the shard database files (shard-*.db)")
        }
        if ShardCheck.sameFile(path, target) {
            throw ImportIssue(file: path, message: "is the database being merged into")
        }
        let shard: KnowledgeStore
        do {
            shard = try KnowledgeStore.openForReading(path: path)
        } catch let error as DatabaseError {
            throw ImportIssue(file: path, message: "cannot be merged: \(error.message)")
        }
        let version = try shard.db.userVersion(), latest = Migrator.embedded.latestVersion
        guard version == latest else {
            throw ImportIssue(file: path, message:
                "has schema version \(version), this newskb writes version \(latest): merge shards made by the same newskb as the store (import their articles again with this one)")
        }
        let keys = try shard.db.rows("SELECT analysis_key, count(*) FROM documents GROUP BY analysis_key ORDER BY 2 DESC")
        let other = keys.filter { $0[0].string != analysisKey }
        if let first = other.first {
            let n = other.reduce(0) { $0 + ($1[1].int ?? 0) }
            throw ImportIssue(file: path, message:
                "\(n) of its documents were analysed by another newskb version or with other user aliases (analysis key \(first[0].string ?? "?"), this store's is \(analysisKey)): import the shard's articles with this newskb, after the same `newskb alias add` entries as the store")
        }
    }

    /// Whether two paths name one file (the same device and inode), also through links.
    static func sameFile(_ a: String, _ b: String) -> Bool {
        var sa = stat(), sb = stat()
        guard stat(a, &sa) == 0, stat(b, &sb) == 0 else { return false }
        return sa.st_dev == sb.st_dev && sa.st_ino == sb.st_ino
    }
}

/// The SQL that copies the documents listed in `temp.merge_documents` from the attached shard
/// (`newskb_shard`) with everything derived from them. Ids of the copied rows are the shard's
/// plus an offset per table that puts them past the store's largest (rows of one document keep
/// their order); entity ids go through `temp.merge_entities`, matched on name and type.
final class ShardCopy {
    private let db: Database
    private let clearDocuments: PreparedStatement
    private let takeDocument: PreparedStatement
    private let chunkEnd: PreparedStatement
    private let selectMet: PreparedStatement
    private let insertUnmet: PreparedStatement
    private let mapEntities: [PreparedStatement]
    private let mapIsStale: PreparedStatement
    /// The copy, table by table. Their numbered parameters are the chunk's offsets, in the order
    /// ``offsets`` selects them: ?1 documents, ?2 sentences, ?3 statements, ?4 claims, ?5 frames.
    private let steps: [PreparedStatement]
    private let offsets: PreparedStatement
    private let indexFullText: PreparedStatement

    private static let taken = "(SELECT id FROM temp.merge_documents)"
    private static let takenClaims = "(SELECT id FROM newskb_shard.claims WHERE document_id IN \(taken))"

    init(db: Database) throws {
        self.db = db
        try db.execute("""
            CREATE TEMP TABLE IF NOT EXISTS merge_documents(id INTEGER PRIMARY KEY);
            CREATE TEMP TABLE IF NOT EXISTS merge_entities(shard_id INTEGER PRIMARY KEY, main_id INTEGER);
            """)
        clearDocuments = try db.prepare("DELETE FROM temp.merge_documents")
        takeDocument = try db.prepare("INSERT INTO temp.merge_documents(id) VALUES (?)")
        try db.execute("DELETE FROM temp.merge_entities")
        chunkEnd = try db.prepare("""
            SELECT max(id), count(*) FROM (SELECT id FROM newskb_shard.documents WHERE id > ? ORDER BY id LIMIT ?)
            """)
        let met = """
            (EXISTS (SELECT 1 FROM main.documents d WHERE d.key = s.key)
             OR EXISTS (SELECT 1 FROM main.documents d WHERE d.content_hash = s.content_hash))
            """
        selectMet = try db.prepare("""
            SELECT id, key, title, outlet, url, published, author, body, origin FROM newskb_shard.documents s
             WHERE id > ?1 AND id <= ?2 AND \(met) ORDER BY id
            """)
        insertUnmet = try db.prepare("""
            INSERT INTO temp.merge_documents(id)
            SELECT id FROM newskb_shard.documents s WHERE id > ?1 AND id <= ?2 AND NOT \(met) ORDER BY id
            """)
        // Every entity of the shard, matched on (name, type) and added when the store lacks it,
        // once per shard, in the transaction of the first chunk that copies (temp tables roll back
        // with it). Entities no document refers to go in the corpus phase. The map is checked in
        // each chunk's transaction: an import writing to the store between two chunks may have
        // run its corpus phase, which deletes the entities no document mentions yet, and a new
        // entity may have taken a deleted one's id; then the map is made again.
        mapIsStale = try db.prepare("""
            SELECT NOT EXISTS (SELECT 1 FROM temp.merge_entities)
                OR EXISTS (SELECT 1 FROM temp.merge_entities m JOIN newskb_shard.entities s ON s.id = m.shard_id
                            WHERE NOT EXISTS (SELECT 1 FROM main.entities e
                                               WHERE e.id = m.main_id AND e.name = s.name AND e.type = s.type))
            """)
        mapEntities = [
            try db.prepare("""
                INSERT INTO main.entities(name, type, name_key, match_key)
                SELECT s.name, s.type, s.name_key, s.match_key FROM newskb_shard.entities s
                 WHERE NOT EXISTS (SELECT 1 FROM main.entities e WHERE e.name = s.name AND e.type = s.type)
                 ORDER BY s.id
                """),
            try db.prepare("""
                INSERT INTO temp.merge_entities(shard_id, main_id)
                SELECT s.id, e.id FROM newskb_shard.entities s JOIN main.entities e ON e.name = s.name AND e.type = s.type
                """),
        ]
        let taken = ShardCopy.taken, takenClaims = ShardCopy.takenClaims
        // Each offset: the store's largest id minus the smallest id the chunk copies, plus one.
        offsets = try db.prepare("""
            SELECT (SELECT coalesce(max(id), 0) FROM main.documents) - (SELECT coalesce(min(id), 1) FROM temp.merge_documents) + 1,
                   (SELECT coalesce(max(id), 0) FROM main.sentences) - (SELECT coalesce(min(id), 1) FROM newskb_shard.sentences WHERE document_id IN \(taken)) + 1,
                   (SELECT coalesce(max(id), 0) FROM main.statements) - (SELECT coalesce(min(id), 1) FROM newskb_shard.statements WHERE document_id IN \(taken)) + 1,
                   (SELECT coalesce(max(id), 0) FROM main.claims) - (SELECT coalesce(min(id), 1) FROM newskb_shard.claims WHERE document_id IN \(taken)) + 1,
                   (SELECT coalesce(max(id), 0) FROM main.claim_frames) - (SELECT coalesce(min(id), 1) FROM newskb_shard.claim_frames WHERE claim_id IN \(takenClaims)) + 1
            """)
        steps = try [
            """
                INSERT INTO main.documents(id, key, title, outlet, url, published, author, body, content_hash, origin,
                                           imported_at, char_count, word_count, analysis_key)
                SELECT id + ?1, key, title, outlet, url, published, author, body, content_hash, origin,
                       imported_at, char_count, word_count, analysis_key
                  FROM newskb_shard.documents WHERE id IN \(taken) ORDER BY id
                """,
            """
                INSERT INTO main.sentences(id, document_id, position, paragraph, start, "end")
                SELECT id + ?2, document_id + ?1, position, paragraph, start, "end"
                  FROM newskb_shard.sentences WHERE document_id IN \(taken) ORDER BY id
                """,
            """
                INSERT INTO main.mentions(document_id, start, "end", entity_id, sentence_id)
                SELECT m.document_id + ?1, m.start, m."end", x.main_id, m.sentence_id + ?2
                  FROM newskb_shard.mentions m JOIN temp.merge_entities x ON x.shard_id = m.entity_id
                 WHERE m.document_id IN \(taken)
                """,
            """
                INSERT OR IGNORE INTO main.entity_aliases(entity_id, alias, alias_key, document_id)
                SELECT x.main_id, a.alias, a.alias_key, a.document_id + ?1
                  FROM newskb_shard.entity_aliases a JOIN temp.merge_entities x ON x.shard_id = a.entity_id
                 WHERE a.document_id IN \(taken) ORDER BY a.id
                """,
            """
                INSERT OR IGNORE INTO main.entity_roles(entity_id, role, role_key, document_id)
                SELECT x.main_id, r.role, r.role_key, r.document_id + ?1
                  FROM newskb_shard.entity_roles r JOIN temp.merge_entities x ON x.shard_id = r.entity_id
                 WHERE r.document_id IN \(taken) ORDER BY r.id
                """,
            """
                INSERT INTO main.statements(id, document_id, sentence_id, kind, start, "end", cue_start, cue_end,
                                            speaker_start, speaker_end, speaker_entity_id, speaker_phrase, place_start, place_end)
                SELECT s.id + ?3, s.document_id + ?1, s.sentence_id + ?2, s.kind, s.start, s."end", s.cue_start, s.cue_end,
                       s.speaker_start, s.speaker_end, x.main_id, s.speaker_phrase, s.place_start, s.place_end
                  FROM newskb_shard.statements s LEFT JOIN temp.merge_entities x ON x.shard_id = s.speaker_entity_id
                 WHERE s.document_id IN \(taken) ORDER BY s.id
                """,
            """
                INSERT INTO main.claims(id, document_id, sentence_id, statement_id, position, start, "end", negated, match_keys, vector)
                SELECT id + ?4, document_id + ?1, sentence_id + ?2, statement_id + ?3, position, start, "end", negated, match_keys, vector
                  FROM newskb_shard.claims WHERE document_id IN \(taken) ORDER BY id
                """,
            """
                INSERT INTO main.claim_entities(claim_id, entity_id)
                SELECT ce.claim_id + ?4, x.main_id
                  FROM newskb_shard.claim_entities ce JOIN temp.merge_entities x ON x.shard_id = ce.entity_id
                 WHERE ce.claim_id IN \(takenClaims)
                """,
            """
                INSERT INTO main.claim_quantities(claim_id, start, "end", unit, noun, value)
                SELECT claim_id + ?4, start, "end", unit, noun, value
                  FROM newskb_shard.claim_quantities WHERE claim_id IN \(takenClaims)
                """,
            """
                INSERT INTO main.claim_frames(id, claim_id, predicate, role, value, value_label, other, start, "end")
                SELECT id + ?5, claim_id + ?4, predicate, role, value, value_label, other, start, "end"
                  FROM newskb_shard.claim_frames WHERE claim_id IN \(takenClaims) ORDER BY id
                """,
        ].map { try db.prepare($0) }
        indexFullText = try db.prepare(
            "INSERT INTO statements_fts(rowid, quote, speaker) SELECT id, quote, speaker FROM statement_search WHERE id > ?")
    }

    /// The last id and the number of the shard's next `size` documents after id `after`; nil at the end.
    func nextChunk(after: Int64, size: Int) throws -> (last: Int64, count: Int)? {
        let row = try chunkEnd.rows([after, size])[0]
        guard let last = row[0].int64, let count = row[1].int, count > 0 else { return nil }
        return (last, count)
    }

    /// The documents of ids `after` < id ≤ `last` whose key or body the store already holds.
    func documentsMet(after: Int64, through last: Int64) throws -> [(id: Int64, doc: SourceDocument)] {
        var out = [(id: Int64, doc: SourceDocument)]()
        try selectMet.forEachRow([after, last]) { row in
            out.append((row.columnInt64(0), SourceDocument(
                key: row.columnString(1) ?? "", title: row.columnString(2), outlet: row.columnString(3),
                url: row.columnString(4), published: row.columnString(5), author: row.columnString(6),
                body: row.columnString(7) ?? "", origin: row.columnString(8) ?? "")))
        }
        return out
    }

    /// Empties the list of documents to copy and puts on it those of ids `after` < id ≤ `last`
    /// whose key and body the store lacks. Returns how many.
    func takeUnmet(after: Int64, through last: Int64) throws -> Int {
        try clearDocuments.execute()
        try insertUnmet.execute([after, last])
        return db.changes
    }

    /// Adds a shard document (its id in the shard) to those the next ``copyTaken(indexFullText:)`` copies.
    func take(document id: Int64) throws { try takeDocument.execute(binding: id) }

    /// Copies the documents taken, in the caller's transaction; adds their statements to the
    /// full-text index unless it is set aside. Returns the words of the documents copied.
    func copyTaken(indexFullText: Bool) throws -> Int {
        let taken = try db.rows("""
            SELECT count(*), coalesce(sum(word_count), 0) FROM newskb_shard.documents WHERE id IN (SELECT id FROM temp.merge_documents)
            """)[0]
        guard let count = taken[0].int, count > 0 else { return 0 }
        if try mapIsStale.scalar()?.int != 0 {
            try db.execute("DELETE FROM temp.merge_entities")
            for sql in mapEntities { try sql.execute() }
        }
        let off = try offsets.rows()[0].map { $0.int64 ?? 0 }
        let lastStatement = try db.scalar("SELECT coalesce(max(id), 0) FROM main.statements")?.int64 ?? 0
        for sql in steps {
            // Numbered parameters: every offset up to the largest the statement uses.
            try sql.execute(off.prefix(sql.parameterCount).map { $0 as DatabaseBindable? })
        }
        if indexFullText { try self.indexFullText.execute(binding: lastStatement) }
        return taken[1].int ?? 0
    }
}
