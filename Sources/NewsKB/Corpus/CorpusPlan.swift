import Foundation
import NewsKBExtraction

/// What a run of the corpus phase recomputes: the whole store, or only what the documents
/// changed since the last run can reach (#17).
///
/// **Why the reach is enough.** Whether two documents are compared, and what their comparison
/// finds, depends on the two alone, given the key counts (``CorpusCaps``). Claim groups are
/// merged from claim edges, and the documents joined by claim edges form a *claim component*
/// (`corpus_components`): no group spans two. Stories are merged best first from story links;
/// merging any set of documents that is a union of stories gives those stories back (a link
/// between two stories was turned down, which changes nothing), so a run over a set of
/// documents that is a union of the new stories — and of claim components — gives what a run
/// over everything would give there; conflicts lie within one story. ``CorpusReach`` finds such a
/// set: the documents added (or whose date changed), the claim components they link to, the
/// stories and components that held them or a deleted document, and the stories the new story
/// links can change (checked against the stored links, `corpus_story_links`); every other
/// story, group and conflict keeps its rows.
///
/// **Weights.** Every comparison weighs keys by corpus-wide counts. A run over the whole store
/// takes them (`corpus_weights`, `corpus_snapshot`); a run over part of it weighs by the counts
/// taken then (a key they do not hold counts once), so that what it recomputes and what it keeps
/// were weighed alike: the store then equals one recomputed from scratch with those counts.
/// Once the documents added or deleted since the counts were taken are more than 2 % of the
/// documents counted, the run recomputes the whole store and takes them again.
struct CorpusPlan: Equatable {
    /// The counts a partial run weighs keys by.
    struct Snapshot: Equatable {
        var documents: Int, claims: Int, bucketDays: Int, changed: Int
        /// The spread the index caps were taken with (``CorpusCaps``); nil: counts taken before
        /// it was recorded.
        var spread: Double?
        /// The rules that took them (``CorpusPlan/rules``); nil: before they were recorded.
        var rules: String?
    }

    enum Scope: Equatable {
        /// Everything, and the weights taken again; `reason` says why (for traces and the summary).
        case all(reason: String)
        /// The documents added or re-dated since the last run (ids), and the claim components
        /// and stories that held a deleted or re-dated document; with every document listed, the
        /// whole store with the counts taken earlier.
        case changes(documents: [Int64], components: [Int64], stories: [Int64])
    }

    var scope: Scope
    var snapshot: Snapshot?
    /// The changes this run covers: those recorded so far (`corpus_clock.changes` when it
    /// started; `corpus_changes.seq` up to this). Documents written while it runs leave later
    /// ones, for the next run.
    var coveredChanges = 0

    /// Once the documents changed since the weights were taken exceed this share of those
    /// counted, the whole store is recomputed.
    static let refreshShare = 0.02

    /// The version of the rules by which the corpus phase decides stories, claim groups and
    /// conflicts from the stored claims. Change it with any change to what those decisions give
    /// for the same claims: a store whose results other rules made is recomputed whole by its
    /// next import, so that it never mixes the results of two versions (migration 020).
    static let rules = "2026-12-08 one outlet's undated claims two days apart are two facts"

    /// Reads what the store recorded and decides; `full` forces a run over everything.
    static func make(db: Database, bucketDays: Int, full: Bool) throws -> CorpusPlan {
        let snapshot = try db.prepare("SELECT documents, claims, bucket_days, changed, spread, rules FROM corpus_snapshot WHERE id = 1").firstRow {
            Snapshot(documents: $0.columnInt(0), claims: $0.columnInt(1), bucketDays: $0.columnInt(2), changed: $0.columnInt(3),
                     spread: $0.column(4).double, rules: $0.columnString(5))
        }
        let covered = try db.scalar("SELECT changes FROM corpus_clock")?.int ?? 0
        func all(_ reason: String) -> CorpusPlan { CorpusPlan(scope: .all(reason: reason), snapshot: nil, coveredChanges: covered) }
        if full { return all("asked for") }
        guard let snapshot else { return all("no key counts taken yet") }
        guard snapshot.bucketDays == bucketDays else { return all("the week length changed") }
        guard snapshot.spread != nil else { return all("the key counts predate the corpus-wide index caps") }
        guard snapshot.rules == rules else { return all("the stored results were made by other rules of the corpus phase") }
        guard Double(snapshot.changed) <= refreshShare * Double(snapshot.documents) else {
            return all("\(snapshot.changed) documents changed since the key counts were taken over \(snapshot.documents)")
        }
        var documents = [Int64](), components = Set<Int64>(), stories = Set<Int64>()
        for row in try db.rows("""
            SELECT c.document_id, c.component, EXISTS (SELECT 1 FROM documents d WHERE d.id = c.document_id), c.story
              FROM corpus_changes c WHERE c.seq <= ? ORDER BY c.document_id
            """, [covered]) {
            if row[2].int == 1, let id = row[0].int64 { documents.append(id) }
            if let c = row[1].int64 { components.insert(c) }
            if let s = row[3].int64 { stories.insert(s) }
        }
        // Owed with no change recorded: results were lost or damaged (an import killed in an
        // older version, rows deleted by hand); the counts stand, the results are made again.
        if documents.isEmpty && components.isEmpty && stories.isEmpty { return all("owed with no document changed") }
        return CorpusPlan(scope: .changes(documents: documents, components: components.sorted(), stories: stories.sorted()),
                          snapshot: snapshot, coveredChanges: covered)
    }

    /// Whether this run covers part of the store (weighing by the snapshot), not all of it.
    var isPartial: Bool { if case .changes = scope { return true } else { return false } }

    /// The week bucket of a day (days since 1970).
    static func bucket(ofDay day: Int, bucketDays: Int) -> Int {
        Int((Double(day) / Double(bucketDays)).rounded(.down))
    }

    /// False when a run that started later has published already: it saw more changes than this
    /// one, whose results are older and are dropped (two imports into one store at once).
    func isNewest(_ db: Database) throws -> Bool {
        (try db.scalar("SELECT covered FROM corpus_clock")?.int ?? 0) <= coveredChanges
    }

    /// What the next run needs, written with the results: the key counts taken now (a run over
    /// the whole store that took them: `counts` over `documents`), and the changes this run
    /// covered cleared, with the owed marker when none is left (an import that wrote meanwhile
    /// keeps its own). Components and postings are written by the run (``ClaimCorpus``).
    func recordPublished(_ db: Database, counts: KeyCounts, documents: Int, bucketDays: Int, caps: CorpusCaps) throws {
        if snapshot == nil {
            try counts.writeSnapshot()
            try db.execute("""
                INSERT OR REPLACE INTO corpus_snapshot(id, documents, claims, bucket_days, changed, taken, spread, rules)
                VALUES (1, ?, ?, ?, 0, strftime('%Y-%m-%dT%H:%M:%SZ', 'now'), ?, ?)
                """, [documents, counts.claimTotal, bucketDays, caps.spread, CorpusPlan.rules])
        }
        try db.execute("DELETE FROM corpus_changes WHERE seq <= ?", [coveredChanges])
        try db.execute("UPDATE corpus_clock SET covered = ?", [coveredChanges])
        try db.execute("DELETE FROM corpus_pending WHERE NOT EXISTS (SELECT 1 FROM corpus_changes)")
    }

    /// Marks every document changed: the next run recomputes the whole store with the counts
    /// taken earlier, what a store built in one go with them holds (``CorpusRecomputation``).
    static func markEverythingChanged(_ db: Database) throws {
        try db.execute("""
            INSERT OR REPLACE INTO corpus_changes(document_id, component, seq)
                SELECT id, NULL, (SELECT changes FROM corpus_clock) FROM documents
            """)
    }
}
