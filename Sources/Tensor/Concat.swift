/// Concatenation along the last axis and its inverse.

/// Concatenates tensors along their last axis: every part has the same leading dimensions (`[R, Ci]` seen
/// as matrices with equal `R`); the result has those leading dimensions and `ΣCi` columns. Exact.
public func concatColumns(_ parts: [Tensor]) -> Tensor {
    precondition(!parts.isEmpty, "concatColumns needs at least one tensor")
    let leading = Array(parts[0].shape.dropLast())
    let r = parts[0].rows
    for part in parts {
        precondition(
            Array(part.shape.dropLast()) == leading,
            "concatColumns: leading dimensions differ, \(parts.map(\.shape))")
    }
    let widths = parts.map(\.columns)
    let total = widths.reduce(0, +)
    var result = Tensor.zeros(leading + [total])
    result.scalars.withMutableBase { out in
        var offset = 0
        for (part, w) in zip(parts, widths) {
            part.scalars.withBase { src in
                for i in 0..<r { (out + i * total + offset).update(from: src + i * w, count: w) }
            }
            offset += w
        }
    }
    return result
}

/// Splits a tensor along its last axis into parts of the given widths (which must add up to `columns`);
/// the inverse of `concatColumns` and the backward of it. Exact.
public func splitColumns(_ x: Tensor, widths: [Int]) -> [Tensor] {
    let total = x.columns
    precondition(widths.reduce(0, +) == total, "splitColumns: widths \(widths) do not add up to \(total)")
    let leading = Array(x.shape.dropLast())
    let r = x.rows
    var offset = 0
    var parts = [Tensor]()
    parts.reserveCapacity(widths.count)
    x.scalars.withBase { src in
        for w in widths {
            let values = [Float].filled(count: r * w) { out in
                for i in 0..<r { (out + i * w).update(from: src + i * total + offset, count: w) }
            }
            parts.append(Tensor(shape: leading + [w], scalars: values))
            offset += w
        }
    }
    return parts
}

/// Stacks tensors along their first axis (e.g. B clouds `[N, C]` into `[B·N, C]`): every part has the same
/// trailing dimensions; the result's first dimension is the sum of theirs. Exact.
public func concatRows(_ parts: [Tensor]) -> Tensor {
    precondition(!parts.isEmpty, "concatRows needs at least one tensor")
    let trailing = Array(parts[0].shape.dropFirst())
    precondition(parts[0].rank >= 1, "concatRows needs tensors of rank ≥ 1")
    for part in parts {
        precondition(
            part.rank >= 1 && Array(part.shape.dropFirst()) == trailing,
            "concatRows: trailing dimensions differ, \(parts.map(\.shape))")
    }
    var values = [Float]()
    values.reserveCapacity(parts.reduce(0) { $0 + $1.count })
    for part in parts { values += part.scalars }
    return Tensor(shape: [parts.reduce(0) { $0 + $1.shape[0] }] + trailing, scalars: values)
}
