import Glibc

/// How the C allocator treats the large blocks tensors live in: a choice an executable makes once at start
/// (like installing a signal handler), never the library and never a test. It changes no result, only speed.
public enum AllocatorPolicy {
    /// Keeps freed blocks up to 1 GiB in the process for reuse instead of mapping fresh zeroed pages for
    /// every large tensor and returning them on free. A DGCNN training step at batch 16 allocates tensors of
    /// up to 64 MiB many times; with glibc's defaults (blocks above 128 KiB…32 MiB mapped, freed memory
    /// trimmed) page faults took about as much system time as the step's user time
    /// (`scripts/bench/gnn`: user 2.6 s, system 1.3 s → 0.3 s for 4 steps). Returns false when glibc refuses.
    @discardableResult
    public static func keepFreedMemory() -> Bool {
        // glibc's mallopt (malloc.h, which Glibc's module map leaves out): M_TRIM_THRESHOLD = -1,
        // M_MMAP_THRESHOLD = -3; it returns 1 on success.
        typealias Mallopt = @convention(c) (Int32, Int32) -> Int32
        guard let symbol = dlsym(nil, "mallopt") else { return false }
        let mallopt = unsafeBitCast(symbol, to: Mallopt.self)
        let limit: Int32 = 1 << 30
        return mallopt(-3, limit) == 1 && mallopt(-1, limit) == 1
    }
}
