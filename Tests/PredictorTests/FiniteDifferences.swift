import Tensor
import Testing

/// A seeded tensor of normals, scaled.
func randomTensor(_ shape: [Int], seed: UInt64, scale: Float = 1) -> Tensor {
    var g = SeededGenerator(seed: seed)
    let count = shape.reduce(1, *)
    return Tensor(shape: shape, scalars: (0..<count).map { _ in scale * g.nextNormal() })
}

/// Σ r ⊙ y in Float64: a scalar loss whose gradient with respect to y is r.
func weightedSum(_ y: Tensor, _ r: Tensor) -> Double {
    precondition(y.count == r.count, "weightedSum: \(y.shape) vs \(r.shape)")
    var s = 0.0
    for i in 0..<y.count { s += Double(y.scalars[i]) * Double(r.scalars[i]) }
    return s
}

/// Compares `analytic` with central finite differences of `loss` at `x` (step h), element by element
/// (the pattern of Tests/GNNTests/FiniteDifferences.swift): |analytic − numeric| ≤ tolerance · max(1, |numeric|).
func expectGradient(
    _ name: String, at x: Tensor, analytic: Tensor, h: Float = 1e-3, tolerance: Double = 1e-2,
    loss: (Tensor) -> Double, sourceLocation: SourceLocation = #_sourceLocation
) {
    #expect(analytic.count == x.count, "\(name): gradient has \(analytic.count) entries for \(x.count)")
    var worst = 0.0
    var worstIndex = -1
    var worstPair = (0.0, 0.0)
    for i in 0..<min(x.count, analytic.count) {
        var plus = x
        plus.scalars[i] += h
        var minus = x
        minus.scalars[i] -= h
        let numeric = (loss(plus) - loss(minus)) / Double(2 * h)
        let error = abs(Double(analytic.scalars[i]) - numeric) / max(1, abs(numeric))
        if error / tolerance > worst {
            worst = error / tolerance
            worstIndex = i
            worstPair = (Double(analytic.scalars[i]), numeric)
        }
    }
    #expect(
        worst <= 1,
        "\(name): element \(worstIndex) analytic \(worstPair.0) vs numeric \(worstPair.1) (tolerance \(tolerance))",
        sourceLocation: sourceLocation)
}
