import Tensor

/// Everything that is alive at a point of a plan, for a batch of B clouds of N nodes.
///
/// Node-wise values have B·N rows; after the pool `nodes` is 1, so pooled vectors and logits have B rows.
public struct PlanState: Sendable, Equatable {
    /// The number of clouds B.
    public var batch: Int
    /// The current nodes per cloud (1 after the pool).
    public var nodes: Int
    /// The named values, in the order they were written.
    public var tensors: [PlanTensor]

    /// A state from its parts.
    public init(batch: Int, nodes: Int, tensors: [PlanTensor]) {
        self.batch = batch
        self.nodes = nodes
        self.tensors = tensors
    }

    /// The value named `name`, or nil.
    public func value(_ name: String) -> PlanValue? { tensors.first { $0.name == name }?.value }

    /// The names of the values held, in order.
    public var names: [String] { tensors.map(\.name) }

    /// Sets (replaces or appends) the value named `name`.
    public mutating func set(_ name: String, _ value: PlanValue) {
        if let index = tensors.firstIndex(where: { $0.name == name }) {
            tensors[index].value = value
        } else {
            tensors.append(PlanTensor(name: name, value: value))
        }
    }

    /// The bytes of all values (see `PlanValue.byteCount`).
    public var byteCount: Int { tensors.reduce(0) { $0 + $1.value.byteCount } }

    /// This state (what a side kept when it last sent) updated with `received`: received values replace
    /// kept ones of the same name, and batch and nodes are the received ones. A side that runs a second
    /// segment (the device in mode DED) resumes from this, because a graph it built stays with it and is not
    /// sent back (SPEC.md §2).
    public func merging(_ received: PlanState) -> PlanState {
        var result = self
        result.batch = received.batch
        result.nodes = received.nodes
        for tensor in received.tensors { result.set(tensor.name, tensor.value) }
        return result
    }

    /// The state holding only the values named in `names` (in this state's order).
    public func keeping(_ names: [String]) -> PlanState {
        PlanState(batch: batch, nodes: nodes, tensors: tensors.filter { names.contains($0.name) })
    }
}
