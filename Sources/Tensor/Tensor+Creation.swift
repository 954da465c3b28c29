extension Tensor {
    /// Creates a tensor of the given shape whose element at flat (row-major) index `i` is `element(i)`.
    public init(shape: [Int], _ element: (Int) throws -> Float) rethrows {
        let count = shape.reduce(1, *)
        var values = [Float]()
        values.reserveCapacity(count)
        for i in 0..<count { values.append(try element(i)) }
        self.init(shape: shape, scalars: values)
    }

    /// A tensor of independent normal samples with the given mean and standard deviation, drawn in row-major
    /// order from `generator` (one `nextNormal()` per element, so the same seed gives the same tensor).
    public static func randomNormal(
        _ shape: [Int], mean: Float = 0, standardDeviation: Float = 1, generator: inout SeededGenerator
    ) -> Tensor {
        let count = shape.reduce(1, *)
        var values = [Float]()
        values.reserveCapacity(count)
        for _ in 0..<count { values.append(mean + standardDeviation * generator.nextNormal()) }
        return Tensor(shape: shape, scalars: values)
    }

    /// A tensor of independent uniform samples in `[lower, upper)`, drawn in row-major order from `generator`.
    public static func randomUniform(
        _ shape: [Int], lower: Float = 0, upper: Float = 1, generator: inout SeededGenerator
    ) -> Tensor {
        let count = shape.reduce(1, *)
        var values = [Float]()
        values.reserveCapacity(count)
        for _ in 0..<count { values.append(lower + (upper - lower) * generator.nextUniform()) }
        return Tensor(shape: shape, scalars: values)
    }

    /// Kaiming (He) normal initialisation for a layer followed by a (leaky) ReLU: normal samples with mean 0
    /// and standard deviation `gain / sqrt(fanIn)`, where `gain = sqrt(2 / (1 + slope²))` (slope 0 = ReLU).
    /// For a weight of shape `[Cin, Cout]` pass `fanIn: Cin`.
    public static func kaimingNormal(
        _ shape: [Int], fanIn: Int, negativeSlope: Float = 0, generator: inout SeededGenerator
    ) -> Tensor {
        precondition(fanIn > 0, "kaimingNormal needs a positive fanIn, got \(fanIn)")
        let gain = (2 / (1 + negativeSlope * negativeSlope)).squareRoot()
        let std = gain / Float(fanIn).squareRoot()
        return randomNormal(shape, mean: 0, standardDeviation: std, generator: &generator)
    }

    /// A tensor of ones with the given shape.
    public static func ones(_ shape: [Int]) -> Tensor { Tensor(shape: shape, repeating: 1) }
}
