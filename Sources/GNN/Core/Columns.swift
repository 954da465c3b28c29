import Tensor

/// Column-wise concatenation and splitting of row-major matrices ([R, C₁] ‖ [R, C₂] → [R, C₁ + C₂]).
public enum Columns {
    /// Concatenates matrices with equal row counts side by side.
    public static func concat(_ parts: [Tensor]) -> Tensor {
        precondition(!parts.isEmpty && parts.allSatisfy { $0.rank == 2 }, "concat needs matrices")
        let rows = parts[0].shape[0]
        precondition(parts.allSatisfy { $0.shape[0] == rows }, "concat needs equal row counts")
        let width = parts.reduce(0) { $0 + $1.shape[1] }
        var y = Tensor.zeros([rows, width])
        y.withUnsafeMutableBufferPointer { yp in
            var offset = 0
            for part in parts {
                let c = part.shape[1]
                part.withUnsafeBufferPointer { pp in
                    for r in 0..<rows { for ch in 0..<c { yp[r * width + offset + ch] = pp[r * c + ch] } }
                }
                offset += c
            }
        }
        return y
    }

    /// Splits a matrix into consecutive column blocks of the given widths (which must add up to its width).
    public static func split(_ x: Tensor, widths: [Int]) -> [Tensor] {
        let rows = x.shape[0]
        let width = x.shape[1]
        precondition(widths.reduce(0, +) == width, "split widths \(widths) do not add up to \(width)")
        var offset = 0
        return x.withUnsafeBufferPointer { xp in
            widths.map { c in
                var part = Tensor.zeros([rows, c])
                part.withUnsafeMutableBufferPointer { pp in
                    for r in 0..<rows { for ch in 0..<c { pp[r * c + ch] = xp[r * width + offset + ch] } }
                }
                offset += c
                return part
            }
        }
    }
}
