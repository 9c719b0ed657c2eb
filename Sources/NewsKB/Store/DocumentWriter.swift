import Foundation
import NewsKBExtraction

/// Writes documents and everything derived from them, with one prepared statement per table
/// reused for every row. The caller wraps calls in a transaction.
final class DocumentWriter {
    /// What the store already holds for a key.
    enum Existing {
        case none
        /// Same key, same content and metadata: nothing to do.
        case unchanged
        /// Same key, different content or metadata: the old row will be replaced.
        case changed(id: Int64)
        /// A smaller key already holds exactly this body: this document is its duplicate.
        case duplicateContent(ofKey: String)
        /// A larger key holds exactly this body: this document takes its place. Of one body under
        /// several keys the store keeps the smallest key, whatever the order of the imports, so
        /// that the same documents give the same store.
        case supersedesDuplicate(id: Int64, key: String)
    }

    private let db: Database
    private let findByKey: PreparedStatement
    private let findByHash: PreparedStatement
    private let deleteDocument: [PreparedStatement]
    private let insertDocument: PreparedStatement
    private let insertSentence: PreparedStatement
    private let findEntity: PreparedStatement
    private let insertEntity: PreparedStatement
    private let insertAlias: PreparedStatement
    private let insertRole: PreparedStatement
    private let insertMention: PreparedStatement
    private let insertStatement: PreparedStatement
    private let indexStatements: PreparedStatement
    /// Id of the first statement written since the last ``indexNewStatements()``.
    private var firstUnindexedStatement: Int64?
    private let claimWriter: ClaimWriter
    /// Entity ids by (type, name), valid while no transaction that created them rolls back.
    private var entityIDs = [String: Int64]()
    private let importedAt = isoNow()
    /// Fingerprint of what analyses documents now; a stored document with another is re-analysed.
    let analysisKey: String

    init(db: Database, analysisKey: String) throws {
        self.db = db
        self.analysisKey = analysisKey
        findByKey = try db.prepare(
            "SELECT id, content_hash, title, outlet, url, published, author, analysis_key FROM documents WHERE key = ?")
        findByHash = try db.prepare("SELECT key, body, id FROM documents WHERE content_hash = ?")
        deleteDocument = try db.prepareAll(DocumentWriter.deleteSQL)
        insertDocument = try db.prepare("""
            INSERT INTO documents(key, title, outlet, url, published, author, body, content_hash, origin,
                                  imported_at, char_count, word_count, analysis_key)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            """)
        insertSentence = try db.prepare(
            "INSERT INTO sentences(document_id, position, paragraph, start, \"end\") VALUES (?, ?, ?, ?, ?)")
        findEntity = try db.prepare("SELECT id FROM entities WHERE name = ? AND type = ?")
        insertEntity = try db.prepare("INSERT INTO entities(name, type, name_key, match_key) VALUES (?, ?, ?, ?)")
        insertAlias = try db.prepare(
            "INSERT OR IGNORE INTO entity_aliases(entity_id, alias, alias_key, document_id) VALUES (?, ?, ?, ?)")
        insertRole = try db.prepare(
            "INSERT OR IGNORE INTO entity_roles(entity_id, role, role_key, document_id) VALUES (?, ?, ?, ?)")
        insertMention = try db.prepare(
            "INSERT OR IGNORE INTO mentions(document_id, entity_id, sentence_id, start, \"end\") VALUES (?, ?, ?, ?, ?)")
        insertStatement = try db.prepare("""
            INSERT INTO statements(document_id, sentence_id, kind, start, "end", cue_start, cue_end,
                                   speaker_start, speaker_end, speaker_entity_id, speaker_phrase,
                                   place_start, place_end)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            """)
        indexStatements = try db.prepare("""
            INSERT INTO statements_fts(rowid, quote, speaker) SELECT id, quote, speaker FROM statement_search WHERE id >= ?
            """)
        claimWriter = try ClaimWriter(db: db)
    }

    /// Forgets cached entity ids and statements waiting for the full-text index (after a
    /// rollback, or when entities were deleted).
    func forgetCachedEntities() {
        entityIDs.removeAll(keepingCapacity: true)
        firstUnindexedStatement = nil
    }

    /// What the store holds for this document's key and content.
    func existing(_ doc: SourceDocument, hash: String) throws -> Existing {
        let stored = try findByKey.firstRow([doc.key]) { row -> Existing in
            let same = row.columnString(1) == hash
                && row.columnString(2) == doc.title && row.columnString(3) == doc.outlet
                && row.columnString(4) == doc.url && row.columnString(5) == doc.published
                && row.columnString(6) == doc.author && row.columnString(7) == analysisKey
            return same ? .unchanged : .changed(id: row.columnInt64(0))
        }
        if let stored { return stored }
        var twin: (key: String, id: Int64)?
        try findByHash.forEachRow([hash]) { row in
            if twin == nil, row.columnString(1) == doc.body { twin = (row.columnString(0) ?? "", row.columnInt64(2)) }
        }
        guard let twin else { return .none }
        return DocumentWriter.keyOrder(doc.key, before: twin.key) ? .supersedesDuplicate(id: twin.id, key: twin.key) : .duplicateContent(ofKey: twin.key)
    }

    /// The order in which duplicate keys compete: by their UTF-8 bytes (as SQLite's BINARY
    /// collation orders them), the smaller first.
    static func keyOrder(_ a: String, before b: String) -> Bool {
        a.utf8.lexicographicallyPrecedes(b.utf8)
    }

    /// Deletes a document; the trigger `documents_delete_derived` (migration 015) deletes
    /// everything derived from it, child tables first, each found through an index on the column
    /// that refers to its parent — on every connection, whatever its foreign-key setting (a
    /// deletion in the sqlite3 shell too). Writers run with foreign keys off: the cascade SQLite
    /// would do looks up every child table for every deleted row, and three of them (mentions,
    /// statements and claims, by sentence) have no such index, so a document with seven
    /// sentences cost seven scans of each (0.45 s a document in a 19,000-article store).
    /// `ShardMergeTests`/`ImporterTests` check that nothing is left pointing at a deleted row.
    static let deleteSQL = "DELETE FROM documents WHERE id = ?1"

    /// Deletes a document and everything derived from it (``deleteSQL``).
    func delete(id: Int64) throws {
        for sql in deleteDocument { try sql.execute([id]) }
    }

    /// Inserts a prepared document and its analysis. Returns the new document id.
    @discardableResult
    func insert(_ prepared: PreparedDocument, hash: String) throws -> Int64 {
        let doc = prepared.document, analysis = prepared.analysis
        try insertDocument.execute(binding:
            doc.key, doc.title, doc.outlet, doc.url, doc.published, doc.author, doc.body, hash, doc.origin,
            importedAt, prepared.characterCount, prepared.wordCount, analysisKey)
        let docID = db.lastInsertRowID
        var sentenceIDs = [Int64]()
        sentenceIDs.reserveCapacity(analysis.sentences.count)
        for (i, s) in analysis.sentences.enumerated() {
            try insertSentence.execute(binding: docID, i, s.paragraph, s.span.start, s.span.end)
            sentenceIDs.append(db.lastInsertRowID)
        }
        func sentenceID(_ i: Int) -> Int64? { sentenceIDs.indices.contains(i) ? sentenceIDs[i] : nil }

        var entityRowIDs = [Int64]()
        entityRowIDs.reserveCapacity(analysis.entities.count)
        for (e, keys) in zip(analysis.entities, prepared.entities) {
            let id = try entityID(e, keys)
            entityRowIDs.append(id)
            // The canonical name is found through entities.name_key; aliases are the other names.
            for alias in keys.aliases {
                try insertAlias.execute(binding: id, alias.name, alias.key, docID)
            }
            for role in keys.roles {
                try insertRole.execute(binding: id, role.name, role.key, docID)
            }
        }
        for m in analysis.mentions where entityRowIDs.indices.contains(m.entity) {
            try insertMention.execute(binding: docID, entityRowIDs[m.entity], sentenceID(m.sentence), m.span.start, m.span.end)
        }
        var statementRowIDs = [Int64]()
        statementRowIDs.reserveCapacity(analysis.statements.count)
        for s in analysis.statements {
            let speakerID = s.speakerEntity.flatMap { entityRowIDs.indices.contains($0) ? entityRowIDs[$0] : nil }
            try insertStatement.execute(binding:
                docID, sentenceID(s.sentence), s.kind.rawValue, s.content.start, s.content.end,
                s.cue?.start, s.cue?.end, s.speakerSpan?.start, s.speakerSpan?.end,
                speakerID, s.speakerPhrase, s.place?.start, s.place?.end)
            let statementID = db.lastInsertRowID
            statementRowIDs.append(statementID)
            if firstUnindexedStatement == nil { firstUnindexedStatement = statementID }
        }
        // Rows derived from later extraction stages (claims) are written here, with the ids above.
        try claimWriter.write(documentID: docID, document: prepared,
                              sentenceIDs: sentenceIDs, entityIDs: entityRowIDs, statementIDs: statementRowIDs)
        return docID
    }

    /// Adds the statements written since the last call to the full-text index, in one
    /// statement: call it last in each transaction. (FTS5 flushes its pending terms whenever a
    /// later statement of the transaction opens a savepoint, so indexing row by row would write
    /// many tiny segments.) Every statement written since has an id at least the first one's:
    /// ids grow within a transaction, and the only rows deleted are older documents'.
    func indexNewStatements() throws {
        guard let first = firstUnindexedStatement else { return }
        try indexStatements.execute(binding: first)
        firstUnindexedStatement = nil
    }

    private func entityID(_ e: DocumentEntity, _ keys: PreparedDocument.Entity) throws -> Int64 {
        let name = e.canonicalName, type = e.type.rawValue
        let cacheKey = type + "\u{1F}" + name
        if let id = entityIDs[cacheKey] { return id }
        let id: Int64
        if let found = try findEntity.scalar([name, type])?.int64 {
            id = found
        } else {
            try insertEntity.execute(binding: name, type, keys.nameKey, keys.matchKey)
            id = db.lastInsertRowID
        }
        entityIDs[cacheKey] = id
        return id
    }
}

/// The lookup form of a name or role: lower-cased, dots and possessive `’s` dropped, spaces
/// collapsed (`Mr. Peskov` and `mr peskov` have the same key).
public enum AliasKey {
    public static func make(_ s: String) -> String {
        if s.utf8.allSatisfy({ $0 < 0x80 }) { return makeASCII(s) }
        var out = String.UnicodeScalarView()
        var lastSpace = true
        for u in s.unicodeScalars {
            if u == "." { continue }
            if u.properties.isWhitespace {
                if !lastSpace { out.append(" ") }
                lastSpace = true
            } else if u == "\u{2019}" {
                out.append("'")
                lastSpace = false
            } else if u.isASCII {
                out.append(u.value >= 65 && u.value <= 90 ? Unicode.Scalar(u.value + 32)! : u)
                lastSpace = false
            } else {
                out.append(contentsOf: u.properties.lowercaseMapping.unicodeScalars)
                lastSpace = false
            }
        }
        var r = String(out)
        if r.hasSuffix(" ") { r.removeLast() }
        if r.hasSuffix("'s") { r.removeLast(2) }
        return r
    }

    /// ``make(_:)`` for ASCII text (most names), on bytes.
    private static func makeASCII(_ s: String) -> String {
        var out = [UInt8]()
        out.reserveCapacity(s.utf8.count)
        var lastSpace = true
        for b in s.utf8 where b != 0x2E {
            if b == 0x20 || (b >= 0x09 && b <= 0x0D) {
                if !lastSpace { out.append(0x20) }
                lastSpace = true
            } else {
                out.append(b >= 0x41 && b <= 0x5A ? b | 0x20 : b)
                lastSpace = false
            }
        }
        if out.last == 0x20 { out.removeLast() }
        if out.count >= 2 && out[out.count - 2] == 0x27 && out[out.count - 1] == 0x73 { out.removeLast(2) }
        return String(decoding: out, as: UTF8.self)
    }
}
