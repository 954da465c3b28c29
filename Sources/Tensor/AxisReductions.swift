/// Reductions along one axis (pooling over points: `[B, N, C]` along axis 1 gives `[B, C]`).
extension Tensor {
    /// The shape seen as `[outer, shape[axis], inner]`.
    func axisSplit(_ axis: Int) -> (outer: Int, length: Int, inner: Int) {
        precondition(axis >= 0 && axis < rank, "axis \(axis) is out of range for shape \(shape)")
        return (shape[..<axis].reduce(1, *), shape[axis], shape[(axis + 1)...].reduce(1, *))
    }

    /// Reduces along `axis`; the result has the shape with that axis removed.
    ///
    /// For `.max`, also returns `argmax` (one entry per result element, row-major): the index along `axis` of
    /// the maximum (the lowest among equal values), or −1 when the axis is empty (result 0). Sums accumulate
    /// in Float in index order; max is exact.
    public func reduce(alongAxis axis: Int, _ reduction: Reduction) -> (output: Tensor, argmax: [Int32]?) {
        let (outer, n, inner) = axisSplit(axis)
        var outShape = shape
        outShape.remove(at: axis)
        var best = reduction == .max ? [Int32](repeating: n > 0 ? 0 : -1, count: outer * inner) : []
        let values = scalars.withBase { src in
            best.withMutableBase { am in
                [Float].filled(count: outer * inner) { out in
                    for o in 0..<outer {
                        let dst = out + o * inner
                        let base = src + o * n * inner
                        if n == 0 {
                            dst.update(repeating: 0, count: inner)
                            continue
                        }
                        dst.update(from: base, count: inner)
                        switch reduction {
                        case .max:
                            maxOverSlots(base, k: n, c: inner, into: dst, argmax: am + o * inner)
                        case .sum, .mean:
                            for a in 1..<n {
                                let row = base + a * inner
                                for i in 0..<inner { dst[i] += row[i] }
                            }
                            if reduction == .mean {
                                let scale = 1 / Float(n)
                                for i in 0..<inner { dst[i] *= scale }
                            }
                        }
                    }
                }
            }
        }
        return (Tensor(shape: outShape, scalars: values), reduction == .max ? best : nil)
    }

    /// The sum along `axis` (that axis removed from the shape).
    public func sum(alongAxis axis: Int) -> Tensor { reduce(alongAxis: axis, .sum).output }

    /// The mean along `axis` (that axis removed from the shape; an empty axis gives 0).
    public func mean(alongAxis axis: Int) -> Tensor { reduce(alongAxis: axis, .mean).output }

    /// The maximum along `axis` and the index of each maximum (see `reduce(alongAxis:_:)`).
    public func max(alongAxis axis: Int) -> (values: Tensor, argmax: [Int32]) {
        let (output, argmax) = reduce(alongAxis: axis, .max)
        return (output, argmax ?? [])
    }
}

/// The gradient of `reduce(alongAxis:_:)` with respect to its input of shape `inputShape`: `grad` has the
/// reduced shape. `.sum` copies `grad` along the axis, `.mean` copies `grad / n`, `.max` puts each gradient
/// element at its `argmax` position only (pass the forward `argmax`).
public func reduceAlongAxisBackward(
    _ grad: Tensor, inputShape: [Int], axis: Int, reduction: Reduction, argmax: [Int32]? = nil
) -> Tensor {
    var result = Tensor.zeros(inputShape)
    let (outer, n, inner) = result.axisSplit(axis)
    precondition(
        grad.count == outer * inner, "reduceAlongAxisBackward: grad \(grad.shape) does not match \(inputShape)")
    if reduction == .max {
        precondition(argmax?.count == outer * inner, "reduceAlongAxisBackward(.max) needs the forward argmax")
    }
    let best = argmax ?? []
    grad.scalars.withBase { g in
        best.withBase { am in
            result.scalars.withMutableBase { out in
                for o in 0..<outer {
                    let src = g + o * inner
                    let base = out + o * n * inner
                    switch reduction {
                    case .max:
                        let arg = am + o * inner
                        for i in 0..<inner where arg[i] >= 0 { base[Int(arg[i]) * inner + i] = src[i] }
                    case .sum:
                        for a in 0..<n { (base + a * inner).update(from: src, count: inner) }
                    case .mean:
                        let scale = 1 / Float(n)
                        for a in 0..<n {
                            let row = base + a * inner
                            for i in 0..<inner { row[i] = src[i] * scale }
                        }
                    }
                }
            }
        }
    }
    return result
}
