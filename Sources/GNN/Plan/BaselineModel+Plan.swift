import Tensor

extension BaselineModel {
    /// The layers a split index counts: DGCNN's kNN+EdgeConv blocks, the 1×1 conv (concatenation of the
    /// EdgeConv outputs → embedding), the pool and the head layers; PointNet's MLP layers, the pool and the
    /// head layers.
    public var layerCount: Int {
        switch self {
        case .dgcnn(let m): return m.configuration.edgeWidths.count + 2 + m.configuration.hidden.count + 1
        case .pointNet(let m): return m.configuration.widths.count + 1 + m.configuration.hidden.count + 1
        }
    }

    /// The model identity: kind + CRC32 of all weights (see `ParameterStore.identity(kind:)`).
    public var identity: String { store.identity(kind: kind) }

    /// The plan with the first `split` layers on the device and the rest on the edge (0: edge only, the raw
    /// points cross; `layerCount`: device only); throws a `PlanError` for a split out of range or a
    /// missing tensor. `points` is the points per cloud recorded in the plan.
    public func plan(split: Int, points: Int) throws(PlanError) -> ExecutionPlan {
        let name = "\(kind) split \(split)"
        guard (0...layerCount).contains(split) else {
            throw PlanError(plan: name, message: "split \(split) is outside 0...\(layerCount) (the layer boundaries)")
        }
        var steps = try layerSteps(model: name)
        for index in steps.indices { steps[index].side = index < split ? .device : .edge }
        return ExecutionPlan(name: name, identity: identity, steps: steps, classes: classes, points: points)
    }

    /// One step per layer, all on the device.
    private func layerSteps(model: String) throws(PlanError) -> [PlanStep] {
        let input = ExecutionPlan.inputName
        var steps: [PlanStep] = []
        let head: ClassifierHead
        switch self {
        case .dgcnn(let m):
            var previous = input
            for layer in m.edgeLayers {
                let norm = try NormWeights(layer.norm, in: store, model: model)
                let weight = try store.planParameter(layer.weightName, model: model)
                steps.append(
                    PlanStep(
                        side: .device, operation: .edgeConv(k: m.configuration.k, weight: weight, norm: norm),
                        inputs: [previous], output: layer.name,
                        description:
                            "\(layer.name) knn(k=\(m.configuration.k)) + edgeconv \(layer.inWidth)→\(layer.outWidth)"))
                previous = layer.name
            }
            let embed = m.embedLayer
            steps.append(
                PlanStep(
                    side: .device, operation: .combine(try CombineWeights(embed, in: store, model: model)),
                    inputs: m.edgeLayers.map(\.name), output: input,
                    description: "concat(" + m.edgeLayers.map(\.name).joined(separator: ",")
                        + ") + embed \(embed.inWidth)→\(embed.outWidth)"))
            steps.append(
                PlanStep(
                    side: .device, operation: .pool(DGCNN.pooling, norm: nil), inputs: [input], output: input,
                    description: "pool(\(DGCNN.pooling))"))
            head = m.head
        case .pointNet(let m):
            for layer in m.layers {
                steps.append(
                    PlanStep(
                        side: .device, operation: .combine(try CombineWeights(layer, in: store, model: model)),
                        inputs: [input], output: input,
                        description: "\(layer.name) combine \(layer.inWidth)→\(layer.outWidth)"))
            }
            steps.append(
                PlanStep(
                    side: .device, operation: .pool(.max, norm: nil), inputs: [input], output: input,
                    description: "pool(max)"))
            head = m.head
        }
        steps += try head.planSteps(in: store, side: .device, model: model)
        return steps
    }
}

extension ClassifierHead {
    /// The head as plan steps on `side` for pooled vectors of `inputWidth` (default `maxInWidth`): one
    /// combine per hidden layer, then the output Linear writing "logits".
    public func planSteps(in store: ParameterStore, side: Side, inputWidth: Int? = nil, model: String)
        throws(PlanError) -> [PlanStep]
    {
        let input = ExecutionPlan.inputName
        var steps: [PlanStep] = []
        for (index, layer) in hiddenLayers.enumerated() {
            let weights = try CombineWeights(
                layer, inWidth: index == 0 ? inputWidth : nil, in: store, model: model)
            steps.append(
                PlanStep(
                    side: side, operation: .combine(weights),
                    inputs: [input], output: input, description: "\(layer.name) \(layer.outWidth)"))
        }
        let weight = try store.planParameter(outputWeight, model: model)
        let bias = try store.planParameter(outputBias, model: model)
        steps.append(
            PlanStep(
                side: side, operation: .linear(weight: weight, bias: bias, outWidth: classes), inputs: [input],
                output: ExecutionPlan.logitsName, description: "\(name)/fc\(hidden.count + 1) → logits"))
        return steps
    }
}
