import Design
import GNN
import Tensor

/// Times every op a design space can produce on both sides of a system (SPEC.md §4) and fills a `CostTable`.
///
/// Each key runs as the engine runs it: a real `PlanStep` (the same kernels, random weights and random
/// inputs of the space's P points, k neighbours, batch 1) on the side's thread budget, timed by that side's
/// `Dilation` on the virtual clock (so the figure is the emulated time the engine would account: thread CPU
/// time × factor with one thread). Per key and side: `warmup` untimed runs, then `repeats` timed runs; the
/// samples outside 1.5 IQR are dropped and the rest averaged (`RobustMean`). Device energy per op = the
/// device's active power × its seconds.
public struct Profiler: Sendable {
    /// The system whose sides are timed.
    public var system: System
    /// The space whose ops are timed.
    public var space: DesignSpace
    /// Timed repeats per key and side (≥ 1).
    public var repeats: Int
    /// Untimed warm-up runs per key and side.
    public var warmup: Int
    /// Seed of the random weights and inputs.
    public var seed: UInt64

    /// A profiler of `space` on `system`.
    public init(system: System, space: DesignSpace, repeats: Int = 10, warmup: Int = 2, seed: UInt64 = 1) {
        self.system = system
        self.space = space
        self.repeats = max(1, repeats)
        self.warmup = max(0, warmup)
        self.seed = seed
    }

    /// Profiles every key of `keys(for: space)` (or `only` when given), reporting progress after each key
    /// (done of total, the key as the note; Workbench's progress bar turns that into a rate and an ETA);
    /// checks `cancellation` between keys.
    public func run(
        only: [CostKey]? = nil, progress: Progress = .silent, cancellation: Cancellation = .never
    ) throws -> CostTable {
        let keys = only ?? Self.keys(for: space)
        var generator = SeededGenerator(seed: seed)
        var entries: [CostKey: CostEntry] = [:]
        for (index, key) in keys.enumerated() {
            try cancellation.check()
            let device = try time(key, on: .device, generator: &generator)
            let edge = try time(key, on: .edge, generator: &generator)
            entries[key] = CostEntry(
                deviceSeconds: device.mean, edgeSeconds: edge.mean,
                deviceJoules: system.device.power.active * device.mean, deviceSpread: device.spread,
                edgeSpread: edge.spread)
            progress.report(index + 1, of: keys.count, note: "\(key)")
        }
        let conditions = ProfileConditions(
            cpu: ProfileConditions.hostCPU(), deviceThreads: system.device.threads, edgeThreads: system.edge.threads,
            repeats: repeats, warmup: warmup, gemm: GEMMKernel.description, seed: seed)
        return CostTable(
            system: system, spaceName: space.name, points: space.pointsPerCloud, k: space.k, conditions: conditions,
            entries: entries)
    }

    /// The robust mean of the emulated seconds of `key` on `side`.
    func time(_ key: CostKey, on side: Side, generator: inout SeededGenerator) throws -> RobustMean {
        let processor = system.processor(side)
        let dilation = Dilation(processor: processor, clock: .virtual)
        let threads = ThreadBudget(threads: processor.threads)
        let (state, step) = try setup(key, side: side, threads: threads, generator: &generator)
        var samples: [Double] = []
        for run in 0..<(warmup + repeats) {
            var copy = state
            let seconds = try dilation.run { () throws -> Void in
                try step.run(on: &copy, threads: threads, plan: "profile")
            }.seconds
            if run >= warmup { samples.append(seconds) }
        }
        return RobustMean(samples)
    }

    /// The state before the step of `key` (random features, and the kNN graph for an aggregate) and the step.
    func setup(_ key: CostKey, side: Side, threads: ThreadBudget, generator: inout SeededGenerator) throws -> (
        PlanState, PlanStep
    ) {
        let features = ExecutionPlan.inputName
        let rows = key.pooled ? 1 : space.pointsPerCloud
        let x = Tensor.randomNormal([rows, key.inputWidth], generator: &generator)
        var state = PlanState(batch: 1, nodes: rows, tensors: [PlanTensor(name: features, value: .float(x))])
        let label = "\(key)"
        func step(_ operation: PlanOperation, inputs: [String] = [features], output: String = features) -> PlanStep {
            PlanStep(side: side, operation: operation, inputs: inputs, output: output, description: label)
        }
        switch key.opID {
        case CostKey.headHidden:
            return (state, step(.combine(try combine(key, generator: &generator))))
        case CostKey.headOutput:
            let weight = Tensor.kaimingNormal(
                [key.inputWidth, key.outputWidth], fanIn: key.inputWidth, generator: &generator)
            let bias = Tensor(shape: [key.outputWidth], repeating: 0)
            return (
                state, step(.linear(weight: weight, bias: bias, outWidth: key.outputWidth), output: "logits")
            )
        default:
            break
        }
        switch key.operation {
        case .knn:
            return (state, step(.knn(k: space.k), output: "graph"))
        case .aggregate(let message, let reducer):
            try step(.knn(k: space.k), output: "graph").run(on: &state, threads: threads, plan: "profile")
            return (state, step(.aggregate(message, reducer), inputs: [features, "graph"]))
        case .combine:
            return (state, step(.combine(try combine(key, generator: &generator))))
        case .pool(let kind):
            return (state, step(.pool(kind, norm: try norm(width: key.outputWidth, generator: &generator))))
        case .identity, .communicate, nil:
            throw ProfileError(origin: "profiler", message: "\(key) makes no plan step and cannot be timed")
        }
    }

    /// A combine from `key.inputWidth` to `key.outputWidth` with random weights.
    private func combine(_ key: CostKey, generator: inout SeededGenerator) throws -> CombineWeights {
        var store = ParameterStore()
        store.parameters["weight"] = Tensor.kaimingNormal(
            [key.inputWidth, key.outputWidth], fanIn: key.inputWidth, generator: &generator)
        let names = BatchNormNames(layer: "norm")
        names.initialize(width: key.outputWidth, in: &store)
        return try CombineWeights(
            weight: "weight", norm: names, inWidth: key.inputWidth, outWidth: key.outputWidth, in: store,
            model: "profile")
    }

    /// A BatchNorm of `width` channels (initial statistics).
    private func norm(width: Int, generator: inout SeededGenerator) throws -> NormWeights {
        var store = ParameterStore()
        let names = BatchNormNames(layer: "norm")
        names.initialize(width: width, in: &store)
        return try NormWeights(names, in: store, model: "profile")
    }
}
