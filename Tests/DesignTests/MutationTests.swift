import GNN
import Design
import Tensor
import Testing

@Test func mutationsKeepValidityAndChangeWhatTheirKindSays() throws {
    let space = DesignSpace.small
    let sampler = try ArchitectureSampler(space: space)
    var generator = SeededGenerator(seed: 21)
    for parent in sampler.sample(150, using: &generator) {
        let child = try parent.mutated(in: space, using: &generator)
        #expect(child.isValid(in: space) && child != parent)
        for kind in MutationKind.allCases {
            for neighbour in parent.neighbours(kind, in: space) {
                #expect(neighbour.isValid(in: space))
                let changed = parent.operations.indices.filter { parent.operations[$0] != neighbour.operations[$0] }
                switch kind {
                case .function:
                    #expect(
                        changed.count == 1
                            && parent.operations[changed[0]].type == neighbour.operations[changed[0]].type)
                case .op:
                    #expect(
                        changed.count == 1
                            && parent.operations[changed[0]].type != neighbour.operations[changed[0]].type)
                case .communicatePlace:
                    #expect(neighbour.communicatePositions != parent.communicatePositions)
                    #expect(
                        neighbour.operations.filter { $0 != .communicate }
                            == parent.operations.filter { $0 != .communicate })
                }
            }
        }
    }
}

@Test func communicatePlaceMutationMovesTheCommunicate() throws {
    let parent = try Architecture.parse("knn | comm | agg(rel,max) | pool(max) | id | id", in: .small)
    let moved = parent.neighbours(.communicatePlace, in: .small).map(\.communicatePositions)
    #expect(Set(moved) == [[0], [2], [3], [4], [5]])
}

@Test func crossoverChildrenAreValidSinglePointSplices() throws {
    let space = DesignSpace.small
    let sampler = try ArchitectureSampler(space: space)
    var generator = SeededGenerator(seed: 8)
    var made = 0
    for _ in 0..<150 {
        let a = sampler.sample(using: &generator)
        let b = sampler.sample(using: &generator)
        guard let child = try? a.crossover(with: b, in: space, using: &generator) else { continue }
        made += 1
        #expect(child.isValid(in: space))
        let splices = (1..<space.positions).map { Architecture(Array(a.operations[..<$0] + b.operations[$0...])) }
        #expect(splices.contains(child))
    }
    #expect(made > 50)
}

@Test func crossoverWithoutValidChildIsAnError() throws {
    let a = try Architecture.parse("pool(max) | id | id | id | id | id", in: .small)
    let b = try Architecture.parse("id | id | id | id | id | pool(max)", in: .small)
    var generator = SeededGenerator(seed: 1)
    // Every cut keeps a's pool at 0 and b's pool at 5: two pools.
    #expect(throws: DesignError.self) { try a.crossover(with: b, in: .small, using: &generator) }
}
