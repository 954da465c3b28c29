/// What a predictor's network learns: the figure itself, or a correction of a whole-architecture baseline.
///
/// `absolute`: prediction = output × target scale (the mean training target). `residual`: prediction =
/// baseline × target scale × (1 + output), where the baseline is the graph's `baseline(for:)` (the LUT
/// estimate when the node costs come from a cost table) and the target scale is the mean measured / baseline
/// ratio of the training set; the network starts near the baseline (output ≈ 0) and learns how far off it is.
/// MAPE of the prediction equals MAPE of `target scale × (1 + output)` against measured / baseline, so the
/// loss is the same function of the output in both modes. In residual mode the linear feature columns are
/// divided by each graph's baseline latency (shares of the estimate) rather than by the target scale.
public enum PredictorMode: String, Sendable, CaseIterable, Hashable, CustomStringConvertible {
    /// The network predicts the figure divided by the target scale.
    case absolute
    /// The network predicts the relative correction of the baseline.
    case residual

    /// `absolute` or `residual`.
    public var description: String { rawValue }
}
