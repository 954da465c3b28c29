import GNN
import Tensor

/// The predictor's network: `layers` GIN layers and an MLP regressor, on GNN's Linear and LeakyReLU.
///
/// GIN layer l (ε = 0): `a = h + mean_{j → i} h_j`, `h' = act(Linear₂(act(Linear₁(a))))` with
/// act = LeakyReLU(0.2); widths FeatureLayout.width → hidden → hidden, then hidden → hidden. Readout: the sum
/// of the last layer's node rows per graph. Regressor: `Linear(hidden → hidden) → act → Linear(hidden → 1)`,
/// one number per graph (the target divided by the model's target scale). Parameters are named
/// `gin<l>/fc1/weight`, `gin<l>/fc1/bias`, …, `regressor/fc2/bias`.
public struct GINNetwork: Sendable, Hashable {
    /// The number of GIN layers (3 in the paper).
    public var layers: Int
    /// The width of every hidden layer.
    public var hiddenWidth: Int

    /// A network shape.
    public init(layers: Int = 3, hiddenWidth: Int = 64) {
        self.layers = layers
        self.hiddenWidth = hiddenWidth
    }

    /// Every Linear as (name prefix, input width, output width), in forward order.
    public var linears: [(name: String, input: Int, output: Int)] {
        var result: [(String, Int, Int)] = []
        for l in 0..<layers {
            result.append(("gin\(l)/fc1", l == 0 ? FeatureLayout.width : hiddenWidth, hiddenWidth))
            result.append(("gin\(l)/fc2", hiddenWidth, hiddenWidth))
        }
        result.append(("regressor/fc1", hiddenWidth, hiddenWidth))
        result.append(("regressor/fc2", hiddenWidth, 1))
        return result
    }

    /// Fresh parameters (PyTorch's Linear initialisation) drawn from `generator`.
    public func initialParameters(generator: inout SeededGenerator) -> ParameterStore {
        var store = ParameterStore()
        for linear in linears {
            store.parameters[linear.name + "/weight"] = Initializer.linearWeight(
                fanIn: linear.input, fanOut: linear.output, generator: &generator)
            store.parameters[linear.name + "/bias"] = Initializer.bias(
                fanIn: linear.input, count: linear.output, generator: &generator)
        }
        return store
    }

    /// What the forward pass keeps for the backward pass: the input of every Linear and every activation
    /// output, in forward order.
    public struct Tape: Sendable {
        /// The batch's edges and node membership.
        var sources: [Int32]
        var targets: [Int32]
        var graphOfNode: [Int32]
        /// The input of each Linear, in `linears` order.
        var linearInputs: [Tensor] = []
        /// The output of each activation (every Linear but the last), in `linears` order.
        var activations: [Tensor] = []
    }

    /// The network's output [graphCount, 1] for `batch`, and the tape for `backward`.
    public func forward(_ batch: GraphBatch, store: ParameterStore, threads: ThreadBudget) -> (Tensor, Tape) {
        var tape = Tape(sources: batch.sources, targets: batch.targets, graphOfNode: batch.graphOfNode)
        let linears = self.linears
        var index = 0
        func dense(_ x: Tensor, activate: Bool) -> Tensor {
            let linear = linears[index]
            index += 1
            tape.linearInputs.append(x)
            var y = Linear.forward(
                x, weight: store.parameter(linear.name + "/weight"), bias: store.parameter(linear.name + "/bias"),
                inWidth: linear.input, outWidth: linear.output, threads: threads)
            if activate {
                LeakyReLU.apply(&y)
                tape.activations.append(y)
            }
            return y
        }
        var h = batch.features
        for _ in 0..<layers {
            var a = NeighbourMean.forward(h, sources: batch.sources, targets: batch.targets, threads: threads)
            a += h
            h = dense(dense(a, activate: true), activate: true)
        }
        let pooled = SumReadout.forward(h, graphOfNode: batch.graphOfNode, graphCount: batch.graphCount)
        let output = dense(dense(pooled, activate: true), activate: false)
        return (output, tape)
    }

    /// The gradients of every parameter for the output gradient `dOutput` [graphCount, 1].
    public func backward(_ dOutput: Tensor, tape: Tape, store: ParameterStore, threads: ThreadBudget) -> Gradients {
        var gradients = store.zeroGradients()
        let linears = self.linears
        var index = linears.count
        func denseBackward(_ dy: Tensor, activated: Bool) -> Tensor {
            index -= 1
            let linear = linears[index]
            var dz = dy
            if activated { LeakyReLU.backward(&dz, output: tape.activations[index]) }
            return gradients.with(linear.name + "/weight", linear.name + "/bias") { dw, db in
                Linear.biasGradient(dz, into: &db)
                return Linear.backward(
                    dz, input: tape.linearInputs[index], weight: store.parameter(linear.name + "/weight"),
                    inWidth: linear.input, outWidth: linear.output, weightGrad: &dw,
                    needInputGradient: index > 0, threads: threads)
            }
        }
        let dPooled = denseBackward(denseBackward(dOutput, activated: false), activated: true)
        var dh = SumReadout.backward(dPooled, graphOfNode: tape.graphOfNode, threads: threads)
        for layer in (0..<layers).reversed() {
            let da = denseBackward(denseBackward(dh, activated: true), activated: true)
            guard layer > 0 else { break }
            dh = NeighbourMean.backward(da, sources: tape.sources, targets: tape.targets, threads: threads)
            dh += da
        }
        return gradients
    }
}
