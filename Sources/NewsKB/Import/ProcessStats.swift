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
}
