import Foundation
import Testing

@testable import Workbench

@Suite struct PathCompletionTests {
    /// A directory holding `dir with space/ünï 数据/tëst 0.h5` and `data.h5`.
    static func tree() throws -> String {
        let root = temporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: root) }
        try FileManager.default.createDirectory(
            atPath: root + "/dir with space/ünï 数据", withIntermediateDirectories: true)
        FileManager.default.createFile(atPath: root + "/dir with space/ünï 数据/tëst 0.h5", contents: Data())
        FileManager.default.createFile(atPath: root + "/data.h5", contents: Data())
        return root
    }

    @Test func pathsWithSpacesCompleteQuoted() throws {
        let completion = PathCompletion(registry: .standard, directory: try Self.tree())
        #expect(completion.complete("load dir", names: [])?.candidates == ["\"dir with space/"])
        #expect(completion.complete("load da", names: [])?.candidates == ["data.h5"])
        #expect(completion.complete("export x to di", names: ["x"])?.candidates == ["\"dir with space/"])
    }

    @Test func completionWorksInsideAnOpenQuote() throws {
        let completion = PathCompletion(registry: .standard, directory: try Self.tree())
        #expect(completion.complete("load \"dir w", names: [])?.candidates == ["\"dir with space/"])
        #expect(completion.complete("load \"dir with space/ü", names: [])?.candidates == ["\"dir with space/ünï 数据/"])
        #expect(
            completion.complete("load 'dir with space/ünï 数据/t", names: [])?.candidates
                == ["'dir with space/ünï 数据/tëst 0.h5'"])
    }

    @Test func theLineEditorGetsTheRestFromItsOwnWordStart() throws {
        let completion = PathCompletion(registry: .standard, directory: try Self.tree())
        // libedit breaks words at blanks even inside quotes: it replaces only `w`.
        let result = try #require(completion.complete("load \"dir w", names: []))
        #expect(result.replacements(breaks: " \t=;") == ["with space/"])
        let plain = try #require(completion.complete("load dir", names: []))
        #expect(plain.replacements(breaks: " \t=;") == ["\"dir with space/"])
    }

    @Test func nonPathArgumentsAreNotCompletedAsFiles() throws {
        let completion = PathCompletion(registry: .standard, directory: try Self.tree())
        #expect(completion.complete("show da", names: ["data"]) == nil)
    }
}
