import GNN
import Design
import Tensor
import Testing

/// A tiny space small enough to enumerate: 5 positions, 8 operations (id, combine(8), agg(rel,max),
/// agg(full,max), knn, pool(max), pool(max+mean), comm), width limit 64.
let tinySpace: DesignSpace = {
    var space = DesignSpace.small
    space.name = "tiny"
    space.positions = 5
    space.combineWidths = [8]
    space.messages = [.full, .relative]
    space.reducers = [.max]
    space.poolKinds = [.max, .maxMean]
    space.maxFeatureWidth = 64
    return space
}()

/// An independent statement of the rules (not the module's code) for the tiny space.
func referenceIsValid(_ ops: [Operation]) -> Bool {
    var width = 3
    var graph = false
    var pools = 0
    var comms: [Int] = []
    for (position, op) in ops.enumerated() {
        switch op {
        case .identity: break
        case .combine(let w): width = w
        case .knn:
            if pools > 0 { return false }
            graph = true
        case .aggregate(let message, _):
            if pools > 0 || !graph { return false }
            width = message == .full ? 3 * width + 1 : width
        case .pool(let kind):
            pools += 1
            width = kind == .maxMean ? 2 * width : width
        case .communicate: comms.append(position)
        }
        if width > 64 { return false }
    }
    return pools == 1 && comms.count <= 2
}

func allTinyArchitectures() -> [Architecture] {
    let ops = tinySpace.allowedOperations
    var result: [[Operation]] = [[]]
    for _ in 0..<tinySpace.positions { result = result.flatMap { prefix in ops.map { prefix + [$0] } } }
    return result.map(Architecture.init)
}

@Test func validatorAndCounterAgreeWithBruteForceEnumeration() throws {
    let all = allTinyArchitectures()
    #expect(all.count == 32_768)
    var valid = 0
    for arch in all {
        let reference = referenceIsValid(arch.operations)
        #expect(arch.isValid(in: tinySpace) == reference, "\(arch)")
        if reference { valid += 1 }
    }
    let sampler = try ArchitectureSampler(space: tinySpace)
    #expect(sampler.validCount == Double(valid))
}

/// Per-position op-type frequencies of 20 000 samples against the exact marginals of the uniform
/// distribution over the enumerated valid set; tolerance 5 binomial standard deviations + 0.002.
@Test func samplingIsUniformOverValidArchitectures() throws {
    let valid = allTinyArchitectures().filter { referenceIsValid($0.operations) }
    let sampler = try ArchitectureSampler(space: tinySpace)
    var generator = SeededGenerator(seed: 11)
    let draws = 20_000
    let samples = sampler.sample(draws, using: &generator)
    for position in 0..<tinySpace.positions {
        for type in OpType.allCases {
            let p = Double(valid.filter { $0.operations[position].type == type }.count) / Double(valid.count)
            let observed = Double(samples.filter { $0.operations[position].type == type }.count) / Double(draws)
            let sigma = (p * (1 - p) / Double(draws)).squareRoot()
            #expect(abs(observed - p) <= 5 * sigma + 0.002, "position \(position) \(type): \(observed) vs \(p)")
        }
    }
    let distinct = Set(samples)
    #expect(distinct.count > valid.count * 9 / 10)
}

@Test func samplingYieldsOnlyValidArchitecturesCoveringEveryOpAndMode() throws {
    for space in [DesignSpace.small, .paper] {
        let sampler = try ArchitectureSampler(space: space)
        var generator = SeededGenerator(seed: 3)
        let samples = sampler.sample(2_000, using: &generator)
        #expect(samples.allSatisfy { $0.isValid(in: space) })
        let types = Set(samples.flatMap { $0.operations.map(\.type) })
        #expect(types == Set(OpType.allCases))
        let modes = Set(samples.compactMap(\.mode))
        #expect(modes == Set(Mode.allCases), "space \(space.name): \(modes)")
    }
}

@Test func samplingIsReproducibleAndCanBeRestrictedToModes() throws {
    let sampler = try ArchitectureSampler(space: .small)
    var a = SeededGenerator(seed: 5)
    var b = SeededGenerator(seed: 5)
    #expect(sampler.sample(50, using: &a) == sampler.sample(50, using: &b))
    for mode in Mode.allCases {
        let only = try ArchitectureSampler(space: .small, modes: [mode])
        var generator = SeededGenerator(seed: 9)
        #expect(only.sample(100, using: &generator).allSatisfy { $0.mode == mode })
    }
}

@Test func aSpaceWithoutValidArchitecturesIsAnError() {
    var space = DesignSpace.small
    space.positions = 2
    space.modes = [.ded]
    #expect(throws: DesignError.self) { try ArchitectureSampler(space: space) }
}
