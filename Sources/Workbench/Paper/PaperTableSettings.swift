import Design
import Systems

/// Everything a headline-table run depends on besides its data: the systems and bandwidths, the training
/// budgets of the baselines, the supernet and the retrained designs, the search and the engine measurement.
public struct PaperTableSettings: Sendable, Equatable {
    /// How the latency budget of the search is set per system.
    public enum Budget: Sendable, Equatable, CustomStringConvertible {
        /// The same budget on every system, seconds.
        case seconds(Double)
        /// DGCNN device-only median latency on the system (the lowest over the bandwidths) divided by this.
        case speedup(Double)

        /// `30 ms` or `DGCNN device-only / 45`.
        public var description: String {
            switch self {
            case .seconds(let seconds): return "\(Value.format(seconds * 1000)) ms on every system"
            case .speedup(let factor): return "DGCNN device-only median / \(Value.format(factor)) per system"
            }
        }
    }

    /// The design space searched (its P and k are DGCNN's too).
    public var space: DesignSpace
    /// The emulated systems, in table order.
    public var systems: [System]
    /// Link bandwidths, Mbit/s, in table order.
    public var bandwidths: [Double]
    /// Training seeds of every trained model: `seed`, `seed + 1`, ….
    public var seeds: Int
    /// Epochs of DGCNN, PointNet and every retrained design (the same budget for each).
    public var epochs: Int
    /// Clouds per training step.
    public var batch: Int
    /// Adam's initial learning rate (cosine to a hundredth of it).
    public var learningRate: Double
    /// Epochs of the supernet.
    public var supernetEpochs: Int
    /// The search's latency budgets (one target per budget and bandwidth, one Tandem row each).
    public var budgets: [Budget]
    /// Candidates of the search's generation 0.
    public var samples: Int
    /// Generations after generation 0.
    public var generations: Int
    /// Candidates per later generation.
    public var children: Int
    /// Timed engine requests per row (after one warm-up).
    public var requests: Int
    /// Seed of the search, the supernet and the first training run.
    public var seed: UInt64
    /// Cost-table file per system name (loaded when it exists, else profiled and written there).
    public var profileFiles: [String: String]
    /// Timed runs per op when a system is profiled.
    public var profileRepeats: Int
    /// Share of every class's training clouds held out to score the search's candidates (the supernet trains
    /// on the rest), so the design is chosen on clouds that neither the supernet nor the test report has seen.
    public var validationFraction: Double

    /// Settings with every field given; `check()` names the first one out of range.
    public init(
        space: DesignSpace, systems: [System], bandwidths: [Double], seeds: Int = 3, epochs: Int = 10, batch: Int = 16,
        learningRate: Double = 0.001, supernetEpochs: Int = 10, budgets: [Budget] = [.speedup(45)], samples: Int = 60,
        generations: Int = 4, children: Int = 20, requests: Int = 10, seed: UInt64 = 1,
        profileFiles: [String: String] = [:], profileRepeats: Int = 3, validationFraction: Double = 0.25
    ) {
        self.space = space
        self.systems = systems
        self.bandwidths = bandwidths
        self.seeds = seeds
        self.epochs = epochs
        self.batch = batch
        self.learningRate = learningRate
        self.supernetEpochs = supernetEpochs
        self.budgets = budgets
        self.samples = samples
        self.generations = generations
        self.children = children
        self.requests = requests
        self.seed = seed
        self.profileFiles = profileFiles
        self.profileRepeats = profileRepeats
        self.validationFraction = validationFraction
    }

    /// The training seeds, `seed` first.
    public var trainingSeeds: [UInt64] { (0..<UInt64(max(seeds, 0))).map { seed &+ $0 } }

    /// The first setting out of range, as a sentence; nil when all are usable.
    public var problem: String? {
        if systems.isEmpty { return "no system: name at least one (systems=pi-i7,tx2-i7)" }
        if bandwidths.isEmpty { return "no bandwidth: name at least one (bandwidths=10,40,100)" }
        if let bad = bandwidths.first(where: { !($0 > 0) || !$0.isFinite }) {
            return "bandwidth \(Value.format(bad)) Mbit/s: every bandwidth must be above 0"
        }
        if seeds < 2 { return "seeds=\(seeds): a mean ± std needs at least 2 training seeds" }
        if epochs < 1 || supernetEpochs < 1 { return "train at least 1 epoch (epochs=, supernet=)" }
        if batch < 2 { return "batch=\(batch): BatchNorm needs at least 2 clouds" }
        if !(learningRate > 0) { return "lr=\(Value.format(learningRate)): the learning rate must be above 0" }
        if samples < 1 || generations < 0 || children < 0 { return "the search needs samples ≥ 1, generations ≥ 0" }
        if !(validationFraction > 0 && validationFraction < 1) {
            return "validation=\(Value.format(validationFraction)): hold out a share between 0 and 1 (e.g. 0.25)"
        }
        if requests < 1 { return "requests=\(requests): measure at least 1 request" }
        if budgets.isEmpty { return "no latency budget: give at least one (budget=45x)" }
        for budget in budgets {
            switch budget {
            case .seconds(let s) where !(s > 0): return "the latency budget must be above 0"
            case .speedup(let f) where !(f > 0): return "the budget's speed-up must be above 0 (budget=45x)"
            default: continue
            }
        }
        return nil
    }
}
