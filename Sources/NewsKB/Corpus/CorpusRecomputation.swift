import Foundation

/// `newskb check --recompute`: the stored stories, claim groups and disagreements against a
/// recomputation of every week on a copy of the store, with the key counts it holds (#17). An
/// import that recomputes a region must leave exactly what recomputing everything with those
/// counts gives, ids included (``CorpusPlan``); this checks it on the user's own store.
public struct CorpusRecomputation {
    /// What differs: stories, claim groups and disagreements whose id or members differ.
    public struct Differences: Sendable, Equatable {
        public var stories = 0, groups = 0, conflicts = 0
        public var total: Int { stories + groups + conflicts }
    }

    /// Copies the store at `db` to `scratch` (deleted after), recomputes there and compares.
    public static func compare(_ db: Database, scratch: String) throws -> Differences {
        try? FileManager.default.removeItem(atPath: scratch)
        defer { for s in ["", "-wal", "-shm"] { try? FileManager.default.removeItem(atPath: scratch + s) } }
        try db.execute("VACUUM INTO '\(scratch.replacingOccurrences(of: "'", with: "''"))'")
        let copy = try KnowledgeStore.openForWriting(path: scratch)
        try copy.db.transaction { try CorpusPlan.markEverythingChanged(copy.db) }
        _ = try ClaimCorpus(db: copy.db).update()
        var out = Differences()
        for (kind, sql) in [("stories", "SELECT story_id, document_id FROM story_documents ORDER BY 1, 2"),
                            ("groups", "SELECT group_id, claim_id FROM claim_group_members ORDER BY 1, 2"),
                            ("conflicts", "SELECT p.conflict_id, c.kind || ':' || p.claim_id FROM conflict_positions p JOIN conflicts c ON c.id = p.conflict_id ORDER BY 1, 2")] {
            let (a, b) = (try members(db, sql), try members(copy.db, sql))
            let differing = Set(a.keys).union(b.keys).filter { a[$0] != b[$0] }.count
            switch kind {
            case "stories": out.stories = differing
            case "groups": out.groups = differing
            default: out.conflicts = differing
            }
        }
        return out
    }

    private static func members(_ db: Database, _ sql: String) throws -> [Int64: [String]] {
        var out = [Int64: [String]]()
        try db.prepare(sql).forEachRow { out[$0.columnInt64(0), default: []].append($0.column(1).description) }
        return out
    }
}
