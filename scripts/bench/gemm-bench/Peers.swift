import Foundation

/// `cblas_sgemm` as OpenBLAS and BLIS export it (row-major = 101, no transpose = 111, transpose = 112).
typealias CBLASGemm =
    @convention(c) (
        Int32, Int32, Int32, Int32, Int32, Int32, Float, UnsafePointer<Float>, Int32, UnsafePointer<Float>, Int32,
        Float,
        UnsafeMutablePointer<Float>, Int32
    ) -> Void

/// A GEMM library loaded at run time with its own symbols (`RTLD_LOCAL`), so OpenBLAS and BLIS, which both
/// export `cblas_sgemm`, can be compared in one process beside oneDNN (linked through Tensor).
struct PeerLibrary {
    /// A short name for the table.
    let name: String
    /// Its `cblas_sgemm`.
    let gemm: CBLASGemm
    /// Sets the library's own (process-wide) thread count.
    let setThreads: (Int) -> Void
    /// The kernel set the library chose on this CPU.
    let kernel: String

    /// OpenBLAS (`libopenblas.so.0`), or nil when it is not installed.
    static func openBLAS() -> PeerLibrary? {
        guard let handle = dlopen("libopenblas.so.0", RTLD_NOW | RTLD_LOCAL),
            let gemm = dlsym(handle, "cblas_sgemm"), let set = dlsym(handle, "openblas_set_num_threads"),
            let core = dlsym(handle, "openblas_get_corename")
        else { return nil }
        typealias SetThreads = @convention(c) (Int32) -> Void
        typealias CoreName = @convention(c) () -> UnsafePointer<CChar>
        let setThreads = unsafeBitCast(set, to: SetThreads.self)
        let coreName = String(cString: unsafeBitCast(core, to: CoreName.self)())
        let forced = ProcessInfo.processInfo.environment["OPENBLAS_CORETYPE"].map { _ in " (forced)" } ?? " (detected)"
        return PeerLibrary(
            name: "openblas", gemm: unsafeBitCast(gemm, to: CBLASGemm.self), setThreads: { setThreads(Int32($0)) },
            kernel: "OpenBLAS core " + coreName + forced)
    }

    /// BLIS (`libblis.so.4`), or nil when it is not installed.
    static func blis() -> PeerLibrary? {
        guard let handle = dlopen("libblis.so.4", RTLD_NOW | RTLD_LOCAL),
            let gemm = dlsym(handle, "cblas_sgemm"), let set = dlsym(handle, "bli_thread_set_num_threads"),
            let query = dlsym(handle, "bli_arch_query_id"), let archName = dlsym(handle, "bli_arch_string"),
            let version = dlsym(handle, "bli_info_get_version_str")
        else { return nil }
        typealias SetThreads = @convention(c) (Int) -> Void
        typealias Query = @convention(c) () -> Int32
        typealias ArchName = @convention(c) (Int32) -> UnsafePointer<CChar>
        typealias Version = @convention(c) () -> UnsafePointer<CChar>
        let setThreads = unsafeBitCast(set, to: SetThreads.self)
        let arch = String(cString: unsafeBitCast(archName, to: ArchName.self)(unsafeBitCast(query, to: Query.self)()))
        let v = String(cString: unsafeBitCast(version, to: Version.self)())
        return PeerLibrary(
            name: "blis", gemm: unsafeBitCast(gemm, to: CBLASGemm.self), setThreads: { setThreads($0) },
            kernel: "BLIS \(v) config \(arch)")
    }
}
