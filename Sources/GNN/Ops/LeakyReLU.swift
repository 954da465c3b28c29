import Tensor

/// LeakyReLU with Tandem's slope (`GNN.leakySlope`, 0.2): `y = x` for x > 0, else `0.2·x`.
public enum LeakyReLU {
    /// Applies the activation in place.
    public static func apply(_ x: inout Tensor) {
        let slope = GNN.leakySlope
        x.withUnsafeMutableBufferPointer { p in
            for i in p.indices { p[i] = p[i] > 0 ? p[i] : slope * p[i] }
        }
    }

    /// Turns the output gradient into the input gradient in place, given the forward output `y` (same sign
    /// as the input because the slope is positive).
    public static func backward(_ dy: inout Tensor, output y: Tensor) {
        let slope = GNN.leakySlope
        dy.withUnsafeMutableBufferPointer { d in
            y.withUnsafeBufferPointer { yp in
                for i in d.indices { d[i] = yp[i] > 0 ? d[i] : slope * d[i] }
            }
        }
    }
}
