/// "Who said what, where": statements filtered by speaker, topic, document and kind.
public struct StatementQueries {
    public let db: Database

    public init(db: Database) { self.db = db }

    /// Filters for ``whoSaid(_:)``; nil means any.
    public struct Filter: Sendable {
        /// A speaker name, alias or role, or an unnamed-source phrase (`a US official`).
        public var speaker: String?
        /// Full-text search over what was said (see ``FullTextQuery``), ranked by bm25.
        public var about: String?
        public var document: String?
        /// `direct`, `partial` or `indirect`.
        public var kind: String?
        public var limit: Int?
        /// Wraps matched words in these markers (for table output), when searching.
        public var highlight: (String, String)?

        public init(speaker: String? = nil, about: String? = nil, document: String? = nil, kind: String? = nil,
                    limit: Int? = nil, highlight: (String, String)? = nil) {
            self.speaker = speaker
            self.about = about
            self.document = document
            self.kind = kind
            self.limit = limit
            self.highlight = highlight
        }
    }

    public struct Invalid: Error, CustomStringConvertible {
        public let message: String
        public var description: String { message }
    }

    /// who_said rows matching the filter: by rank when searching, else by document and position.
    public func whoSaid(_ filter: Filter) throws -> ResultSet {
        let (sql, values) = try query(filter)
        let stmt = try db.prepare(sql)
        for (name, value) in values { try stmt.bind(value, named: name) }
        return try ResultSet(statement: stmt)
    }

    /// The SQL of ``whoSaid(_:)`` and its named values. Only the filters given appear in the
    /// WHERE clause, so SQLite plans each with its index (see `EXPLAIN QUERY PLAN` in the tests);
    /// every user value is bound, never spliced (entity ids are integers from the database).
    func query(_ filter: Filter) throws -> (String, [(String, DatabaseValue)]) {
        if let k = filter.kind, !["direct", "partial", "indirect"].contains(k) {
            throw Invalid(message: "--kind \(k): expected direct, partial or indirect")
        }
        var values = [(String, DatabaseValue)]()
        var conditions = [String]()
        var join = ""
        var quoteColumn = "w.quote"
        var order = "w.document, w.start"
        if let about = filter.about {
            join = "JOIN statements_fts ON statements_fts.rowid = w.statement_id AND statements_fts MATCH :match"
            values.append(("match", .text(try FullTextQuery.make(about))))
            order = "bm25(statements_fts), " + order
            if let (open, close) = filter.highlight {
                quoteColumn = "highlight(statements_fts, 0, :open, :close)"
                values += [("open", .text(open)), ("close", .text(close))]
            }
        }
        if let d = filter.document {
            conditions.append("w.document = :document")
            values.append(("document", .text(d)))
        }
        if let k = filter.kind {
            conditions.append("w.kind = :kind")
            values.append(("kind", .text(k)))
        }
        if let speaker = filter.speaker {
            let ids = try EntityQueries(db: db).resolve(speaker).map(String.init).joined(separator: ",")
            conditions.append("(w.speaker_entity_id IN (\(ids)) OR w.speaker_phrase = :speaker COLLATE NOCASE)")
            values.append(("speaker", .text(speaker)))
        }
        values.append(("limit", .integer(Int64(filter.limit ?? -1))))
        let sql = """
            SELECT w.speaker, w.kind, \(quoteColumn) AS quote, w.document, w.place, w.cue,
                   w.speaker_mention, w.start, w."end", w.speaker_start, w.speaker_end, w.cue_start, w.cue_end,
                   w.sentence
              FROM who_said w \(join)
             \(conditions.isEmpty ? "" : "WHERE " + conditions.joined(separator: " AND "))
             ORDER BY \(order)
             LIMIT :limit
            """
        return (sql, values)
    }

    /// Statements made by these entities.
    /// Statements of these speakers in import order (statement id: an index walk, so a limit
    /// stops it early), at most `limit` of them.
    public func whoSaid(speakerIDs: [Int64], limit: Int? = nil) throws -> ResultSet {
        let stmt = try db.prepare("""
            SELECT w.speaker, w.kind, w.quote, w.document, w.place, w.cue
              FROM who_said w
             WHERE w.speaker_entity_id IN (\(speakerIDs.map(String.init).joined(separator: ",")))
             ORDER BY w.statement_id
             LIMIT \(limit ?? -1)
            """)
        return try ResultSet(statement: stmt)
    }
}
