import HDF5
import Tensor
import Testing

/// Ten clouds of 2 points: cloud i has every coordinate equal to i; labels 0,0,0,0,1,1,1,1,1,2.
private func numberedClouds() -> PointCloudSet {
    let labels: [Int32] = [0, 0, 0, 0, 1, 1, 1, 1, 1, 2]
    let scalars = (0..<10).flatMap { i in [Float](repeating: Float(i), count: 6) }
    return PointCloudSet(points: Tensor(shape: [10, 2, 3], scalars: scalars), labels: labels, classNames: ["a", "b", "c"])
}

/// The cloud numbers of a set built by `numberedClouds` (its first coordinate).
private func numbers(_ set: PointCloudSet) -> [Int] {
    (0..<set.count).map { Int(set.points.scalars[$0 * 6]) }
}

@Test func selectingKeepsTheCloudsTheirLabelsAndTheOrderAsked() {
    let picked = numberedClouds().selecting([7, 2, 9])
    #expect(numbers(picked) == [7, 2, 9])
    #expect(picked.labels == [1, 0, 2])
    #expect(picked.classNames == ["a", "b", "c"] && picked.pointsPerCloud == 2)
}

@Test func holdingOutIsStratifiedDisjointCompleteAndSeeded() {
    let set = numberedClouds()
    let (kept, held) = set.holdingOut(fraction: 0.25, seed: 3)
    // Class 0: round(4 × 0.25) = 1 held; class 1: round(1.25) = 1; class 2 has one cloud: none held.
    #expect(held.labels.sorted() == [0, 1])
    #expect(kept.count == 8)
    #expect(Set(numbers(kept)).isDisjoint(with: numbers(held)))
    #expect(Set(numbers(kept) + numbers(held)) == Set(0..<10))
    #expect(numbers(kept) == numbers(kept).sorted() && numbers(held) == numbers(held).sorted())
    let again = set.holdingOut(fraction: 0.25, seed: 3)
    #expect(numbers(again.heldOut) == numbers(held))
    let others = (4...40).map { numbers(set.holdingOut(fraction: 0.25, seed: UInt64($0)).heldOut) }
    #expect(others.contains { $0 != numbers(held) }, "the seed must change which clouds are held out")
    // Never a whole class: a fraction near 1 still keeps one cloud of each.
    let most = set.holdingOut(fraction: 0.99, seed: 1)
    #expect(Set(most.kept.labels) == [0, 1, 2] && most.heldOut.count == 7)
}
