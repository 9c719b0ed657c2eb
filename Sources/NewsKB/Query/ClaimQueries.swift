/// Queries over claim groups, disagreements and stories (for `newskb agree`, `disagree`,
/// `stories` and `compare`).
public struct ClaimQueries {
    public let db: Database

    public init(db: Database) { self.db = db }

    /// The columns `newskb agree` shows as a table (and newskb-bench renders): one piece of
    /// evidence a row, readable at 100 columns.
    public static let agreeTableColumns = ["claim_group", "sources", "document", "speaker", "text"]
    /// The columns `newskb disagree` shows as a table.
    public static let disagreeTableColumns = ["disagreement", "kind", "topic", "document", "position", "text", "reason"]
    /// The columns `newskb stories` shows as a table.
    public static let storiesTableColumns = ["story", "documents", "document", "title", "label"]

    /// Claims supported by at least `minSources` documents, most supported first: one row per
    /// piece of evidence (the group, its number of sources, a representative wording, and each
    /// source's own sentence). `about` keeps groups whose wording mentions it (case-insensitive
    /// substring, or an entity name/alias); `story` counts and shows only that story's documents.
    public func agree(minSources: Int = 2, about: String? = nil, story: Int? = nil, limit: Int? = nil) throws -> ResultSet {
        let (sql, values) = try agreeQuery(minSources: minSources, about: about, story: story, limit: limit)
        let stmt = try db.prepare(sql)
        for (name, value) in values { try stmt.bind(value, named: name) }
        return try ResultSet(statement: stmt)
    }

    /// The SQL of ``agree(minSources:about:story:limit:)`` and its named values. Sources are
    /// counted from the small tables (members, claims: no document text is read), and only the
    /// groups shown are joined to their evidence; with a story, counting starts from that story's
    /// documents through their indexes. The representative wording is read once per group shown
    /// (`shown`: a LIMIT keeps SQLite from flattening it into the join), not once per piece of
    /// evidence: the most supported groups have thousands of sources on a large corpus. Only the
    /// filters given appear in the SQL, so each plans with its index (see `EXPLAIN QUERY PLAN`
    /// in the tests).
    func agreeQuery(minSources: Int, about: String?, story: Int?, limit: Int?) throws -> (String, [(String, DatabaseValue)]) {
        if minSources < 1 { throw QueryError(message: "--min-sources must be at least 1") }
        var values: [(String, DatabaseValue)] = [("min", .integer(Int64(minSources))), ("limit", .integer(Int64(limit ?? -1)))]
        let counted: String
        var inStory = ""
        if let story {
            values.append(("story", .integer(Int64(story))))
            inStory = " AND ev.story = :story"
            counted = """
                SELECT m.group_id AS claim_group, count(DISTINCT c.document_id) AS sources
                      FROM story_documents sd JOIN claims c ON c.document_id = sd.document_id
                      JOIN claim_group_members m ON m.claim_id = c.id
                     WHERE sd.story_id = :story
                     GROUP BY m.group_id
                """
        } else {
            // claim_groups.sources is stored and indexed: most supported first is an index walk.
            counted = """
                SELECT id AS claim_group, sources FROM claim_groups WHERE sources >= :min
                """
        }
        var filter = ""
        if let about {
            values.append(("about", .text(about)))
            filter = """
                WHERE EXISTS (SELECT 1 FROM claim_evidence ev
                                WHERE ev.claim_group = g.claim_group\(inStory) AND ev.text LIKE '%' || :about || '%')
                       OR EXISTS (SELECT 1 FROM claim_evidence ev JOIN claim_entities ce ON ce.claim_id = ev.claim_id
                                   WHERE ev.claim_group = g.claim_group\(inStory)
                                     AND ce.entity_id IN (SELECT id FROM entities WHERE name_key = lower(:about)
                                                          UNION SELECT entity_id FROM entity_aliases WHERE alias_key = lower(:about)))
                """
        }
        let sql = """
            WITH g AS (
                \(counted)\(story == nil ? "" : "\n                    HAVING count(DISTINCT c.document_id) >= :min")
            ), chosen AS (
                SELECT g.claim_group, g.sources FROM g
                 \(filter)
                 ORDER BY g.sources DESC, g.claim_group
                 LIMIT :limit
            ), shown AS (
                SELECT k.claim_group, k.sources, a.claim FROM chosen k
                  JOIN claim_agreement a ON a.claim_group = k.claim_group
                 ORDER BY k.sources DESC, k.claim_group
                 LIMIT -1
            )
            SELECT k.claim_group, k.sources, k.claim, ev.document, ev.speaker, ev.text, ev.start, ev."end", ev.story
              FROM shown k
              JOIN claim_evidence ev ON ev.claim_group = k.claim_group\(inStory)
             ORDER BY k.sources DESC, k.claim_group, ev.document, ev.start
            """
        return (sql, values)
    }

    /// Every conflict with each source's position and evidence, optionally within one story.
    public func disagree(story: Int? = nil, limit: Int? = nil) throws -> ResultSet {
        let (sql, values) = disagreeQuery(story: story, limit: limit)
        let stmt = try db.prepare(sql)
        for (name, value) in values { try stmt.bind(value, named: name) }
        return try ResultSet(statement: stmt)
    }

    /// The SQL of ``disagree(story:)``: the story filter appears only when given, so it seeks
    /// the story's conflicts by index (conflicts_story, migration 007) instead of testing every row.
    /// With a limit, the first `limit` disagreements (by id) with all their positions.
    func disagreeQuery(story: Int?, limit: Int? = nil) -> (String, [(String, DatabaseValue)]) {
        var filters = [String]()
        if story != nil { filters.append("story = :story") }
        if limit != nil {
            filters.append("disagreement IN (SELECT id FROM conflicts \(story == nil ? "" : "WHERE story_id = :story") ORDER BY id LIMIT :limit)")
        }
        let sql = """
            SELECT disagreement, kind, topic, document, position, text, start, "end", story, reason
              FROM disagreements
             \(filters.isEmpty ? "" : "WHERE " + filters.joined(separator: " AND "))
             ORDER BY disagreement, document, start
            """
        var values = [(String, DatabaseValue)]()
        if let story { values.append(("story", .integer(Int64(story)))) }
        if let limit { values.append(("limit", .integer(Int64(limit)))) }
        return (sql, values)
    }

    /// Stories with their documents, largest first; `minDocuments` hides smaller ones.
    public func stories(minDocuments: Int = 1) throws -> ResultSet {
        let stmt = try db.prepare("""
            WITH n AS (SELECT story, count(*) AS documents FROM stories GROUP BY story)
            SELECT s.story, n.documents, s.label, s.document, s.title, s.outlet, s.published
              FROM stories s JOIN n ON n.story = s.story
             WHERE n.documents >= :min
             ORDER BY n.documents DESC, s.story, s.document
            """)
        try stmt.bind(.integer(Int64(minDocuments)), named: "min")
        return try ResultSet(statement: stmt)
    }

    /// A source × source matrix as rows: for each pair of sources (documents, or outlets with
    /// `byOutlet`), the claim groups both support and the conflicts where they take different
    /// positions. Only pairs with something shared or in conflict are listed.
    public func compare(byOutlet: Bool = false, story: Int? = nil) throws -> ResultSet {
        let source = byOutlet ? "coalesce(d.outlet, d.key)" : "d.key"
        let stmt = try db.prepare("""
            WITH ev AS (
                SELECT DISTINCT m.group_id AS g, \(source) AS src
                  FROM claim_group_members m JOIN claims c ON c.id = m.claim_id
                  JOIN documents d ON d.id = c.document_id
                  LEFT JOIN story_documents sd ON sd.document_id = d.id
                 WHERE (:story IS NULL OR sd.story_id = :story)
            ), shared AS (
                SELECT a.src AS a, b.src AS b, count(DISTINCT a.g) AS n FROM ev a JOIN ev b ON a.g = b.g AND a.src < b.src
                 GROUP BY a.src, b.src
            ), pos AS (
                SELECT DISTINCT p.conflict_id AS k, \(source) AS src, p.position AS position
                  FROM conflict_positions p JOIN claims c ON c.id = p.claim_id
                  JOIN documents d ON d.id = c.document_id
                  LEFT JOIN story_documents sd ON sd.document_id = d.id
                 WHERE (:story IS NULL OR sd.story_id = :story)
            ), conf AS (
                SELECT a.src AS a, b.src AS b, count(DISTINCT a.k) AS n FROM pos a JOIN pos b
                    ON a.k = b.k AND a.src < b.src AND a.position <> b.position
                 WHERE NOT EXISTS (SELECT 1 FROM pos x JOIN pos y ON x.k = a.k AND y.k = a.k
                                    AND x.src = a.src AND y.src = b.src AND x.position = y.position)
                 GROUP BY a.src, b.src
            ), pairs AS (SELECT a, b FROM shared UNION SELECT a, b FROM conf)
            SELECT p.a AS source_a, p.b AS source_b, coalesce(s.n, 0) AS shared, coalesce(c.n, 0) AS conflicts
              FROM pairs p LEFT JOIN shared s ON s.a = p.a AND s.b = p.b LEFT JOIN conf c ON c.a = p.a AND c.b = p.b
             ORDER BY p.a, p.b
            """)
        try stmt.bind(story.map { .integer(Int64($0)) } ?? .null, named: "story")
        return try ResultSet(statement: stmt)
    }
}
