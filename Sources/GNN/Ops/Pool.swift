import Tensor

/// A global pooling over the nodes of each cloud.
public enum PoolKind: Int, Sendable, CaseIterable, CustomStringConvertible {
    /// Channel-wise maximum.
    case max = 0
    /// Channel-wise mean.
    case mean = 1
    /// Channel-wise sum.
    case sum = 2
    /// Maximum and mean side by side (2C).
    case maxMean = 3
    /// Maximum and sum side by side (2C).
    case maxSum = 4
    /// Mean and sum side by side (2C).
    case meanSum = 5

    /// The reductions in output order.
    public var parts: [Reducer] {
        switch self {
        case .max: return [.max]
        case .mean: return [.mean]
        case .sum: return [.sum]
        case .maxMean: return [.max, .mean]
        case .maxSum: return [.max, .sum]
        case .meanSum: return [.mean, .sum]
        }
    }

    /// The output width for input width C.
    public func width(for inputWidth: Int) -> Int { parts.count * inputWidth }

    /// The short name used in the readable architecture form.
    public var description: String { parts.map(\.description).joined(separator: "+") }
}

/// What `Pool.backward` needs: the winning row of every (cloud, channel) for a max part.
public struct PoolCache: Sendable {
    /// Global row of the maximum, [B·C]; empty without a max part.
    public var argmax: [Int32]
}

/// Global pooling: [B·N, C] → [B, width(C)].
public enum Pool {
    /// Pools each cloud's N rows.
    public static func forward(_ x: Tensor, batch: Int, nodes: Int, kind: PoolKind) -> (Tensor, PoolCache) {
        precondition(x.rank == 2 && x.shape[0] == batch * nodes && nodes > 0, "pool input must be [B·N, C]")
        let c = x.shape[1]
        let parts = kind.parts
        let width = parts.count * c
        var y = Tensor.zeros([batch, width])
        var argmax = [Int32](repeating: 0, count: parts.contains(.max) ? batch * c : 0)
        x.withUnsafeBufferPointer { xp in
            y.withUnsafeMutableBufferPointer { yp in
                var acc = [Float](repeating: 0, count: c)
                for b in 0..<batch {
                    for (p, part) in parts.enumerated() {
                        let out = b * width + p * c
                        let first = b * nodes
                        if part == .max {
                            for ch in 0..<c {
                                acc[ch] = xp[first * c + ch]
                                argmax[b * c + ch] = Int32(first)
                            }
                            for r in (first + 1)..<(first + nodes) {
                                for ch in 0..<c where xp[r * c + ch] > acc[ch] {
                                    acc[ch] = xp[r * c + ch]
                                    argmax[b * c + ch] = Int32(r)
                                }
                            }
                        } else {
                            for ch in 0..<c { acc[ch] = 0 }
                            for r in first..<(first + nodes) { for ch in 0..<c { acc[ch] += xp[r * c + ch] } }
                            if part == .mean { for ch in 0..<c { acc[ch] /= Float(nodes) } }
                        }
                        for ch in 0..<c { yp[out + ch] = acc[ch] }
                    }
                }
            }
        }
        return (y, PoolCache(argmax: argmax))
    }

    /// Returns dx [B·N, C] for dy [B, width].
    public static func backward(_ dy: Tensor, batch: Int, nodes: Int, width c: Int, kind: PoolKind, cache: PoolCache)
        -> Tensor
    {
        let parts = kind.parts
        let width = parts.count * c
        precondition(dy.shape == [batch, width], "pool gradient must be [B, \(width)]")
        var dx = Tensor.zeros([batch * nodes, c])
        dy.withUnsafeBufferPointer { dp in
            dx.withUnsafeMutableBufferPointer { gp in
                for b in 0..<batch {
                    for (p, part) in parts.enumerated() {
                        let out = b * width + p * c
                        switch part {
                        case .max:
                            for ch in 0..<c { gp[Int(cache.argmax[b * c + ch]) * c + ch] += dp[out + ch] }
                        case .mean, .sum:
                            let f: Float = part == .mean ? 1 / Float(nodes) : 1
                            for r in (b * nodes)..<((b + 1) * nodes) {
                                for ch in 0..<c { gp[r * c + ch] += f * dp[out + ch] }
                            }
                        }
                    }
                }
            }
        }
        return dx
    }
}
