import Foundation

/// Wall-clock and CPU time (of the calling thread) spent in named steps, summed over calls:
/// the corpus phase reports its steps with it (`--timings`, `make bench`), so that where its
/// time goes is measured, not guessed.
final class StepClock: @unchecked Sendable {
    /// Seconds by step: wall clock, and CPU time of the thread that ran it.
    private(set) var wall = [String: Double](), cpu = [String: Double]()

    /// Runs `body`, adding its time to `step`.
    func measure<T>(_ step: String, _ body: () throws -> T) rethrows -> T {
        let w = DispatchTime.now().uptimeNanoseconds, c = threadCPUNanoseconds()
        defer {
            wall[step, default: 0] += Double(DispatchTime.now().uptimeNanoseconds - w) / 1e9
            cpu[step, default: 0] += Double(threadCPUNanoseconds() - c) / 1e9
        }
        return try body()
    }
}
