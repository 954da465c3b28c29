import GNN
import Tensor

extension PathProgram {
    /// The path as execution-plan steps over `store`'s tensors (the same names and sliced blocks as
    /// `forward`), each on its side from `sides` (one per position, then the head's): knn writes "graph",
    /// aggregate reads "features" and "graph", combine and pool rewrite "features", identity and
    /// communicate make no step, the head ends in "logits". Throws a `PlanError` naming a missing tensor.
    func planSteps(store: ParameterStore, sides: [Side], inputWidth: Int, model: String) throws(PlanError)
        -> [PlanStep]
    {
        let features = ExecutionPlan.inputName
        let graph = "graph"
        var steps: [PlanStep] = []
        var width = inputWidth
        for (position, op) in operations.enumerated() {
            let side = sides[position]
            let label = "pos\(position) \(op)"
            switch op {
            case .identity, .communicate:
                break
            case .knn:
                steps.append(
                    PlanStep(side: side, operation: .knn(k: k), inputs: [features], output: graph, description: label))
            case .aggregate(let message, let reducer):
                steps.append(
                    PlanStep(
                        side: side, operation: .aggregate(message, reducer), inputs: [features, graph],
                        output: features, description: label))
            case .combine(let outWidth):
                let weights = try CombineWeights(
                    weight: naming.combineWeight(position), norm: naming.combineNorm(position, width: outWidth),
                    inWidth: width, outWidth: outWidth, in: store, model: model)
                steps.append(
                    PlanStep(
                        side: side, operation: .combine(weights), inputs: [features], output: features,
                        description: label))
            case .pool(let kind):
                let norm = try NormWeights(
                    naming.poolNorm(position, kind: kind, inputWidth: width), in: store, model: model)
                steps.append(
                    PlanStep(
                        side: side, operation: .pool(kind, norm: norm), inputs: [features], output: features,
                        description: label))
            }
            width = op.outputWidth(for: width)
        }
        return steps
            + (try head.planSteps(in: store, side: sides[operations.count], inputWidth: width, model: model))
    }
}

extension ArchitectureModel {
    /// The model identity: the architecture's dataset form + CRC32 of all weights.
    public var identity: String { store.identity(kind: "architecture " + architecture.datasetForm) }

    /// The execution plan following the architecture's own mapping (modes D, E, DE, ED, DED): every
    /// position on its side, the head where execution ended. Named by the readable text.
    public func plan() throws(PlanError) -> ExecutionPlan {
        let steps = try program.planSteps(
            store: store, sides: architecture.sides, inputWidth: space.inputWidth, model: architecture.text)
        return ExecutionPlan(
            name: architecture.text, identity: identity, steps: steps, classes: classes, points: space.pointsPerCloud)
    }
}

extension ArchitectureModel {
    /// The model's plan with every step on the device (what `Training.evaluate` runs).
    public func evaluationPlan() throws -> ExecutionPlan? { try plan().onDevice() }
}
