import Testing
import Tensor

@Suite struct RandomTests {
    @Test func sameSeedGivesSameStreamAndDifferentSeedsDiffer() {
        var g1 = SeededGenerator(seed: 42)
        var g2 = SeededGenerator(seed: 42)
        var g3 = SeededGenerator(seed: 43)
        let s1 = (0..<100).map { _ in g1.next() }
        let s2 = (0..<100).map { _ in g2.next() }
        let s3 = (0..<100).map { _ in g3.next() }
        #expect(s1 == s2)
        #expect(zip(s1, s3).filter { $0 == $1 }.isEmpty)
        var h1 = SeededGenerator(seed: 7)
        var h2 = SeededGenerator(seed: 7)
        #expect(Tensor.randomNormal([10, 10], generator: &h1) == Tensor.randomNormal([10, 10], generator: &h2))
    }

    @Test func normalSamplesHaveMeanZeroAndVarianceOne() {
        // 100 000 samples: standard error of the mean 0.0032, of the variance 0.0045; tolerance 0.02 (> 4 σ).
        var g = SeededGenerator(seed: 1)
        let t = Tensor.randomNormal([100_000], generator: &g)
        let mean = t.mean()
        let variance = t.map { ($0 - mean) * ($0 - mean) }.mean()
        #expect(abs(mean) < 0.02)
        #expect(abs(variance - 1) < 0.02)
    }

    @Test func kaimingNormalHasStandardDeviationSqrtTwoOverFanIn() {
        // std = sqrt(2 / 64) = 0.177 over 64 000 samples: relative tolerance 3 %.
        var g = SeededGenerator(seed: 2)
        let w = Tensor.kaimingNormal([64, 1000], fanIn: 64, generator: &g)
        let std = (w.squaredNorm() / Float(w.count)).squareRoot()
        #expect(abs(std / (2.0 / 64).squareRoot() - 1) < 0.03)
    }

    @Test func uniformSamplesStayInRange() {
        var g = SeededGenerator(seed: 3)
        let t = Tensor.randomUniform([10_000], lower: -2, upper: 3, generator: &g)
        #expect(t.scalars.allSatisfy { $0 >= -2 && $0 < 3 })
        #expect(abs(t.mean() - 0.5) < 0.05)
    }
}
