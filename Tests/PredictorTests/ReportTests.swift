import Foundation
import Testing

#if canImport(FoundationXML)
    import FoundationXML
#endif

@testable import Predictor

/// Counts elements and checks that the document parses.
private final class SVGCounter: NSObject, XMLParserDelegate {
    var circles: [String: Int] = [:]
    var polygons = 0
    var texts = 0

    func parser(
        _ parser: XMLParser, didStartElement element: String, namespaceURI: String?, qualifiedName: String?,
        attributes: [String: String] = [:]
    ) {
        if element == "circle" { circles[attributes["class"] ?? "", default: 0] += 1 }
        if element == "polygon" && attributes["class"] == "band" { polygons += 1 }
        if element == "text" { texts += 1 }
    }
}

private func report() throws -> EvaluationReport {
    let measured = [0.012, 0.030, 0.0085, 0.120, 0.047]
    return try EvaluationReport(
        target: .latency, title: "5 held-out <test> architectures", measured: measured,
        gin: measured.map { $0 * 1.03 }, baseline: measured.map { $0 * 0.7 })
}

@Test(arguments: [true, false])
func scatterSVGIsWellFormedXMLWithEveryPointAndTheBand(logarithmic: Bool) throws {
    let report = try report()
    let directory = try temporaryDirectory()
    defer { try? FileManager.default.removeItem(atPath: directory) }
    let path = directory + "/scatter.svg"
    try report.writeSVG(to: path, logarithmic: logarithmic)
    let parser = try #require(XMLParser(contentsOf: URL(fileURLWithPath: path)))
    let counter = SVGCounter()
    parser.delegate = counter
    #expect(parser.parse(), "\(parser.parserError.map { "\($0)" } ?? "")")
    #expect(counter.circles["gin"] == 5 && counter.circles["baseline"] == 5)
    #expect(counter.polygons == 1)
    let text = try String(contentsOfFile: path, encoding: .utf8)
    #expect(text.contains("measured latency (ms"))
    #expect(text.contains("&lt;test&gt;"))
}

@Test func reportTableShowsBothPredictorsMetrics() throws {
    let table = try report().table
    let lines = table.split(separator: "\n").map(String.init)
    #expect(lines.count == 5)
    // GIN: every prediction 3 % high → MAPE 3.0 %, all within ±10 %; LUT 30 % low → 30.0 %, none within ±20 %.
    #expect(lines[3].hasPrefix("LUT estimate") && lines[3].contains("30.0 %") && lines[3].contains("0.0 %"))
    #expect(lines[4].hasPrefix("GIN") && lines[4].contains("3.0 %") && lines[4].contains("100.0 %"))
    #expect(lines[4].hasSuffix("1.000"))
}

@Test func reportRejectsMisalignedLists() {
    #expect(throws: PredictorError.self) {
        try EvaluationReport(target: .energy, title: "x", measured: [1, 2], gin: [1], baseline: [1, 2])
    }
}
