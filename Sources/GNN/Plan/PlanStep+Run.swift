import Tensor

extension PlanStep {
    /// Runs the step on `state` (reads its inputs, writes its output); throws a `PlanError` naming a missing
    /// or misshapen value instead of trapping. Calls the same GNN op kernels as training (`Combine`,
    /// `Aggregate`, `EdgeConv`, `Pool`, `BatchNorm`, `Linear`, `KNN`) in evaluation mode, each on up to
    /// `threads.threads` threads: nothing is mutated, no cache is kept, so one plan can run on many threads
    /// at once.
    public func run(on state: inout PlanState, threads: ThreadBudget, plan: String) throws(PlanError) {
        let (rows, overflow) = state.batch.multipliedReportingOverflow(by: state.nodes)
        guard state.batch >= 1, state.nodes >= 1, !overflow else {
            throw PlanError(
                plan: plan, step: description,
                message: "a state of \(state.batch) clouds of \(state.nodes) nodes cannot run (both must be ≥ 1)")
        }
        switch operation {
        case .knn(let k):
            let x = try features(0, in: state, rows: rows, plan: plan)
            guard k >= 1, k <= state.nodes else {
                throw error(plan, value: inputs[0], "k = \(k) needs at least \(k) nodes per cloud, got \(state.nodes)")
            }
            let graph = KNN.graph(x, batch: state.batch, nodes: state.nodes, k: k, threads: threads)
            state.set(output, .indices(shape: [rows, k], values: graph.indices))
        case .aggregate(let message, let reducer):
            let x = try features(0, in: state, rows: rows, plan: plan)
            let graph = try self.graph(1, in: state, plan: plan)
            state.set(
                output,
                .float(Aggregate.forward(x, graph: graph, message: message, reducer: reducer, threads: threads).0))
        case .combine(let weights):
            var parts: [Tensor] = []
            for index in inputs.indices { parts.append(try features(index, in: state, rows: rows, plan: plan)) }
            let x = parts.count == 1 ? parts[0] : Columns.concat(parts)
            try checkWidth(x, is: weights.inWidth, plan: plan)
            state.set(output, .float(Self.combine(x, weights, threads: threads)))
        case .edgeConv(let k, let weight, let norm):
            let x = try features(0, in: state, rows: rows, plan: plan)
            guard weight.shape[0] == 2 * x.shape[1] else {
                throw error(plan, value: inputs[0], "has width \(x.shape[1]), EdgeConv expects \(weight.shape[0] / 2)")
            }
            guard k >= 1, k <= state.nodes else {
                throw error(plan, value: inputs[0], "k = \(k) needs at least \(k) nodes per cloud, got \(state.nodes)")
            }
            let graph = KNN.graph(x, batch: state.batch, nodes: state.nodes, k: k, threads: threads)
            var mean = norm.mean
            var variance = norm.variance
            let y = EdgeConv.forward(
                x, graph: graph, weight: weight, gamma: norm.gamma, beta: norm.beta, runningMean: &mean,
                runningVariance: &variance, training: false, threads: threads
            ).0
            state.set(output, .float(y))
        case .concat:
            var parts: [Tensor] = []
            for index in inputs.indices { parts.append(try features(index, in: state, rows: rows, plan: plan)) }
            state.set(output, .float(Columns.concat(parts)))
        case .pool(let kind, let norm):
            let x = try features(0, in: state, rows: rows, plan: plan)
            var y = Pool.forward(x, batch: state.batch, nodes: state.nodes, kind: kind).0
            if let norm {
                guard norm.width == y.shape[1] else {
                    throw error(plan, value: inputs[0], "pools to width \(y.shape[1]), the BatchNorm has \(norm.width)")
                }
                y = Self.normalize(y, norm)
            }
            state.nodes = 1
            state.set(output, .float(y))
        case .linear(let weight, let bias, let outWidth):
            let x = try features(0, in: state, rows: rows, plan: plan)
            try checkWidth(x, is: weight.shape[0], plan: plan)
            state.set(
                output,
                .float(
                    Linear.forward(
                        x, weight: weight, bias: bias, inWidth: x.shape[1], outWidth: outWidth, threads: threads)))
        }
    }

    /// Linear → BatchNorm (running statistics) → LeakyReLU, by `Combine.forward` in evaluation mode, on up
    /// to `threads.threads` threads.
    static func combine(_ x: Tensor, _ weights: CombineWeights, threads: ThreadBudget) -> Tensor {
        var mean = weights.norm.mean
        var variance = weights.norm.variance
        return Combine.forward(
            x, weight: weights.weight, outWidth: weights.outWidth, gamma: weights.norm.gamma, beta: weights.norm.beta,
            runningMean: &mean, runningVariance: &variance, training: false, threads: threads
        ).0
    }

    /// BatchNorm with running statistics, by `BatchNorm.forward` in evaluation mode.
    static func normalize(_ x: Tensor, _ norm: NormWeights) -> Tensor {
        var mean = norm.mean
        var variance = norm.variance
        return BatchNorm.forward(
            x, gamma: norm.gamma, beta: norm.beta, runningMean: &mean, runningVariance: &variance, training: false
        ).0
    }

    /// The float input `index` as [rows, C].
    private func features(_ index: Int, in state: PlanState, rows: Int, plan: String) throws(PlanError) -> Tensor {
        let name = inputs[index]
        guard let value = state.value(name) else { throw missing(name, state, plan) }
        guard case .float(let x) = value else {
            throw error(plan, value: name, "holds indices, float features were expected")
        }
        guard rows > 0, x.rank == 2, x.shape[0] == rows, x.shape[1] > 0 else {
            throw error(
                plan, value: name,
                "has shape \(x.shape), expected [\(rows), C] for \(state.batch) clouds of \(state.nodes) nodes")
        }
        return x
    }

    /// The graph input `index`, checked (shape [B·N, k], every neighbour inside its own cloud).
    private func graph(_ index: Int, in state: PlanState, plan: String) throws(PlanError) -> NeighbourGraph {
        let name = inputs[index]
        guard let value = state.value(name) else { throw missing(name, state, plan) }
        guard case .indices(let shape, let values) = value else {
            throw error(plan, value: name, "holds floats, neighbour indices were expected")
        }
        let rows = state.batch * state.nodes
        guard shape.count == 2, shape[0] == rows, shape[1] >= 1, shape[1] <= state.nodes,
            values.count / rows == shape[1], values.count % rows == 0
        else {
            throw error(plan, value: name, "has shape \(shape) (\(values.count) indices), expected [\(rows), k]")
        }
        let k = shape[1]
        let nodes = state.nodes
        for (e, row) in values.enumerated() where row < 0 || Int(row) / nodes != e / (nodes * k) {
            throw error(plan, value: name, "entry \(e) (row \(row)) leaves its cloud of \(nodes) nodes")
        }
        return NeighbourGraph(batch: state.batch, nodes: nodes, k: k, indices: values)
    }

    private func checkWidth(_ x: Tensor, is width: Int, plan: String) throws(PlanError) {
        guard x.shape[1] == width else {
            let name = inputs.count == 1 ? inputs[0] : inputs.joined(separator: "‖")
            throw error(plan, value: name, "has width \(x.shape[1]), the step expects \(width)")
        }
    }

    private func missing(_ name: String, _ state: PlanState, _ plan: String) -> PlanError {
        let held = state.names.isEmpty ? "nothing" : state.names.joined(separator: ", ")
        return error(
            plan, value: name,
            "value '\(name)' is missing from the state (it holds \(held)); a side resumes from what it kept "
                + "merged with what it received (PlanState.merging)")
    }

    private func error(_ plan: String, value: String, _ message: String) -> PlanError {
        PlanError(
            plan: plan, step: description, value: value,
            message: message.hasPrefix("value") ? message : "'\(value)' \(message)")
    }
}
