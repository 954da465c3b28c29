import Tensor
import Testing

@testable import GNN

// Finite-difference checks: central differences with h = 1e-3 on Float32 forward passes whose loss is
// accumulated in Float64; tolerance 1e-2 relative (absolute below 1).

@Test func linearOnAWeightBlockHasFiniteDifferenceGradients() {
    let x = randomTensor([4, 3], seed: 1)
    let w = randomTensor([5, 7], seed: 2)
    let r = randomTensor([4, 4], seed: 3)
    let y = Linear.forward(x, weight: w, inWidth: 3, outWidth: 4, threads: .single)
    #expect(y.shape == [4, 4])
    var wg = Tensor.zeros([5, 7])
    let dx = Linear.backward(r, input: x, weight: w, inWidth: 3, outWidth: 4, weightGrad: &wg, threads: .single)
    expectGradient("dx", at: x, analytic: dx) { weightedSum(Linear.forward($0, weight: w, inWidth: 3, outWidth: 4, threads: .single), r) }
    expectGradient("dW", at: w, analytic: wg) { weightedSum(Linear.forward(x, weight: $0, inWidth: 3, outWidth: 4, threads: .single), r) }
    // Entries outside the [3, 4] block have zero gradient.
    #expect(wg[4, 6] == 0 && wg[3, 0] == 0 && wg[0, 5] == 0)
}

@Test func linearBiasGradientIsTheColumnSum() {
    let x = randomTensor([3, 2], seed: 4)
    let w = randomTensor([2, 3], seed: 5)
    let bias = randomTensor([3], seed: 6)
    let r = randomTensor([3, 3], seed: 7)
    var bg = Tensor.zeros([3])
    Linear.biasGradient(r, into: &bg)
    expectGradient("db", at: bias, analytic: bg) {
        weightedSum(Linear.forward(x, weight: w, bias: $0, inWidth: 2, outWidth: 3, threads: .single), r)
    }
}

@Test(arguments: [true, false])
func batchNormHasFiniteDifferenceGradients(training: Bool) {
    let x = randomTensor([6, 3], seed: 8, scale: 2)
    let gamma = randomTensor([3], seed: 9)
    let beta = randomTensor([3], seed: 10)
    let r = randomTensor([6, 3], seed: 11)
    let runningMean = randomTensor([3], seed: 12)
    let runningVariance = Tensor(shape: [3], scalars: [0.5, 1.5, 2])
    func run(_ x: Tensor, _ gamma: Tensor, _ beta: Tensor) -> (Tensor, BatchNormCache) {
        var rm = runningMean
        var rv = runningVariance
        return BatchNorm.forward(
            x, gamma: gamma, beta: beta, runningMean: &rm, runningVariance: &rv, training: training)
    }
    let (_, cache) = run(x, gamma, beta)
    var gg = Tensor.zeros([3])
    var bg = Tensor.zeros([3])
    let dx = BatchNorm.backward(r, cache: cache, gamma: gamma, gammaGrad: &gg, betaGrad: &bg)
    expectGradient("dx", at: x, analytic: dx) { weightedSum(run($0, gamma, beta).0, r) }
    expectGradient("dgamma", at: gamma, analytic: gg) { weightedSum(run(x, $0, beta).0, r) }
    expectGradient("dbeta", at: beta, analytic: bg) { weightedSum(run(x, gamma, $0).0, r) }
}

@Test func batchNormRunningStatisticsFollowPyTorchsUpdate() {
    let x = Tensor(shape: [4, 1], scalars: [1, 2, 3, 6])
    var rm = Tensor(shape: [1], scalars: [0])
    var rv = Tensor(shape: [1], scalars: [1])
    _ = BatchNorm.forward(
        x, gamma: Tensor(shape: [1], repeating: 1), beta: .zeros([1]), runningMean: &rm, runningVariance: &rv,
        training: true)
    // mean 3, unbiased variance (4 + 1 + 0 + 9) / 3 = 14/3; momentum 0.1.
    #expect(abs(rm[0] - 0.3) < 1e-6)
    #expect(abs(rv[0] - (0.9 + 0.1 * 14 / 3)) < 1e-5)
}

@Test func combineOnAWeightBlockHasFiniteDifferenceGradients() {
    let x = randomTensor([8, 3], seed: 13)
    let w = randomTensor([6, 9], seed: 14)
    let gamma = randomTensor([4], seed: 15)
    let beta = randomTensor([4], seed: 16)
    let r = randomTensor([8, 4], seed: 17)
    func run(_ x: Tensor, _ w: Tensor, _ gamma: Tensor, _ beta: Tensor) -> (Tensor, CombineCache) {
        var rm = Tensor.zeros([4])
        var rv = Tensor(shape: [4], repeating: 1)
        return Combine.forward(
            x, weight: w, outWidth: 4, gamma: gamma, beta: beta, runningMean: &rm, runningVariance: &rv,
            training: true, threads: .single)
    }
    let (_, cache) = run(x, w, gamma, beta)
    var wg = Tensor.zeros([6, 9])
    var gg = Tensor.zeros([4])
    var bg = Tensor.zeros([4])
    let dx = Combine.backward(
        r, cache: cache, weight: w, gamma: gamma, weightGrad: &wg, gammaGrad: &gg, betaGrad: &bg, threads: .single)
    expectGradient("dx", at: x, analytic: dx) { weightedSum(run($0, w, gamma, beta).0, r) }
    expectGradient("dW", at: w, analytic: wg) { weightedSum(run(x, $0, gamma, beta).0, r) }
    expectGradient("dgamma", at: gamma, analytic: gg) { weightedSum(run(x, w, $0, beta).0, r) }
    expectGradient("dbeta", at: beta, analytic: bg) { weightedSum(run(x, w, gamma, $0).0, r) }
}

@Test func batchNormWithMomentumOneOverTPlusOneAveragesTheBatches() {
    // Recalibration: momentum 1/(t+1) for batch t gives the plain average of the batch statistics.
    var rm = Tensor(shape: [1], scalars: [5])
    var rv = Tensor(shape: [1], scalars: [5])
    let batches = [Tensor(shape: [2, 1], scalars: [0, 2]), Tensor(shape: [2, 1], scalars: [4, 8])]
    for (t, x) in batches.enumerated() {
        _ = BatchNorm.forward(
            x, gamma: Tensor(shape: [1], repeating: 1), beta: .zeros([1]), runningMean: &rm, runningVariance: &rv,
            training: true, momentum: 1 / Float(t + 1))
    }
    // Means 1 and 6; unbiased variances 2 and 8.
    #expect(abs(rm[0] - 3.5) < 1e-6)
    #expect(abs(rv[0] - 5) < 1e-5)
}
