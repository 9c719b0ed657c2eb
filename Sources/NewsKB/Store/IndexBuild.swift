import Foundation

/// The deferred indexes (``DeferredIndexes``) built on a connection of their own, on another
/// thread, while the import's connection goes on with the corpus phase — which only reads the
/// tables the build writes to, and waits for it (``wait()``) before it writes. SQLite's
/// write-ahead log lets the corpus phase read while the build writes. A database that another
/// connection cannot open (in memory) is built at once, on the caller's thread.
final class IndexBuild: @unchecked Sendable {
    private let done = DispatchGroup()
    private var failure: Error?
    private var connection: Database?
    private let clock = StepClock()
    /// What the build cost: wall clock and CPU time of the thread that ran it, in seconds.
    var seconds: Double { clock.wall["build"] ?? 0 }
    var cpuSeconds: Double { clock.cpu["build"] ?? 0 }

    /// Starts building what `db` has set aside (nothing when `start` is false: they stay set aside;
    /// only those named in `only` when given).
    init(db: Database, start: Bool = true, only: Set<String>? = nil) throws {
        guard start, try db.int("SELECT count(*) FROM deferred_indexes") > 0 else { return }
        let path = db.path
        let inMemory = path.isEmpty || path == ":memory:" || path.hasPrefix("file::memory:")
        // Used by the build's thread only, and closed when it is done. (In memory, or if a second
        // connection cannot be opened, the build runs here.)
        guard !inMemory, let own = try? Database(path: path, mode: .readWrite) else {
            try clock.measure("build") { _ = try DeferredIndexes(db: db).restore(only: only) }
            return
        }
        connection = own
        DispatchQueue.global(qos: .userInitiated).async(group: done) { [self] in
            do { try clock.measure("build") { _ = try DeferredIndexes(db: connection!).restore(only: only) } } catch { failure = error }
            connection = nil
        }
    }

    /// Waits for the build to end; throws what it failed with.
    func wait() throws {
        done.wait()
        if let failure { throw failure }
    }
}
