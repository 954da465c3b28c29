import Testing

@testable import Workbench

/// A command used only to exercise the value types; it does nothing when run.
struct UnitsProbeCommand: Command {
    static let spec = CommandSpec(
        name: "probe link", group: CommandGroup("probe", "test"), summary: "Take one argument of every type",
        arguments: [
            .positional("target", .name, "a name"),
            .key("rate", .bitrate, .value("40mbit"), "a bit rate"),
            .key("delay", .duration, .value("5ms"), "a time"),
            .key("ratio", .number, .optional, "a number"),
            .key("count", .integer, .optional, "a count"),
            .key("mode", .choice(["fast", "slow"]), .value("fast"), "a choice"),
            .key("verbose", .flag, .value("off"), "a flag"),
        ], examples: ["probe link x rate=1gbit"], records: true)
    static func run(_ call: Invocation, in shell: Shell) throws {}
}

let probeRegistry = CommandRegistry([HelpCommand.self, UnitsProbeCommand.self, ShowCommand.self, ShowSettingsCommand.self])

@Suite struct ResolverTests {
    @Test(arguments: [
        ("40mbit", 40e6), ("1.5kbit", 1500), ("2gbit", 2e9), ("300bit", 300), ("40Mbit", 40e6),
    ])
    func bitRatesParseWithDecimalUnits(text: String, bitsPerSecond: Double) throws {
        let call = try resolve("probe link x rate=\(text)", registry: probeRegistry)
        #expect(call["rate"] == .bitrate(bitsPerSecond: bitsPerSecond))
    }

    @Test(arguments: [("5ms", 0.005), ("250us", 0.00025), ("2s", 2), ("1.5min", 90), ("1h", 3600), ("10ns", 1e-8)])
    func durationsParseWithUnits(text: String, seconds: Double) throws {
        let call = try resolve("probe link x delay=\(text)", registry: probeRegistry)
        let value = try #require(call["delay"]?.doubleValue)
        #expect(abs(value - seconds) <= 1e-12 * max(1, seconds))  // relative tolerance 1e-12
    }

    @Test func canonicalTextSpellsOutDefaultsInTableOrderWithCanonicalUnits() throws {
        let call = try resolve("probe link verbose=yes x delay=1500us rate=0.04gbit count=3", registry: probeRegistry)
        #expect(call.canonicalText == "probe link x rate=40mbit delay=1500us count=3 mode=fast verbose=on")
    }

    @Test func quotedTextIsQuotedAgainInCanonicalText() throws {
        let call = try resolve(#"load "my data.h5" as d"#)
        #expect(call.canonicalText == #"load "my data.h5" as d"#)
        let again = try resolve(call.canonicalText)
        #expect(again.arguments == call.arguments)
    }

    @Test(arguments: [
        ("probe link x rate=1️⃣40", "expected a bit rate with a unit (bit, kbit, mbit, gbit) such as 40mbit for rate, got '40'"),
        ("probe link x delay=1️⃣5 ms", "expected a time with a unit (ns, us, ms, s, min, h) such as 5ms for delay, got '5'"),
        ("probe link x count=1️⃣3.5", "expected a whole number for count, got '3.5'"),
        ("probe link x ratio=1️⃣abc", "expected a number for ratio, got 'abc'"),
        ("probe link x mode=1️⃣fsat", "expected one of fast, slow for mode, got 'fsat'; did you mean 'fast'?"),
        ("probe link x 1️⃣cuont=3", "unknown key 'cuont' for probe link; did you mean 'count'?"),
        ("probe link x count=1 1️⃣count=2", "count is given twice"),
        ("probe link x 1️⃣y", "unexpected argument 'y' (usage: probe link TARGET [rate=RATE] [delay=TIME] [ratio=X] [count=N] [mode=fast|slow] [verbose=on|off])"),
        ("probe link 1️⃣9x", "expected a name (a letter or _, then letters, digits, _ or -) for target, got '9x'"),
        ("1️⃣lod x.h5", "unknown command 'lod'; did you mean 'load'?"),
        ("make 1️⃣shaps", "unknown make command 'shaps'; did you mean 'shapes'?"),
        ("make1️⃣", "make needs one of: shapes"),
        ("load x.h5 as1️⃣", "'as' needs a NAME after it"),
        ("1️⃣count=3", "expected a command, got 'count=3'"),
    ])
    func errorsPointAtTheOffendingColumn(input: String, message: String) {
        let (line, column) = marked(input)
        let registry = input.hasPrefix("probe") ? probeRegistry : .standard
        let error = resolveError(line, registry: registry)
        #expect(error?.message == message)
        #expect(error?.column == column)
    }

    @Test func missingRequiredArgumentPointsPastTheEndWithUsage() {
        let error = resolveError("export shapes")
        #expect(error?.message == "missing to PATH (usage: export NAME to PATH)")
        #expect(error?.column == 14)
    }

    @Test func errorRendersFilePositionLineAndCaret() {
        var error = ScriptError("unknown command 'lod'", column: 3, line: "  lod x")
        error.location = SourceLocation(file: "s.tandem", line: 4, column: 3)
        #expect(
            error.description == """
                s.tandem:4:3: error: unknown command 'lod'
                      lod x
                      ^
                """)
    }

    @Test func prefixesResolveOnlyInteractivelyAndOnlyWhenUnambiguous() throws {
        #expect(try resolve("hist", interactive: true).spec.name == "history")
        #expect(try resolve("ma sh as t", interactive: true).spec.name == "make shapes")
        #expect(try resolve("sh set", interactive: true).spec.name == "show settings")
        #expect(resolveError("hist")?.message == "unknown command 'hist'; did you mean 'history' or 'list'?")
        #expect(resolveError("s", interactive: true)?.message.hasPrefix("'s' is ambiguous: 'save', 'search', 'set'") == true)
    }

    @Test func recorderWritesCanonicalNamesForPrefixesAndAliases() throws {
        #expect(try resolve("open d.h5", interactive: false).canonicalText == "load d.h5 as d")
        #expect(try resolve("lo d.h5/train", interactive: true).canonicalText == "load d.h5/train as d_train")
    }

    @Test func settingDefaultsTakeTheSessionsCurrentValue() throws {
        let tokens = try Lexer.statements("make shapes")[0]
        var settings = Session().settings
        settings["seed"] = .integer(42)
        let call = try Resolver(registry: .standard, settings: settings).resolve(tokens, line: "make shapes")
        #expect(call["seed"] == .integer(42))
        #expect(call.canonicalText.contains(" seed=42 "))
    }

    @Test func dashHAndDashDashHelpAskForTheCommandsHelp() throws {
        for line in ["load -h", "load --help", "make shapes --help"] {
            let call = try resolve(line)
            #expect(call.spec.name == "help")
        }
        #expect(try resolve("make shapes -h").canonicalText == "help make shapes")
    }
}
