/// Element access without the array that the variadic `subscript(_ index: Int...)` builds on every call.
extension Tensor {
    /// The element at `i` of a 1-D tensor.
    @inlinable
    public subscript(_ i: Int) -> Float {
        get {
            precondition(shape.count == 1 && i >= 0 && i < shape[0], "index [\(i)] is out of bounds for \(shape)")
            return scalars[i]
        }
        set {
            precondition(shape.count == 1 && i >= 0 && i < shape[0], "index [\(i)] is out of bounds for \(shape)")
            scalars[i] = newValue
        }
    }

    /// The element at row `i`, column `j` of a 2-D tensor.
    @inlinable
    public subscript(_ i: Int, _ j: Int) -> Float {
        get {
            precondition(
                shape.count == 2 && i >= 0 && i < shape[0] && j >= 0 && j < shape[1],
                "index [\(i), \(j)] is out of bounds for \(shape)")
            return scalars[i * shape[1] + j]
        }
        set {
            precondition(
                shape.count == 2 && i >= 0 && i < shape[0] && j >= 0 && j < shape[1],
                "index [\(i), \(j)] is out of bounds for \(shape)")
            scalars[i * shape[1] + j] = newValue
        }
    }

    /// The element at (`i`, `j`, `l`) of a 3-D tensor.
    @inlinable
    public subscript(_ i: Int, _ j: Int, _ l: Int) -> Float {
        get {
            precondition(
                shape.count == 3 && i >= 0 && i < shape[0] && j >= 0 && j < shape[1] && l >= 0 && l < shape[2],
                "index [\(i), \(j), \(l)] is out of bounds for \(shape)")
            return scalars[(i * shape[1] + j) * shape[2] + l]
        }
        set {
            precondition(
                shape.count == 3 && i >= 0 && i < shape[0] && j >= 0 && j < shape[1] && l >= 0 && l < shape[2],
                "index [\(i), \(j), \(l)] is out of bounds for \(shape)")
            scalars[(i * shape[1] + j) * shape[2] + l] = newValue
        }
    }
}
