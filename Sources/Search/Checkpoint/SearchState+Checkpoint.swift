import Design
import HDF5
import Tensor

/// The checkpoint file of a search (HDF5, written to a temporary name and renamed).
///
/// Root attributes: `tandem_kind` = `tandem-search-checkpoint`, `format_version` 1, the space (`space_*`,
/// as in supernet files), the targets (`target_latency_budget_s`, `target_energy_budget_J` with NaN for
/// none, `target_bandwidth_mbps`, one entry per target), the options (`samples`, `generations`, `children`,
/// `parents`, `crossover_rate`, `strategy`, `ranking`, `seed`), the state (`generator_state`: the four
/// xoshiro words as int64 bit patterns, `next_generation`, `cost_calls`, `accuracy_calls`, `candidates`,
/// `design_count`). Datasets under `designs/` (R = design_count, T = targets, only when R > 0):
/// `encoding` int64 [R, 2·positions], `generation` int64 [R], `latency_s` and `energy_J` float64 [R, T],
/// `scored` int64 [R] (0 or 1), `accuracy`, `mean_class_accuracy`, `loss` float64 [R] (NaN when not
/// scored), `found_at` int64 [R, 3] (cost calls, accuracy calls, candidates after evaluating it).
public enum SearchCheckpoint {
    /// The `tandem_kind` attribute of checkpoint files.
    public static let kind = "tandem-search-checkpoint"
    /// The layout version written.
    public static let version: Int64 = 1
}

extension SearchState {
    /// Writes the whole state to `path` atomically (see `SearchCheckpoint` for the layout).
    public func save(to path: String) throws {
        try HDF5File.write(to: path) { file in
            try file.setAttribute("tandem_kind", to: .string(SearchCheckpoint.kind))
            try file.setAttribute("format_version", to: .int(SearchCheckpoint.version))
            try space.writeAttributes(to: file)
            try file.setAttribute("target_latency_budget_s", to: .doubles(targets.map(\.latencyBudgetSeconds)))
            try file.setAttribute("target_energy_budget_J", to: .doubles(targets.map { $0.energyBudgetJoules ?? .nan }))
            try file.setAttribute("target_bandwidth_mbps", to: .doubles(targets.map(\.bandwidthMbps)))
            let integers: [(String, Int)] = [
                ("samples", options.samples), ("generations", options.generations), ("children", options.children),
                ("parents", options.parents), ("next_generation", nextGeneration), ("cost_calls", counters.costCalls),
                ("accuracy_calls", counters.accuracyCalls), ("candidates", counters.candidates),
                ("design_count", designs.count),
            ]
            for (name, value) in integers { try file.setAttribute(name, to: .int(Int64(value))) }
            try file.setAttribute("crossover_rate", to: .double(options.crossoverRate))
            try file.setAttribute("strategy", to: .string(options.strategy.rawValue))
            try file.setAttribute("ranking", to: .string(options.ranking.rawValue))
            try file.setAttribute("seed", to: .int(Int64(bitPattern: options.seed)))
            try file.setAttribute("generator_state", to: .ints(generator.savedState.map { Int64(bitPattern: $0) }))
            guard !designs.isEmpty else { return }
            let r = designs.count
            let t = targets.count
            try file.write(
                designs.flatMap { $0.architecture.encoding.map(Int64.init) }, shape: [r, 2 * space.positions],
                at: "designs/encoding")
            try file.write(designs.map { Int64($0.generation) }, shape: [r], at: "designs/generation")
            try file.write(designs.flatMap { $0.costs.map(\.latencySeconds) }, shape: [r, t], at: "designs/latency_s")
            try file.write(
                designs.flatMap { $0.costs.map(\.deviceEnergyJoules) }, shape: [r, t], at: "designs/energy_J")
            try file.write(designs.map { Int64($0.score == nil ? 0 : 1) }, shape: [r], at: "designs/scored")
            try file.write(designs.map { $0.score?.accuracy ?? .nan }, shape: [r], at: "designs/accuracy")
            try file.write(
                designs.map { $0.score?.meanClassAccuracy ?? .nan }, shape: [r], at: "designs/mean_class_accuracy")
            try file.write(designs.map { $0.score?.loss ?? .nan }, shape: [r], at: "designs/loss")
            try file.write(
                designs.flatMap {
                    [$0.foundAt.costCalls, $0.foundAt.accuracyCalls, $0.foundAt.candidates].map(Int64.init)
                },
                shape: [r, 3], at: "designs/found_at")
        }
    }

    /// The state saved in the checkpoint at `path`; throws `SearchError.file` naming what is missing or
    /// inconsistent.
    public static func load(from path: String) throws -> SearchState {
        try HDF5File.read(path) { file in
            let reader = CheckpointReader(file: file, path: path)
            guard (try file.attributeIfPresent("tandem_kind"))?.stringValue == SearchCheckpoint.kind else {
                throw SearchError.file(
                    path: path, detail: "not a search checkpoint (tandem_kind is not '\(SearchCheckpoint.kind)')")
            }
            let space = try DesignSpace.read(from: file, path: path)
            let latency = try reader.doubles("target_latency_budget_s")
            let energy = try reader.doubles("target_energy_budget_J")
            let bandwidth = try reader.doubles("target_bandwidth_mbps")
            guard energy.count == latency.count, bandwidth.count == latency.count else {
                throw SearchError.file(path: path, detail: "the target attributes have different lengths")
            }
            let targets = latency.indices.map {
                SearchTarget(
                    latencyBudgetSeconds: latency[$0], energyBudgetJoules: energy[$0].isNaN ? nil : energy[$0],
                    bandwidthMbps: bandwidth[$0])
            }
            guard let strategy = SearchStrategy(rawValue: try reader.string("strategy")),
                let ranking = SearchRanking(rawValue: try reader.string("ranking"))
            else { throw SearchError.file(path: path, detail: "unknown strategy or ranking attribute") }
            let options = SearchOptions(
                samples: try reader.int("samples"), generations: try reader.int("generations"),
                children: try reader.int("children"), parents: try reader.int("parents"),
                crossoverRate: try reader.double("crossover_rate"), strategy: strategy, ranking: ranking,
                seed: UInt64(bitPattern: Int64(try reader.int("seed"))))
            let words = try reader.ints("generator_state").map { UInt64(bitPattern: Int64($0)) }
            guard let generator = SeededGenerator(state: words) else {
                throw SearchError.file(path: path, detail: "generator_state must hold 4 words, not \(words.count)")
            }
            let counters = SearchCounters(
                costCalls: try reader.int("cost_calls"), accuracyCalls: try reader.int("accuracy_calls"),
                candidates: try reader.int("candidates"))
            let designs = try reader.designs(
                count: try reader.int("design_count"), targets: targets.count, space: space)
            return try SearchState(
                space: space, targets: targets, options: options, generator: generator,
                nextGeneration: try reader.int("next_generation"), designs: designs, counters: counters)
        }
    }
}
