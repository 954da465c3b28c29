import Foundation
import Tensor

/// Runs command lines against a session: lexes, resolves, runs, records, and prints results and errors.
///
/// The one place that prints errors and decides statuses; the REPL, batch replay, `-c`, piped input and
/// notebooks all go through it.
public final class Shell {
    /// The session commands work on.
    public let session: Session
    /// The command table.
    public let registry: CommandRegistry
    /// Where text goes.
    public var console: Console
    /// The flag Ctrl-C sets; reset before every command.
    public let cancellation: Cancellation
    /// Interactive use: prefixes accepted, errors without file positions.
    public var isInteractive: Bool
    /// Whether each command is printed (as `tandem> line`) before it runs.
    public var echoes = false
    /// Whether wall and cpu time are printed after each command (`timer on`).
    public var timerIsOn = false
    /// Set by `quit`.
    public var quitRequested = false
    private var scriptDepth = 0
    private var renderers: [ProgressRenderer] = []

    /// A shell over `session` (a new one by default).
    public init(
        session: Session = Session(), registry: CommandRegistry = .standard, console: Console,
        cancellation: Cancellation = Cancellation(), isInteractive: Bool = false
    ) {
        self.session = session
        self.registry = registry
        self.console = console
        self.cancellation = cancellation
        self.isInteractive = isInteractive
    }

    /// The prompt: `tandem> `, or `tandem (a b c)> ` listing the session's names (at most three).
    public var prompt: String {
        let names = session.names
        guard !names.isEmpty else { return "tandem> " }
        let shown = names.suffix(3).joined(separator: " ")
        return "tandem (\(names.count > 3 ? "… " : "")\(shown))> "
    }

    /// `line` without a leading transcript prompt (`tandem> ` or `tandem (names)> `), so pasted transcripts run.
    public static func strippingPrompt(_ line: String) -> String {
        guard line.hasPrefix("tandem") else { return line }
        if line.hasPrefix("tandem> ") { return String(line.dropFirst(8)) }
        if line.hasPrefix("tandem ("), let close = line.range(of: ")> ") {
            return String(line[close.upperBound...])
        }
        return line
    }

    /// A resolver with this shell's prefix rule and the session's settings.
    public var resolver: Resolver {
        Resolver(registry: registry, allowsPrefixes: isInteractive, settings: session.settings)
    }

    /// Lexes and resolves `line` without running it.
    public func resolve(_ line: String, location: SourceLocation? = nil) throws(ScriptError) -> [Invocation] {
        let text = Self.strippingPrompt(line)
        do {
            return try Lexer.statements(text).map { tokens throws(ScriptError) in
                var call = try resolver.resolve(tokens, line: text)
                call.location = location
                return call
            }
        } catch var error {
            error.location =
                error.location ?? location.map { SourceLocation(file: $0.file, line: $0.line, column: error.column) }
            throw error
        }
    }

    /// Runs every statement of `line`; stops at the first failure (printed) unless `keepGoing`. Returns the
    /// number of failures.
    @discardableResult
    public func execute(_ line: String, location: SourceLocation? = nil, keepGoing: Bool = false) -> Int {
        let text = Self.strippingPrompt(line)
        let statements: [[Token]]
        do {
            statements = try Lexer.statements(text)
        } catch {
            report(error, location: location)
            session.appendHistory(typed: text.trimmingCharacters(in: .whitespaces), recorded: nil)
            return 1
        }
        var failures = 0
        for tokens in statements {
            if quitRequested { break }
            let typed = Self.statementText(tokens, in: text)
            if echoes { console.print("tandem> \(typed)") }
            do {
                var call = try resolver.resolve(tokens, line: text)
                call.location = location
                try run(call)
                session.appendHistory(typed: typed, recorded: call.spec.records ? call.canonicalText : nil)
            } catch let partial as PartialRun {
                report(partial.underlying, location: location)
                session.appendHistory(
                    typed: typed, recorded: partial.recorded.spec.records ? partial.recorded.canonicalText : nil)
                failures += 1
                if !keepGoing { break }
            } catch {
                report(error, location: location)
                session.appendHistory(typed: typed, recorded: nil)
                failures += 1
                if !keepGoing { break }
            }
        }
        return failures
    }

    /// Runs one resolved command (after resetting the cancellation flag), then prints times if the timer is on.
    public func run(_ call: Invocation) throws {
        cancellation.reset()
        let timed = timerIsOn
        let wall = Clocks.wall()
        let cpu = Clocks.cpu()
        defer {
            for renderer in renderers { renderer.finish() }
            renderers = []
        }
        var kinds: [String: String] = [:]
        for name in session.names { kinds[name] = session.value(named: name)?.kindName }
        defer { noteReplacedKinds(kinds) }
        do {
            try call.command.run(call, in: self)
        } catch let partial as PartialRun {
            throw PartialRun(underlying: Self.scriptError(partial.underlying, of: call), recorded: partial.recorded)
        } catch {
            throw Self.scriptError(error, of: call)
        }
        if timed && timerIsOn {
            console.print(String(format: "time: wall %.3fs, cpu %.3fs", Clocks.wall() - wall, Clocks.cpu() - cpu))
        }
    }

    /// Says which names now hold a value of another kind than `kinds` (name → kind before the command) records.
    func noteReplacedKinds(_ kinds: [String: String]) {
        for name in session.names {
            guard let before = kinds[name], let after = session.value(named: name)?.kindName, after != before
            else { continue }
            console.printError("note: '\(name)' was \(before), now \(after) (the \(before) is replaced)")
        }
    }

    /// `error` as a script error of `call` (cancellation reads "cancelled").
    static func scriptError(_ error: any Error, of call: Invocation) -> ScriptError {
        if let error = error as? ScriptError { return error }
        if error is CancellationError { return call.error("cancelled") }
        return call.error(String(describing: error))
    }

    /// Runs a script's text line by line; the first failure stops it unless `keepGoing`.
    public func runScript(_ text: String, file: String, keepGoing: Bool = false) -> ScriptOutcome {
        scriptDepth += 1
        defer { scriptDepth -= 1 }
        guard scriptDepth <= 16 else {
            console.printError("\(file): error: scripts nested more than 16 deep (does it run itself?)")
            return ScriptOutcome(failures: 1)
        }
        var outcome = ScriptOutcome()
        for (index, line) in Self.lines(of: text).enumerated() {
            let failures = execute(
                String(line), location: SourceLocation(file: file, line: index + 1, column: 1), keepGoing: keepGoing)
            outcome.failures += failures
            if quitRequested || (failures > 0 && !keepGoing) { break }
        }
        outcome.quit = quitRequested
        return outcome
    }

    /// Lexes and resolves every line of a script and checks that each name it uses is defined by then, and
    /// what `StaticChecks` can check without running anything slow. Prints each problem; returns how many
    /// there were.
    public func check(_ text: String, file: String) -> Int {
        var defined = Set(session.names)
        var problems = 0
        var checks = StaticChecks(registry: registry, directory: session.directory, settings: session.settings)
        for (index, line) in Self.lines(of: text).enumerated() {
            let location = SourceLocation(file: file, line: index + 1, column: 1)
            do {
                for call in try resolve(String(line), location: location) {
                    for argument in call.spec.arguments where argument.type == .name {
                        guard let name = call.text(argument.name) else { continue }
                        if argument.form == .marked("as") {
                            defined.insert(name)
                        } else if !defined.contains(name) {
                            throw call.error("no value named '\(name)' is defined before this point", at: argument.name)
                        }
                    }
                    try checks.validate(call)
                }
            } catch {
                report(error, location: location)
                problems += 1
            }
        }
        return problems
    }

    /// Prints `error` as the language shows errors: with file position, line and caret for scripts.
    public func report(_ error: any Error, location: SourceLocation?) {
        guard var scriptError = error as? ScriptError else {
            console.printError(colouringFirstError("error: \(error)"))
            return
        }
        if scriptError.location == nil, let location {
            scriptError.location = SourceLocation(file: location.file, line: location.line, column: scriptError.column)
        } else if let known = scriptError.location {
            scriptError.location = SourceLocation(file: known.file, line: known.line, column: scriptError.column)
        }
        let text =
            isInteractive && scriptError.location?.file == nil
            ? "error: \(scriptError.message)" : scriptError.description
        console.printError(colouringFirstError(text))
    }

    /// `text` with its first `error:` in red when colour is on.
    func colouringFirstError(_ text: String) -> String {
        guard console.usesColor, let range = text.range(of: "error:") else { return text }
        return text.replacingCharacters(in: range, with: console.red("error:"))
    }

    /// A progress sink for long work called `label`: a bar on a terminal, plain lines otherwise, nothing when
    /// the console shows no progress.
    public func progress(_ label: String) -> TensorProgress {
        guard console.showsProgress else { return .silent }
        let renderer = ProgressRenderer(label: label, isTerminal: console.isTerminal) { text in
            FileHandle.standardError.write(Data(text.utf8))
        }
        renderers.append(renderer)
        return renderer.progress
    }

    /// The lines of a script, split at `\n` and at `\r\n` (one `Character` in Swift, so splitting at `\n`
    /// alone would keep a CRLF file as one line).
    static func lines(of text: String) -> [Substring] {
        text.split(omittingEmptySubsequences: false) { $0 == "\n" || $0 == "\r\n" }
    }

    /// The source text of one statement (its tokens' span), for history.
    static func statementText(_ tokens: [Token], in line: String) -> String {
        guard let first = tokens.first, let last = tokens.last else { return "" }
        let chars = Array(line)
        var end = last.column - 1
        var inQuote: Character?
        while end < chars.count {
            let c = chars[end]
            if let q = inQuote {
                if c == q { inQuote = nil }
            } else if c == "'" || c == "\"" {
                inQuote = c
            } else if c == " " || c == "\t" || c == ";" {
                break
            }
            end += 1
        }
        return String(chars[(first.column - 1)..<min(end, chars.count)])
    }
}
