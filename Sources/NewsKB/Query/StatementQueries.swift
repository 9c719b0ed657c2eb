/// "Who said what, where": statements filtered by speaker, topic, document and kind.
public struct StatementQueries {
    public let db: Database

    public init(db: Database) { self.db = db }

    /// The columns `newskb who-said` shows as a table (and newskb-bench renders): one statement
    /// a row, readable at 100 columns, the five that answer the question.
    public static let whoSaidTableColumns = ["speaker", "kind", "quote", "document", "place"]

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
        /// With a limit, a search ranks at most this many matches: the most recently imported
        /// (at least `limit`). ``StatementQueries/searchCandidates`` unless changed.
        public var candidates: Int = StatementQueries.searchCandidates

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

    /// who_said rows matching the filter. Without `about`, in import order (``whoSaid(_:)``'s
    /// ordering is the statement id: document by document as they were imported, in text order
    /// within a document). With `about`, best bm25 rank first, ties in import order; when more than
    /// ``searchCandidates`` statements match and a limit is given, the ranked ones are the
    /// ``searchCandidates`` most recently imported matches (see ``query(_:)``); other filters
    /// (speaker, document, kind) apply before that cut.
    public func whoSaid(_ filter: Filter) throws -> ResultSet {
        let (sql, values) = try query(filter)
        let stmt = try db.prepare(sql)
        for (name, value) in values { try stmt.bind(value, named: name) }
        return try ResultSet(statement: stmt)
    }

    /// How many matches of a full-text search are ranked when a page (a limit) is asked for: the
    /// most recently imported ones. bm25 must see every row it ranks (FTS5 reads each row's
    /// length), so ranking every match of a frequent word grows with the corpus (430 ms for a
    /// page at 1,000,000 articles); ranking a bounded set keeps that part constant. What still
    /// grows is bm25's count of each term's matches, a walk of its doclist (about 4 ms for a word
    /// in 230,000 statements). A search with fewer matches (most multi-word searches and phrases)
    /// is ranked in full, as is every search without a limit (`--all`).
    public static let searchCandidates = 5_000

    /// The SQL of ``whoSaid(_:)`` and its named values, in two steps whose cost is bounded by the
    /// page, not by the number of matches: first the ids of the statements to show (from indexes
    /// only: statements_speaker and statements_speaker_phrase carry the statement id, so import
    /// order is index order; a search reads the full-text index newest first), then the who_said
    /// columns (document text, sentence, place) for those ids alone. Only the filters given appear
    /// in the SQL, so SQLite plans each with its index (see `EXPLAIN QUERY PLAN` in the tests);
    /// every user value is bound, never spliced (entity ids are integers from the database).
    func query(_ filter: Filter) throws -> (String, [(String, DatabaseValue)]) {
        if let k = filter.kind, Statement.Kind(rawValue: k) == nil {
            throw QueryError(message: "--kind \(k): expected direct, partial or indirect")
        }
        var values = [(String, DatabaseValue)]()
        var conditions = [String]()
        if let d = filter.document {
            conditions.append("s.document_id = (SELECT id FROM documents WHERE key = :document)")
            values.append(("document", .text(d)))
        }
        if let k = filter.kind {
            conditions.append("s.kind = :kind")
            values.append(("kind", .text(k)))
        }
        var speakerOnly: String? = nil
        if let speaker = filter.speaker {
            let ids = try EntityQueries(db: db).resolve(speaker).map(String.init).joined(separator: ",")
            values.append(("speaker", .text(speaker)))
            let phrase = "speaker_phrase = :speaker COLLATE NOCASE"
            conditions.append(ids.isEmpty ? "s.\(phrase)" : "(s.speaker_entity_id IN (\(ids)) OR s.\(phrase))")
            // Alone, the speaker filter is a merge of two covering index walks in statement id
            // order, which stops after `limit` ids however many statements the speaker made.
            let walks = (ids.isEmpty ? [] : ["SELECT id FROM statements WHERE speaker_entity_id IN (\(ids))"])
                + ["SELECT id FROM statements WHERE \(phrase)"]
            speakerOnly = """
                SELECT id, 0 AS score FROM (
                    \(walks.joined(separator: "\n     UNION "))
                     ORDER BY id LIMIT :limit)
                """
        }
        values.append(("limit", .integer(Int64(filter.limit ?? -1))))
        var quoteColumn = "w.quote"
        var highlightJoin = ""
        var chosen: String
        if let about = filter.about {
            values.append(("match", .text(try FullTextQuery.make(about))))
            let candidates = filter.limit.map { max($0, filter.candidates) } ?? -1
            values.append(("candidates", .integer(Int64(candidates))))
            let join = conditions.isEmpty ? "" : " JOIN statements s ON s.id = statements_fts.rowid"
            chosen = """
                hits AS (
                    SELECT statements_fts.rowid AS id, bm25(statements_fts) AS score
                      FROM statements_fts\(join)
                     WHERE statements_fts MATCH :match\(conditions.map { " AND " + $0 }.joined())
                     ORDER BY statements_fts.rowid DESC
                     LIMIT :candidates
                ), chosen AS (
                    SELECT id, score FROM hits ORDER BY score, id LIMIT :limit
                )
                """
            if let (open, close) = filter.highlight {
                // highlight() needs the full-text cursor on the row. One pass over the matches
                // between the page's smallest and largest id (at most the candidates), marking
                // the page's rows only; `+rowid` keeps SQLite from turning the IN into one new
                // full-text query per row, each of which would seek the whole doclist again.
                chosen += """
                    , marked AS MATERIALIZED (
                        SELECT statements_fts.rowid AS id, highlight(statements_fts, 0, :open, :close) AS quote
                          FROM statements_fts
                         WHERE statements_fts MATCH :match
                           AND statements_fts.rowid >= (SELECT min(id) FROM chosen)
                           AND statements_fts.rowid <= (SELECT max(id) FROM chosen)
                           AND +statements_fts.rowid IN (SELECT id FROM chosen)
                    )
                    """
                quoteColumn = "coalesce(m.quote, w.quote)"
                highlightJoin = "\n  LEFT JOIN marked m ON m.id = k.id"
                values += [("open", .text(open)), ("close", .text(close))]
            }
        } else if let speakerOnly, conditions.count == 1 {
            chosen = "chosen AS (\n" + speakerOnly + "\n)"
        } else {
            chosen = """
                chosen AS (
                    SELECT s.id AS id, 0 AS score FROM statements s
                    \(conditions.isEmpty ? "" : " WHERE " + conditions.joined(separator: " AND "))
                     ORDER BY s.id
                     LIMIT :limit
                )
                """
        }
        let columns = """
            SELECT w.speaker, w.kind, \(quoteColumn) AS quote, w.document, w.place, w.cue,
                   w.speaker_mention, w.start, w."end", w.speaker_start, w.speaker_end, w.cue_start, w.cue_end,
                   w.sentence
            """
        // In import order, the ids are looked up through an IN list, which SQLite walks in
        // ascending order: the rows come out sorted and nothing is sorted again (with --all,
        // sorting every row with its sentence took three times as long as reading it).
        let sql = filter.about == nil ? """
            WITH \(chosen)
            \(columns)
              FROM who_said w
             WHERE w.statement_id IN (SELECT id FROM chosen)
             ORDER BY w.statement_id
            """ : """
            WITH \(chosen)
            \(columns)
              FROM chosen k
              JOIN who_said w ON w.statement_id = k.id\(highlightJoin)
             ORDER BY k.score, k.id
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
