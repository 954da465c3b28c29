/// A maximal run of consecutive steps on one side.
public struct PlanSegment: Sendable, Equatable {
    /// Where the steps run.
    public var side: Side
    /// The steps' indices in the plan.
    public var steps: Range<Int>

    /// A segment from its parts.
    public init(side: Side, steps: Range<Int>) {
        self.side = side
        self.steps = steps
    }

    /// The segments of `steps` in order: maximal runs of one side, the first on the device (with no steps
    /// when the first step runs on the edge).
    static func split(_ steps: [PlanStep]) -> [PlanSegment] {
        var segments: [PlanSegment] = []
        if steps.first?.side != .device { segments.append(PlanSegment(side: .device, steps: 0..<0)) }
        for (index, step) in steps.enumerated() {
            if let last = segments.last, last.side == step.side, last.steps.upperBound == index {
                segments[segments.count - 1].steps = last.steps.lowerBound..<(index + 1)
            } else {
                segments.append(PlanSegment(side: step.side, steps: index..<(index + 1)))
            }
        }
        return segments
    }
}
