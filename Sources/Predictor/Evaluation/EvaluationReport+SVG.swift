import Foundation
import Tensor

/// The scatter plot of an evaluation: predicted against measured for the GIN and the baseline, the line
/// predicted = measured and the ±10 % band around it, axes with ticks and units.
extension EvaluationReport {
    /// The plot as a standalone SVG document (720 × 500). With `logarithmic`, both axes are log₁₀ with a tick
    /// per decade (and at 2 and 5 within a decade when fewer than three decades are shown); else linear from
    /// 0. Points are `<circle class="gin">` and `<circle class="baseline">`, one per measurement each.
    public func svg(logarithmic: Bool) -> String {
        let (unit, factor) = target.displayUnit
        let all = (measured + gin + baseline).map { $0 * factor }
        let positive = all.filter { $0 > 0 && $0.isFinite }
        let axis = PlotAxis(values: logarithmic ? positive : all.filter(\.isFinite), logarithmic: logarithmic)
        let (left, top, size) = (80.0, 40.0, 400.0)
        func x(_ v: Double) -> Double { left + axis.position(v) * size }
        func y(_ v: Double) -> Double { top + size - axis.position(v) * size }
        func f(_ v: Double) -> String { String(format: "%.2f", v) }
        var out: [String] = []
        out.append(
            #"<?xml version="1.0" encoding="UTF-8"?>"# + "\n"
                + #"<svg xmlns="http://www.w3.org/2000/svg" width="720" height="500" viewBox="0 0 720 500" "#
                + #"font-family="sans-serif" font-size="12">"#)
        out.append(#"<rect x="0" y="0" width="720" height="500" fill="white"/>"#)
        out.append(
            #"<clipPath id="plot"><rect x="\#(f(left))" y="\#(f(top))" width="\#(f(size))" height="\#(f(size))"/></clipPath>"#
        )
        let (lo, hi) = (axis.lower, axis.upper)
        let band = [(lo, lo * 0.9), (hi, hi * 0.9), (hi, hi * 1.1), (lo, lo * 1.1)]
        out.append(
            #"<polygon class="band" clip-path="url(#plot)" fill="rgb(221,232,245)" points=""#
                + band.map { "\(f(x($0.0))),\(f(y($0.1)))" }.joined(separator: " ") + #""/>"#)
        out.append(
            #"<line clip-path="url(#plot)" x1="\#(f(x(lo)))" y1="\#(f(y(lo)))" x2="\#(f(x(hi)))" y2="\#(f(y(hi)))" stroke="rgb(122,138,154)" stroke-dasharray="4 3"/>"#
        )
        out.append(
            #"<rect x="\#(f(left))" y="\#(f(top))" width="\#(f(size))" height="\#(f(size))" fill="none" stroke="black"/>"#
        )
        for tick in axis.ticks {
            let (tx, ty) = (x(tick), y(tick))
            let label = axis.label(tick)
            out.append(
                #"<line x1="\#(f(tx))" y1="\#(f(top + size))" x2="\#(f(tx))" y2="\#(f(top + size + 5))" stroke="black"/>"#
            )
            out.append(#"<text x="\#(f(tx))" y="\#(f(top + size + 18))" text-anchor="middle">\#(label)</text>"#)
            out.append(#"<line x1="\#(f(left - 5))" y1="\#(f(ty))" x2="\#(f(left))" y2="\#(f(ty))" stroke="black"/>"#)
            out.append(#"<text x="\#(f(left - 8))" y="\#(f(ty + 4))" text-anchor="end">\#(label)</text>"#)
        }
        let scale = logarithmic ? "log scale" : "linear scale"
        out.append(
            #"<text x="\#(f(left + size / 2))" y="\#(f(top + size + 40))" text-anchor="middle">measured \#(target) (\#(unit), \#(scale))</text>"#
        )
        out.append(
            #"<text transform="translate(24 \#(f(top + size / 2))) rotate(-90)" text-anchor="middle">predicted \#(target) (\#(unit))</text>"#
        )
        out.append(#"<text x="\#(f(left))" y="24" font-size="14">\#(escaped("\(target): \(title)"))</text>"#)
        let series: [(String, String, [Double])] = [("baseline", "#d95f02", baseline), ("gin", "#1b5e9e", gin)]
        for (name, colour, values) in series {
            out.append(#"<g class="\#(name)" clip-path="url(#plot)" fill="\#(colour)" fill-opacity="0.7">"#)
            for (index, value) in values.enumerated() {
                let (m, p) = (measured[index] * factor, value * factor)
                guard axis.contains(m), axis.contains(p) else { continue }
                out.append(#"<circle class="\#(name)" cx="\#(f(x(m)))" cy="\#(f(y(p)))" r="3"/>"#)
            }
            out.append("</g>")
        }
        let legend: [(String, String)] = [
            ("#1b5e9e", "GIN (MAPE \(String(format: "%.1f", ginMetrics.mape * 100)) %)"),
            ("#d95f02", "LUT estimate (MAPE \(String(format: "%.1f", baselineMetrics.mape * 100)) %)"),
            ("#dde8f5", "±10 % band"),
        ]
        for (index, entry) in legend.enumerated() {
            let ly = top + 10 + Double(index) * 20
            out.append(#"<rect x="\#(f(left + size + 14))" y="\#(f(ly))" width="10" height="10" fill="\#(entry.0)"/>"#)
            out.append(#"<text x="\#(f(left + size + 30))" y="\#(f(ly + 9))">\#(escaped(entry.1))</text>"#)
        }
        out.append("</svg>")
        return out.joined(separator: "\n") + "\n"
    }

    /// Writes `svg(logarithmic:)` to `path` atomically.
    public func writeSVG(to path: String, logarithmic: Bool) throws(PredictorError) {
        do {
            try AtomicFile.write(svg(logarithmic: logarithmic), to: path)
        } catch {
            throw PredictorError(origin: error.path, message: error.problem)
        }
    }

    private func escaped(_ text: String) -> String {
        text.replacingOccurrences(of: "&", with: "&amp;").replacingOccurrences(of: "<", with: "&lt;")
            .replacingOccurrences(of: ">", with: "&gt;")
    }
}
