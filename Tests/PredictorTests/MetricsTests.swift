import Testing

@testable import Predictor

@Test func kendallTauOfTheSameOrderIsOneAndOfTheReversedOrderIsMinusOne() {
    let values: [Double] = [0.3, 1.2, 2.5, 4.0, 7.7, 9.1]
    #expect(Metrics.kendallTauB(values, values) == 1)
    #expect(Metrics.kendallTauB(values, values.reversed()) == -1)
    #expect(Metrics.kendallTauB(values, values.map { $0 * 3 + 1 }) == 1)
}

@Test func kendallTauBMatchesHandComputedValuesWithTies() {
    // a = [1, 2, 3, 4], b = [1, 3, 2, 4]: 6 pairs, one discordant (2,3) → (5 − 1) / 6.
    #expect(abs(Metrics.kendallTauB([1, 2, 3, 4], [1, 3, 2, 4]) - 4.0 / 6) < 1e-12)
    // a = [1, 2, 2, 3], b = [1, 2, 3, 3]: pairs (i<j): (0,1)+ (0,2)+ (0,3)+ (1,2) tied in a,
    // (1,3)+ (2,3) tied in b → C = 4, D = 0, n0 = 6, n1 = 1, n2 = 1 → 4 / √(5·5) = 0.8.
    #expect(abs(Metrics.kendallTauB([1, 2, 2, 3], [1, 2, 3, 3]) - 0.8) < 1e-12)
    // a = [1, 1, 2], b = [3, 2, 1]: (0,1) tied in a, (0,2) D, (1,2) D → −2 / √(2·3).
    #expect(abs(Metrics.kendallTauB([1, 1, 2], [3, 2, 1]) - (-2 / 6.0.squareRoot())) < 1e-12)
    // A constant list has no order: 0 by convention.
    #expect(Metrics.kendallTauB([1, 1, 1], [1, 2, 3]) == 0)
}

@Test func mapeAndWithinSharesMatchHandComputedValues() {
    let measured: [Double] = [10, 20, 40, 50]
    let predicted: [Double] = [10.9, 17, 40, 59]
    // Errors 9 %, 15 %, 0 %, 18 % → MAPE 10.5 %; within ±10 %: 2 of 4; within ±20 %: 4 of 4.
    #expect(abs(Metrics.mape(predicted: predicted, measured: measured) - 0.105) < 1e-12)
    #expect(Metrics.withinShare(predicted: predicted, measured: measured, tolerance: 0.1) == 0.5)
    #expect(Metrics.withinShare(predicted: predicted, measured: measured, tolerance: 0.2) == 1)
    let metrics = PredictionMetrics(predicted: predicted, measured: measured)
    #expect(metrics.count == 4 && metrics.within10 == 0.5 && metrics.within20 == 1)
    #expect(metrics.kendallTau == 1)
}
