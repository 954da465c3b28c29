import CoInference

/// Medians of one plan run in the engine: end to end, per stage, device energy (timed requests only).
public struct EngineMedians: Sendable, Equatable {
    /// Median end-to-end latency, seconds.
    public var latency: Double
    /// Median device compute, seconds.
    public var device: Double
    /// Median uplink time (device → edge), seconds.
    public var uplink: Double
    /// Median edge compute, seconds.
    public var edge: Double
    /// Median downlink time, seconds.
    public var downlink: Double
    /// Median device energy per request, joules.
    public var energy: Double
    /// Timed requests the medians are over.
    public var requests: Int

    /// The medians of `reports` after dropping the first (the warm-up) when there are two or more.
    public init(_ reports: [RequestReport]) {
        let timed = reports.count > 1 ? Array(reports.dropFirst()) : reports
        latency = quantile(timed.map(\.total), 0.5)
        device = quantile(timed.map(\.device), 0.5)
        uplink = quantile(timed.map(\.uplink), 0.5)
        edge = quantile(timed.map(\.edge), 0.5)
        downlink = quantile(timed.map(\.downlink), 0.5)
        energy = quantile(timed.map(\.energy.total), 0.5)
        requests = timed.count
    }

    /// Medians with every field given.
    public init(
        latency: Double, device: Double, uplink: Double, edge: Double, downlink: Double, energy: Double, requests: Int
    ) {
        self.latency = latency
        self.device = device
        self.uplink = uplink
        self.edge = edge
        self.downlink = downlink
        self.energy = energy
        self.requests = requests
    }
}

/// Test accuracies of one model trained with several seeds: mean and sample standard deviation.
public struct AccuracyStats: Sendable, Equatable {
    /// One test accuracy (fraction) per seed, in seed order.
    public var values: [Double]

    /// The stats of `values`.
    public init(_ values: [Double]) { self.values = values }

    /// The mean (0 when empty).
    public var mean: Double { values.isEmpty ? 0 : values.reduce(0, +) / Double(values.count) }

    /// The sample standard deviation (n − 1 in the denominator; 0 for fewer than 2 values).
    public var standardDeviation: Double {
        guard values.count > 1 else { return 0 }
        let m = mean
        return (values.map { ($0 - m) * ($0 - m) }.reduce(0, +) / Double(values.count - 1)).squareRoot()
    }

    /// `91.3 ± 1.2` in percent.
    public var text: String {
        NumberFormat.fixed(mean * 100, 1) + " ± " + NumberFormat.fixed(standardDeviation * 100, 1)
    }
}

/// One row of the headline table: a model and placement on one system at one bandwidth.
public struct PaperTableRow: Sendable, Equatable {
    /// What the row is.
    public enum Kind: String, Sendable, Equatable, CaseIterable {
        /// DGCNN entirely on the device (the reference of every speed-up).
        case dgcnnDeviceOnly = "DGCNN device-only"
        /// DGCNN entirely on the edge (the raw points cross).
        case dgcnnEdgeOnly = "DGCNN edge-only"
        /// DGCNN at its fastest single split point (Neurosurgeon-style).
        case dgcnnBestSplit = "DGCNN best split"
        /// PointNet entirely on the device.
        case pointNetDeviceOnly = "PointNet device-only"
        /// PointNet at its fastest single split point.
        case pointNetBestSplit = "PointNet best split"
        /// The design the search found under the budget, retrained from scratch.
        case tandem = "Tandem"
    }

    /// The system's name.
    public var system: String
    /// The link bandwidth, Mbit/s.
    public var bandwidth: Double
    /// What the row is.
    public var kind: Kind
    /// Where it runs: `split 3 of 9`, or the architecture's text for a Tandem design.
    public var placement: String
    /// Test accuracies over the training seeds.
    public var accuracy: AccuracyStats
    /// The supernet's inherited-weight accuracy (Tandem rows only).
    public var inheritedAccuracy: Double?
    /// The engine medians.
    public var measured: EngineMedians
    /// The latency budget (Tandem rows only), seconds.
    public var budget: Double?
    /// The predicted latency the search used (Tandem rows only), seconds.
    public var predictedLatency: Double?
    /// DGCNN device-only median latency on the same system and bandwidth.
    public var referenceLatency: Double
    /// DGCNN device-only median device energy on the same system and bandwidth.
    public var referenceEnergy: Double

    /// Reference latency / this row's latency.
    public var speedup: Double { measured.latency > 0 ? referenceLatency / measured.latency : 0 }
    /// 1 − this row's energy / the reference energy (a fraction; negative when it uses more).
    public var energyReduction: Double { referenceEnergy > 0 ? 1 - measured.energy / referenceEnergy : 0 }
    /// Whether the measured latency is within the budget (nil without one).
    public var holdsBudget: Bool? { budget.map { measured.latency <= $0 } }
}
