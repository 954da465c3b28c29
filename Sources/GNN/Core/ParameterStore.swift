import Tensor

/// The named tensors of a model: trained parameters and non-trained buffers (BatchNorm running statistics).
///
/// Names are paths such as `edge1/bn/gamma`; the same path is the tensor's location in a model file.
public struct ParameterStore: Sendable, Equatable {
    /// Trained tensors by path.
    public var parameters: [String: Tensor]
    /// Non-trained state (running statistics) by path.
    public var buffers: [String: Tensor]

    /// An empty store.
    public init(parameters: [String: Tensor] = [:], buffers: [String: Tensor] = [:]) {
        self.parameters = parameters
        self.buffers = buffers
    }

    /// The parameter at `name`; the name must exist (layers create their parameters before use).
    public func parameter(_ name: String) -> Tensor {
        guard let value = parameters[name] else { preconditionFailure("no parameter '\(name)' in the store") }
        return value
    }

    /// Zero gradients, one per parameter, of matching shapes.
    public func zeroGradients() -> Gradients {
        Gradients(values: parameters.mapValues { Tensor.zeros($0.shape) })
    }

    /// The number of trained scalars.
    public var parameterCount: Int { parameters.values.reduce(0) { $0 + $1.count } }

    /// Whether every parameter and buffer holds only finite numbers.
    public var isFinite: Bool {
        parameters.values.allSatisfy { $0.scalars.allSatisfy(\.isFinite) }
            && buffers.values.allSatisfy { $0.scalars.allSatisfy(\.isFinite) }
    }

    /// Runs `body` on two buffers in place (removed from the dictionary during the call, so no copy is made).
    public mutating func withBuffers<R>(
        _ first: String, _ second: String, _ body: (inout Tensor, inout Tensor) -> R
    ) -> R {
        guard var a = buffers.removeValue(forKey: first), var b = buffers.removeValue(forKey: second) else {
            preconditionFailure("no buffers '\(first)' and '\(second)' in the store")
        }
        defer {
            buffers[first] = a
            buffers[second] = b
        }
        return body(&a, &b)
    }
}

/// Gradients by parameter path, accumulated (`+=`) by the backward passes.
public struct Gradients: Sendable, Equatable {
    /// The gradient of each parameter, same shape.
    public var values: [String: Tensor]

    /// Wraps a dictionary of gradients.
    public init(values: [String: Tensor]) { self.values = values }

    /// The gradient at `name` (zeros of shape [0] when absent).
    public subscript(name: String) -> Tensor { values[name] ?? Tensor.zeros([0]) }

    /// Runs `body` on the gradients at two names in place (removed during the call, so no copy is made).
    public mutating func with<R>(_ first: String, _ second: String, _ body: (inout Tensor, inout Tensor) -> R) -> R {
        var a = take(first)
        var b = take(second)
        defer {
            values[first] = a
            values[second] = b
        }
        return body(&a, &b)
    }

    /// Runs `body` on the gradients at three names in place (removed during the call, so no copy is made).
    public mutating func with<R>(
        _ first: String, _ second: String, _ third: String, _ body: (inout Tensor, inout Tensor, inout Tensor) -> R
    ) -> R {
        var a = take(first)
        var b = take(second)
        var c = take(third)
        defer {
            values[first] = a
            values[second] = b
            values[third] = c
        }
        return body(&a, &b, &c)
    }

    private mutating func take(_ name: String) -> Tensor {
        guard let value = values.removeValue(forKey: name) else { preconditionFailure("no gradient '\(name)'") }
        return value
    }

    /// The Euclidean norm of all gradients together (Float64 accumulation).
    public var norm: Double {
        var s = 0.0
        for t in values.values { for v in t.scalars { s += Double(v) * Double(v) } }
        return s.squareRoot()
    }
}
