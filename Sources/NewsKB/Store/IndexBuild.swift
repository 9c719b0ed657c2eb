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
    /// What the build cost: wall clock and CPU time of the thread that ran it, in seconds.
    private(set) var seconds = 0.0, cpuSeconds = 0.0

    /// Starts building what `db` has set aside.
    init(db: Database) throws {
        guard try db.int("SELECT count(*) FROM deferred_indexes") > 0 else { return }
        let path = db.path
        guard !path.isEmpty, path != ":memory:", !path.hasPrefix("file::memory:") else {
            try measure { _ = try DeferredIndexes(db: db).restoreAll() }
            return
        }
        // Used by the build's thread only, and closed when it is done. (If a second connection
        // cannot be opened, the build runs here, as it would in memory.)
        guard let own = try? Database(path: path, mode: .readWrite) else {
            try measure { _ = try DeferredIndexes(db: db).restoreAll() }
            return
        }
        connection = own
        DispatchQueue.global(qos: .userInitiated).async(group: done) { [self] in
            do { try measure { _ = try DeferredIndexes(db: connection!).restoreAll() } } catch { failure = error }
            connection = nil
        }
    }

    private func measure(_ body: () throws -> Void) throws {
        let t0 = DispatchTime.now().uptimeNanoseconds, c0 = threadCPUNanoseconds()
        defer {
            seconds = Double(DispatchTime.now().uptimeNanoseconds - t0) / 1e9
            cpuSeconds = Double(threadCPUNanoseconds() - c0) / 1e9
        }
        try body()
    }

    /// Waits for the build to end; throws what it failed with.
    func wait() throws {
        done.wait()
        if let failure { throw failure }
    }
}
