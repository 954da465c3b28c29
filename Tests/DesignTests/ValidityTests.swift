import GNN
import Design
import Testing

/// One failing example per rule, in the small space (6 positions, widths 8–32, width limit 128).
struct BrokenExample: Sendable, CustomStringConvertible {
    let text: String
    let rule: ValidityRule
    let position: Int?
    var description: String { "\(rule): \(text)" }
}

let brokenExamples: [BrokenExample] = [
    .init(text: "knn | agg(rel,max) | pool(max) | id | id", rule: .positionCount, position: nil),
    .init(text: "9 0 0 0 0 4,0 0 0 0 0 0", rule: .unknownOp, position: 0),
    .init(text: "3 2 2 4 0 0,0 0 12 0 0 0", rule: .functionOutOfRange, position: 2),
    .init(text: "3 2 4 1 0 0,0 0 0 7 0 0", rule: .functionOutOfRange, position: 3),
    .init(text: "3 2 4 5 0 0,0 0 0 1 0 0", rule: .functionOutOfRange, position: 3),
    .init(text: "knn | agg(rel,max) | combine(64) | pool(max) | id | id", rule: .functionNotAllowed, position: 2),
    .init(text: "combine(8) | agg(rel,max) | knn | pool(max) | id | id", rule: .aggregateWithoutGraph, position: 1),
    .init(text: "knn | pool(max) | agg(rel,max) | id | id | id", rule: .graphOpAfterPool, position: 2),
    .init(text: "knn | pool(max) | id | knn | id | id", rule: .graphOpAfterPool, position: 3),
    .init(text: "knn | pool(max) | id | pool(mean) | id | id", rule: .secondPool, position: 3),
    .init(text: "comm | knn | comm | pool(max) | comm | id", rule: .tooManyCommunicates, position: 4),
    .init(
        text: "combine(32) | knn | agg(full,max) | agg(edgeconv,max) | pool(max) | id", rule: .widthLimit,
        position: 3),
    .init(text: "knn | agg(rel,max) | combine(8) | id | comm | id", rule: .missingPool, position: nil),
]

@Test(arguments: brokenExamples)
func eachRuleRejectsItsExampleAtItsPosition(_ example: BrokenExample) {
    do {
        let arch = try Architecture.parse(example.text, in: .small)
        Issue.record("accepted \(arch)")
    } catch DesignError.invalidArchitecture(let rule, let position, _) {
        #expect(rule == example.rule)
        #expect(position == example.position)
    } catch {
        Issue.record("unexpected error \(error)")
    }
}

@Test func opsAndModesOutsideTheSpaceAreRejected() {
    var noIdentity = DesignSpace.small
    noIdentity.allowedOps.remove(.identity)
    #expect(throws: DesignError.self) { try Architecture.parse("knn | pool(max) | id | id | id | id", in: noIdentity) }
    do {
        _ = try Architecture.parse("knn | pool(max) | id | id | id | id", in: noIdentity)
    } catch DesignError.invalidArchitecture(let rule, let position, _) {
        #expect(rule == .opNotAllowed && position == 2)
    } catch { Issue.record("unexpected \(error)") }

    var deviceOnly = DesignSpace.small
    deviceOnly.modes = [.d, .de]
    do {
        _ = try Architecture.parse("comm | knn | pool(max) | id | comm | id", in: deviceOnly)
        Issue.record("mode ED accepted")
    } catch DesignError.invalidArchitecture(let rule, let position, let detail) {
        #expect(rule == .modeNotAllowed && position == 4)
        #expect(detail.contains("mode ED"))
    } catch { Issue.record("unexpected \(error)") }
}

@Test func errorMessageNamesPositionAndRule() {
    let error = DesignError.invalidArchitecture(
        rule: .aggregateWithoutGraph, position: 1, detail: "agg(rel,max) has no graph: no knn before it")
    #expect(
        error.description
            == "position 1: agg(rel,max) has no graph: no knn before it (rule aggregateWithoutGraph: aggregate needs a graph built by an earlier knn)"
    )
}

@Test func graphsStayValidAfterCombineAndAdjacentCommunicatesAreLegal() throws {
    _ = try Architecture.parse("knn | combine(32) | agg(edgeconv,max) | comm | comm | pool(max)", in: .small)
}

@Test func modesFollowTheCommunicates() throws {
    let cases: [(String, Mode)] = [
        ("knn | agg(rel,max) | pool(max) | id | id | id", .d),
        ("comm | knn | agg(rel,max) | pool(max) | id | id", .e),
        ("knn | comm | agg(rel,max) | pool(max) | id | id", .de),
        ("comm | knn | agg(rel,max) | comm | pool(max) | id", .ed),
        ("knn | comm | agg(rel,max) | comm | pool(max) | id", .ded),
    ]
    for (text, mode) in cases {
        let mapping = try Architecture.parse(text, in: .small).mapping(in: .small)
        #expect(mapping.mode == mode)
        #expect(mapping.head.side == mode.headSide)
    }
}

@Test func spaceValidationNamesTheBrokenField() {
    var space = DesignSpace.small
    space.k = 64
    #expect(
        throws: DesignError.invalidSpace(
            space: "small", detail: "k = 64 must be at least 1 and below the points per cloud (64)")
    ) {
        try space.validate()
    }
    space = .small
    space.combineWidths = [8, 48]
    #expect(throws: DesignError.self) { try space.validate() }
    space = .small
    space.allowedOps.remove(.knn)
    #expect(throws: DesignError.invalidSpace(space: "small", detail: "aggregate is allowed but knn (its graph) is not"))
    {
        try space.validate()
    }
    #expect(throws: Never.self) { try DesignSpace.paper.validate() }
    #expect(throws: Never.self) { try DesignSpace.small.validate() }
}
