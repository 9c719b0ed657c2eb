import Foundation

/// Resource use of this process, for benchmarks.
public enum ProcessStats {
    /// Peak resident memory in bytes (`getrusage` reports kilobytes on Linux).
    public static var peakResidentBytes: Int {
        var usage = rusage()
        #if os(Linux)
        getrusage(__rusage_who_t(RUSAGE_SELF.rawValue), &usage)
        return Int(usage.ru_maxrss) * 1024
        #else
        getrusage(RUSAGE_SELF, &usage)
        return Int(usage.ru_maxrss)
        #endif
    }

    /// Resident memory now, in bytes (Linux: /proc/self/statm; elsewhere the peak).
    public static var residentBytes: Int {
        #if os(Linux)
        if let s = try? String(contentsOfFile: "/proc/self/statm", encoding: .utf8) {
            let f = s.split(separator: " ")
            if f.count > 1, let pages = Int(f[1]) { return pages * Int(sysconf(Int32(_SC_PAGESIZE))) }
        }
        #endif
        return peakResidentBytes
    }

    /// Hands memory freed by the finished phase back to the system (glibc's `malloc_trim`,
    /// looked up at run time; a no-op elsewhere). Freed pages otherwise stay resident in the
    /// allocator's arenas — the import's page cache and the analysis threads' arenas — and
    /// count against the next phase's peak.
    static func returnFreedMemory() {
        #if os(Linux)
        typealias Trim = @convention(c) (Int) -> Int32
        if let symbol = dlsym(UnsafeMutableRawPointer(bitPattern: 0), "malloc_trim") {
            _ = unsafeBitCast(symbol, to: Trim.self)(0)
        }
        #endif
    }

    /// Writes `label` and the resident memory to stderr when NEWSKB_TRACE_MEMORY is set.
    static func trace(_ label: @autoclosure () -> String) {
        guard traceMemory else { return }
        let start = traceStart
        let t = Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9
        FileHandle.standardError.write(Data("memory \(label()): \(residentBytes >> 20) MB resident, peak \(peakResidentBytes >> 20) MB, \(String(format: "%.2f", t)) s\n".utf8))
    }

    private static let traceMemory = ProcessInfo.processInfo.environment["NEWSKB_TRACE_MEMORY"] != nil
    private static let traceStart = DispatchTime.now().uptimeNanoseconds
}
