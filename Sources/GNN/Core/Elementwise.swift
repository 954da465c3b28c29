import Tensor

/// Small element-wise helpers used by the backward passes.
public enum Elementwise {
    /// `y += x` element by element (equal counts).
    public static func add(_ x: Tensor, into y: inout Tensor) {
        precondition(x.count == y.count, "add: \(x.shape) into \(y.shape)")
        x.withUnsafeBufferPointer { xp in
            y.withUnsafeMutableBufferPointer { yp in for i in yp.indices { yp[i] += xp[i] } }
        }
    }
}
