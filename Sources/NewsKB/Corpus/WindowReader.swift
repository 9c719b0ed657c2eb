import Foundation

/// What one window compares: its documents (canonical order), their claims and title keys
/// renumbered to the window's own key ids, and those keys (``WindowKeys``).
struct WindowInput: Sendable {
    var docs: [CorpusDocuments.Doc]
    var claims: [ClaimCorpus.ClaimRow]
    var titles: [(doc: Int, keys: [Int32])]
    var keys: WindowKeys
    /// The claims as the grouper sees them and the documents as the story comparison does
    /// (``WindowComparison/prepare(_:vectorsPending:)``: made while the worker compares the
    /// window before).
    var items: [ClaimGrouper.Item] = []
    var storyDocs: [StoryGrouper.Document] = []
}

/// The *read* step of a window: its documents bucket by bucket (each bucket read once, as two
/// windows share it), their claims and titles (``WindowLoader``, which keeps those the next
/// window holds too) and the window's keys, in one read transaction.
final class WindowReader {
    private let db: Database
    private let documents: CorpusDocuments
    private let loader: WindowLoader
    private let counts: KeyCounts
    /// Documents of the buckets read and still needed, by bucket.
    private var bucketDocs = [Int: [CorpusDocuments.Doc]]()
    /// Maps corpus-wide key ids to window ids while a window's keys are numbered (``WindowKeys``).
    private var keyScratch = [Int32]()
    /// When set, a window holds only the documents (by number) for which this is true.
    var only: ((Int, CorpusWindow) -> Bool)?

    init(db: Database, documents: CorpusDocuments, loader: WindowLoader, counts: KeyCounts) {
        self.db = db
        self.documents = documents
        self.loader = loader
        self.counts = counts
    }

    /// Reads `window`; `next` is the window compared after it (nil: none), whose documents stay
    /// cached. Times its steps on `clock`: `docs`, `claims`, `keys`.
    func read(_ window: CorpusWindow, next: CorpusWindow?, clock: StepClock) throws -> WindowInput {
        // One read transaction for the window's reads (a statement outside one takes and drops
        // SQLite's shared lock, system calls included, each time it runs).
        try db.transaction(immediate: false) {
            var docs = try clock.measure("docs") { try documents(of: window) }
            if let only { docs = docs.filter { only($0.number, window) } }
            var (claims, titles) = try clock.measure("claims") { try loader.load(docs) }
            // Keep what the next window holds too.
            loader.keep(only: Set(docs.filter { next?.holds(bucket: $0.bucket) ?? false }.map(\.number)))
            let keys = try clock.measure("keys") {
                try WindowKeys(claims: &claims, titles: &titles, counts: counts, scratch: &keyScratch)
            }
            return WindowInput(docs: docs, claims: claims, titles: titles, keys: keys)
        }
    }

    /// The documents of a window, in canonical order.
    private func documents(of window: CorpusWindow) throws -> [CorpusDocuments.Doc] {
        guard case .week(let b) = window else { return documents.undated }
        bucketDocs = bucketDocs.filter { $0.key >= b }
        for x in [b, b + 1] where bucketDocs[x] == nil { bucketDocs[x] = try documents.documents(inBucket: x) }
        return (bucketDocs[b]! + bucketDocs[b + 1]! + documents.undated).sorted { $0.number < $1.number }
    }
}
