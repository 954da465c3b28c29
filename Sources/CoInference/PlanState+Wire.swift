import GNN
import Tensor

extension PlanState {
    /// The state as a message body: float values as float32 (or float16), indices as int32.
    func message(float16: Bool, edgeSeconds: Double = 0) -> TensorMessage {
        let tensors = self.tensors.map { tensor -> WireTensor in
            switch tensor.value {
            case .float(let t):
                return WireTensor(name: tensor.name, shape: t.shape, floats: t.scalars, float16: float16)
            case .indices(let shape, let values): return WireTensor(name: tensor.name, shape: shape, ints: values)
            }
        }
        return TensorMessage(batch: batch, nodes: nodes, edgeSeconds: edgeSeconds, tensors: tensors)
    }

    /// The state carried by a message body.
    init(_ message: TensorMessage) throws(WireError) {
        var tensors: [PlanTensor] = []
        for t in message.tensors {
            switch t.dtype {
            case .int32: tensors.append(PlanTensor(name: t.name, value: .indices(shape: t.shape, values: try t.ints())))
            case .float32, .float16:
                tensors.append(PlanTensor(name: t.name, value: .float(Tensor(shape: t.shape, scalars: try t.floats()))))
            }
        }
        self.init(batch: message.batch, nodes: message.nodes, tensors: tensors)
    }
}
