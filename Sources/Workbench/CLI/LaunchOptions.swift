import CoInference

/// What `tandem` was asked to do, parsed from its arguments. Parsing returns a value or throws `UsageError`.
public struct LaunchOptions: Sendable, Equatable {
    /// The modes of `tandem`.
    public enum Mode: Sendable, Equatable {
        /// The REPL when standard input is a terminal, else standard input read as a script.
        case interactive
        /// Replay a script file (`-` reads standard input).
        case script(String)
        /// Run the commands given with `-c`.
        case commands(String)
        /// Parse and resolve scripts without running them.
        case check([String])
        /// Run notebooks and write their outputs.
        case notebookRun([String])
        /// Re-run notebooks and compare with their outputs.
        case notebookCheck([String])
        /// Print help (the CLI usage and command overview when the topic is `nil`).
        case help(String?)
        /// Print the README command list, or rewrite it in the given README file.
        case markdown(String?)
        /// Print the version.
        case version
    }

    /// The mode.
    public var mode: Mode
    /// `--keep-going`: run on after a failed command, exit 1 at the end.
    public var keepGoing = false
    /// `--echo`: print each command before running it.
    public var echo = false

    /// Options with `mode` and no flags.
    public init(mode: Mode, keepGoing: Bool = false, echo: Bool = false) {
        self.mode = mode
        self.keepGoing = keepGoing
        self.echo = echo
    }

    /// Parses the arguments after the program name.
    public static func parse(_ arguments: [String]) throws(UsageError) -> LaunchOptions {
        var options = LaunchOptions(mode: .interactive)
        var words: [String] = []
        var command: String?
        var markdown = false
        var index = 0
        while index < arguments.count {
            let argument = arguments[index]
            index += 1
            switch argument {
            case "--keep-going": options.keepGoing = true
            case "--echo": options.echo = true
            case "--markdown": markdown = true
            case "-h", "--help": return LaunchOptions(mode: .help(nil))
            case "--version": return LaunchOptions(mode: .version)
            case "-c":
                guard index < arguments.count else {
                    throw UsageError("-c needs the commands to run, e.g. -c 'help; list'")
                }
                command = arguments[index]
                index += 1
            default:
                if argument.hasPrefix("-") && argument != "-" {
                    throw UsageError("unknown option '\(argument)'\(Suggestions.hint(for: argument, in: knownOptions))")
                }
                words.append(argument)
            }
        }
        if let command {
            guard words.isEmpty else { throw UsageError("-c takes no file arguments (got '\(words[0])')") }
            options.mode = .commands(command)
            return options
        }
        guard let first = words.first else {
            if markdown { throw UsageError("--markdown goes with help: tandem help --markdown [README.md]") }
            return options
        }
        let rest = Array(words.dropFirst())
        switch first {
        case "help":
            if markdown {
                guard rest.count <= 1 else { throw UsageError("help --markdown takes at most one README file") }
                options.mode = .markdown(rest.first)
            } else {
                guard rest.count <= 2 else { throw UsageError("help takes one topic (a command or a group)") }
                options.mode = .help(rest.isEmpty ? nil : rest.joined(separator: " "))
            }
        case "check":
            guard !rest.isEmpty else { throw UsageError("check needs a script: tandem check FILE...") }
            options.mode = .check(rest)
        case "notebook":
            guard let action = rest.first, action == "run" || action == "check" else {
                throw UsageError("notebook needs run or check: tandem notebook run|check FILE.md...")
            }
            let files = Array(rest.dropFirst())
            guard !files.isEmpty else { throw UsageError("notebook \(action) needs a Markdown file") }
            options.mode = action == "run" ? .notebookRun(files) : .notebookCheck(files)
        default:
            guard rest.isEmpty else {
                throw UsageError("one script at a time (got '\(first)' and '\(rest[0])')")
            }
            options.mode = .script(first)
        }
        if markdown, case .markdown = options.mode {
        } else if markdown {
            throw UsageError("--markdown goes with help: tandem help --markdown [README.md]")
        }
        return options
    }

    static let knownOptions = ["--keep-going", "--echo", "--markdown", "--help", "--version", "-c", "-h"]

    /// The usage text of `tandem` itself.
    public static let usage = """
        usage: tandem                       the REPL (standard input that is not a terminal runs as a script)
               tandem FILE [--keep-going] [--echo]   replay a script (FILE - reads standard input)
               tandem -c 'CMD; CMD' [--echo]         run commands
               tandem check FILE...                  parse and resolve scripts without running them
               tandem notebook run FILE.md...        run notebooks, writing each block's output
               tandem notebook check FILE.md...      re-run notebooks, fail with a diff when an output differs
               tandem help [TOPIC] | -h | --help     help; tandem help --markdown [README.md] for the README list
               tandem edge --models FILE... [OPTION...]     the co-inference edge server (tandem edge --help)
               tandem device --edge HOST:PORT --model FILE --data FILE [OPTION...]
                                                     a co-inference device (tandem device --help)
               tandem --version
        exit status: 0 success, 1 a command or check failed, 64 wrong use of tandem itself
        """
}

/// `tandem` was called with arguments it does not understand (exit status 64).
public struct UsageError: Error, Sendable, Equatable, CustomStringConvertible {
    /// What is wrong.
    public var message: String

    /// A usage error saying `message`.
    public init(_ message: String) { self.message = message }

    /// `tandem: message` and a pointer to `tandem --help`.
    public var description: String { "tandem: \(message)\n(tandem --help shows the usage)" }
}
