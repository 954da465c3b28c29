import Predictor
import Systems

/// A trained predictor in the session, with the cost table its node costs come from.
public struct PredictorValue: Sendable, Equatable {
    /// The GIN model (target, normalisation, weights).
    public var model: PredictorModel
    /// The lookup table that fills the graphs' node costs (the same at training and prediction).
    public var table: CostTable
    /// The measurement it was trained on, as the session named it.
    public var trainedOn: String
    /// The epoch whose weights were kept, and its validation MAPE.
    public var bestEpoch: Int
    /// The validation MAPE of that epoch.
    public var validationMAPE: Double
    /// The bandwidths of the training measurement (Mbit/s).
    public var trainedBandwidths: [Double]

    /// A value from its parts.
    public init(
        model: PredictorModel, table: CostTable, trainedOn: String, bestEpoch: Int, validationMAPE: Double,
        trainedBandwidths: [Double]
    ) {
        self.model = model
        self.table = table
        self.trainedOn = trainedOn
        self.bestEpoch = bestEpoch
        self.validationMAPE = validationMAPE
        self.trainedBandwidths = trainedBandwidths
    }
}

extension PredictorValue: NamedValue {
    /// "predictor".
    public static var kindName: String { "predictor" }

    /// `latency GIN (residual, 3 members, 3 layers, hidden 64) on pi-i7, trained on m, validation MAPE 4.1 %`
    /// (the members only for an ensemble).
    public var summary: String {
        "\(model.target) GIN (\(model.mode), "
            + (model.otherMembers.isEmpty ? "" : "\(1 + model.otherMembers.count) members, ")
            + "\(model.network.layers) layers, hidden \(model.network.hiddenWidth)) on "
            + "\(table.system.name), trained on \(trainedOn), validation MAPE "
            + NumberFormat.fixed(validationMAPE * 100, 2) + " %"
    }

    /// The summary, the kept epoch, the seed and the cost table.
    public var details: String {
        [
            "  target \(model.target) (\(model.target.unit)), kept epoch \(bestEpoch), seed \(model.seed), trained at "
                + trainedBandwidths.map { Value.format($0) }.joined(separator: ", ") + " Mbit/s",
            "  node costs from the cost table: \(table.summary)",
        ].joined(separator: "\n")
    }
}
