import Foundation
import Tensor

/// A point drawn for comparison on a zoo's plot (DGCNN, PointNet, the best DGCNN split).
public struct ReferencePoint: Sendable, Hashable {
    /// The label drawn next to it.
    public var name: String
    /// Accuracy as a fraction in [0, 1].
    public var accuracy: Double
    /// Latency per sample, in seconds.
    public var latencySeconds: Double
    /// Whether the latency was measured in the engine (else it was given).
    public var measured: Bool

    /// A reference point `name` at `accuracy` (fraction) and `latencySeconds` s, `measured` in the engine or
    /// given.
    public init(name: String, accuracy: Double, latencySeconds: Double, measured: Bool = false) {
        self.name = name
        self.accuracy = accuracy
        self.latencySeconds = latencySeconds
        self.measured = measured
    }
}

/// An SVG scatter plot of a zoo: x = latency per sample (ms; logarithmic when the range spans more than a
/// factor of 20), y = accuracy (%); each bandwidth's Pareto front as a coloured step line with dots at its
/// predicted latency, the chosen designs (best per target) ringed at their predicted latency and labelled
/// with their member name, and, when measured, a square at their engine-measured latency joined to the ring;
/// reference points as labelled black diamonds. The legend says which latency each mark uses. Chosen designs
/// are ranked by the search's ranking (by default the inherited loss), so they need not lie on the accuracy
/// front.
public struct ParetoPlot: Sendable {
    /// The zoo drawn.
    public var zoo: Zoo
    /// Extra points drawn for comparison.
    public var references: [ReferencePoint]
    /// The title at the top.
    public var title: String
    /// Engine-measured latency per sample in seconds, by member name (drawn as squares).
    public var measured: [String: Double]

    /// A plot of `zoo` with `references` and the members' `measured` latencies.
    public init(
        zoo: Zoo, references: [ReferencePoint] = [], measured: [String: Double] = [:],
        title: String = "Tandem zoo: accuracy × latency"
    ) {
        self.zoo = zoo
        self.references = references
        self.measured = measured
        self.title = title
    }

    /// The chosen designs with a measured latency, with it.
    var measuredMembers: [(member: ZooMember, latencySeconds: Double)] {
        zoo.members.compactMap { member in measured[member.name].map { (member, $0) } }
    }

    /// The plot's size and margins, in SVG units.
    static let (width, height, left, right, top, bottom) = (800.0, 480.0, 70.0, 210.0, 40.0, 55.0)
    /// The series colours, one per bandwidth in order.
    static let colours = ["#1f77b4", "#d62728", "#2ca02c", "#9467bd", "#ff7f0e", "#8c564b"]

    /// Writes the SVG to `path` atomically.
    public func write(to path: String) throws(SearchError) {
        do {
            try AtomicFile.write(svg, to: path)
        } catch {
            throw .file(path: error.path, detail: error.problem)
        }
    }

    /// The SVG document.
    public var svg: String {
        let points =
            (zoo.front + zoo.members).map { ($0.cost.latencySeconds * 1e3, $0.score.accuracy * 100) }
            + references.map { ($0.latencySeconds * 1e3, $0.accuracy * 100) }
            + measuredMembers.map { ($0.latencySeconds * 1e3, $0.member.score.accuracy * 100) }
        let xs = points.map(\.0).filter { $0.isFinite && $0 > 0 }
        let ys = points.map(\.1).filter(\.isFinite)
        let axis = PlotAxes(
            xRange: (xs.min() ?? 1, xs.max() ?? 10), yRange: (ys.min() ?? 0, ys.max() ?? 100),
            frame: (Self.left, Self.width - Self.right, Self.height - Self.bottom, Self.top))
        var out = """
            <?xml version="1.0" encoding="UTF-8"?>
            <svg xmlns="http://www.w3.org/2000/svg" width="\(Int(Self.width))" height="\(Int(Self.height))" \
            viewBox="0 0 \(Int(Self.width)) \(Int(Self.height))" font-family="sans-serif" font-size="12">
            <rect width="100%" height="100%" fill="white"/>
            <text x="\(f(Self.width / 2))" y="22" text-anchor="middle" font-size="15">\(escape(title))</text>

            """
        let onlyPredicted = measured.isEmpty && !references.contains(where: \.measured)
        out += axis.svg(
            xLabel: onlyPredicted ? "predicted latency per sample (ms)" : "latency per sample (ms), see the legend",
            yLabel: "accuracy (%)")
        var bandwidths: [Double] = []
        for member in zoo.front where !bandwidths.contains(member.bandwidthMbps) {
            bandwidths.append(member.bandwidthMbps)
        }
        for (series, bandwidth) in bandwidths.enumerated() {
            let colour = Self.colours[series % Self.colours.count]
            let front = zoo.front.filter { $0.bandwidthMbps == bandwidth }
                .map { axis.position($0.cost.latencySeconds * 1e3, $0.score.accuracy * 100) }
            var path = ""
            for (i, p) in front.enumerated() {
                path += i == 0 ? "M\(f(p.0)),\(f(p.1))" : " H\(f(p.0)) V\(f(p.1))"
            }
            out += "<path d=\"\(path)\" fill=\"none\" stroke=\"\(colour)\" stroke-width=\"1.5\"/>\n"
            for p in front { out += "<circle cx=\"\(f(p.0))\" cy=\"\(f(p.1))\" r=\"3\" fill=\"\(colour)\"/>\n" }
            let legendY = Self.top + 20 + Double(series) * 18
            let legendX = Self.width - Self.right + 15
            out += "<circle cx=\"\(f(legendX))\" cy=\"\(f(legendY - 4))\" r=\"4\" fill=\"\(colour)\"/>"
            out += "<text x=\"\(f(legendX + 10))\" y=\"\(f(legendY))\">front @ "
            out += "\(escape(SearchTarget.compact(bandwidth))) Mbit/s, predicted</text>\n"
        }
        for (index, member) in zoo.members.enumerated() {
            // Labels of nearby members are staggered vertically so that they stay readable.
            let p = axis.position(member.cost.latencySeconds * 1e3, member.score.accuracy * 100)
            let labelY = p.1 - 8 - Double(index % 3) * 12
            out +=
                "<circle cx=\"\(f(p.0))\" cy=\"\(f(p.1))\" r=\"7\" fill=\"none\" stroke=\"black\" stroke-width=\"1.5\"/>"
            out += "<text x=\"\(f(p.0 + 9))\" y=\"\(f(labelY))\" font-size=\"10\">\(escape(member.name))</text>\n"
        }
        for (member, latency) in measuredMembers {
            let ring = axis.position(member.cost.latencySeconds * 1e3, member.score.accuracy * 100)
            let p = axis.position(latency * 1e3, member.score.accuracy * 100)
            out +=
                "<path d=\"M\(f(ring.0)),\(f(ring.1)) L\(f(p.0)),\(f(p.1))\" stroke=\"gray\" stroke-dasharray=\"3,2\"/>"
            out += "<rect x=\"\(f(p.0 - 4))\" y=\"\(f(p.1 - 4))\" width=\"8\" height=\"8\" fill=\"none\" "
            out += "stroke=\"black\" stroke-width=\"1.5\"/>\n"
        }
        for (index, reference) in references.enumerated() {
            // Labels right of the middle end at their point, and nearby labels are staggered vertically.
            let p = axis.position(reference.latencySeconds * 1e3, reference.accuracy * 100)
            let leftward = p.0 > (Self.left + Self.width - Self.right) / 2
            let labelY = p.1 + 4 - Double(index % 3) * 12
            out += "<path d=\"M\(f(p.0)),\(f(p.1 - 6)) l6,6 l-6,6 l-6,-6 z\" fill=\"black\"/>"
            out += "<text x=\"\(f(leftward ? p.0 - 9 : p.0 + 9))\" y=\"\(f(labelY))\" font-size=\"10\""
            out += leftward ? " text-anchor=\"end\">" : ">"
            out += "\(escape(reference.name))</text>\n"
        }
        let keyY = Self.top + 20 + Double(bandwidths.count) * 18
        out += "<circle cx=\"\(f(Self.width - Self.right + 15))\" cy=\"\(f(keyY - 4))\" r=\"6\" fill=\"none\" "
        out += "stroke=\"black\"/><text x=\"\(f(Self.width - Self.right + 25))\" y=\"\(f(keyY))\">"
        out += "chosen, predicted</text>\n"
        var nextY = keyY + 18
        if !measured.isEmpty {
            out += "<rect x=\"\(f(Self.width - Self.right + 11))\" y=\"\(f(nextY - 8))\" width=\"8\" height=\"8\" "
            out += "fill=\"none\" stroke=\"black\"/><text x=\"\(f(Self.width - Self.right + 25))\" y=\"\(f(nextY))\">"
            out += "chosen, measured (engine)</text>\n"
            nextY += 18
        }
        if !references.isEmpty {
            let kinds = Set(references.map(\.measured))
            let how = kinds == [true] ? "measured (engine)" : kinds == [false] ? "as given" : "measured or given"
            out +=
                "<path d=\"M\(f(Self.width - Self.right + 15)),\(f(nextY - 10)) l5,5 l-5,5 l-5,-5 z\" fill=\"black\"/>"
            out += "<text x=\"\(f(Self.width - Self.right + 25))\" y=\"\(f(nextY))\">reference, \(how)</text>\n"
        }
        return out + "</svg>\n"
    }
}

/// `x` with two decimals, for SVG coordinates.
func f(_ x: Double) -> String { String(format: "%.2f", x.isFinite ? x : 0) }

/// `text` with the XML special characters escaped.
func escape(_ text: String) -> String {
    var out = ""
    for c in text {
        switch c {
        case "&": out += "&amp;"
        case "<": out += "&lt;"
        case ">": out += "&gt;"
        case "\"": out += "&quot;"
        case "'": out += "&apos;"
        default: out.append(c)
        }
    }
    return out
}
