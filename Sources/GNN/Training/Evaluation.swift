/// Classification quality on a labelled set.
public struct Evaluation: Sendable, Equatable {
    /// confusion[t][p]: samples of true class t predicted as p.
    public var confusion: [[Int]]
    /// Mean cross-entropy (without smoothing) over the samples.
    public var loss: Double

    /// Counts predictions against labels for `classes` classes.
    public init(predictions: [Int], labels: [Int32], classes: Int, loss: Double) {
        var confusion = [[Int]](repeating: [Int](repeating: 0, count: classes), count: classes)
        for (p, t) in zip(predictions, labels) { confusion[Int(t)][p] += 1 }
        self.confusion = confusion
        self.loss = loss
    }

    /// The number of samples.
    public var count: Int { confusion.reduce(0) { $0 + $1.reduce(0, +) } }

    /// Correct predictions over all samples (0 for an empty set).
    public var overallAccuracy: Double {
        let correct = confusion.indices.reduce(0) { $0 + confusion[$1][$1] }
        return count == 0 ? 0 : Double(correct) / Double(count)
    }

    /// The mean over classes present in the labels of each class's accuracy (balanced accuracy).
    public var meanClassAccuracy: Double {
        let rates = confusion.indices.compactMap { t -> Double? in
            let total = confusion[t].reduce(0, +)
            return total == 0 ? nil : Double(confusion[t][t]) / Double(total)
        }
        return rates.isEmpty ? 0 : rates.reduce(0, +) / Double(rates.count)
    }
}
