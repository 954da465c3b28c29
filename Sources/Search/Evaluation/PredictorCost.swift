import Design
import Predictor
import Systems
import Tensor

/// A trained GIN latency predictor (`Predictor.PredictorModel`) as a search cost model, with node costs
/// from the cost table it was trained with (`NodeCosts.lookup`).
///
/// Energy comes from a second GIN trained on energy when one is given; otherwise from the LUT estimate of
/// the same table (`LUTCost`), which `name` says. The LUT estimate also runs first on every mapping so a
/// table lacking an op throws naming it (the GIN would silently cost it 0).
public struct PredictorCost: CostEvaluator {
    /// The latency predictor.
    public var latency: PredictorModel
    /// The energy predictor, or nil to take the LUT estimate's energy.
    public var energy: PredictorModel?
    /// The table the predictors' node costs come from.
    public var table: CostTable
    /// The thread budget of the GIN's kernels.
    public var threads: ThreadBudget

    /// A cost model from a latency predictor (and an energy one), its table and a thread budget; throws when
    /// the predictors' targets are not latency and energy.
    public init(
        latency: PredictorModel, energy: PredictorModel? = nil, table: CostTable, threads: ThreadBudget
    ) throws(SearchError) {
        guard latency.target == .latency else {
            throw .invalidOption(detail: "the latency predictor predicts \(latency.target); train one on latency")
        }
        if let energy, energy.target != .energy {
            throw .invalidOption(detail: "the energy predictor predicts \(energy.target); train one on energy")
        }
        self.latency = latency
        self.energy = energy
        self.table = table
        self.threads = threads
    }

    /// `gin(latency, energy from lut(pi-i7, space s))` or `gin(latency, energy)`.
    public var name: String {
        "gin(latency, energy" + (energy == nil ? " from \(LUTCost(table: table).name))" : ")")
    }

    /// The GIN latency (and energy) of `mapping` at `bandwidthMbps` Mbit/s.
    public func cost(of mapping: Mapping, bandwidthMbps: Double) throws -> CostEstimate {
        let lut = try LUTCost(table: table).cost(of: mapping, bandwidthMbps: bandwidthMbps)
        let costs = NodeCosts.lookup(table)
        let seconds = try latency.predict(mapping, costs: costs, megabitsPerSecond: bandwidthMbps, threads: threads)
        var joules = lut.deviceEnergyJoules
        if let energy {
            joules = try energy.predict(mapping, costs: costs, megabitsPerSecond: bandwidthMbps, threads: threads)
        }
        return CostEstimate(latencySeconds: seconds, deviceEnergyJoules: joules)
    }
}
