/// Elementwise arithmetic. Binary operators need equal shapes (a programmer error otherwise) and are exact
/// IEEE Float32 per element.
extension Tensor {
    /// A tensor of the same shape whose elements are `f(lhs[i], rhs[i])`.
    @inlinable
    func zipped(with other: Tensor, _ f: (Float, Float) -> Float) -> Tensor {
        precondition(shape == other.shape, "elementwise shapes differ: \(shape) and \(other.shape)")
        let n = count
        let values = scalars.withBase { a in
            other.scalars.withBase { b in
                [Float].filled(count: n) { out in
                    for i in 0..<n { out[i] = f(a[i], b[i]) }
                }
            }
        }
        return Tensor(shape: shape, scalars: values)
    }

    /// Replaces every element by `f(self[i], other[i])`.
    @inlinable
    mutating func formZipped(with other: Tensor, _ f: (Float, Float) -> Float) {
        precondition(shape == other.shape, "elementwise shapes differ: \(shape) and \(other.shape)")
        let n = count
        other.scalars.withBase { b in
            scalars.withMutableBase { a in
                for i in 0..<n { a[i] = f(a[i], b[i]) }
            }
        }
    }

    /// A tensor of the same shape whose elements are `transform(self[i])`.
    @inlinable
    public func map(_ transform: (Float) -> Float) -> Tensor {
        let n = count
        let values = scalars.withBase { a in
            [Float].filled(count: n) { out in
                for i in 0..<n { out[i] = transform(a[i]) }
            }
        }
        return Tensor(shape: shape, scalars: values)
    }

    /// Replaces every element by `transform(self[i])`.
    @inlinable
    public mutating func mapInPlace(_ transform: (Float) -> Float) {
        let n = count
        scalars.withMutableBase { a in
            for i in 0..<n { a[i] = transform(a[i]) }
        }
    }

    /// Elementwise sum.
    public static func + (lhs: Tensor, rhs: Tensor) -> Tensor { lhs.zipped(with: rhs, +) }
    /// Elementwise difference.
    public static func - (lhs: Tensor, rhs: Tensor) -> Tensor { lhs.zipped(with: rhs, -) }
    /// Elementwise (Hadamard) product.
    public static func * (lhs: Tensor, rhs: Tensor) -> Tensor { lhs.zipped(with: rhs, *) }
    /// Elementwise quotient.
    public static func / (lhs: Tensor, rhs: Tensor) -> Tensor { lhs.zipped(with: rhs, /) }

    /// Adds `rhs` elementwise in place.
    public static func += (lhs: inout Tensor, rhs: Tensor) { lhs.formZipped(with: rhs, +) }
    /// Subtracts `rhs` elementwise in place.
    public static func -= (lhs: inout Tensor, rhs: Tensor) { lhs.formZipped(with: rhs, -) }
    /// Multiplies by `rhs` elementwise in place.
    public static func *= (lhs: inout Tensor, rhs: Tensor) { lhs.formZipped(with: rhs, *) }

    /// Every element plus a scalar.
    public static func + (lhs: Tensor, rhs: Float) -> Tensor { lhs.map { $0 + rhs } }
    /// Every element minus a scalar.
    public static func - (lhs: Tensor, rhs: Float) -> Tensor { lhs.map { $0 - rhs } }
    /// Every element times a scalar.
    public static func * (lhs: Tensor, rhs: Float) -> Tensor { lhs.map { $0 * rhs } }
    /// A scalar times every element.
    public static func * (lhs: Float, rhs: Tensor) -> Tensor { rhs.map { lhs * $0 } }
    /// Every element divided by a scalar.
    public static func / (lhs: Tensor, rhs: Float) -> Tensor { lhs.map { $0 / rhs } }
    /// The negated tensor.
    public static prefix func - (operand: Tensor) -> Tensor { operand.map { -$0 } }

    /// Adds a scalar to every element in place.
    public static func += (lhs: inout Tensor, rhs: Float) { lhs.mapInPlace { $0 + rhs } }
    /// Subtracts a scalar from every element in place.
    public static func -= (lhs: inout Tensor, rhs: Float) { lhs.mapInPlace { $0 - rhs } }
    /// Multiplies every element by a scalar in place.
    public static func *= (lhs: inout Tensor, rhs: Float) { lhs.mapInPlace { $0 * rhs } }
    /// Divides every element by a scalar in place.
    public static func /= (lhs: inout Tensor, rhs: Float) { lhs.mapInPlace { $0 / rhs } }

    /// `self += alpha · other` in place (BLAS axpy semantics; shapes must be equal).
    public mutating func addScaled(_ other: Tensor, by alpha: Float) {
        formZipped(with: other) { a, b in a + alpha * b }
    }

    /// The sum of all elements, accumulated in Double (relative error about 1e-7 independent of count).
    public func sum() -> Float {
        let n = count
        return scalars.withBase { a in
            var total: Double = 0
            for i in 0..<n { total += Double(a[i]) }
            return Float(total)
        }
    }

    /// The mean of all elements (0 for an empty tensor), accumulated in Double.
    public func mean() -> Float { count == 0 ? 0 : Float(Double(sum()) / Double(count)) }

    /// The sum of products with a tensor of the same shape, accumulated in Double.
    public func dot(_ other: Tensor) -> Float {
        precondition(shape == other.shape, "dot shapes differ: \(shape) and \(other.shape)")
        let n = count
        return scalars.withBase { a in
            other.scalars.withBase { b in
                var total: Double = 0
                for i in 0..<n { total += Double(a[i]) * Double(b[i]) }
                return Float(total)
            }
        }
    }

    /// The sum of squares of all elements, accumulated in Double.
    public func squaredNorm() -> Float { dot(self) }

    /// The largest absolute element (0 for an empty tensor).
    public func maxAbs() -> Float {
        scalars.reduce(0) { Swift.max($0, Swift.abs($1)) }
    }
}
