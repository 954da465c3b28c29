import GNN

/// The facts of one position of a valid architecture.
public struct PositionFacts: Sendable, Hashable {
    /// The position (0-based).
    public var position: Int
    /// The operation.
    public var operation: Operation
    /// The side it runs on (a communicate runs on the sending side).
    public var side: Side
    /// The feature width it receives.
    public var inputWidth: Int
    /// The feature width it produces.
    public var outputWidth: Int
    /// For an aggregate: the position of the knn whose graph it uses; else nil.
    public var graphFrom: Int?
    /// FLOPs per sample (see `CostModel`).
    public var flops: Int
    /// Learnable parameters.
    public var parameters: Int
}

/// The fixed classifier head of a valid architecture.
public struct HeadFacts: Sendable, Hashable {
    /// The side it runs on (where execution ended).
    public var side: Side
    /// The layer widths: pooled width, hidden widths, classes.
    public var widths: [Int]
    /// FLOPs per sample.
    public var flops: Int
    /// Learnable parameters.
    public var parameters: Int
}

/// FLOPs and parameters summed over one side.
public struct SideCost: Sendable, Hashable {
    /// FLOPs per sample.
    public var flops: Int
    /// Learnable parameters.
    public var parameters: Int

    /// A cost of `flops` FLOPs and `parameters` parameters.
    public init(flops: Int, parameters: Int) {
        self.flops = flops
        self.parameters = parameters
    }
}

/// Everything derived from a valid architecture in a space: widths, sides, link crossings and costs.
///
/// What crosses the link (SPEC.md §2, details decided by Tandem): at a communicate, the current features
/// ([P, C], or [C] after the pool; the raw [P, 3] input at position 0), as float16 when the space says so;
/// plus the edge list [P, k] int32 exactly when a graph exists, the receiving side does not hold it
/// already, and the receiving side aggregates before it builds a new graph (a side keeps every graph it
/// built or received for the rest of the sample). When the head runs on the edge, the logits (float32)
/// return to the device.
public struct Mapping: Sendable, Hashable {
    /// The architecture described.
    public var architecture: Architecture
    /// The space it was checked in.
    public var space: DesignSpace
    /// The device/edge pattern.
    public var mode: Mode
    /// One entry per position.
    public var steps: [PositionFacts]
    /// The head.
    public var head: HeadFacts
    /// What crosses the link, in execution order (the logits last when returned).
    public var crossings: [LinkCrossing]

    /// The output width of every position.
    public var widths: [Int] { steps.map(\.outputWidth) }

    /// FLOPs and parameters of everything that runs on `side`, head included.
    public func cost(on side: Side) -> SideCost {
        var cost = SideCost(flops: 0, parameters: 0)
        for step in steps where step.side == side {
            cost.flops += step.flops
            cost.parameters += step.parameters
        }
        if head.side == side {
            cost.flops += head.flops
            cost.parameters += head.parameters
        }
        return cost
    }

    /// The bytes sent from `side` to the other side per sample.
    public func bytesSent(from side: Side) -> Int {
        crossings.filter { $0.from == side }.reduce(0) { $0 + $1.bytes }
    }

    /// The bytes crossing the link per sample, both directions.
    public var linkBytes: Int { crossings.reduce(0) { $0 + $1.bytes } }
}

extension Architecture {
    /// Validates the architecture in `space` and derives its mapping (see `Mapping`).
    public func mapping(in space: DesignSpace) throws(DesignError) -> Mapping {
        try validate(in: space)
        let sides = self.sides
        let p = space.pointsPerCloud
        var steps: [PositionFacts] = []
        var crossings: [LinkCrossing] = []
        var width = space.inputWidth
        var pooled = false
        var graphFrom: Int?
        var graphHolders: Set<Side> = []
        for (position, op) in operations.enumerated() {
            let side = sides[position]
            let rows = pooled ? 1 : p
            if op == .communicate {
                var payloads: [LinkPayload] = [
                    pooled
                        ? .pooled(width: width, scalarBytes: space.featureScalarBytes)
                        : .features(rows: p, width: width, scalarBytes: space.featureScalarBytes)
                ]
                let receiver = side.other
                if graphFrom != nil, !pooled, !graphHolders.contains(receiver),
                    aggregatesBeforeNewGraph(after: position)
                {
                    payloads.append(.edgeList(rows: p, k: space.k))
                    graphHolders.insert(receiver)
                }
                crossings.append(LinkCrossing(position: position, from: side, payloads: payloads))
            }
            let output = op.outputWidth(for: width)
            steps.append(
                PositionFacts(
                    position: position, operation: op, side: side, inputWidth: width, outputWidth: output,
                    graphFrom: op.type == .aggregate ? graphFrom : nil,
                    flops: CostModel.flops(op, inputWidth: width, rows: rows, k: space.k),
                    parameters: CostModel.parameters(op, inputWidth: width)))
            switch op {
            case .knn:
                graphFrom = position
                graphHolders = [side]
            case .pool:
                pooled = true
                graphFrom = nil
                graphHolders = []
            default: break
            }
            width = output
        }
        let headSide = sides[operations.count]
        let head = HeadFacts(
            side: headSide, widths: CostModel.headWidths(input: width, space: space),
            flops: CostModel.headFlops(input: width, space: space),
            parameters: CostModel.headParameters(input: width, space: space))
        if headSide == .edge {
            crossings.append(LinkCrossing(position: nil, from: .edge, payloads: [.logits(classes: space.classes)]))
        }
        guard let mode else {
            throw DesignError.invalidArchitecture(rule: .tooManyCommunicates, position: nil, detail: "no mode")
        }
        return Mapping(
            architecture: self, space: space, mode: mode, steps: steps, head: head, crossings: crossings)
    }

    /// Whether, after the communicate at `position`, the receiving side's segment (up to the next
    /// communicate) meets an aggregate before a knn or the pool.
    private func aggregatesBeforeNewGraph(after position: Int) -> Bool {
        for op in operations[(position + 1)...] {
            switch op.type {
            case .aggregate: return true
            case .knn, .communicate, .pool: return false
            default: continue
            }
        }
        return false
    }
}
