import GNN
import Tensor

/// Finishing a request on the device from the state it already holds, when its edge is gone.
extension ExecutionPlan {
    /// Whether the steps from `position` to the end can run from `state` alone: every value a step reads is
    /// in `state` or written by an earlier one of these steps. False when a later step needs a value only the
    /// edge held (in mode DED the edge keeps what its first segment computed and does not send it back).
    public func canResume(at position: Int, from state: PlanState) -> Bool {
        guard steps.indices.contains(position) || position == steps.count else { return false }
        var available = Set(state.names)
        for step in steps[position...] {
            guard step.inputs.allSatisfy(available.contains) else { return false }
            available.insert(step.output)
        }
        return available.contains(Self.logitsName)
    }

    /// Runs the steps from `position` to the end on this host, whatever their side, from `state` (check
    /// `canResume` first); returns the final state, which holds the logits.
    public func resume(at position: Int, from state: PlanState, threads: ThreadBudget) throws -> PlanState {
        var state = state
        for step in steps[position...] { try step.run(on: &state, threads: threads, plan: name) }
        return state
    }
}
