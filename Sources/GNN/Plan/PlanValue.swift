import Tensor

/// A value alive between steps: float features, or integer neighbour indices.
public enum PlanValue: Sendable, Equatable {
    /// Float32 values of any shape (node features [B·N, C], pooled vectors [B, C], logits [B, classes]).
    case float(Tensor)
    /// Integer neighbour indices, e.g. a `NeighbourGraph`'s global rows as [B·N, k].
    case indices(shape: [Int], values: [Int32])

    /// The value's shape.
    public var shape: [Int] {
        switch self {
        case .float(let tensor): return tensor.shape
        case .indices(let shape, _): return shape
        }
    }

    /// The bytes of its scalars (4 per Float32 or Int32 scalar), without any header.
    public var byteCount: Int {
        switch self {
        case .float(let tensor): return tensor.count * 4
        case .indices(_, let values): return values.count * 4
        }
    }

    /// `f32 [64, 8]` or `i32 [64, 4]`.
    public var summary: String {
        switch self {
        case .float(let tensor): return "f32 \(tensor.shape)"
        case .indices(let shape, _): return "i32 \(shape)"
        }
    }
}

/// One named value ("features", "graph", "edge1", "logits", …; the names are chosen by the plan).
public struct PlanTensor: Sendable, Equatable {
    /// The value's name.
    public var name: String
    /// The value.
    public var value: PlanValue

    /// A named value.
    public init(name: String, value: PlanValue) {
        self.name = name
        self.value = value
    }
}
