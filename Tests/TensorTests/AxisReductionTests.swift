import Testing
import Tensor

@Suite struct AxisReductionTests {
    let x = Reference.random([2, 3, 4], seed: 61)

    /// Loop reference for axis reductions of a [2, 3, 4] tensor.
    func reference(axis: Int, _ reduce: Reduction) -> (values: [Double], argmax: [Int32]) {
        var outShape = x.shape
        outShape.remove(at: axis)
        var values = [Double]()
        var args = [Int32]()
        for o0 in 0..<outShape[0] {
            for o1 in 0..<outShape[1] {
                var column = [Float]()
                for a in 0..<x.shape[axis] {
                    var idx = [o0, o1]
                    idx.insert(a, at: axis)
                    column.append(x[idx[0], idx[1], idx[2]])
                }
                let sum = column.reduce(0.0) { $0 + Double($1) }
                switch reduce {
                case .sum: values.append(sum)
                case .mean: values.append(sum / Double(column.count))
                case .max:
                    let best = column.indices.max { column[$0] < column[$1] } ?? 0
                    values.append(Double(column[best]))
                    args.append(Int32(best))
                }
            }
        }
        return (values, args)
    }

    @Test(arguments: [0, 1, 2], Reduction.allCases)
    func reductionsMatchLoops(axis: Int, reduce: Reduction) {
        let (output, argmax) = x.reduce(alongAxis: axis, reduce)
        var outShape = x.shape
        outShape.remove(at: axis)
        #expect(output.shape == outShape)
        let (values, args) = reference(axis: axis, reduce)
        #expect(Reference.maxDifference(output.scalars, values) <= 1e-6)
        if reduce == .max { #expect(argmax == args) }
    }

    @Test func poolingOverPointsGivesBatchByChannels() {
        let points = Reference.random([3, 10, 5], seed: 62)
        #expect(points.max(alongAxis: 1).values.shape == [3, 5])
        #expect(points.mean(alongAxis: 1).shape == [3, 5])
        #expect(points.sum(alongAxis: 1).shape == [3, 5])
    }

    @Test(arguments: [0, 1, 2], Reduction.allCases)
    func backwardMatchesFiniteDifferences(axis: Int, reduce: Reduction) {
        // Central differences, h = 1e-3, on piecewise-linear functions: tolerance 2e-3.
        let (output, argmax) = x.reduce(alongAxis: axis, reduce)
        let g = Reference.random(output.shape, seed: 63)
        let gx = reduceAlongAxisBackward(g, inputShape: x.shape, axis: axis, reduction: reduce, argmax: argmax)
        #expect(gx.shape == x.shape)
        let h: Float = 1e-3
        for i in 0..<x.count {
            var plus = x
            var minus = x
            plus.scalars[i] += h
            minus.scalars[i] -= h
            let fp = plus.reduce(alongAxis: axis, reduce).output.dot(g)
            let fm = minus.reduce(alongAxis: axis, reduce).output.dot(g)
            #expect(abs((fp - fm) / (2 * h) - gx.scalars[i]) <= 2e-3)
        }
    }
}
