import GNN
import Design
import Testing

/// Paper space: P = 1024, k = 20, 40 classes. Features f32 [1024, 3] = 12 288 B, edge list i32 [1024, 20]
/// = 81 920 B, features [1024, 64] = 262 144 B, logits 40 × 4 = 160 B.
struct LinkCase: Sendable, CustomStringConvertible {
    let text: String
    let float16: Bool
    let crossings: [[Int]]  // bytes of each payload, per crossing in order
    var description: String { text }
}

let idTail = " | id | id | id | id | id | id | id"

let linkCases: [LinkCase] = [
    // Device builds the graph, the edge aggregates first: features + edge list; logits come back.
    .init(
        text: "knn | comm | agg(edgeconv,max) | combine(64) | pool(max)" + idTail, float16: false,
        crossings: [[12_288, 81_920], [160]]),
    // Same with float16 features: the edge list stays int32.
    .init(
        text: "knn | comm | agg(edgeconv,max) | combine(64) | pool(max)" + idTail, float16: true,
        crossings: [[6_144, 81_920], [160]]),
    // The edge builds its own graph before aggregating: no edge list.
    .init(
        text: "knn | comm | knn | agg(edgeconv,max) | pool(max)" + idTail, float16: false,
        crossings: [[12_288], [160]]),
    // DED: the edge only combines; the device still holds its graph when it comes back: no edge list.
    .init(
        text: "knn | comm | combine(64) | comm | agg(rel,max) | pool(max) | id | id | id | id | id | id",
        float16: false,
        crossings: [[12_288], [262_144]]),
    // E: the raw input goes; head on the edge.
    .init(
        text: "comm | knn | agg(rel,max) | pool(max+mean)" + idTail + " | id", float16: false,
        crossings: [[12_288], [160]]),
    // ED: the edge's graph is needed by the device's aggregate.
    .init(
        text: "comm | knn | comm | agg(rel,max) | pool(max)" + idTail, float16: false,
        crossings: [[12_288], [12_288, 81_920]]),
    // After the pool only a vector crosses: width 3 → edgeconv 6 → max+sum 12 → 48 B.
    .init(
        text: "knn | agg(edgeconv,max) | pool(max+sum) | comm" + idTail + " | id", float16: false,
        crossings: [[48], [160]]),
    // Device only: nothing crosses.
    .init(text: "knn | agg(edgeconv,max) | pool(max)" + idTail + " | id | id", float16: false, crossings: []),
]

@Test(arguments: linkCases)
func linkPayloadsMatchHandComputedBytes(_ example: LinkCase) throws {
    var space = DesignSpace.paper
    space.float16Link = example.float16
    let mapping = try Architecture.parse(example.text, in: space).mapping(in: space)
    #expect(mapping.crossings.map { $0.payloads.map(\.bytes) } == example.crossings)
    #expect(mapping.linkBytes == example.crossings.joined().reduce(0, +))
}

@Test func crossingsNameTheirPositionsSidesAndKinds() throws {
    let mapping = try Architecture.parse("comm | knn | comm | agg(rel,max) | pool(max)" + idTail, in: .paper)
        .mapping(in: .paper)
    #expect(mapping.crossings.map(\.position) == [0, 2])
    #expect(mapping.crossings.map(\.from) == [.device, .edge])
    #expect(
        mapping.crossings[1].payloads == [
            .features(rows: 1024, width: 3, scalarBytes: 4), .edgeList(rows: 1024, k: 20),
        ])
    #expect(mapping.bytesSent(from: .device) == 12_288)
    #expect(mapping.bytesSent(from: .edge) == 12_288 + 81_920)
    #expect(mapping.steps[3].graphFrom == 1)
}

/// Small space: P = 64, k = 4, head 32-16, 10 classes. Hand-counted with CostModel's conventions:
/// knn 3·64²·3 + 64² = 40 960; agg(edgeconv,max) 64·4·(3 + 6) = 2 304; combine 6→16 2·64·6·16 + 3·64·16 =
/// 15 360 (params 6·16 + 2·16 = 128); pool(max+mean) on 16: 64·16 + 64·16 + 16 = 2 064 plus its BatchNorm on
/// 32 as scale+shift 2·32 = 64 (params γ, β: 64), 2 128 in all; head 32→32→16→10:
/// (2·32·32 + 96) + (2·32·16 + 48) + (2·16·10 + 10) = 3 546 FLOPs, (1 024 + 64) + (512 + 32) + (160 + 10) =
/// 1 802 params.
@Test func flopsAndParametersPerSideMatchHandCounts() throws {
    let arch = try Architecture.parse("knn | agg(edgeconv,max) | combine(16) | pool(max+mean) | comm | id", in: .small)
    let mapping = try arch.mapping(in: .small)
    #expect(mapping.steps.map(\.flops) == [40_960, 2_304, 15_360, 2_128, 0, 0])
    #expect(mapping.widths == [3, 6, 16, 32, 32, 32])
    #expect(mapping.head.widths == [32, 32, 16, 10])
    #expect(mapping.cost(on: .device) == SideCost(flops: 60_752, parameters: 192))
    #expect(mapping.cost(on: .edge) == SideCost(flops: 3_546, parameters: 1_802))
    #expect(mapping.steps.map(\.side) == [.device, .device, .device, .device, .device, .edge])
    #expect(mapping.crossings.map(\.bytes) == [128, 40])
}

@Test func byteCountsPrintInBinaryUnits() {
    #expect(ByteCount(160).description == "160 B")
    #expect(ByteCount(12_288).description == "12.0 KiB")
    #expect(ByteCount(94_208).description == "92.0 KiB")
    #expect(ByteCount(3 * 1024 * 1024 / 2).description == "1.5 MiB")
}
