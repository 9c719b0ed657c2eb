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
    ///
    /// The new results are read first, and the old ones streamed past them: only what a new
    /// result can match is held (its hash and its first member, in sorted arrays), not every old
    /// result's hash and every old member's holder (at 1,000,000 articles a run over the whole
    /// store replaces 1.2 million claim groups of 3 million claims: about 150 MB of dictionaries).
    func assign(table: String, old: String, new: String, into: String) throws {
        var last = try db.scalar("SELECT max(id) FROM \(table)")?.int64 ?? 0
        // In canonical order: each new result's first member and hash.
        var results = [(tmp: Int64, first: Int64, hash: UInt64)]()
        try StableIDs.forEachResult(db.prepare(new)) { tmp, members, hash in
            results.append((tmp, members.first ?? 0, hash))
        }
        let count = results.count
        let byHash = results.indices.map { (key: results[$0].hash, index: Int32($0)) }.sorted { ($0.key, $0.index) < ($1.key, $1.index) }
        let byFirst = results.indices.map { (key: UInt64(bitPattern: results[$0].first), index: Int32($0)) }
            .sorted { ($0.key, $0.index) < ($1.key, $1.index) }
        /// The new results (indexes) whose key is `key`, in `sorted`.
        func matches(_ sorted: [(key: UInt64, index: Int32)], _ key: UInt64, _ body: (Int) -> Void) {
            var lo = 0, hi = sorted.count
            while lo < hi { let m = (lo + hi) / 2; if sorted[m].key < key { lo = m + 1 } else { hi = m } }
            while lo < sorted.count && sorted[lo].key == key { body(Int(sorted[lo].index)); lo += 1 }
        }
        // The old result with the same members, and the old result holding the first member
        // (the last one listed, when several do), of each new result; 0: none.
        var same = [Int64](repeating: 0, count: count), holder = [Int64](repeating: 0, count: count)
        try StableIDs.forEachResult(db.prepare(old)) { id, members, hash in
            matches(byHash, hash) { same[$0] = id }
            for m in members { matches(byFirst, UInt64(bitPattern: m)) { holder[$0] = id } }
        }
        // Ids taken, as a bit per id up to the largest given (ids are given in sequence).
        var taken = [UInt64](repeating: 0, count: Int(max(0, last)) / 64 + 1)
        func take(_ o: Int64) -> Bool {
            guard o > 0, o <= last else { return false }
            let (w, b) = (Int(o) / 64, UInt64(1) << UInt64(Int(o) % 64))
            if taken[w] & b != 0 { return false }
            taken[w] |= b
            return true
        }
        var id = [Int64](repeating: 0, count: count)
        for i in 0..<count where same[i] != 0 && take(same[i]) { id[i] = same[i] }
        for i in 0..<count where id[i] == 0 && holder[i] != 0 && take(holder[i]) { id[i] = holder[i] }
        let insert = try db.prepare("INSERT INTO \(into)(tmp, id) VALUES (?, ?)")
        for (i, r) in results.enumerated() {
            if id[i] == 0 { last += 1; id[i] = last }
            try insert.execute(binding: r.tmp, id[i])
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
