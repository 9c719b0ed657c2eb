import Dispatch
import Foundation
import NewsKBExtraction

/// Imports articles into a store: reads them as a stream, analyses batches of them on all
/// cores, and writes each batch in one transaction with reused prepared statements.
///
/// A document is written with everything derived from it, or not at all. Bad inputs are
/// reported (``ImportIssue``) and skipped; what was already imported is never lost.
public final class Importer {
    /// Counts of one import, for its summary line.
    public struct Summary: Sendable, Equatable {
        /// Articles read from the inputs (valid records).
        public var read = 0
        public var new = 0
        /// Same key, same content: nothing done.
        public var unchanged = 0
        /// Same body as a document already stored under another key: skipped.
        public var duplicates = 0
        /// Same key, changed content or metadata: old version and its derived rows replaced.
        public var replaced = 0
        /// Inputs (files or lines) that could not be imported.
        public var failed = 0
        /// Documents whose publication date newskb could not read (``CivilDate/parse(_:)``):
        /// imported as given, and compared as undated documents are (with every week).
        public var unreadDates = 0
        /// Documents read without a publication date (after `--date`): compared with every week.
        public var undated = 0
        public var seconds = 0.0
        /// Words of the articles analysed and written.
        public var words = 0
        /// Seconds spent per stage: `read` (files, decoding, JSON), `analyze` (extraction, wall
        /// time the writer waited for it; `analyze_cpu` is the CPU time it took on all cores),
        /// `write` (SQLite, including `fts`: adding the batch's statements to the full-text
        /// index), `index` (building the indexes set aside during an import into an empty
        /// database), `finish` (the corpus phase); `*_cpu` stages are the CPU time of the thread
        /// that ran them (analysis: of all the workers).
        public var stageSeconds: [String: Double] = [:]
        /// What the corpus phase did (nil when it had nothing to do).
        public var corpus: ClaimCorpus.Summary?

        public var line: String { line(failed: "failed") }

        /// The summary line, naming the inputs that could not be imported `failed` (`merge`:
        /// `shards refused`).
        public func line(failed label: String) -> String {
            String(format: "read %d, new %d, unchanged %d, replaced %d, %@ %d%@ in %.2f s",
                   read, new, unchanged + duplicates, replaced, label, failed,
                   duplicates > 0 ? " (\(duplicates) unchanged were duplicates of other keys)" : "", seconds)
                + (unreadDates > 0 ? "; \(unreadDates) dates not read (kept as given, compared as undated)" : "")
                + (corpus.map { "; stories and claim groups recomputed for " + ($0.recomputedAll.map { "the whole store (\($0))" } ?? $0.scope) } ?? "")
        }
    }

    public let store: KnowledgeStore
    public let analyzer: Analyzer
    /// Documents analysed and written per transaction.
    public var batchSize = 256
    /// The publication date of documents that carry none (`import --date`): a folder of today's
    /// text files is compared with its own week, not with every week (an undated document is).
    public var defaultPublished: String?

    /// Whether the corpus phase reads `date` as a publication date (``defaultPublished``).
    public static func isReadableDate(_ date: String) -> Bool { CivilDate.parse(date) != nil }
    /// The largest article accepted (see ``InputReader/maxArticleBytes``).
    public var maxArticleBytes = 16 << 20
    /// Whether the run ends with the corpus phase (stories, claim groups, disagreements). Off
    /// (`import --defer-corpus`), the phase is left owed (`corpus_pending`): a shard that
    /// `newskb merge` combines with others need not compute what the merge computes again.
    public var runsCorpusPhase = true
    /// Set while ``merge(shards:)`` runs; what the run does with the indexes set aside follows.
    var merging = false
    /// Whether a run into a store that holds indexes set aside (by an import that was killed, or
    /// by merges that leave them for the last one) builds them before it writes. A merge does not:
    /// its copy never reads them, and they are built at its end, alongside the corpus phase.
    var restoresIndexesFirst: Bool { !merging }
    /// Whether the run builds the indexes set aside at its end. A merge that leaves the corpus
    /// phase for a later one (`merge --defer-corpus`) leaves them too, so that merging shards one
    /// by one into an empty store builds every index once, at the last merge, by sorting.
    var buildsIndexesAtEnd: Bool { !merging || runsCorpusPhase }
    /// Whether a run into an empty store that leaves the corpus phase to a merge (`import
    /// --defer-corpus`) also leaves the indexes only queries read, and the full-text index, set
    /// aside: it builds those the merge reads in it (``DeferredIndexes/readByMerge``), and the
    /// merge builds its own. (A later import or `newskb rebuild` into the shard builds the rest.)
    var leavesQueryIndexes: Bool { !merging && !runsCorpusPhase }
    /// Shard documents decided and copied per transaction by ``merge(shards:)``.
    public var mergeChunkSize = 4096
    /// Called for every input that cannot be imported.
    public var onIssue: (ImportIssue) -> Void = { _ in }
    /// Called for every document imported with a publication date newskb cannot read.
    public var onNotice: (ImportIssue) -> Void = { _ in }
    /// Called after each committed batch with the running summary.
    public var onProgress: (Summary) -> Void = { _ in }
    /// Asked after each committed batch; when it returns true the import stops there and
    /// throws ``Interrupted`` (what was committed stays; importing again continues).
    public var shouldStop: () -> Bool = { false }

    /// The import was stopped by ``shouldStop`` after committing `summary`.
    public struct Interrupted: Error, CustomStringConvertible {
        public let summary: Summary
        public var description: String {
            "interrupted after \(summary.new + summary.replaced) documents written (every written document is complete): \(summary.line). Run the same import again to continue."
        }
    }

    let writer: DocumentWriter
    private var pending = [SourceDocument]()
    var summary = Summary()
    private var runKeys: RunKeys?
    var start = Date()
    /// The full-text index is rebuilt at the end of this run (``DeferredIndexes``): batches skip it.
    var fullTextDeferred = false
    private let markCorpusPending: PreparedStatement

    /// An importer that analyses with the user aliases and gazetteer entries stored in the
    /// database (`newskb alias add`).
    public init(store: KnowledgeStore) throws {
        let aliases = try UserAliases(db: store.db).all()
        self.store = store
        self.analyzer = UserAliases.analyzer(for: aliases)
        self.writer = try DocumentWriter(db: store.db, analysisKey: UserAliases.analysisKey(for: aliases))
        self.markCorpusPending = try store.db.prepare("INSERT OR IGNORE INTO corpus_pending(id, since) VALUES (1, ?)")
    }

    /// Imports every path (folders, files, `-`) and returns the summary.
    public func importPaths(_ paths: [String]) throws -> Summary {
        try withBulkSettings { try importPathsNow(paths) }
    }

    /// Runs an import with settings for bulk writing (a 64 MB page cache, a WAL checkpoint every
    /// 64 MB instead of every 4 MB), restored afterwards; then checkpoints the WAL into the
    /// database file and truncates it, so the file is complete on its own.
    func withBulkSettings<T>(_ body: () throws -> T) throws -> T {
        let db = store.db
        let cache = try db.scalar("PRAGMA cache_size")?.int64 ?? -2000
        let checkpoint = try db.scalar("PRAGMA wal_autocheckpoint")?.int64 ?? 1000
        try db.execute("PRAGMA cache_size = -65536; PRAGMA wal_autocheckpoint = 16384")
        defer { try? db.execute("PRAGMA cache_size = \(cache); PRAGMA wal_autocheckpoint = \(checkpoint)") }
        let result = try body()
        // Best effort: a reader holding an old snapshot makes this a partial checkpoint.
        _ = try? db.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        return result
    }

    private func importPathsNow(_ paths: [String]) throws -> Summary {
        var reader = InputReader(
            onDocument: { [unowned self] doc in try self.add(doc) },
            onIssue: { [unowned self] issue in self.report(issue) })
        reader.maxArticleBytes = maxArticleBytes
        return try run { try reader.read(paths: paths) }
    }

    /// Recomputes the corpus phase (stories, claim groups, disagreements, entities no document
    /// mentions any more) over the whole store from the stored claims, as an import that
    /// changed something does, without reading any document (`newskb rebuild`).
    public func rebuild() throws -> Summary {
        try store.db.transaction { try markCorpusPending.execute([isoNow()]) }
        recomputeAll = true
        defer { recomputeAll = false }
        return try importDocuments([])
    }

    /// Set while ``rebuild()`` runs: the corpus phase recomputes the whole store and takes the
    /// key counts again, whatever changed.
    var recomputeAll = false

    /// Imports documents given directly (for tests and programs using the library).
    public func importDocuments(_ docs: [SourceDocument]) throws -> Summary {
        try withBulkSettings { try importDocumentsNow(docs) }
    }

    private func importDocumentsNow(_ docs: [SourceDocument]) throws -> Summary {
        try run { for d in docs { try add(d) } }
    }

    /// One import run: `feed` hands every document to ``add(_:)``. Into an empty database, the
    /// secondary indexes are set aside while the rows go in and built once at the end
    /// (``DeferredIndexes``); then the corpus phase runs.
    func run(_ feed: () throws -> Void) throws -> Summary {
        start = Date()
        summary = Summary()
        runKeys = try RunKeys(db: store.db)
        let indexes = DeferredIndexes(db: store.db)
        if try store.db.scalar("SELECT EXISTS (SELECT 1 FROM documents)")?.int == 0 {
            try indexes.deferAll()
        } else if restoresIndexesFirst {
            try indexes.restoreAll()  // left by an import that was killed
        }
        fullTextDeferred = try indexes.fullTextDeferred()
        do {
            try feed()
            try flushAll()
        } catch {
            inFlight?.done.wait()
            inFlight = nil
            // What was committed stays fully usable: its indexes are built before the error is
            // reported (if this fails too, the next import builds them).
            _ = try? indexes.restoreAll()
            throw error
        }
        ProcessStats.returnFreedMemory()  // the batches and the analysis threads' arenas
        // The indexes set aside are built on another connection while the corpus phase reads
        // on this one; it waits for them before it writes.
        let build = try IndexBuild(db: store.db, start: buildsIndexesAtEnd,
                                   only: leavesQueryIndexes ? DeferredIndexes.readByMerge : nil)
        do {
            try timed("finish") { try finish(beforeWriting: { try build.wait() }) }
            try build.wait()
        } catch {
            try? build.wait()
            throw error
        }
        fullTextDeferred = false
        summary.stageSeconds["index"] = build.seconds
        summary.stageSeconds["index_cpu"] = build.cpuSeconds
        summary.seconds = Date().timeIntervalSince(start)
        // (`fts` is part of `write`; `index` runs alongside `finish`.)
        let inner = summary.stageSeconds.filter { !["read", "fts", "index"].contains($0.key) && !$0.key.hasSuffix("_cpu") }.values.reduce(0, +)
        summary.stageSeconds["read"] = max(0, summary.seconds - inner)
        return summary
    }

    func report(_ issue: ImportIssue) {
        summary.failed += 1
        onIssue(issue)
    }

    private func add(_ doc: SourceDocument) throws {
        var doc = doc
        if doc.published == nil, let date = defaultPublished { doc.published = date }
        if doc.published == nil { summary.undated += 1 }
        if let date = doc.published, CivilDate.parse(date) == nil {
            summary.unreadDates += 1
            onNotice(ImportIssue(file: doc.origin, message: "date \"\(date)\" not read (newskb reads 2023-09-13; 2023/09/13; 13-SEP-2023; Wed, 13 Sep 2023; 13 September 2023; September 13, 2023): kept as given, and the article is compared as an undated one, with every week"))
        }
        if let first = try runKeys?.firstOrigin(of: doc.key, readAt: doc.origin) {
            report(ImportIssue(file: doc.origin, message: "duplicate key \"\(doc.key)\" (first read at \(first)): skipped"))
            return
        }
        summary.read += 1
        pending.append(doc)
        if pending.count >= batchSize { try flush() }
    }

    /// A batch whose analysis runs on worker threads while the previous batch is written.
    private struct InFlight {
        var batch: [SourceDocument]
        /// Documents that need writing: index into `batch`, content hash, whether an older
        /// version is stored under its key.
        var work: [(index: Int, hash: String, replaces: Bool)]
        var done: DispatchGroup
        var results: ResultSlots<PreparedDocument>
    }
    private var inFlight: InFlight?

    /// Hands the pending batch to the analysis workers, then writes the batch analysed before it
    /// (extraction on the other cores overlaps with the single SQLite writer).
    private func flush() throws {
        guard !pending.isEmpty else { return }
        let batch = pending
        pending.removeAll(keepingCapacity: true)

        // Decide what each document needs before analysing anything: an unchanged document is
        // never analysed again. (Checked again when written: an earlier batch may hold its twin.)
        // One read transaction for the batch's lookups, not one per lookup.
        var work = [(index: Int, hash: String, replaces: Bool)]()
        try store.db.transaction(immediate: false) {
            for (i, doc) in batch.enumerated() {
                let hash = doc.contentHash
                switch try writer.existing(doc, hash: hash) {
                case .unchanged: summary.unchanged += 1
                case .duplicateContent: summary.duplicates += 1
                case .none: work.append((i, hash, false))
                case .changed, .supersedesDuplicate: work.append((i, hash, true))
                }
            }
        }
        let next = startAnalysis(batch: batch, work: work)
        do {
            try writeInFlight()
        } catch {
            next.done.wait()
            throw error
        }
        inFlight = next
    }

    /// Flushes the pending batch and writes everything still in flight.
    private func flushAll() throws {
        try flush()
        try writeInFlight()
    }

    private func startAnalysis(batch: [SourceDocument], work: [(index: Int, hash: String, replaces: Bool)]) -> InFlight {
        let docs = work.map { batch[$0.index] }
        let results = ResultSlots<PreparedDocument>(count: docs.count)
        let done = DispatchGroup()
        let analyzer = self.analyzer
        DispatchQueue.global().async(group: done) {
            DispatchQueue.concurrentPerform(iterations: docs.count) { i in
                lowerThreadPriority()
                let t0 = threadCPUNanoseconds()
                let prepared = PreparedDocument(document: docs[i], analysis: analyzer.analyze(docs[i].body))
                results.set(i, prepared, cpuNanoseconds: threadCPUNanoseconds() - t0)
            }
        }
        return InFlight(batch: batch, work: work, done: done, results: results)
    }

    /// Waits for the batch in flight to be analysed and writes it in one transaction.
    private func writeInFlight() throws {
        guard let f = inFlight else { return }
        inFlight = nil
        timed("analyze") { f.done.wait() }
        let prepared = f.results.values()
        summary.stageSeconds["analyze_cpu", default: 0] += Double(f.results.cpuNanoseconds) / 1e9
        let db = store.db
        var counts = BatchCounts()
        // Foreign keys are enforced by construction here (every id written comes from a row
        // written before it in the same transaction), and an older version is deleted with
        // everything derived from it explicitly (``DocumentWriter/delete(id:)``), so batches are
        // written with the checks off: one index probe per reference per row saved.
        try db.execute("PRAGMA foreign_keys = OFF")
        defer { try? db.execute("PRAGMA foreign_keys = ON") }
        do {
            try timed("write") { try db.transaction {
                for (k, w) in f.work.enumerated() {
                    let doc = f.batch[w.index]
                    switch try writer.existing(doc, hash: w.hash) {
                    case .unchanged: counts.unchanged += 1; continue
                    case .duplicateContent: counts.duplicates += 1; continue
                    case .changed(let old):
                        try writer.delete(id: old)
                        counts.replaced += 1
                    case .supersedesDuplicate(let old, _):
                        // The same body under a smaller key replaces its twin (one key per body,
                        // the smallest, whatever the order of the imports).
                        // Its twin's statements may still wait for the full-text index (written
                        // earlier in this batch): indexed first, they leave it with their document.
                        if !fullTextDeferred { try writer.indexNewStatements() }
                        try writer.delete(id: old)
                        counts.replaced += 1
                    case .none:
                        counts.new += 1
                    }
                    try writer.insert(prepared[k], hash: w.hash)
                    counts.words += prepared[k].wordCount
                }
                if counts.new + counts.replaced > 0 { try markCorpusPending.execute([isoNow()]) }
                if !fullTextDeferred { try timed("fts") { try writer.indexNewStatements() } }
            } }
        } catch {
            writer.forgetCachedEntities()
            throw error
        }
        try committed(counts)
    }

    /// What one committed transaction did with its documents.
    struct BatchCounts { var new = 0, replaced = 0, duplicates = 0, unchanged = 0, words = 0 }

    /// Adds a committed transaction's counts to the summary, reports progress, and stops the run
    /// (``Interrupted``) when asked to.
    func committed(_ counts: BatchCounts) throws {
        summary.new += counts.new
        summary.replaced += counts.replaced
        summary.duplicates += counts.duplicates
        summary.unchanged += counts.unchanged
        summary.words += counts.words
        summary.seconds = Date().timeIntervalSince(start)
        onProgress(summary)
        if shouldStop() { throw Interrupted(summary: summary) }
    }

    /// Runs `body`, adding its wall time to `stage` and the calling thread's CPU time to
    /// `stage_cpu` (what the stage cost, however busy the machine was).
    func timed<T>(_ stage: String, _ body: () throws -> T) rethrows -> T {
        let t0 = DispatchTime.now().uptimeNanoseconds, c0 = threadCPUNanoseconds()
        defer {
            summary.stageSeconds[stage, default: 0] += Double(DispatchTime.now().uptimeNanoseconds - t0) / 1e9
            if stage != "analyze" { summary.stageSeconds[stage + "_cpu", default: 0] += Double(threadCPUNanoseconds() - c0) / 1e9 }
        }
        return try body()
    }

    /// Corpus-level work after an import (entities no document mentions any more, claim groups,
    /// disagreements, stories), done whenever the durable `corpus_pending` marker says it is owed,
    /// also when an earlier import was killed before doing it.
    /// `beforeWriting` runs before the first write (the corpus phase reads, then writes).
    private func finish(beforeWriting: @escaping () throws -> Void) throws {
        let db = store.db
        guard runsCorpusPhase, try db.scalar("SELECT count(*) FROM corpus_pending")?.int ?? 0 > 0 else { return }
        var corpus = ClaimCorpus(db: db)
        // Entities left without mentions or aliases have no claims either (claims go with
        // their document), so the corpus phase reads the same before or after they go.
        corpus.beforeWriting = {
            try beforeWriting()
            try db.transaction {
                try db.execute("""
                    DELETE FROM entities
                     WHERE NOT EXISTS (SELECT 1 FROM mentions m WHERE m.entity_id = entities.id)
                       AND NOT EXISTS (SELECT 1 FROM entity_aliases a WHERE a.entity_id = entities.id)
                    """)
            }
        }
        // (The phase clears the marker with the changes it covered: not those of an import
        // writing meanwhile.)
        summary.corpus = try corpus.update(full: recomputeAll)
        writer.forgetCachedEntities()
    }
}

/// Fixed slots written by concurrent workers, each slot by exactly one worker, with the CPU
/// time the workers spent.
final class ResultSlots<T>: @unchecked Sendable {
    private var storage: [T?]
    private var cpu: UInt64 = 0
    private let lock = NSLock()

    init(count: Int) { storage = Array(repeating: nil, count: count) }

    func set(_ i: Int, _ value: T, cpuNanoseconds: UInt64 = 0) {
        lock.lock()
        storage[i] = value
        cpu += cpuNanoseconds
        lock.unlock()
    }

    var cpuNanoseconds: UInt64 { lock.lock(); defer { lock.unlock() }; return cpu }

    func values() -> [T] { lock.lock(); defer { lock.unlock() }; return storage.map { $0! } }
}

/// Lowers the calling thread's scheduling priority (Linux: nice +5 for this thread only; the
/// nice value is per thread there). Analysis workers call it so that on a busy machine the single
/// SQLite writer, the import's critical path, keeps a core: with as many workers as cores plus
/// the writer, the scheduler would otherwise give the writer only a share of one. A thread's
/// nice value cannot be raised back without privileges, so the pool threads keep it; they run
/// at full speed whenever nothing else wants the core.
func lowerThreadPriority() {
    #if os(Linux)
    let which = __priority_which_t(PRIO_PROCESS.rawValue)
    if getpriority(which, 0) < 5 { _ = setpriority(which, 0, 5) }
    #endif
}

/// CPU time of the calling thread, in nanoseconds.
func threadCPUNanoseconds() -> UInt64 {
    var ts = timespec()
    clock_gettime(CLOCK_THREAD_CPUTIME_ID, &ts)
    return UInt64(ts.tv_sec) * 1_000_000_000 + UInt64(ts.tv_nsec)
}
