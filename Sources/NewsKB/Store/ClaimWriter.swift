import NewsKBExtraction

/// Writes a document's claims (with their matching keys, entities, quantities and frames) in the
/// same transaction as the document, with one prepared statement per table reused for every row.
/// Entity keys are not repeated in each claim: they are `entities.match_key`, reached through
/// `claim_entities`.
final class ClaimWriter {
    private let db: Database
    private let insertClaim: PreparedStatement
    private let insertEntity: PreparedStatement
    private let insertQuantity: PreparedStatement
    private let insertFrame: PreparedStatement

    init(db: Database) throws {
        self.db = db
        insertClaim = try db.prepare("""
            INSERT INTO claims(document_id, sentence_id, statement_id, position, start, "end", negated, match_keys, vector)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)
            """)
        insertEntity = try db.prepare("INSERT OR IGNORE INTO claim_entities(claim_id, entity_id) VALUES (?, ?)")
        insertQuantity = try db.prepare(
            "INSERT OR IGNORE INTO claim_quantities(claim_id, value, unit, noun, start, \"end\") VALUES (?, ?, ?, ?, ?, ?)")
        insertFrame = try db.prepare("""
            INSERT INTO claim_frames(claim_id, predicate, role, value, value_label, other, start, "end")
            VALUES (?, ?, ?, ?, ?, ?, ?, ?)
            """)
    }

    /// What a claim stores besides its analysis: its matching keys (``ClaimKeys``) and its
    /// dates resolved against the publication date. Computed off the writer thread.
    struct PreparedClaim {
        var matchKeys: String
        var dates: [String]
    }

    /// The stored keys and resolved dates of `claims`, in order.
    static func prepare(_ claims: [Claim], entities: [DocumentEntity], publishedOn published: String?) -> [PreparedClaim] {
        var keys = ClaimKeys()
        return claims.map { c in
            let dates = c.dates.map { $0.resolved(publishedOn: published) }
            keys.removeAll()
            for t in c.terms { keys.add(word: t) }
            for d in dates where !d.hasPrefix("?") { keys.add(date: d) }
            if let marker = ClaimKey.marker(c.mood) { keys.add(word: marker) }
            if let h = c.holder, entities.indices.contains(h) { keys.add(word: ClaimKey.holder(ClaimKey.entityMatchKey(entities[h]))) }
            return PreparedClaim(matchKeys: keys.text, dates: dates)
        }
    }

    /// Writes the claims of `document` (prepared by ``prepare(_:entities:publishedOn:)``) for document
    /// `documentID`. The id arrays map the analysis's sentence, entity and statement indexes to
    /// row ids.
    func write(documentID: Int64, document: PreparedDocument,
               sentenceIDs: [Int64], entityIDs: [Int64], statementIDs: [Int64]) throws {
        let analysis = document.analysis
        let entities = analysis.entities
        for (position, c) in analysis.claims.enumerated() {
            let sentenceID = sentenceIDs.indices.contains(c.sentence) ? sentenceIDs[c.sentence] : nil
            let statementID = c.statement.flatMap { statementIDs.indices.contains($0) ? statementIDs[$0] : nil }
            let prepared = document.claims[position]
            let dates = prepared.dates
            try insertClaim.execute(binding: documentID, sentenceID, statementID, position, c.span.start, c.span.end,
                                     c.negated ? 1 : 0, prepared.matchKeys, c.vector)
            let claimID = db.lastInsertRowID
            for e in c.entities where entities.indices.contains(e) && entityIDs.indices.contains(e) {
                try insertEntity.execute(binding: claimID, entityIDs[e])
            }
            for q in c.quantities {
                try insertQuantity.execute(binding: claimID, q.value, q.unit, q.noun, q.span.start, q.span.end)
            }
            for f in c.frames {
                var value = "", label = "", other: String? = nil
                switch f.role {
                case .time:
                    guard dates.indices.contains(f.value) else { continue }
                    value = dates[f.value]; label = value
                default:
                    guard entities.indices.contains(f.value) else { continue }
                    value = ClaimKey.entityKey(entities[f.value]); label = entities[f.value].canonicalName
                    if let o = f.other, entities.indices.contains(o) {
                        other = ClaimKey.entityKey(entities[o])
                        label += " → " + entities[o].canonicalName
                    }
                }
                try insertFrame.execute(binding: claimID, f.predicate, f.role.rawValue, value, label, other, f.span.start, f.span.end)
            }
        }
    }
}
