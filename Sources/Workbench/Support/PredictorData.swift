import CoInference
import Design
import Predictor
import Systems

/// The predictor's samples from a measurement: one graph per (architecture, bandwidth) with node costs from
/// a cost table, its measured target, and the LUT estimate of the same (the baseline column).
enum PredictorData {
    /// Samples and LUT figures of every record of `measurement` for `target`; throws when the table was not
    /// profiled on the measurement's system and space, or lacks an op the architectures need.
    static func samples(_ measurement: EngineMeasurement, table: CostTable, target: PredictionTarget) throws -> (
        samples: [PredictorSample], lut: [Double]
    ) {
        let space = measurement.space
        guard table.isProfiled(on: measurement.system, in: space) else {
            throw ProfileError(
                origin: "cost table \(table.summary)",
                message: "was profiled on \(table.system.name) in space '\(table.spaceName)', the measurement is on "
                    + "\(measurement.system.name) in '\(space.name)': profile the measurement's system and space")
        }
        var samples: [PredictorSample] = []
        var lut: [Double] = []
        for record in measurement.records {
            let mapping = try record.architecture.mapping(in: space)
            let graph = try ArchitectureGraph(
                mapping: mapping, costs: .lookup(table), megabitsPerSecond: record.megabitsPerSecond)
            let estimate = try LUTEstimate(
                mapping: mapping, table: table,
                link: LinkProfile(megabitsPerSecond: record.megabitsPerSecond, delay: measurement.system.link.delay))
            samples.append(
                PredictorSample(graph: graph, target: target == .latency ? record.latency : record.energy))
            lut.append(target == .latency ? estimate.latency : estimate.deviceJoules)
        }
        return (samples, lut)
    }
}
