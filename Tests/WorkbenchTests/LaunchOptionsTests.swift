import Testing

@testable import Workbench

@Suite struct LaunchOptionsTests {
    @Test(arguments: [
        ([], LaunchOptions(mode: .interactive)),
        (["s.tandem", "--keep-going", "--echo"], LaunchOptions(mode: .script("s.tandem"), keepGoing: true, echo: true)),
        (["-"], LaunchOptions(mode: .script("-"))),
        (["-c", "list; help"], LaunchOptions(mode: .commands("list; help"))),
        (["check", "a", "b"], LaunchOptions(mode: .check(["a", "b"]))),
        (["notebook", "run", "n.md"], LaunchOptions(mode: .notebookRun(["n.md"]))),
        (["notebook", "check", "n.md"], LaunchOptions(mode: .notebookCheck(["n.md"]))),
        (["help"], LaunchOptions(mode: .help(nil))),
        (["-h"], LaunchOptions(mode: .help(nil))),
        (["--help"], LaunchOptions(mode: .help(nil))),
        (["help", "load"], LaunchOptions(mode: .help("load"))),
        (["help", "--markdown", "README.md"], LaunchOptions(mode: .markdown("README.md"))),
        (["--version"], LaunchOptions(mode: .version)),
    ])
    func argumentsParseIntoModes(arguments: [String], expected: LaunchOptions) throws {
        #expect(try LaunchOptions.parse(arguments) == expected)
    }

    @Test(arguments: [
        (["--keep-goin"], "unknown option '--keep-goin'; did you mean '--keep-going'?"),
        (["-c"], "-c needs the commands to run, e.g. -c 'help; list'"),
        (["a.tandem", "b.tandem"], "one script at a time (got 'a.tandem' and 'b.tandem')"),
        (["notebook", "runn", "x.md"], "notebook needs run or check: tandem notebook run|check FILE.md..."),
        (["notebook", "check"], "notebook check needs a Markdown file"),
        (["check"], "check needs a script: tandem check FILE..."),
        (["--markdown"], "--markdown goes with help: tandem help --markdown [README.md]"),
    ])
    func wrongUseIsAUsageError(arguments: [String], message: String) {
        #expect(throws: UsageError(message)) { try LaunchOptions.parse(arguments) }
    }
}
