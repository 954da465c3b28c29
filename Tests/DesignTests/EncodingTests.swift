import GNN
import Design
import Tensor
import Testing

@Test func paperDatasetExampleDecodesToTheExpectedOperations() throws {
    let arch = try Architecture.parse("1 5 3 2 3 2 1 2 0 2 2 4,2 0 0 6 0 6 4 6 0 6 6 3", in: .paper)
    let expected: [Operation] = [
        .combine(width: 32), .communicate, .knn, .aggregate(.edgeConv, .max), .knn, .aggregate(.edgeConv, .max),
        .combine(width: 128), .aggregate(.edgeConv, .max), .identity, .aggregate(.edgeConv, .max),
        .aggregate(.edgeConv, .max), .pool(.maxMean),
    ]
    #expect(arch.operations == expected)
    #expect(arch.encoding == [1, 5, 3, 2, 3, 2, 1, 2, 0, 2, 2, 4, 2, 0, 0, 6, 0, 6, 4, 6, 0, 6, 6, 3])
    #expect(arch.datasetForm == "1 5 3 2 3 2 1 2 0 2 2 4,2 0 0 6 0 6 4 6 0 6 6 3")
    #expect(arch.mode == .de)
}

@Test func readableFormUsesTheSpecKeywords() throws {
    let text = "knn | agg(rel,max) | combine(64) | comm | id | agg(full,sum) | pool(max+mean) | id | id | id | id | id"
    let arch = try Architecture.parse(text, in: .paper)
    #expect(arch.text == text)
    #expect(arch.encoding == [3, 2, 1, 5, 0, 2, 4, 0, 0, 0, 0, 0, 0, 9, 3, 0, 0, 2, 3, 0, 0, 0, 0, 0])
    let loose = try Architecture.parse(
        " KNN|aggregate( relative , MAX )|combine(64)|communicate|identity|agg(full,sum)|pool(max,mean)|id|id|id|id|id",
        in: .paper)
    #expect(loose == arch)
}

@Test func everyFormRoundTripsForSampledArchitectures() throws {
    for space in [DesignSpace.paper, .small] {
        let sampler = try ArchitectureSampler(space: space)
        var generator = SeededGenerator(seed: 7)
        for arch in sampler.sample(300, using: &generator) {
            #expect(try Architecture.parse(arch.text, in: space) == arch)
            #expect(try Architecture.parse(arch.datasetForm, in: space) == arch)
            #expect(try Architecture(encoding: arch.encoding, in: space) == arch)
            #expect(try Architecture.parse(arch.encoding.map(String.init).joined(separator: " "), in: space) == arch)
        }
    }
}

@Test func everyAllowedOperationRoundTripsThroughItsIDs() {
    for op in DesignSpace.paper.allowedOperations {
        guard case .success(let decoded) = Operation.decode(opID: op.opID, functionID: op.functionID) else {
            Issue.record("\(op) does not decode")
            continue
        }
        #expect(decoded == op)
    }
    #expect(DesignSpace.paper.allowedOperations.count == 1 + 7 + 12 + 1 + 6 + 1)
}

@Test func syntaxErrorsPointAtTheColumn() {
    #expect(
        throws: DesignError.syntax(
            input: "knn | agg(rel,max) | cmm", column: 22,
            detail: "unknown operation 'cmm' (id, combine, agg, knn, pool, comm)")
    ) {
        try Architecture.parse("knn | agg(rel,max) | cmm", in: .paper)
    }
    #expect(throws: DesignError.syntax(input: "1 5 x", column: 5, detail: "unexpected 'x'")) {
        try Architecture(datasetForm: "1 5 x", in: .paper)
    }
    #expect(
        throws: DesignError.syntax(
            input: "combine(48)", column: 1,
            detail: "combine width 48 is not one of [8, 16, 32, 64, 128, 256, 512]")
    ) {
        try Architecture.parse("combine(48)", in: .paper)
    }
}
