import Foundation

/// A predictor judged on held-out architectures: the measurements, the GIN's and the baseline's (the LUT
/// estimate's) predictions, and their metrics side by side. `table` is the text `predictor eval` prints,
/// `svg` the scatter plot (`EvaluationReport+SVG.swift`).
public struct EvaluationReport: Sendable, Hashable {
    /// What was predicted.
    public var target: PredictionTarget
    /// What the held-out set is, for titles (e.g. `40 held-out architectures at 40 Mbit/s`).
    public var title: String
    /// The measured figures (seconds or joules).
    public var measured: [Double]
    /// The GIN's predictions, aligned with `measured`.
    public var gin: [Double]
    /// The baseline's predictions (the LUT estimate), aligned with `measured`.
    public var baseline: [Double]
    /// The GIN's metrics.
    public var ginMetrics: PredictionMetrics
    /// The baseline's metrics.
    public var baselineMetrics: PredictionMetrics

    /// A report from aligned lists; throws when their lengths differ or a measurement is not positive.
    public init(target: PredictionTarget, title: String, measured: [Double], gin: [Double], baseline: [Double])
        throws(PredictorError)
    {
        guard gin.count == measured.count, baseline.count == measured.count, !measured.isEmpty else {
            throw PredictorError(
                origin: "predictor eval",
                message: "\(measured.count) measurements, \(gin.count) GIN and \(baseline.count) baseline predictions; "
                    + "they must be equally many and at least one")
        }
        if let bad = measured.firstIndex(where: { !($0 > 0 && $0.isFinite) }) {
            throw PredictorError(
                origin: "predictor eval", message: "measurement \(bad) is \(measured[bad]); it must be positive")
        }
        self.target = target
        self.title = title
        self.measured = measured
        self.gin = gin
        self.baseline = baseline
        ginMetrics = PredictionMetrics(predicted: gin, measured: measured)
        baselineMetrics = PredictionMetrics(predicted: baseline, measured: measured)
    }

    /// The metrics as a text table: one row per predictor (LUT estimate, GIN), columns MAPE, ±10 %, ±20 %,
    /// Kendall τ, under a title line naming the target and the set.
    public var table: String {
        func row(_ name: String, _ m: PredictionMetrics) -> String {
            name.padding(toLength: 14, withPad: " ", startingAt: 0)
                + percent(m.mape).leftPadded(9) + percent(m.within10).leftPadded(9)
                + percent(m.within20).leftPadded(9) + String(format: "%.3f", m.kendallTau).leftPadded(11)
        }
        let header =
            "predictor".padding(toLength: 14, withPad: " ", startingAt: 0) + "MAPE".leftPadded(9)
            + "±10 %".leftPadded(9) + "±20 %".leftPadded(9) + "Kendall τ".leftPadded(11)
        return [
            "\(target) on \(title) (\(measured.count) measured)", header,
            String(repeating: "─", count: header.count), row("LUT estimate", baselineMetrics),
            row("GIN", ginMetrics),
        ].joined(separator: "\n")
    }

    private func percent(_ fraction: Double) -> String { String(format: "%.1f %%", fraction * 100) }
}

extension String {
    /// The string preceded by spaces up to `width` characters.
    func leftPadded(_ width: Int) -> String {
        count >= width ? self : String(repeating: " ", count: width - count) + self
    }
}
