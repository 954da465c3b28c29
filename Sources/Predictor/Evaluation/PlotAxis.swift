import Foundation

/// One axis of the scatter plot: its range, the map from a value to [0, 1], and its ticks.
struct PlotAxis {
    /// The smallest value shown.
    var lower: Double
    /// The largest value shown.
    var upper: Double
    /// Whether positions are log₁₀.
    var logarithmic: Bool

    /// An axis covering `values` with a margin: log axes span whole decades around them (or a decade more
    /// when all are equal); linear axes run from 0 to a 1-2-5 step above the largest value.
    init(values: [Double], logarithmic: Bool) {
        self.logarithmic = logarithmic
        let smallest = values.min() ?? 1
        let largest = values.max() ?? 1
        if logarithmic {
            let low = smallest > 0 ? smallest : 1
            let high = max(largest, low)
            lower = pow(10, floor(log10(low)))
            upper = pow(10, ceil(log10(high)))
            if upper <= lower { upper = lower * 10 }
        } else {
            lower = min(0, smallest)
            let step = PlotAxis.niceStep((max(largest, lower + 1e-12) - lower) / 5)
            upper = lower + step * ceil((max(largest, lower + step) - lower) / step)
        }
    }

    /// Whether `value` can be drawn.
    func contains(_ value: Double) -> Bool {
        value.isFinite && value >= lower && value <= upper && (!logarithmic || value > 0)
    }

    /// The position of `value` from 0 (lower) to 1 (upper).
    func position(_ value: Double) -> Double {
        logarithmic
            ? (log10(value) - log10(lower)) / (log10(upper) - log10(lower)) : (value - lower) / (upper - lower)
    }

    /// The tick values.
    var ticks: [Double] {
        if logarithmic {
            let decades = Int((log10(upper) - log10(lower)).rounded())
            var result: [Double] = []
            for d in 0...decades {
                let base = lower * pow(10, Double(d))
                result.append(base)
                if decades < 3 && d < decades { result += [2 * base, 5 * base] }
            }
            return result
        }
        let step = PlotAxis.niceStep((upper - lower) / 5)
        return stride(from: lower, through: upper + step / 2, by: step).map { $0 }
    }

    /// A tick's label, with as few digits as it needs (`0.01`, `2`, `500`).
    func label(_ value: Double) -> String {
        if value == 0 { return "0" }
        let digits = max(0, Int(-floor(log10(abs(value)))))
        return String(format: "%.\(digits)f", value)
    }

    /// The 1-2-5 step at or above `raw`.
    static func niceStep(_ raw: Double) -> Double {
        guard raw > 0, raw.isFinite else { return 1 }
        let magnitude = pow(10, floor(log10(raw)))
        for factor in [1.0, 2, 5, 10] where factor * magnitude >= raw { return factor * magnitude }
        return 10 * magnitude
    }
}
