import Tensor

extension PredictorModel {
    /// The model judged on held-out `samples` beside a baseline's predictions for the same samples (the LUT
    /// estimate, from Systems), as an `EvaluationReport` titled `title`.
    public func evaluate(
        _ samples: [PredictorSample], baseline: [Double], title: String, threads: ThreadBudget
    ) throws(PredictorError) -> EvaluationReport {
        try EvaluationReport(
            target: target, title: title, measured: samples.map(\.target),
            gin: predict(samples.map(\.graph), threads: threads), baseline: baseline)
    }
}
