import GNN

/// Tandem's counting conventions for FLOPs and parameters, per sample of P points (batch 1, inference).
///
/// A multiply-add counts 2 FLOPs; every other elementwise arithmetic op, comparison or square root counts 1.
/// - combine C→w: Linear without bias 2·P·C·w, BatchNorm folded to scale+shift 2·P·w, LeakyReLU P·w.
///   Parameters C·w + 2·w (weight, γ, β; running statistics are buffers, not parameters).
/// - knn on width C: squared distances of every pair 3·P²·C (subtract, multiply, add), selection P².
/// - aggregate on width C, output W: per edge the message costs full 3C+1 (difference C, squared norm 2C,
///   square root 1), edgeconv C, relative C, source 0; the reduction costs P·k·W; mean adds P·W divisions.
/// - pool on width C: P·C per part (comparison or addition), mean parts add C divisions; then the BatchNorm
///   of the pooled vector of width W, folded to scale+shift, 2·W. Parameters 2·W (γ, β).
/// - identity and communicate: 0 (link time is a separate cost).
/// - head in→h1→h2→classes: the hidden layers as combines (2·in·h + 3·h each, parameters in·h + 2·h), the
///   last Linear with bias 2·h2·classes + classes (parameters h2·classes + classes). Dropout is free.
/// After the pool P is 1 (one vector per sample) for combine and identity.
public enum CostModel {
    /// FLOPs of `op` on input width `c` over `rows` nodes (P before the pool, 1 after), with k neighbours.
    public static func flops(_ op: Operation, inputWidth c: Int, rows p: Int, k: Int) -> Int {
        switch op {
        case .identity, .communicate:
            return 0
        case .combine(let w):
            return 2 * p * c * w + 3 * p * w
        case .knn:
            return 3 * p * p * c + p * p
        case .aggregate(let message, let reducer):
            let w = message.width(for: c)
            let perEdge: Int
            switch message {
            case .full: perEdge = 3 * c + 1
            case .edgeConv, .relative: perEdge = c
            case .source: perEdge = 0
            }
            return p * k * (perEdge + w) + (reducer == .mean ? p * w : 0)
        case .pool(let kind):
            return kind.parts.reduce(0) { $0 + p * c + ($1 == .mean ? c : 0) } + 2 * kind.width(for: c)
        }
    }

    /// Learnable parameters of `op` on input width `c`.
    public static func parameters(_ op: Operation, inputWidth c: Int) -> Int {
        switch op {
        case .combine(let w): return c * w + 2 * w
        case .pool(let kind): return 2 * kind.width(for: c)
        case .identity, .communicate, .knn, .aggregate: return 0
        }
    }

    /// The head's layer widths: input, hidden widths, classes.
    public static func headWidths(input: Int, space: DesignSpace) -> [Int] {
        [input] + space.headWidths + [space.classes]
    }

    /// FLOPs of the head on a pooled vector of width `input`.
    public static func headFlops(input: Int, space: DesignSpace) -> Int {
        let widths = headWidths(input: input, space: space)
        var total = 0
        for layer in 0..<(widths.count - 1) {
            let (a, b) = (widths[layer], widths[layer + 1])
            total += layer == widths.count - 2 ? 2 * a * b + b : 2 * a * b + 3 * b
        }
        return total
    }

    /// Parameters of the head on a pooled vector of width `input`.
    public static func headParameters(input: Int, space: DesignSpace) -> Int {
        let widths = headWidths(input: input, space: space)
        var total = 0
        for layer in 0..<(widths.count - 1) {
            let (a, b) = (widths[layer], widths[layer + 1])
            total += layer == widths.count - 2 ? a * b + b : a * b + 2 * b
        }
        return total
    }
}
