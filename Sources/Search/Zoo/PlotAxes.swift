import Foundation

/// The axes of a plot: maps data to SVG coordinates and draws the frame, ticks and labels.
///
/// x is logarithmic when its range spans more than a factor of 20, linear otherwise; both ranges are
/// padded by 5 % so points do not sit on the frame.
struct PlotAxes {
    /// The x data range after padding (log10 values when logarithmic).
    let x: (Double, Double)
    /// The y data range after padding.
    let y: (Double, Double)
    /// The frame in SVG units: left, right, bottom (larger y), top.
    let frame: (Double, Double, Double, Double)
    /// Whether x is logarithmic.
    let logarithmic: Bool

    /// Axes over `xRange` × `yRange` drawn into `frame` (left, right, bottom, top).
    init(xRange: (Double, Double), yRange: (Double, Double), frame: (Double, Double, Double, Double)) {
        logarithmic = xRange.0 > 0 && xRange.1 / xRange.0 > 20
        let low = logarithmic ? log10(xRange.0) : xRange.0
        let high = logarithmic ? log10(xRange.1) : xRange.1
        let xPad = max((high - low) * 0.05, logarithmic ? 0.05 : max(abs(high) * 0.05, 1e-6))
        let yPad = max((yRange.1 - yRange.0) * 0.05, 1)
        x = (low - xPad, high + xPad)
        y = (yRange.0 - yPad, yRange.1 + yPad)
        self.frame = frame
    }

    /// The SVG position of the data point (xValue, yValue).
    func position(_ xValue: Double, _ yValue: Double) -> (Double, Double) {
        let u = logarithmic ? log10(max(xValue, 1e-12)) : xValue
        let px = frame.0 + (u - x.0) / (x.1 - x.0) * (frame.1 - frame.0)
        let py = frame.2 - (yValue - y.0) / (y.1 - y.0) * (frame.2 - frame.3)
        return (px, py)
    }

    /// About five round tick values covering `low…high`.
    static func ticks(_ low: Double, _ high: Double) -> [Double] {
        let span = max(high - low, 1e-12)
        let raw = span / 5
        let magnitude = pow(10, floor(log10(raw)))
        let step = [1.0, 2, 5, 10].map { $0 * magnitude }.first { $0 >= raw } ?? 10 * magnitude
        var values: [Double] = []
        var v = ceil(low / step) * step
        while v <= high + step * 1e-9 {
            values.append(v)
            v += step
        }
        return values
    }

    /// The frame, the ticks with their labels and the two axis labels.
    func svg(xLabel: String, yLabel: String) -> String {
        let (left, right, bottom, top) = frame
        var out = "<rect x=\"\(f(left))\" y=\"\(f(top))\" width=\"\(f(right - left))\" height=\"\(f(bottom - top))\" "
        out += "fill=\"none\" stroke=\"#444\"/>\n"
        let xTicks: [(Double, String)]
        if logarithmic {
            let decades = Array(Int(ceil(x.0))...max(Int(ceil(x.0)), Int(floor(x.1))))
            xTicks = decades.map { (pow(10, Double($0)), PlotAxes.label(pow(10, Double($0)))) }
        } else {
            xTicks = PlotAxes.ticks(x.0, x.1).map { ($0, PlotAxes.label($0)) }
        }
        for (value, text) in xTicks {
            let px = position(value, y.0).0
            guard px >= left - 0.5 && px <= right + 0.5 else { continue }
            out += "<line x1=\"\(f(px))\" y1=\"\(f(bottom))\" x2=\"\(f(px))\" y2=\"\(f(bottom + 5))\" stroke=\"#444\"/>"
            out += "<text x=\"\(f(px))\" y=\"\(f(bottom + 18))\" text-anchor=\"middle\">\(escape(text))</text>\n"
        }
        for value in PlotAxes.ticks(y.0, y.1) {
            let py = position(logarithmic ? pow(10, x.0) : x.0, value).1
            out += "<line x1=\"\(f(left - 5))\" y1=\"\(f(py))\" x2=\"\(f(left))\" y2=\"\(f(py))\" stroke=\"#444\"/>"
            out +=
                "<text x=\"\(f(left - 8))\" y=\"\(f(py + 4))\" text-anchor=\"end\">\(escape(PlotAxes.label(value)))</text>\n"
        }
        out +=
            "<text x=\"\(f((left + right) / 2))\" y=\"\(f(bottom + 40))\" text-anchor=\"middle\">\(escape(xLabel))</text>\n"
        out += "<text transform=\"translate(\(f(left - 48)),\(f((top + bottom) / 2))) rotate(-90)\" "
        out += "text-anchor=\"middle\">\(escape(yLabel))</text>\n"
        return out
    }

    /// A tick label: up to three significant decimals, no trailing zeros.
    static func label(_ value: Double) -> String {
        let text = String(format: "%.3g", value)
        return text == "-0" ? "0" : text
    }
}
