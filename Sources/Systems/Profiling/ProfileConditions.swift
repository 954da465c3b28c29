import Foundation

/// The conditions a lookup table was measured under, stored with it.
public struct ProfileConditions: Sendable, Hashable {
    /// The host CPU (`model name` of /proc/cpuinfo, or "unknown").
    public var cpu: String
    /// Threads the device ops ran on.
    public var deviceThreads: Int
    /// Threads the edge ops ran on.
    public var edgeThreads: Int
    /// Timed repeats per entry and side.
    public var repeats: Int
    /// Untimed warm-up runs per entry and side.
    public var warmup: Int
    /// The GEMM library under Tensor's matmul.
    public var gemm: String
    /// The seed of the random inputs and weights.
    public var seed: UInt64

    /// Conditions from their parts.
    public init(
        cpu: String, deviceThreads: Int, edgeThreads: Int, repeats: Int, warmup: Int, gemm: String,
        seed: UInt64
    ) {
        self.cpu = cpu
        self.deviceThreads = deviceThreads
        self.edgeThreads = edgeThreads
        self.repeats = repeats
        self.warmup = warmup
        self.gemm = gemm
        self.seed = seed
    }

    /// The `model name` line of /proc/cpuinfo, or "unknown" where there is none.
    public static func hostCPU() -> String {
        guard let text = try? String(contentsOfFile: "/proc/cpuinfo", encoding: .utf8) else { return "unknown" }
        for line in text.split(separator: "\n") where line.hasPrefix("model name") {
            if let colon = line.firstIndex(of: ":") {
                return line[line.index(after: colon)...].trimmingCharacters(in: .whitespaces)
            }
        }
        return "unknown"
    }
}
