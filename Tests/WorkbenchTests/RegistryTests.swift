import Foundation
import Testing

@testable import Workbench

@Suite struct RegistryTests {
    @Test func everyCommandHasAnExampleThatResolvesToItself() throws {
        for spec in CommandRegistry.standard.specs {
            #expect(!spec.examples.isEmpty, "\(spec.name) has no example")
            for example in spec.examples {
                let call = try resolve(example)
                #expect(call.spec.name == spec.name, "example '\(example)' resolves to \(call.spec.name)")
            }
        }
    }

    @Test func everyCommandHasASummaryAndEveryArgumentHelp() {
        for spec in CommandRegistry.standard.specs {
            #expect(!spec.summary.isEmpty && !spec.summary.hasSuffix("."), "\(spec.name)")
            #expect(spec.arguments.allSatisfy { !$0.help.isEmpty }, "\(spec.name)")
        }
    }

    @Test func canonicalTextOfEveryExampleResolvesToTheSameArguments() throws {
        for spec in CommandRegistry.standard.specs {
            for example in spec.examples {
                let call = try resolve(example)
                let again = try resolve(call.canonicalText)
                #expect(again.arguments == call.arguments, "\(example) → \(call.canonicalText)")
                #expect(again.canonicalText == call.canonicalText)
            }
        }
    }

    @Test func helpForOneCommandMatchesTheSnapshot() {
        let text = HelpText(registry: .standard).command(SaveCommand.spec)
        #expect(
            text == """
                usage: save PATH [RANGE]

                Write the session's recorded commands as a replayable script.

                arguments:
                  PATH   the script file to write
                  RANGE  history numbers N, N-M or N- (default: all)

                examples:
                  save session.tandem
                  save part.tandem 3-

                Commands are written with canonical names and every default and seed spelled out; replay with `tandem FILE` or `run FILE`.
                """)
    }

    @Test func helpOverviewMatchesTheSnapshot() {
        let registry = CommandRegistry([HelpCommand.self, ListCommand.self, TimerCommand.self, LsCommand.self])
        #expect(
            HelpText(registry: registry).overview == """
                Commands by group. `help VERB` or `help GROUP` shows more; `apropos WORD` searches.

                session: help, named values, settings, history and scripts
                  help   Show the commands, or help on one command or group
                  list   List the session's named values
                  timer  Print wall and cpu time after each command

                data: load, list, generate and export data sets
                  ls     List the groups and datasets of an HDF5 file (like h5ls -r)
                """)
    }

    @Test func helpGroupMatchesTheSnapshot() {
        let registry = CommandRegistry([TimerCommand.self, LsCommand.self, ExportCommand.self])
        #expect(
            HelpText(registry: registry).group(.data) == """
                data: load, list, generate and export data sets

                  ls PATH
                      List the groups and datasets of an HDF5 file (like h5ls -r)

                  export NAME to PATH
                      Write a named value to an HDF5 file
                """)
    }

    @Test(arguments: ["load", "make shapes", "show settings", "timer", "set"])
    func helpVerbAndDashHAndDashDashHelpPrintTheSame(verb: String) {
        var outputs: [String] = []
        for line in ["help \(verb)", "\(verb) -h", "\(verb) --help"] {
            let (shell, buffer) = capturingShell()
            #expect(shell.execute(line) == 0)
            outputs.append(buffer.text)
        }
        #expect(outputs[0] == outputs[1])
        #expect(outputs[0] == outputs[2])
        #expect(outputs[0].hasPrefix("usage: \(verb)"))
    }

    @Test func helpOfAFirstWordShowsEveryCommandStartingWithIt() {
        let (shell, buffer) = capturingShell()
        shell.execute("help make")
        #expect(buffer.text.hasPrefix("usage: make shapes"))
    }

    @Test func helpOfAnUnknownTopicSuggestsTheClosest() {
        let (shell, buffer) = capturingShell(interactive: true)
        #expect(shell.execute("help lod") == 1)
        #expect(buffer.text == "error: no command or group 'lod'; did you mean 'load'?\n")
    }

    @Test func aproposFindsCommandsByWordsInTheirHelp() {
        let found = HelpText(registry: .standard).apropos("SEED").map(\.name)
        #expect(found.contains("set"))
        #expect(found.contains("make shapes"))
        #expect(!found.contains("ls"))
    }

    @Test func readmeCommandsBlockIsTheGeneratedOne() throws {
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent()
        let readme = try String(contentsOf: root.appendingPathComponent("README.md"), encoding: .utf8)
        let help = HelpText(registry: .standard)
        let begin = try #require(readme.range(of: HelpText.beginMarker))
        let end = try #require(readme.range(of: HelpText.endMarker))
        let block = readme[begin.upperBound..<end.lowerBound].trimmingCharacters(in: .newlines)
        #expect(
            block == help.markdown,
            "README.md's command list is stale: run `swift run tandem help --markdown README.md`")
    }

    @Test func replacingTheCommandsBlockKeepsTheRestOfTheReadme() {
        let help = HelpText(registry: CommandRegistry([ListCommand.self]))
        let text = "# T\n\n<!-- commands:begin -->\nold\n<!-- commands:end -->\n\nafter\n"
        #expect(
            help.replacingCommandsBlock(in: text)
                == "# T\n\n<!-- commands:begin -->\n\(help.markdown)\n<!-- commands:end -->\n\nafter\n")
        #expect(help.replacingCommandsBlock(in: "no markers") == nil)
    }
}
