/// Reduction over a fixed number of neighbours per node (the kNN-graph hot path).

/// Reduces messages laid out node-major — rows `r·k ..< r·k+k` of `messages` (`[R·k, C]`) belong to node `r` —
/// to one row per node: the result is `[R, C]`.
///
/// For `.max`, also returns `argmax` (`R · C` entries, row-major): the neighbour slot `0..<k` that gave each
/// maximum (the lowest slot among equal values). Max is exact; mean and sum accumulate in Float in slot order.
/// Nodes are shared among up to `threads.threads` threads (the result does not depend on it).
public func neighbourhoodReduce(
    _ messages: Tensor, k: Int, reduce: Reduction, threads: ThreadBudget
) -> (output: Tensor, argmax: [Int32]?) {
    precondition(
        k > 0 && messages.rows % k == 0, "neighbourhoodReduce: \(messages.rows) rows is not a multiple of k=\(k)")
    let r = messages.rows / k
    let c = messages.columns
    var argmax: [Int32]? = nil
    var best = reduce == .max ? [Int32](repeating: 0, count: r * c) : []
    let values = messages.scalars.withBase { source in
        best.withMutableBase { am in
            [Float].filled(count: r * c) { out in
                nonisolated(unsafe) let source = source
                nonisolated(unsafe) let out = out
                nonisolated(unsafe) let am = am
                threads.forEachChunk(count: r, work: r * k * c, threshold: 1 << 17) { _, range in
                    for node in range {
                        let dst = out + node * c
                        let first = source + node * k * c
                        dst.update(from: first, count: c)
                        switch reduce {
                        case .max:
                            maxOverSlots(first, k: k, c: c, into: dst, argmax: am + node * c)
                        case .sum, .mean:
                            for slot in 1..<Swift.max(k, 1) {
                                let src = first + slot * c
                                for j in 0..<c { dst[j] += src[j] }
                            }
                            if reduce == .mean {
                                let scale = 1 / Float(k)
                                for j in 0..<c { dst[j] *= scale }
                            }
                        }
                    }
                }
            }
        }
    }
    if reduce == .max { argmax = best }
    return (Tensor(shape: [r, c], scalars: values), argmax)
}

/// The gradient of `neighbourhoodReduce` with respect to the messages: `grad` is `[R, C]`, the result
/// `[R·k, C]`. For `.max`, pass the forward `argmax`: each gradient element goes to its maximising slot only;
/// for `.mean` every slot receives `grad / k`; for `.sum`, `grad`. Runs on up to `threads.threads` threads.
public func neighbourhoodReduceBackward(
    _ grad: Tensor, k: Int, reduce: Reduction, argmax: [Int32]? = nil, threads: ThreadBudget
) -> Tensor {
    let r = grad.rows
    let c = grad.columns
    if reduce == .max {
        precondition(argmax?.count == r * c, "neighbourhoodReduceBackward(.max) needs the forward argmax of \(r * c)")
    }
    let best = argmax ?? []
    let values = grad.scalars.withBase { g in
        best.withBase { am in
            [Float].filled(count: r * k * c) { out in
                nonisolated(unsafe) let g = g
                nonisolated(unsafe) let out = out
                nonisolated(unsafe) let am = am
                threads.forEachChunk(count: r, work: r * k * c, threshold: 1 << 17) { _, range in
                    for node in range {
                        let src = g + node * c
                        let first = out + node * k * c
                        switch reduce {
                        case .max:
                            first.update(repeating: 0, count: k * c)
                            let arg = am + node * c
                            for j in 0..<c { first[Int(arg[j]) * c + j] = src[j] }
                        case .sum:
                            for slot in 0..<k { (first + slot * c).update(from: src, count: c) }
                        case .mean:
                            let scale = 1 / Float(k)
                            for slot in 0..<k {
                                let dst = first + slot * c
                                for j in 0..<c { dst[j] = src[j] * scale }
                            }
                        }
                    }
                }
            }
        }
    }
    return Tensor(shape: [r * k, c], scalars: values)
}
