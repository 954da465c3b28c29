import Testing

@testable import Workbench

@Suite struct LexerTests {
    @Test func blanksSeparateWordsAndColumnsCountFromOne() throws {
        let tokens = try Lexer.statements("  load  a.h5 as x")[0]
        #expect(tokens.map(\.text) == ["load", "a.h5", "as", "x"])
        #expect(tokens.map(\.column) == [3, 9, 14, 17])
    }

    @Test func quotesGroupBlanksAndDoubleQuotesUnescape() throws {
        let tokens = try Lexer.statements(#"load "my file.h5" 'it''s' "a \"q\" \\ b""#)[0]
        #expect(tokens.map(\.text) == ["load", "my file.h5", "its", #"a "q" \ b"#])
        #expect(tokens.dropFirst().allSatisfy { $0.quoted })
    }

    @Test func keyValueKeepsQuotedValueAndQuotedEqualsIsNotAKey() throws {
        let tokens = try Lexer.statements(#"set name="a b=c" "x=y""#)[0]
        #expect(tokens[1].key == "name")
        #expect(tokens[1].value == "a b=c")
        #expect(tokens[1].valueColumn == 10)
        #expect(tokens[2].key == nil)
        #expect(tokens[2].text == "x=y")
    }

    @Test func commentsEndTheLineButNotInsideQuotesOrWords() throws {
        let statements = try Lexer.statements(##"show "#x" a#b # the rest; list"##)
        #expect(statements.count == 1)
        #expect(statements[0].map(\.text) == ["show", "#x", "a#b"])
    }

    @Test func semicolonsSplitStatementsAndEmptyOnesAreDropped() throws {
        let statements = try Lexer.statements("list; ; show x;help")
        #expect(statements.map { $0.map(\.text) } == [["list"], ["show", "x"], ["help"]])
        #expect(try Lexer.statements("   ").isEmpty)
        #expect(try Lexer.statements("# only a comment").isEmpty)
    }

    @Test func unterminatedQuoteErrorPointsAtTheQuote() {
        let (line, column) = marked(#"load 1️⃣"data.h5"#)
        #expect(throws: ScriptError("unterminated \" quote", column: column, line: line)) {
            try Lexer.statements(line)
        }
    }
}

@Suite struct UnicodeLexingTests {
    @Test func nonASCIINamesAndQuotedPathsKeepEveryCharacter() throws {
        let tokens = try Lexer.statements("load \"dir with space/ünï 数据/tëst 0.h5\" as données")[0]
        #expect(tokens.map(\.text) == ["load", "dir with space/ünï 数据/tëst 0.h5", "as", "données"])
        let call = try resolve("space small as données")
        #expect(call.text("as") == "données")
    }
}
