import Tensor

/// Initial values for parameters (PyTorch's defaults, so that training behaves like the reference code).
public enum Initializer {
    /// A [fanIn, fanOut] weight drawn uniformly from ±1/√fanIn (PyTorch's Linear/Conv default).
    public static func linearWeight(fanIn: Int, fanOut: Int, generator: inout SeededGenerator) -> Tensor {
        let bound = 1 / Float(max(fanIn, 1)).squareRoot()
        let values = (0..<(fanIn * fanOut)).map { _ in bound * (2 * generator.nextUniform() - 1) }
        return Tensor(shape: [fanIn, fanOut], scalars: values)
    }

    /// A bias of `count` entries drawn uniformly from ±1/√fanIn.
    public static func bias(fanIn: Int, count: Int, generator: inout SeededGenerator) -> Tensor {
        let bound = 1 / Float(max(fanIn, 1)).squareRoot()
        return Tensor(shape: [count], scalars: (0..<count).map { _ in bound * (2 * generator.nextUniform() - 1) })
    }
}
