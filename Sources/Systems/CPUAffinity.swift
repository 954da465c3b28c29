import CSched

/// Pins the calling process (all its threads created afterwards) to a set of CPUs with `sched_setaffinity`,
/// so that an emulated device and the edge on the same host do not steal each other's core.
public enum CPUAffinity {
    /// The number of CPUs this process may run on now.
    public static func available() -> Int { Int(tandem_available_cpus()) }

    /// Restricts this process to `cpus` (CPU numbers below 64); returns false (and changes nothing) if the
    /// kernel refuses.
    @discardableResult
    public static func pin(to cpus: [Int]) -> Bool {
        var mask: UInt64 = 0
        for cpu in cpus where cpu >= 0 && cpu < 64 { mask |= 1 << UInt64(cpu) }
        return tandem_pin_cpus(CUnsignedLongLong(mask)) == 0
    }
}
