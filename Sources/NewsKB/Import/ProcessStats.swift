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

    /// Writes `label` and the resident memory to stderr when NEWSKB_TRACE_MEMORY is set.
    static func trace(_ label: @autoclosure () -> String) {
        guard traceMemory else { return }
        FileHandle.standardError.write(Data("memory \(label()): \(residentBytes >> 20) MB resident, peak \(peakResidentBytes >> 20) MB\n".utf8))
    }

    private static let traceMemory = ProcessInfo.processInfo.environment["NEWSKB_TRACE_MEMORY"] != nil
}
