import Foundation
import NewsKBExtraction

/// What a run of the corpus phase recomputes: the whole store, or only the week buckets that the
/// documents changed since the last run can reach (#17).
///
/// **Why a region is enough.** A document of week bucket `x` is compared in the windows that
/// start at `x - 1` and `x` (``CorpusWindow``), so only the links among documents of buckets
/// `x - 1` to `x + 1` can change, and through them the components (stories, claim groups,
/// conflicts) those documents belong to. Components are linked only between consecutive buckets,
/// and `corpus_crossings` records each bucket whose components reach into the next: the region
/// is each of `x - 1 … x + 1` widened, both ways, for as long as components cross. Every window
/// that starts in the region is compared again; the bucket after each stretch of the region is
/// read as well (*context*: it shapes the candidate pairs of the window before it) but nothing
/// of it is recomputed or written — with the same documents and the same weights its window
/// gives the links it gave before, and none of them crossed.
///
/// **Weights.** Every comparison weighs keys by corpus-wide counts. A run over the whole store
/// takes them (`corpus_weights`, `corpus_snapshot`); a run over a region weighs by the counts
/// taken then (a key they do not hold counts once), so that what it recomputes and what it keeps
/// were weighed alike: the store then equals one recomputed from scratch with those counts.
/// Once the documents added or deleted since the counts were taken are more than 2 % of the
/// documents counted, the run recomputes the whole store and takes them again.
///
/// The whole store is also recomputed when it holds undated documents (every window holds them),
/// when a changed document has no date that parses, and when the week length changed.
struct CorpusPlan: Equatable {
    /// The counts a region run weighs keys by.
    struct Snapshot: Equatable {
        var documents: Int, claims: Int, bucketDays: Int, changed: Int
        /// The spread the index caps were taken with (``CorpusCaps``); nil: counts taken before
        /// it was recorded.
        var spread: Double?
    }

    enum Scope: Equatable {
        /// Everything, and the weights taken again; `reason` says why (for traces and the summary).
        case all(reason: String)
        /// The windows starting in `buckets` (ascending), with `context` read for their pairs only.
        case region(buckets: [Int], context: [Int])
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

    /// Reads what the store recorded and decides; `full` forces a run over everything.
    static func make(db: Database, bucketDays: Int, full: Bool) throws -> CorpusPlan {
        let snapshot = try db.prepare("SELECT documents, claims, bucket_days, changed, spread FROM corpus_snapshot WHERE id = 1").firstRow {
            Snapshot(documents: $0.columnInt(0), claims: $0.columnInt(1), bucketDays: $0.columnInt(2), changed: $0.columnInt(3),
                     spread: $0.column(4).double)
        }
        let covered = try db.scalar("SELECT changes FROM corpus_clock")?.int ?? 0
        func all(_ reason: String) -> CorpusPlan { CorpusPlan(scope: .all(reason: reason), snapshot: nil, coveredChanges: covered) }
        if full { return all("asked for") }
        guard let snapshot else { return all("no key counts taken yet") }
        guard snapshot.bucketDays == bucketDays else { return all("the week length changed") }
        guard snapshot.spread != nil else { return all("the key counts predate the corpus-wide index caps") }
        guard Double(snapshot.changed) <= refreshShare * Double(snapshot.documents) else {
            return all("\(snapshot.changed) documents changed since the key counts were taken over \(snapshot.documents)")
        }
        if try db.scalar("SELECT EXISTS (SELECT 1 FROM documents WHERE published IS NULL)")?.int == 1 {
            return all(ClaimCorpus.undatedReason)
        }
        var changed = Set<Int>()
        for row in try db.rows("SELECT published FROM corpus_changes WHERE seq <= ?", [covered]) {
            guard let day = (row[0].string).flatMap(CivilDate.parse)?.dayNumber else {
                return all("a changed document has no date")
            }
            changed.insert(bucket(ofDay: day, bucketDays: bucketDays))
        }
        let crossings = Set(try db.rows("SELECT bucket FROM corpus_crossings").compactMap { $0[0].int })
        let (buckets, context) = region(changed: changed, crossings: crossings)
        return CorpusPlan(scope: .region(buckets: buckets, context: context), snapshot: snapshot, coveredChanges: covered)
    }

    /// The region of `changed` buckets: each changed bucket with its two neighbours, widened
    /// while `crossings` (buckets whose components reach into the next) link them on; and the
    /// bucket after each stretch, as context.
    static func region(changed: Set<Int>, crossings: Set<Int>) -> (buckets: [Int], context: [Int]) {
        var region = Set<Int>()
        for x in changed {
            var lo = x - 1, hi = x + 1
            while crossings.contains(lo - 1) { lo -= 1 }
            while crossings.contains(hi) { hi += 1 }
            for b in lo...hi { region.insert(b) }
        }
        let buckets = region.sorted()
        let context = buckets.map { $0 + 1 }.filter { !region.contains($0) }
        return (buckets, context)
    }

    /// The week bucket of a day (days since 1970).
    static func bucket(ofDay day: Int, bucketDays: Int) -> Int {
        Int((Double(day) / Double(bucketDays)).rounded(.down))
    }

    var isRegion: Bool { if case .region = scope { return true } else { return false } }

    /// The week buckets whose results a region run replaces (nil: a run over the whole store).
    var regionBuckets: [Int]? { if case .region(let buckets, _) = scope { return buckets } else { return nil } }

    /// False when a run that started later has published already: it saw more changes than this
    /// one, whose results are older and are dropped (two imports into one store at once).
    func isNewest(_ db: Database) throws -> Bool {
        (try db.scalar("SELECT covered FROM corpus_clock")?.int ?? 0) <= coveredChanges
    }

    /// What the next run needs, written with the results: the buckets the components of this
    /// run cross (replacing those of the region, or all), the key counts taken now (a run over
    /// the whole store: `counts` over `documents`), and the changes this run covered cleared,
    /// with the owed marker when none is left (an import that wrote meanwhile keeps its own).
    func recordPublished(_ db: Database, crossings: Set<Int>, counts: KeyCounts, documents: Int, bucketDays: Int, caps: CorpusCaps) throws {
        if let buckets = regionBuckets {
            try db.execute("DELETE FROM corpus_crossings WHERE bucket IN (\(buckets.map(String.init).joined(separator: ",")))")
        } else {
            try db.execute("DELETE FROM corpus_crossings")
            try counts.writeSnapshot()
            try db.execute("""
                INSERT OR REPLACE INTO corpus_snapshot(id, documents, claims, bucket_days, changed, taken, spread)
                VALUES (1, ?, ?, ?, 0, strftime('%Y-%m-%dT%H:%M:%SZ', 'now'), ?)
                """, [documents, counts.claimTotal, bucketDays, caps.spread])
        }
        let insert = try db.prepare("INSERT OR IGNORE INTO corpus_crossings(bucket) VALUES (?)")
        for b in crossings.sorted() { try insert.execute([b]) }
        try db.execute("DELETE FROM corpus_changes WHERE seq <= ?", [coveredChanges])
        try db.execute("UPDATE corpus_clock SET covered = ?", [coveredChanges])
        try db.execute("DELETE FROM corpus_pending WHERE NOT EXISTS (SELECT 1 FROM corpus_changes)")
    }

    /// Marks the date of every document changed: the next run recomputes every week with the
    /// counts taken earlier, what a store built in one go with them holds (``CorpusRecomputation``).
    static func markEveryWeekChanged(_ db: Database) throws {
        try db.execute("""
            INSERT OR REPLACE INTO corpus_changes(published, seq)
                SELECT DISTINCT coalesce(published, ''), (SELECT changes FROM corpus_clock) FROM documents
            """)
    }
}
