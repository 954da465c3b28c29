import Glibc

/// Seconds on the monotonic clock (CLOCK_MONOTONIC, shared by all processes on this host).
public enum MonotonicClock {
    /// Now, in seconds since an unspecified start.
    public static func now() -> Double {
        var ts = timespec()
        clock_gettime(CLOCK_MONOTONIC, &ts)
        return Double(ts.tv_sec) + Double(ts.tv_nsec) * 1e-9
    }

    /// CPU seconds used so far by the calling thread (CLOCK_THREAD_CPUTIME_ID).
    public static func threadCPUTime() -> Double {
        var ts = timespec()
        clock_gettime(CLOCK_THREAD_CPUTIME_ID, &ts)
        return Double(ts.tv_sec) + Double(ts.tv_nsec) * 1e-9
    }

    /// Sleeps for `seconds` (nothing when not positive), resuming after interruptions.
    public static func sleep(_ seconds: Double) {
        guard seconds > 0 else { return }
        sleep(until: now() + seconds)
    }

    /// Sleeps until the monotonic clock reads `deadline`.
    public static func sleep(until deadline: Double) {
        while true {
            let left = deadline - now()
            if left <= 0 { return }
            var ts = timespec(tv_sec: Int(left), tv_nsec: Int((left - Double(Int(left))) * 1e9))
            var rest = timespec()
            _ = nanosleep(&ts, &rest)
        }
    }
}
