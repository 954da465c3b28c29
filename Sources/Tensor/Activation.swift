/// Leaky ReLU: `x` where `x > 0`, else `slope · x` (slope 0 gives ReLU). Exact per element.
public func leakyReLU(_ x: Tensor, slope: Float) -> Tensor {
    x.map { $0 > 0 ? $0 : slope * $0 }
}

/// The gradient of `leakyReLU` with respect to its input: `grad` where `input > 0`, else `slope · grad`.
/// `input` is the forward input (or output: their signs agree for `slope > 0`); shapes must be equal.
public func leakyReLUBackward(_ grad: Tensor, input: Tensor, slope: Float) -> Tensor {
    grad.zipped(with: input) { g, x in x > 0 ? g : slope * g }
}
