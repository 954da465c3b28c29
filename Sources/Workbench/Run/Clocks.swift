import Foundation

/// Wall and processor clocks for `timer on`.
enum Clocks {
    /// Monotonic wall-clock seconds.
    static func wall() -> Double { ProgressRenderer.now() }

    /// Processor seconds used by this process (all threads).
    static func cpu() -> Double {
        var t = timespec()
        clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &t)
        return Double(t.tv_sec) + Double(t.tv_nsec) * 1e-9
    }
}
