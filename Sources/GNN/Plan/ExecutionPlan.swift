import Tensor

/// A compiled model: steps, each with its side, grouped into segments, and what crosses the link at each
/// side change. Forward-only and non-mutating (a value holding frozen weights), safe to share between
/// threads.
///
/// Crossing rule (SPEC.md §2, the same as Design's `Mapping`): after a segment, a value crosses when the
/// next segment reads it before writing it and the receiving side does not hold that value already; a side
/// keeps everything it held (so a graph the device built stays on the device in mode DED). The features
/// therefore always cross, a graph only when the receiving side aggregates before building a new one, and
/// DGCNN's skip tensors when the embedding runs on the other side. After the last segment the logits cross
/// (they go home when the last segment is on the edge).
public struct ExecutionPlan: Sendable {
    /// E.g. "dgcnn split 3", or the architecture's readable text.
    public var name: String
    /// The model's identity: kind or architecture + CRC32 of all weights (hex); equal on both sides iff
    /// same model and weights.
    public var identity: String
    /// The steps in order.
    public var steps: [PlanStep]
    /// The segments in order; the first is on the device (with no steps when the first step is on the edge).
    public var segments: [PlanSegment]
    /// The names of the values that cross after each segment (see the crossing rule above).
    public var crossingNames: [[String]]
    /// The number of classes.
    public var classes: Int
    /// The points per cloud the model expects.
    public var points: Int
    /// The name of the value the points start in.
    public static let inputName = "features"
    /// The name of the value the logits end in.
    public static let logitsName = "logits"

    /// A plan of `steps`; segments and crossings are derived from the steps' sides, inputs and outputs.
    public init(name: String, identity: String, steps: [PlanStep], classes: Int, points: Int) {
        self.name = name
        self.identity = identity
        self.steps = steps
        self.classes = classes
        self.points = points
        segments = PlanSegment.split(steps)
        crossingNames = Self.crossings(steps: steps, segments: segments)
    }

    /// The state before the first step, from points [B, P, 3] (or [B·P, 3] with `batch` given): the points
    /// as [B·P, 3] in the value "features". Points that do not make B clouds of 3-D points are kept as they
    /// are, and the first step then throws a `PlanError` naming them.
    public func start(points: Tensor, batch: Int) -> PlanState {
        let nodes = batch > 0 ? points.count / (3 * batch) : 0
        let fits = batch > 0 && nodes > 0 && points.count == batch * nodes * 3
        let x = fits ? points.reshaped([batch * nodes, 3]) : points
        return PlanState(batch: batch, nodes: nodes, tensors: [PlanTensor(name: Self.inputName, value: .float(x))])
    }

    /// Runs segment `index` on `state`; throws a `PlanError` for an index out of range or a state that does
    /// not fit (naming the missing or misshapen value).
    public func run(segment index: Int, on state: PlanState, threads: ThreadBudget) throws -> PlanState {
        guard segments.indices.contains(index) else {
            throw PlanError(plan: name, message: "segment \(index) does not exist (the plan has \(segments.count))")
        }
        var state = state
        for step in steps[segments[index].steps] { try step.run(on: &state, threads: threads, plan: name) }
        return state
    }

    /// What must cross the link after segment `index`: only the values a later step reads (see the crossing
    /// rule); after the last segment, the logits. Values the state lacks are left out (`run` then names them).
    public func crossing(after index: Int, _ state: PlanState) -> PlanState {
        guard crossingNames.indices.contains(index) else { return state.keeping([]) }
        return state.keeping(crossingNames[index])
    }

    /// The logits [B, classes] held by the final state.
    public func logits(_ state: PlanState) throws -> Tensor {
        guard let value = state.value(Self.logitsName) else {
            throw PlanError(
                plan: name, value: Self.logitsName,
                message: "value 'logits' is missing from the state (it holds \(state.names.joined(separator: ", ")))")
        }
        guard case .float(let logits) = value, logits.shape == [state.batch, classes] else {
            throw PlanError(
                plan: name, value: Self.logitsName,
                message: "'logits' has shape \(value.shape), expected [\(state.batch), \(classes)]")
        }
        return logits
    }

    /// All segments in one process, exactly as the engine runs them: each side keeps its own state, runs its
    /// segments, and receives only `crossing(after:)` of the other side's (merged into what it kept); the
    /// logits come home to the device.
    public func infer(points: Tensor, batch: Int, threads: ThreadBudget) throws -> Tensor {
        var held: [Side: PlanState] = [.device: start(points: points, batch: batch)]
        for (index, segment) in segments.enumerated() {
            let input = held[segment.side] ?? PlanState(batch: batch, nodes: 0, tensors: [])
            let output = try run(segment: index, on: input, threads: threads)
            held[segment.side] = output
            let receiver = index + 1 < segments.count ? segments[index + 1].side : .device
            if receiver != segment.side {
                let sent = crossing(after: index, output)
                held[receiver] = held[receiver].map { $0.merging(sent) } ?? sent
            }
        }
        return try logits(held[.device] ?? PlanState(batch: batch, nodes: 0, tensors: []))
    }

    /// The same steps all on the device (the device-only fallback: same weights, same logits).
    public func onDevice() -> ExecutionPlan {
        var steps = self.steps
        for index in steps.indices { steps[index].side = .device }
        return ExecutionPlan(
            name: name + " (device only)", identity: identity, steps: steps, classes: classes, points: points)
    }

    /// The names crossing after each segment (see the crossing rule in the type's documentation).
    static func crossings(steps: [PlanStep], segments: [PlanSegment]) -> [[String]] {
        // Which sides hold the current version of each value.
        var holders: [String: Set<Side>] = [inputName: [.device]]
        // The step that wrote each value last (names are listed in that order, the input first).
        var writer: [String: Int] = [:]
        var result: [[String]] = []
        for (index, segment) in segments.enumerated() {
            for position in segment.steps {
                holders[steps[position].output] = [segment.side]
                writer[steps[position].output] = position
            }
            guard index + 1 < segments.count else {
                result.append([logitsName])
                break
            }
            let receiver = segments[index + 1].side
            var written: Set<String> = []
            var names: [String] = []
            for step in steps[segments[index + 1].steps] {
                for input in step.inputs where !written.contains(input) && !names.contains(input) {
                    if let held = holders[input], !held.contains(receiver) { names.append(input) }
                }
                written.insert(step.output)
            }
            for name in names { holders[name, default: []].insert(receiver) }
            result.append(names.sorted { (writer[$0] ?? -1) < (writer[$1] ?? -1) })
        }
        return result
    }
}
