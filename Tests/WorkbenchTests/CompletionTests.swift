import Testing

@testable import Workbench

@Suite struct CompletionTests {
    let completion = Completion(registry: .standard)

    @Test func firstWordCompletesVerbs() {
        #expect(
            completion.complete("s", names: []).candidates == [
                "save", "search", "set", "show", "sleep", "space", "supernet", "system",
            ])
        #expect(completion.complete("ma", names: []).candidates == ["make"])
        #expect(completion.complete("", names: []).candidates.contains("load"))
    }

    @Test func secondWordCompletesSubVerbs() {
        #expect(completion.complete("make ", names: []).candidates == ["shapes"])
        #expect(
            completion.complete("make sh", names: [])
                == .init(fragment: "sh", candidates: ["shapes"], wantsFiles: false))
    }

    @Test func keysCompleteWithTheirEqualsSignAndUsedKeysDrop() {
        #expect(completion.complete("make shapes cl", names: []).candidates == ["classes="])
        let later = completion.complete("make shapes classes=3 ", names: []).candidates
        #expect(!later.contains("classes="))
        #expect(later.contains("points="))
        #expect(later.contains("as"))
    }

    @Test func valuesCompleteFromChoicesAndSessionNames() {
        #expect(completion.complete("make shapes rotation=f", names: []).candidates == ["full"])
        #expect(completion.complete("show ", names: ["shapes", "toy"]).candidates == ["shapes", "toy"])
        #expect(completion.complete("export t", names: ["shapes", "toy"]).candidates == ["toy"])
        #expect(completion.complete("timer o", names: []).candidates == ["off", "on"])
        #expect(completion.complete("help ma", names: []).candidates == ["make"])
    }

    @Test func pathsAreLeftToTheLineEditor() {
        let result = completion.complete("load da", names: ["x"])
        #expect(result.wantsFiles)
        #expect(result.candidates.isEmpty)
        #expect(completion.complete("export x to ou", names: []).wantsFiles)
    }
}
