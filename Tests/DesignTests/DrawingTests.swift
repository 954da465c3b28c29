import GNN
@testable import Design
import Testing

/// Pins what `show` prints for a small DE architecture (P 64, k 4, head 32-16-10): the edge list goes with
/// the features because the edge aggregates first (64·3·4 = 768 B + 64·4·4 = 1 KiB), logits come back.
@Test func showDrawsLanesCrossingsAndTotals() throws {
    let arch = try Architecture.parse("knn | comm | agg(edgeconv,max) | combine(16) | pool(max+mean) | id", in: .small)
    let drawing = try arch.mapping(in: .small).drawing
    let expected = """
        knn | comm | agg(edgeconv,max) | combine(16) | pool(max+mean) | id
        3 5 2 1 4 0,0 0 6 1 3 0
        mode DE · space small · P 64 · k 4 · link float32

         pos  device                 edge                         width     FLOPs    params
        ───────────────────────────────────────────────────────────────────────────────────
           0  knn                                                     3    41.0 K
           1  comm ═══▶                                               3         0
              ⇄ device ══▶ edge: features [64, 3] f32 768 B + edges [64, 4] i32 1.0 KiB
           2                         agg(edgeconv,max)              3→6     2.3 K
           3                         combine(16)                   6→16    15.4 K       128
           4                         pool(max+mean)               16→32     2.1 K        64
           5                         id                              32         0
        head                         fc 32→32→16→10               32→10     3.5 K     1.8 K
              ⇄ edge ══▶ device: logits [10] f32 40 B

        side         FLOPs    params       sends
        device      41.0 K         0     1.8 KiB
        edge        23.3 K     2.0 K        40 B
        link: 1.8 KiB per sample in 2 crossings
        """
    #expect(drawing == expected)
}

@Test func summaryLineStartsWithTheMode() throws {
    let arch = try Architecture.parse("knn | comm | agg(edgeconv,max) | combine(16) | pool(max+mean) | id", in: .small)
    let line = try arch.mapping(in: .small).summary
    #expect(line.hasPrefix("DE"))
    #expect(line.hasSuffix(arch.text))
}

@Test func largeCountsUseTheirSIPrefix() {
    #expect(Formatting.si(2_900_000_000_000_000_000) == "2.90 E")
    #expect(Formatting.si(290_000_007_800_000_000) == "290.00 P")
    #expect(Formatting.si(2_900_000_000_000) == "2.90 T")
    #expect(Formatting.si(2_900_000_000) == "2.90 G")
}
