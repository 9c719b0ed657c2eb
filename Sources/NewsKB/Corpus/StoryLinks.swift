/// The story comparisons kept between imports (`corpus_story_links`, migration 018): every pair
/// of documents the story comparison found alike enough to count in an average
/// (``StoryGrouper/Links/adjacency``), with its similarity, by document id. A run gathers the
/// pairs it compares in a temporary table (``add(_:)``) and writes them with its results
/// (``publish(replacing:changed:)``): a run over the whole store replaces the table; a run over
/// part of it replaces the rows of the documents that changed (their comparisons with every
/// candidate come from ``CorpusReach``) and re-writes the pairs it compared again, which are
/// unchanged. ``CorpusReach`` reads them to find which stories new links can change.
final class StoryLinks {
    private let db: Database
    private let insert: PreparedStatement

    init(db: Database) throws {
        self.db = db
        try db.execute("""
            DROP TABLE IF EXISTS temp.corpus_story_links_new;
            CREATE TEMP TABLE corpus_story_links_new (a INTEGER NOT NULL, b INTEGER NOT NULL, sim REAL NOT NULL);
            """)
        // Appended as they come (a pair found twice, by the reach and by the run, is written once).
        insert = try db.prepare("INSERT INTO temp.corpus_story_links_new(a, b, sim) VALUES (?, ?, ?)")
    }

    /// Adds pairs compared (document ids, either order).
    func add(_ pairs: [(a: Int64, b: Int64, sim: Double)]) throws {
        try db.transaction(immediate: false) {
            for p in pairs { try insert.execute(binding: min(p.a, p.b), max(p.a, p.b), p.sim) }
        }
    }

    /// Writes the pairs gathered: all of them in place of the table's (`replacing`), or in place
    /// of the rows of the documents `changed`.
    func publish(replacing: Bool, changed: [Int64]) throws {
        let copy = "INSERT OR REPLACE INTO corpus_story_links(a, b, sim) SELECT a, b, sim FROM temp.corpus_story_links_new ORDER BY a, b"
        if replacing {
            // In key order into an empty table, the index built after: a sort, not a B-tree
            // insert per pair.
            try db.execute("DROP INDEX IF EXISTS corpus_story_links_b; DELETE FROM corpus_story_links")
            try db.execute(copy)
            try db.execute("CREATE INDEX corpus_story_links_b ON corpus_story_links(b)")
            return
        }
        let byA = try db.prepare("DELETE FROM corpus_story_links WHERE a = ?")
        let byB = try db.prepare("DELETE FROM corpus_story_links WHERE b = ?")
        for id in changed { try byA.execute(binding: id); try byB.execute(binding: id) }
        try db.execute(copy)
    }

    func drop() {
        try? db.execute("DROP TABLE IF EXISTS temp.corpus_story_links_new")
    }
}
