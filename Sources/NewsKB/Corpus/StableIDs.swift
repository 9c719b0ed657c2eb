import Foundation

/// The ids a run of the corpus phase gives the stories, claim groups and conflicts it
/// publishes (``CorpusResults/publish(scope:also:)``), so that what a user bookmarked stays
/// where it was (#17):
///
/// 1. a result found again with the same members (a story's documents, a group's claims, a
///    conflict's kind and claims) keeps its id;
/// 2. a changed one takes the id of the old one that held its first member, when no result
///    took that id in step 1 or earlier in this step;
/// 3. the others get new ids after the largest one ever given, in canonical order.
///
/// The old results are those the run replaces: all of them (a run over the whole store), or
/// those holding a document the run read (`temp.corpus_scope`) and those left without members
/// by deleted documents. Members are compared by a 64-bit hash of their sorted list.
final class StableIDs {
    private let db: Database
    private let scoped: Bool

    /// In a run over part of the store (`scoped`), lists the documents it read
    /// (`temp.corpus_documents`) in `temp.corpus_scope` and the old results of each table in
    /// `temp.corpus_old_<table>`.
    init(db: Database, scoped: Bool) throws {
        self.db = db
        self.scoped = scoped
        guard scoped else { return }
        try db.execute("""
            CREATE TEMP TABLE corpus_scope (id INTEGER PRIMARY KEY);
            INSERT INTO temp.corpus_scope(id) SELECT id FROM temp.corpus_documents;
            """)
        // Each table with its member table, the member table's columns for the result and the
        // member, and how a member reaches a document the run read.
        for (table, members, result, reach) in [
            ("story_clusters", "story_documents", "story_id", "temp.corpus_scope t CROSS JOIN story_documents x ON x.document_id = t.id"),
            ("claim_groups", "claim_group_members", "group_id",
             "temp.corpus_scope t CROSS JOIN claims c ON c.document_id = t.id CROSS JOIN claim_group_members x ON x.claim_id = c.id"),
            ("conflicts", "conflict_positions", "conflict_id",
             "temp.corpus_scope t CROSS JOIN claims c ON c.document_id = t.id CROSS JOIN conflict_positions x ON x.claim_id = c.id"),
        ] {
            try db.execute("""
                CREATE TEMP TABLE corpus_old_\(table) (id INTEGER PRIMARY KEY);
                INSERT OR IGNORE INTO temp.corpus_old_\(table)(id) SELECT x.\(result) FROM \(reach);
                INSERT OR IGNORE INTO temp.corpus_old_\(table)(id)
                    SELECT r.id FROM \(table) r WHERE NOT EXISTS (SELECT 1 FROM \(members) x WHERE x.\(result) = r.id);
                """)
        }
    }

    /// SQL listing the ids of `table`'s old results.
    func inScope(_ table: String) -> String {
        scoped ? "SELECT id FROM temp.corpus_old_\(table)" : "SELECT id FROM \(table)"
    }

    /// Fills `into` (`tmp`, `id`) for the new results of `table`. `old` lists each old result's
    /// members (`id, member[, kind]`, by id), `new` each new result's (`tmp, member[, kind]`,
    /// results in canonical order, members ascending).
    func assign(table: String, old: String, new: String, into: String) throws {
        var last = try db.scalar("SELECT max(id) FROM \(table)")?.int64 ?? 0
        var oldOf = [UInt64: Int64](), holder = [Int64: Int64]()
        try StableIDs.forEachResult(db.prepare(old)) { id, members, hash in
            oldOf[hash] = id
            for m in members { holder[m] = id }
        }
        let insert = try db.prepare("INSERT INTO \(into)(tmp, id) VALUES (?, ?)")
        // In canonical order: each new result's members, then its id.
        var results = [(tmp: Int64, first: Int64, hash: UInt64)]()
        try StableIDs.forEachResult(db.prepare(new)) { tmp, members, hash in
            results.append((tmp, members.first ?? 0, hash))
        }
        var taken = Set<Int64>(), id = [Int64?](repeating: nil, count: results.count)
        for (i, r) in results.enumerated() {
            if let o = oldOf[r.hash], taken.insert(o).inserted { id[i] = o }
        }
        for (i, r) in results.enumerated() where id[i] == nil {
            if let o = holder[r.first], taken.insert(o).inserted { id[i] = o }
        }
        for (i, r) in results.enumerated() {
            if id[i] == nil { last += 1; id[i] = last }
            try insert.execute(binding: r.tmp, id[i]!)
        }
    }

    /// Deletes the old results (their members go with them).
    func deleteOld() throws {
        if scoped {
            try db.execute("""
                DELETE FROM conflicts WHERE id IN (SELECT id FROM temp.corpus_old_conflicts);
                DELETE FROM claim_groups WHERE id IN (SELECT id FROM temp.corpus_old_claim_groups);
                DELETE FROM story_clusters WHERE id IN (SELECT id FROM temp.corpus_old_story_clusters);
                """)
        } else {
            try db.execute("""
                DELETE FROM conflict_positions; DELETE FROM conflicts;
                DELETE FROM claim_group_members; DELETE FROM claim_groups;
                DELETE FROM story_documents; DELETE FROM story_clusters;
                """)
        }
    }

    /// Steps `stmt` (`id, member[, kind]`, grouped by id) and hands over each id with its members
    /// and the hash of its kind and members.
    private static func forEachResult(_ stmt: PreparedStatement, _ body: (Int64, [Int64], UInt64) throws -> Void) throws {
        var current: Int64?, members = [Int64](), hash = KeyHash()
        func flush() throws {
            if let current { try body(current, members, hash.value) }
            members.removeAll(keepingCapacity: true)
            hash = KeyHash()
        }
        let kinds = stmt.columnCount > 2
        try stmt.forEachRow { row in
            let id = row.columnInt64(0)
            if id != current {
                try flush()
                current = id
                if kinds { hash.add((row.columnString(2) ?? "").utf8); hash.add([0]) }
            }
            let m = row.columnInt64(1)
            members.append(m)
            withUnsafeBytes(of: m.littleEndian) { hash.add($0) }
        }
        try flush()
    }
}
