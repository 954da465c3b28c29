import Testing

@testable import CoInference

/// Known binary16 encodings (IEEE 754-2008 table values).
private let known: [(Float, UInt16)] = [
    (0, 0x0000), (-0.0, 0x8000), (1, 0x3C00), (-2, 0xC000), (0.5, 0x3800), (65504, 0x7BFF),
    (Float(1) / 16384 / 1024, 0x0001),  // 2⁻²⁴, smallest subnormal
    (Float(1) / 16384, 0x0400),  // 2⁻¹⁴, smallest normal
    (0.333251953125, 0x3555), (.infinity, 0x7C00), (-.infinity, 0xFC00),
]

@Test func float16EncodesKnownValues() {
    for (value, bits) in known {
        #expect(Float16Conversion.bits(value) == bits, "\(value)")
        #expect(Float16Conversion.value(bits) == value, "\(bits)")
    }
}

@Test func float16RoundsToNearestAndOverflowsToInfinity() {
    #expect(Float16Conversion.bits(0.1) == 0x2E66)  // 0.0999755859375, the nearest binary16
    #expect(Float16Conversion.bits(1 + 1.0 / 4096) == 0x3C00)  // halfway below ties to even
    #expect(Float16Conversion.bits(70000) == 0x7C00)
    #expect(Float16Conversion.value(0x7E00).isNaN)
}

@Test func float16TensorKeepsThreeSignificantDigits() throws {
    let floats: [Float] = (0..<100).map { Float($0) * 0.37 - 11 }
    let tensor = WireTensor(name: "features", shape: [10, 10], floats: floats, float16: true)
    #expect(tensor.data.count == 200)
    let back = try tensor.floats()
    for (a, b) in zip(floats, back) { #expect(abs(a - b) <= abs(a) * 1e-3 + 1e-4) }
}
