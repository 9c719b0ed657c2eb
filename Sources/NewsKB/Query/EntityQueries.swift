import Foundation
import NewsKBExtraction
/// Questions about entities: which there are, and everything known about one.
public struct EntityQueries {
    public let db: Database

    public init(db: Database) { self.db = db }

    /// Entities with their mention and document counts, most documents first.
    public func list(type: String? = nil, minDocuments: Int = 1, limit: Int? = nil) throws -> ResultSet {
        let stmt = try db.prepare("""
            SELECT e.name AS name, e.type AS type, count(*) AS mentions, count(DISTINCT m.document_id) AS documents
              FROM entities e JOIN mentions m ON m.entity_id = e.id
             WHERE (:type IS NULL OR e.type = :type)
             GROUP BY e.id
            HAVING count(DISTINCT m.document_id) >= :min
             ORDER BY documents DESC, mentions DESC, name
             LIMIT :limit
            """)
        try stmt.bind(type.map { .text($0.uppercased()) } ?? .null, named: "type")
        try stmt.bind(.integer(Int64(minDocuments)), named: "min")
        try stmt.bind(.integer(Int64(limit ?? -1)), named: "limit")
        return try ResultSet(statement: stmt)
    }

    /// Entity ids a user's name refers to: the canonical name, any alias or role
    /// (`Peskov`, `Mr Peskov`, `Kremlin spokesman`), or a surname of a person (the last word of
    /// its name, by index: ``surnameKey``), and the other names of a person with the name's
    /// match key (``personMatches(_:)``), in id order. Every step reads an index alone.
    public func resolve(_ name: String) throws -> [Int64] {
        try resolveRanked(name).sorted()
    }

    /// The entities of ``resolve(_:)``, best match first: an entity whose canonical name it is,
    /// then the entities documents call by that name (alias or role) most often, then by id.
    /// `US` finds `U.S.` (its canonical name), then `United States` (called `US` by thousands
    /// of documents), then the rare ones a few documents call so.
    public func resolveRanked(_ name: String) throws -> [Int64] {
        let key = AliasKey.make(name)
        // Each row: an entity and how many documents call it by the key; -1 for the canonical name.
        var ranked = try rank("""
            SELECT id, -1 FROM entities WHERE name_key = ?1
            UNION ALL SELECT entity_id, count(*) FROM entity_aliases WHERE alias_key = ?1 GROUP BY entity_id
            UNION ALL SELECT entity_id, count(*) FROM entity_roles WHERE role_key = ?1 GROUP BY entity_id
            """, key)
        if ranked.isEmpty {
            // Without a title (`Mr Peskov` → `peskov`), then as a surname of a person.
            let bare = TitleWords.strip(key)
            if bare != key, !bare.isEmpty {
                ranked = try rank("""
                    SELECT id, -1 FROM entities WHERE name_key = ?1
                    UNION ALL SELECT entity_id, count(*) FROM entity_aliases WHERE alias_key = ?1 GROUP BY entity_id
                    """, bare)
            }
            if ranked.isEmpty, !bare.isEmpty, !bare.contains(" ") {
                ranked = try rank("SELECT id, 0 FROM entities WHERE type = 'PERSON' AND \(Self.surnameKey) = ?1", bare)
            }
        }
        // The person's other names last: `Mike Bloomberg` and `Michael R. Bloomberg` (one key).
        let found = Set(ranked)
        return ranked + (try personMatches(TitleWords.strip(key))).filter { !found.contains($0) }
    }

    /// Person entities whose match key (`entities.match_key`, ``PersonNameKey``) is that of a
    /// name of two words or more (`mike r bloomberg` → `michael_bloomberg`), in id order: the key
    /// the importer writes for a person so named (``ClaimKey/entityMatchKey(_:)``).
    func personMatches(_ key: String) throws -> [Int64] {
        guard key.contains(" ") else { return [] }
        let matchKey = ClaimKey.entityMatchKey(DocumentEntity(canonicalName: key, type: .person))
        return try db.rows("SELECT id FROM entities WHERE type = 'PERSON' AND match_key = ?1 ORDER BY id", [matchKey])
            .compactMap { $0[0].int64 }
    }

    /// Entity ids from rows of (id, uses; -1 for a canonical-name match), best first.
    private func rank(_ sql: String, _ key: String) throws -> [Int64] {
        var canonical = Set<Int64>(), uses = [Int64: Int64]()
        for row in try db.rows(sql, [key]) {
            guard let id = row[0].int64, let n = row[1].int64 else { continue }
            if n < 0 { canonical.insert(id) } else { uses[id, default: 0] += n }
        }
        return Set(canonical).union(uses.keys).sorted { a, b in
            let ca = canonical.contains(a), cb = canonical.contains(b)
            if ca != cb { return ca }
            let ua = uses[a] ?? 0, ub = uses[b] ?? 0
            return ua != ub ? ua > ub : a < b
        }
    }

    /// The last word of `entities.name_key` (`kim jong un` → `un`), the surname a person is
    /// looked up by: rtrim cuts every trailing character that occurs in the name outside its
    /// spaces, i.e. the last word. Spelled exactly as the partial index entities_person_surname
    /// (migration 008) so that SQLite uses it.
    static let surnameKey = "substr(name_key, length(rtrim(name_key, replace(name_key, ' ', ''))) + 1)"

    /// How many entities `newskb entity NAME` profiles in full on its first page, best match
    /// first: a short name can mean hundreds of entities on a large corpus (`EC`: the European
    /// Community, and every `E… Corp` some document abbreviates so), and each profile reads up to
    /// a page of documents and statements. The others are named, not profiled (`--all`
    /// profiles them all).
    public static let profilesPerPage = 5

    /// Everything known about the entities a name resolves to, best match first
    /// (``resolveRanked(_:)``). `limit` bounds the documents and the statements listed for each
    /// (in import order).
    public func profile(_ name: String, snippetWidth: Int = 160, limit: Int? = nil) throws -> [EntityProfile] {
        try profiles(ids: resolveRanked(name), snippetWidth: snippetWidth, limit: limit)
    }

    /// The profiles of these entities, in this order. `limit` bounds the documents and the
    /// statements listed for each (in import order).
    public func profiles(ids: [Int64], snippetWidth: Int = 160, limit: Int? = nil) throws -> [EntityProfile] {
        try ids.map { id in
            let head = try db.rows("SELECT name, type FROM entities WHERE id = ?", [id])[0]
            let aliases = try distinct("alias", of: "entity_aliases", entity: id)
                .filter { $0 != head[0].description }
            let roles = try distinct("role", of: "entity_roles", entity: id)
            let documents = try ResultSet(statement: bound(db.prepare("""
                SELECT d.key AS document, count(*) AS mentions,
                       (SELECT substr(d.body, s.start + 1, min(s."end" - s.start, \(snippetWidth)))
                          FROM mentions f JOIN sentences s ON s.id = f.sentence_id
                         WHERE f.document_id = d.id AND f.entity_id = m.entity_id
                         ORDER BY f.start LIMIT 1) AS snippet
                  FROM mentions m JOIN documents d ON d.id = m.document_id
                 WHERE m.entity_id = ?
                 GROUP BY m.document_id ORDER BY m.document_id
                 LIMIT ?
                """), [id, limit ?? -1]))
            let statements = try StatementQueries(db: db).whoSaid(speakerIDs: [id], limit: limit)
            return EntityProfile(id: id, name: head[0].description, type: head[1].description,
                                 aliases: aliases, roles: roles, documents: documents, statements: statements)
        }
    }

    /// The distinct values of `column` (alias or role) of one entity, sorted: one index seek per
    /// value (the UNIQUE (entity_id, column, document_id) index), however many documents repeat
    /// each (`United States` is called `US` by tens of thousands of documents).
    private func distinct(_ column: String, of table: String, entity id: Int64) throws -> [String] {
        try db.strings("""
            WITH RECURSIVE v(x) AS (
                SELECT min(\(column)) FROM \(table) WHERE entity_id = ?1
                UNION ALL
                SELECT (SELECT min(\(column)) FROM \(table) WHERE entity_id = ?1 AND \(column) > v.x) FROM v WHERE v.x IS NOT NULL
            )
            SELECT x FROM v WHERE x IS NOT NULL
            """, [id])
    }

    private func bound(_ s: PreparedStatement, _ values: [DatabaseBindable?]) throws -> PreparedStatement {
        try s.bind(values)
        return s
    }
}

/// What `newskb entity NAME` shows.
public struct EntityProfile: Sendable {
    public var id: Int64
    public var name: String
    public var type: String
    public var aliases: [String]
    public var roles: [String]
    /// document, mentions, snippet
    public var documents: ResultSet
    /// The statements this entity made (who_said rows).
    public var statements: ResultSet
}

/// Courtesy titles and roles that may precede a name in a user's query.
enum TitleWords {
    static let words: Set<String> = ["mr", "mrs", "ms", "miss", "dr", "sir", "dame", "president", "prime", "minister",
                                     "gen", "general", "sen", "senator", "rep", "gov", "governor", "prof", "professor"]

    static func strip(_ key: String) -> String {
        var parts = key.split(separator: " ").map(String.init)
        while let f = parts.first, words.contains(f), parts.count > 1 { parts.removeFirst() }
        return parts.joined(separator: " ")
    }
}
