/// Scatter-reduce of rows over an arbitrary target list (graphs with varying degree).

/// Reduces the rows of `x` (`[E, C]`) into `rowCount` output rows: row `e` goes to output row `targets[e]`.
///
/// Returns the `[rowCount, C]` result and, for `.max`, `argmax` (`rowCount · C` entries, row-major): the
/// source row `e` that gave each output element (the lowest `e` among equal maxima), or −1 for an output row
/// that received nothing. Empty output rows are 0 for every reducer. Sums and means accumulate in Float in
/// increasing `e` (deterministic); max is exact.
public func scatterReduce(
    _ x: Tensor, targets: [Int32], rowCount: Int, reduce: Reduction
) -> (output: Tensor, argmax: [Int32]?) {
    let e = x.rows
    let c = x.columns
    precondition(targets.count == e, "scatterReduce: \(e) rows but \(targets.count) targets")
    var output = Tensor.zeros([rowCount, c])
    var argmax: [Int32]? = nil
    switch reduce {
    case .sum, .mean:
        scatterAddRows(x, indices: targets, into: &output)
        if reduce == .mean {
            let counts = targetCounts(targets, rowCount: rowCount)
            output.scalars.withMutableBase { out in
                for r in 0..<rowCount where counts[r] > 1 {
                    let scale = 1 / Float(counts[r])
                    for j in 0..<c { out[r * c + j] *= scale }
                }
            }
        }
    case .max:
        var best = [Int32](repeating: -1, count: rowCount * c)
        var seen = [Bool](repeating: false, count: rowCount)
        x.scalars.withBase { source in
            targets.withBase { t in
                output.scalars.withMutableBase { out in
                    best.withMutableBase { am in
                        for i in 0..<e {
                            let r = Int(t[i])
                            precondition(r >= 0 && r < rowCount, "scatterReduce: target \(r) out of 0..<\(rowCount)")
                            let src = source + i * c
                            let dst = out + r * c
                            let arg = am + r * c
                            if seen[r] {
                                maxUpdate(src, slot: Int32(i), c: c, into: dst, argmax: arg)
                            } else {
                                seen[r] = true
                                dst.update(from: src, count: c)
                                arg.update(repeating: Int32(i), count: c)
                            }
                        }
                    }
                }
            }
        }
        argmax = best
    }
    return (output, argmax)
}

/// How many source rows go to each of `rowCount` output rows.
public func targetCounts(_ targets: [Int32], rowCount: Int) -> [Int] {
    var counts = [Int](repeating: 0, count: rowCount)
    for t in targets { counts[Int(t)] += 1 }
    return counts
}

/// The gradient of `scatterReduce` with respect to `x`: `grad` is `[rowCount, C]`, the result `[E, C]` with
/// `E = targets.count`. For `.max`, pass the forward `argmax`: each output element's gradient goes to its
/// source row only. For `.mean`, row `e` receives `grad[targets[e]] / count(targets[e])`; for `.sum`,
/// `grad[targets[e]]`. Exact up to the one division of `.mean`. Gathers use up to `threads.threads` threads.
public func scatterReduceBackward(
    _ grad: Tensor, targets: [Int32], reduce: Reduction, argmax: [Int32]? = nil, threads: ThreadBudget
) -> Tensor {
    let rowCount = grad.rows
    let c = grad.columns
    let e = targets.count
    switch reduce {
    case .sum:
        return gatherRows(grad, indices: targets, threads: threads)
    case .mean:
        let counts = targetCounts(targets, rowCount: rowCount)
        var result = gatherRows(grad, indices: targets, threads: threads)
        result.scalars.withMutableBase { out in
            for i in 0..<e {
                let n = counts[Int(targets[i])]
                if n > 1 {
                    let scale = 1 / Float(n)
                    for j in 0..<c { out[i * c + j] *= scale }
                }
            }
        }
        return result
    case .max:
        guard let argmax else {
            preconditionFailure("scatterReduceBackward(.max) needs the forward argmax")
        }
        precondition(argmax.count == rowCount * c, "scatterReduceBackward: argmax has \(argmax.count) entries")
        var result = Tensor.zeros([e, c])
        grad.scalars.withBase { g in
            argmax.withBase { am in
                result.scalars.withMutableBase { out in
                    for r in 0..<rowCount {
                        for j in 0..<c {
                            let source = Int(am[r * c + j])
                            if source >= 0 { out[source * c + j] += g[r * c + j] }
                        }
                    }
                }
            }
        }
        return result
    }
}
