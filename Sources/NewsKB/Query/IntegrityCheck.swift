/// `newskb check`: everything that must hold in a newskb database, checked through SQLite.
public struct IntegrityCheck {
    /// One check and what it found.
    public struct Finding: Sendable {
        public var check: String
        public var ok: Bool
        public var detail: String

        public init(check: String, ok: Bool, detail: String) {
            self.check = check
            self.ok = ok
            self.detail = detail
        }
    }

    public let db: Database

    public init(db: Database) { self.db = db }

    public func run() throws -> [Finding] {
        var out = [Finding]()
        func add(_ check: String, _ problems: Int, _ detail: @autoclosure () -> String) {
            out.append(Finding(check: check, ok: problems == 0, detail: problems == 0 ? "ok" : detail()))
        }
        let integrity = try db.rows("PRAGMA integrity_check").map(\.[0].description)
        add("integrity_check", integrity == ["ok"] ? 0 : integrity.count, integrity.prefix(5).joined(separator: "; "))
        let fk = try db.rows("PRAGMA foreign_key_check")
        add("foreign_key_check", fk.count, "\(fk.count) rows point at missing parents, e.g. table \(fk.first?[0].description ?? "")")

        // Every span of every public view lies inside its body and reads back through substr.
        // (place is checked for bounds below: who_said has no place_start column to read back from.)
        for (view, text, start, end) in [("entity_mentions", "mention", "start", "\"end\""),
                                          ("who_said", "quote", "start", "\"end\""),
                                          ("who_said", "cue", "cue_start", "cue_end"),
                                          ("who_said", "speaker_mention", "speaker_start", "speaker_end")] {
            let bad = try db.int("""
                SELECT count(*) FROM \(view) v JOIN documents d ON d.key = v.document
                 WHERE v.\(start) IS NOT NULL AND (v.\(start) < 0 OR v.\(end) < v.\(start) OR v.\(end) > d.char_count
                        OR substr(d.body, v.\(start) + 1, v.\(end) - v.\(start)) IS NOT v.\(text))
                """)
            add("offsets \(view).\(text)", bad, "\(bad) spans fall outside the body or do not read back")
        }
        let sentences = try db.int("""
            SELECT count(*) FROM sentences s JOIN documents d ON d.id = s.document_id
             WHERE s.start < 0 OR s."end" < s.start OR s."end" > d.char_count
            """)
        add("offsets sentences", sentences, "\(sentences) sentences fall outside their body")
        let places = try db.int("""
            SELECT count(*) FROM statements s JOIN documents d ON d.id = s.document_id
             WHERE s.place_start IS NOT NULL AND (s.place_start < 0 OR s.place_end < s.place_start OR s.place_end > d.char_count)
            """)
        add("offsets who_said.place", places, "\(places) places fall outside their body")
        let lengths = try db.int("SELECT count(*) FROM documents WHERE length(body) <> char_count")
        add("documents.char_count", lengths, "\(lengths) documents whose char_count is not length(body)")

        // Indexes set aside by an import still running or killed, or left for a merge (a shard
        // imported with --defer-corpus, merges that leave them for the last): work owed, not
        // damage (like corpus_pending), so the check passes and says so.
        let deferred = try db.int("SELECT count(*) FROM deferred_indexes")
        let fullText = try DeferredIndexes(db: db).fullTextDeferred()
        out.append(Finding(check: "indexes built", ok: true, detail: deferred == 0 ? "ok" :
            "\(deferred) indexes are set aside by an import that is running or was killed, or left for a merge "
            + "(`--defer-corpus`): queries work, slowly"
            + (fullText ? "; full-text search misses the statements written since" : "")
            + "; the next import or merge, or `newskb rebuild`, builds them"))

        // Stories, claim groups and disagreements owed by an import that is running, was
        // killed before its corpus phase or left it to a merge (`--defer-corpus`): owed too, not damage.
        let owed = try db.int("SELECT count(*) FROM corpus_pending")
        out.append(Finding(check: "corpus phase done", ok: true, detail: owed == 0 ? "ok" :
            "stories, claim groups and disagreements are owed by an import that is running, was killed, "
            + "or left them to a merge (`import --defer-corpus`): they may not reflect every document; "
            + "the next import or merge, or `newskb rebuild`, computes them"))
        // What the corpus phase left for the next import (#17): no change unaccounted for once
        // it ran (triggers mark the phase owed with every change), and results that hold together.
        let changes = try db.int("SELECT count(*) FROM corpus_changes")
        add("corpus changes recorded", owed == 0 ? changes : 0,
            "\(changes) documents are marked changed but no corpus phase is owed: run `newskb rebuild`")
        if owed == 0 && changes == 0 {
            let storyless = try db.int("SELECT count(*) FROM documents d WHERE NOT EXISTS (SELECT 1 FROM story_documents s WHERE s.document_id = d.id)")
            add("every document in a story", storyless, "\(storyless) documents belong to no story: run `newskb rebuild`")
            // What the next import recomputes is found through each document's component.
            let unplaced = try db.int("SELECT count(*) FROM documents d WHERE NOT EXISTS (SELECT 1 FROM corpus_components c WHERE c.document_id = d.id)")
            add("every document in a component", unplaced,
                "\(unplaced) documents have no recorded component, so the next import could miss what they link to: run `newskb rebuild`")
            // Which stories the next import recomputes is checked through the story pairs kept.
            let dangling = try db.int("""
                SELECT count(*) FROM corpus_story_links l
                 WHERE NOT EXISTS (SELECT 1 FROM documents d WHERE d.id = l.a) OR NOT EXISTS (SELECT 1 FROM documents d WHERE d.id = l.b)
                """)
            add("every story pair kept joins two documents", dangling,
                "\(dangling) story pairs name a document that is gone, so the next import could misjudge what it changes: run `newskb rebuild`")
            let empty = try db.int("""
                SELECT (SELECT count(*) FROM story_clusters s WHERE NOT EXISTS (SELECT 1 FROM story_documents d WHERE d.story_id = s.id))
                     + (SELECT count(*) FROM claim_groups g WHERE (SELECT count(*) FROM claim_group_members m WHERE m.group_id = g.id) < 2)
                     + (SELECT count(*) FROM conflicts c WHERE (SELECT count(*) FROM conflict_positions p WHERE p.conflict_id = c.id) < 2)
                """)
            add("no empty story, group or disagreement", empty, "\(empty) stories without documents, or groups or disagreements with fewer than two members: run `newskb rebuild`")
        }
        let snapshot = try db.rows("SELECT documents, changed, taken, rules FROM corpus_snapshot")
        out.append(Finding(check: "key counts", ok: true, detail: snapshot.first.map {
            "taken over \($0[0]) documents at \($0[2]); \($0[1]) added or deleted since (beyond \(Int(CorpusPlan.refreshShare * 100)) % an import recomputes everything)"
                + ($0[3].string == CorpusPlan.rules ? "" : "; results made by another version's rules: the next import or `newskb rebuild` recomputes everything")
        } ?? "not taken yet: the next import recomputes everything"))

        let orphanEntities = try db.int("""
            SELECT count(*) FROM entities e
             WHERE NOT EXISTS (SELECT 1 FROM mentions m WHERE m.entity_id = e.id)
               AND NOT EXISTS (SELECT 1 FROM entity_aliases a WHERE a.entity_id = e.id)
            """)
        add("orphan entities", orphanEntities, "\(orphanEntities) entities with no mention and no alias")

        // The index reads its text from statement_search (external content): FTS5's own
        // integrity-check with rank 1 compares every indexed token with that text, so it finds
        // missing, stale and damaged entries alike.
        // (An index set aside by an import is owed, not damaged: reported above.)
        let ftsInSync: Int
        do {
            if !fullText { try db.execute("INSERT INTO statements_fts(statements_fts, rank) VALUES ('integrity-check', 1)") }
            ftsInSync = 0
        } catch {
            ftsInSync = 1
        }
        add("full-text index in sync", ftsInSync,
            "statements_fts does not match the statement texts: run `newskb sql --write \"INSERT INTO statements_fts(statements_fts) VALUES ('rebuild')\"`")
        return out
    }
}
