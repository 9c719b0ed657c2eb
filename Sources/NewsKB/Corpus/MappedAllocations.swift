import Foundation

/// Large allocations of the corpus phase — the link tables of a long chain, the arrays that
/// merge a large component — taken from the system one by one (glibc: `mallopt` with
/// `M_MMAP_THRESHOLD`), so that freeing one hands its pages back at once. Otherwise glibc raises
/// its threshold as large blocks are freed (up to 32 MB) and serves them from the heap, where a
/// freed block leaves a hole that smaller allocations keep resident: at N = 1,000,000 the
/// corpus phase's resident memory mid-run was about 20 MB higher. Set for the rest of the
/// process, and only for large corpora (``minimumDocuments``); a no-op elsewhere than Linux.
enum MappedAllocations {
    /// Blocks of this size or more are mapped.
    static let threshold: Int32 = 1 << 20
    /// Corpora of fewer documents leave the allocator alone: their graphs stay small, and a
    /// mapping per large block costs system time (about 0.15 s on Reuters' 19,043 documents).
    static let minimumDocuments = 200_000

    /// Sets the threshold for the rest of the process (it also stops glibc from adjusting it).
    static func enable() {
        #if os(Linux)
        typealias Mallopt = @convention(c) (Int32, Int32) -> Int32
        let mmapThreshold: Int32 = -3  // M_MMAP_THRESHOLD
        if let symbol = dlsym(UnsafeMutableRawPointer(bitPattern: 0), "mallopt") {
            _ = unsafeBitCast(symbol, to: Mallopt.self)(mmapThreshold, threshold)
        }
        #endif
    }
}
