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
        if let k = filter.kind, !["direct", "partial", "indirect"].contains(k) {
            throw Invalid(message: "--kind \(k): expected direct, partial or indirect")
        }
        var speakerIDs: [Int64]? = nil
        if let s = filter.speaker {
            speakerIDs = try EntityQueries(db: db).resolve(s)
        }
        let match = try filter.about.map { try FullTextQuery.make($0) }
        let (open, close) = filter.highlight ?? ("", "")
        let quoteColumn = match != nil && filter.highlight != nil
            ? "highlight(statements_fts, 0, :open, :close)" : "w.quote"
        let idList = speakerIDs.map { $0.map(String.init).joined(separator: ",") } ?? ""
        let sql = """
            SELECT w.speaker, w.kind, \(quoteColumn) AS quote, w.document, w.place, w.cue,
                   w.speaker_mention, w.start, w."end", w.speaker_start, w.speaker_end, w.cue_start, w.cue_end,
                   w.sentence
              FROM who_said w
              \(match != nil ? "JOIN statements_fts ON statements_fts.rowid = w.statement_id AND statements_fts MATCH :match" : "")
             WHERE (:document IS NULL OR w.document = :document)
               AND (:kind IS NULL OR w.kind = :kind)
               \(filter.speaker != nil ? "AND (w.speaker_entity_id IN (\(idList)) OR lower(w.speaker) = lower(:speaker))" : "")
             ORDER BY \(match != nil ? "bm25(statements_fts), " : "")w.document, w.start
             LIMIT :limit
            """
        let stmt = try db.prepare(sql)
        if let match { try stmt.bind(.text(match), named: "match") }
        if match != nil && filter.highlight != nil {
            try stmt.bind(.text(open), named: "open")
            try stmt.bind(.text(close), named: "close")
        }
        try stmt.bind(filter.document.map { .text($0) } ?? .null, named: "document")
        try stmt.bind(filter.kind.map { .text($0) } ?? .null, named: "kind")
        if let s = filter.speaker { try stmt.bind(.text(s), named: "speaker") }
        try stmt.bind(.integer(Int64(filter.limit ?? -1)), named: "limit")
        return try ResultSet(statement: stmt)
    }

    /// Statements made by these entities.
    public func whoSaid(speakerIDs: [Int64]) throws -> ResultSet {
        let stmt = try db.prepare("""
            SELECT w.speaker, w.kind, w.quote, w.document, w.place, w.cue
              FROM who_said w
             WHERE w.speaker_entity_id IN (\(speakerIDs.map(String.init).joined(separator: ",")))
             ORDER BY w.document, w.start
            """)
        return try ResultSet(statement: stmt)
    }
}
