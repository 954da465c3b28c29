extension Tensor: CustomStringConvertible {
    /// The shape and the first elements, e.g. `Tensor[2, 3] [1.0, 2.0, 3.0, 4.0, 5.0, 6.0]` (at most 8
    /// elements, then `…`).
    public var description: String {
        let shown = scalars.prefix(8).map { "\($0)" }.joined(separator: ", ")
        let more = scalars.count > 8 ? ", … (\(scalars.count) elements)" : ""
        return "Tensor\(shape) [\(shown)\(more)]"
    }
}
