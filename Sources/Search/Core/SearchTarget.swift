/// One (budget, bandwidth) pair the search finds a best design for.
public struct SearchTarget: Sendable, Hashable, CustomStringConvertible {
    /// The latency budget per sample, in seconds.
    public var latencyBudgetSeconds: Double
    /// The device energy budget per sample, in joules, or nil for none.
    public var energyBudgetJoules: Double?
    /// The link bandwidth, in Mbit/s.
    public var bandwidthMbps: Double

    /// A target of `latencyBudgetSeconds` s (and `energyBudgetJoules` J when given) at `bandwidthMbps` Mbit/s.
    public init(latencyBudgetSeconds: Double, energyBudgetJoules: Double? = nil, bandwidthMbps: Double) {
        self.latencyBudgetSeconds = latencyBudgetSeconds
        self.energyBudgetJoules = energyBudgetJoules
        self.bandwidthMbps = bandwidthMbps
    }

    /// One target per bandwidth with the same budgets (`bandwidths=10,40,100`).
    public static func grid(
        latencyBudgetSeconds: Double, energyBudgetJoules: Double? = nil, bandwidthsMbps: [Double]
    ) -> [SearchTarget] {
        bandwidthsMbps.map {
            SearchTarget(
                latencyBudgetSeconds: latencyBudgetSeconds, energyBudgetJoules: energyBudgetJoules, bandwidthMbps: $0)
        }
    }

    /// The constraints `cost` breaks (empty when it is within budget).
    public func violations(_ cost: CostEstimate) -> Set<Constraint> {
        var broken: Set<Constraint> = []
        if !(cost.latencySeconds <= latencyBudgetSeconds) { broken.insert(.latency) }
        if let energy = energyBudgetJoules, !(cost.deviceEnergyJoules <= energy) { broken.insert(.energy) }
        return broken
    }

    /// A member name for a zoo: `lat30ms_bw10` or `lat30ms_e50mJ_bw10` (numbers without trailing zeros).
    public var name: String {
        var text = "lat" + Self.compact(latencyBudgetSeconds * 1e3) + "ms"
        if let energy = energyBudgetJoules { text += "_e" + Self.compact(energy * 1e3) + "mJ" }
        return text + "_bw" + Self.compact(bandwidthMbps)
    }

    /// `latency <= 30 ms, energy <= 50 mJ @ 10 Mbit/s`.
    public var description: String {
        var text = "latency <= " + Self.compact(latencyBudgetSeconds * 1e3) + " ms"
        if let energy = energyBudgetJoules { text += ", energy <= " + Self.compact(energy * 1e3) + " mJ" }
        return text + " @ " + Self.compact(bandwidthMbps) + " Mbit/s"
    }

    /// `x` with at most three decimals and no trailing zeros (`30`, `2.5`, `0.125`).
    static func compact(_ x: Double) -> String {
        let rounded = (x * 1000).rounded() / 1000
        if rounded == rounded.rounded() && abs(rounded) < 1e15 { return String(Int64(rounded)) }
        var text = String(rounded)
        while text.hasSuffix("0") { text.removeLast() }
        return text
    }
}

/// A budget a candidate can break.
public enum Constraint: String, Sendable, Hashable, CaseIterable {
    /// The latency budget.
    case latency
    /// The device energy budget.
    case energy
}
