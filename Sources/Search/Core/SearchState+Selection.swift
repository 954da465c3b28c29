import Foundation
import Design
import Tensor

extension SearchState {
    /// What the search found for each target so far, in the order of `targets` (a pure function of
    /// `designs`: rejections per constraint and survivors count distinct candidates).
    public var outcomes: [TargetOutcome] {
        targets.indices.map { t in
            var rejected: [Constraint: Int] = [:]
            var survivors = 0
            var best: Int?
            for (i, design) in designs.enumerated() {
                let broken = targets[t].violations(design.costs[t])
                for constraint in broken { rejected[constraint, default: 0] += 1 }
                guard broken.isEmpty, let score = design.score else { continue }
                survivors += 1
                if let current = best, let currentScore = designs[current].score,
                    !options.ranking.isBetter(score, than: currentScore)
                {
                    continue
                }
                best = i
            }
            return TargetOutcome(
                target: targets[t], rejected: rejected, survivors: survivors, best: best,
                bestFoundAt: best.map { designs[$0].foundAt })
        }
    }

    /// The indices of the designs within target `t`'s budget, best first (ties: evaluated first).
    public func survivors(of t: Int) -> [Int] {
        let within = designs.indices.filter {
            designs[$0].score != nil && targets[t].violations(designs[$0].costs[t]).isEmpty
        }
        return within.sorted { a, b in
            guard let sa = designs[a].score, let sb = designs[b].score else { return a < b }
            if options.ranking.isBetter(sa, than: sb) { return true }
            if options.ranking.isBetter(sb, than: sa) { return false }
            return a < b
        }
    }

    /// The parents of the next generation: the `options.parents` best survivors of every target, each
    /// once, in evaluation order.
    func parentIndices() -> [Int] {
        var chosen: Set<Int> = []
        for t in targets.indices { chosen.formUnion(survivors(of: t).prefix(options.parents)) }
        return chosen.sorted()
    }

    /// How many times `draw` tries for an architecture not evaluated yet before it accepts a repeat.
    static let drawAttempts = 8

    /// The next candidate: a child of `parents` (a uniform sample when there are none), preferring one not
    /// evaluated yet: up to `drawAttempts` children, then up to `drawAttempts` uniform samples, then the last.
    mutating func draw(parents: [Int]) -> Architecture {
        if !parents.isEmpty {
            for _ in 0..<Self.drawAttempts {
                if let candidate = child(of: parents), index[candidate] == nil { return candidate }
            }
        }
        var candidate = sampler.sample(using: &generator)
        for _ in 1..<Self.drawAttempts where index[candidate] != nil {
            candidate = sampler.sample(using: &generator)
        }
        return candidate
    }

    /// A crossover (then mutated) of two parents with probability `options.crossoverRate` when there are two,
    /// otherwise a mutant of one; nil when the chosen operation has no valid result.
    mutating func child(of parents: [Int]) -> Architecture? {
        let roll = Double(generator.next() >> 11) * 0x1p-53
        let first = designs[parents[Int(generator.next() % UInt64(parents.count))]].architecture
        if parents.count >= 2 && roll < options.crossoverRate {
            var second = first
            while second == first {
                second = designs[parents[Int(generator.next() % UInt64(parents.count))]].architecture
            }
            guard let crossed = try? first.crossover(with: second, in: space, using: &generator) else { return nil }
            return (try? crossed.mutated(in: space, using: &generator)) ?? crossed
        }
        return try? first.mutated(in: space, using: &generator)
    }

    /// The best so far per bandwidth, for progress notes: `best 10 Mbit/s 41.2% (loss 1.234)`; or
    /// `no survivor yet`.
    var bestNote: String {
        let parts = outcomes.compactMap { outcome -> String? in
            guard let best = outcome.best, let score = designs[best].score else { return nil }
            return TargetName.bandwidth(outcome.target.bandwidthMbps) + " "
                + String(format: "%.1f%% (loss %.3f)", score.accuracy * 100, score.loss)
        }
        return parts.isEmpty ? "no survivor yet" : "best " + parts.joined(separator: ", ")
    }
}

extension SearchRanking {
    /// Whether `a` ranks strictly above `b` (a NaN loss ranks below every number).
    public func isBetter(_ a: ArchitectureScore, than b: ArchitectureScore) -> Bool {
        switch self {
        case .loss: return a.loss < b.loss || (b.loss.isNaN && !a.loss.isNaN)
        case .accuracy: return a.accuracy > b.accuracy
        }
    }
}

/// Formatting of target facts for notes.
enum TargetName {
    /// `10 Mbit/s`.
    static func bandwidth(_ mbps: Double) -> String { SearchTarget.compact(mbps) + " Mbit/s" }
}
