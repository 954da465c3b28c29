import Foundation
import Tensor

/// Runs every mode of `tandem` except the interactive REPL (which needs a line editor) and decides the exit
/// status. Text goes to the given console.
public struct Launcher {
    /// The command table.
    public var registry: CommandRegistry
    /// Where text goes.
    public var console: Console
    /// Reads all of standard input (for `tandem -` and piped input).
    public var readStandardInput: () -> String

    /// A launcher; see the properties.
    public init(
        registry: CommandRegistry = .standard, console: Console,
        readStandardInput: @escaping () -> String = {
            String(decoding: FileHandle.standardInput.readDataToEndOfFile(), as: UTF8.self)
        }
    ) {
        self.registry = registry
        self.console = console
        self.readStandardInput = readStandardInput
    }

    /// Runs `options` (for `.interactive`, standard input is read as a script) and returns the status.
    public func run(_ options: LaunchOptions, cancellation: Cancellation = Cancellation()) -> ExitStatus {
        let shell = Shell(console: console, cancellation: cancellation)
        shell.echoes = options.echo
        switch options.mode {
        case .interactive:
            return shell.runScript(readStandardInput(), file: "<stdin>", keepGoing: options.keepGoing).status
        case .script(let path):
            let text: String
            if path == "-" {
                text = readStandardInput()
            } else if !path.contains("/"), !path.contains("."), !FileManager.default.fileExists(atPath: path) {
                // A bare word that is no file reads as a mistyped mode (`tandem bogus`): wrong use, not a failure.
                console.printError(
                    UsageError(
                        "'\(path)' is neither a script file nor a mode of tandem (modes: check, notebook, help)"
                    ).description)
                return .usage
            } else {
                do {
                    text = try AtomicFile.read(path)
                } catch {
                    shell.report(error, location: nil)
                    return .failure
                }
            }
            return shell.runScript(text, file: path == "-" ? "<stdin>" : path, keepGoing: options.keepGoing).status
        case .commands(let text):
            return shell.runScript(text, file: "-c", keepGoing: options.keepGoing).status
        case .check(let paths):
            var problems = 0
            for path in paths {
                do {
                    problems += Shell(console: console).check(try AtomicFile.read(path), file: path)
                } catch {
                    shell.report(error, location: nil)
                    problems += 1
                }
            }
            return problems == 0 ? .success : .failure
        case .notebookRun(let paths):
            return paths.allSatisfy(runNotebook) ? .success : .failure
        case .notebookCheck(let paths):
            return paths.map(checkNotebook).allSatisfy { $0 } ? .success : .failure
        case .help(let topic):
            guard let topic else {
                console.print(LaunchOptions.usage + "\n\n" + HelpText(registry: registry).overview)
                return .success
            }
            return shell.execute("help \(Value.quoteIfNeeded(topic))") == 0 ? .success : .usage
        case .markdown(let readme):
            return markdown(readme: readme)
        case .version:
            console.print("tandem \(Tandem.version)")
            return .success
        }
    }

    /// Runs one notebook and writes it back; false when it cannot be read, parsed or written.
    func runNotebook(_ path: String) -> Bool {
        do {
            let notebook = try Notebook(parsing: try AtomicFile.read(path), file: path)
            let updated = NotebookRunner(registry: registry).run(notebook, path: path)
            try AtomicFile.write(updated.text, to: path)
            console.printError("\(path): ran \(updated.blocks.count) blocks, outputs written")
            return true
        } catch {
            Shell(console: console).report(error, location: nil)
            return false
        }
    }

    /// Re-runs one notebook and prints a diff per differing block; false when any differs.
    func checkNotebook(_ path: String) -> Bool {
        do {
            let notebook = try Notebook(parsing: try AtomicFile.read(path), file: path)
            let mismatches = NotebookRunner(registry: registry).check(notebook, path: path)
            for mismatch in mismatches {
                console.printError(
                    "\(path):\(mismatch.line): error: output differs (- expected, + actual)\n"
                        + mismatch.diff.joined(separator: "\n"))
            }
            if mismatches.isEmpty { console.printError("\(path): \(notebook.blocks.count) blocks, outputs match") }
            return mismatches.isEmpty
        } catch {
            Shell(console: console).report(error, location: nil)
            return false
        }
    }

    /// Prints the README command list, or rewrites it between the markers of `readme`.
    func markdown(readme: String?) -> ExitStatus {
        let help = HelpText(registry: registry)
        guard let readme else {
            console.print(help.markdown)
            return .success
        }
        do {
            guard let text = help.replacingCommandsBlock(in: try AtomicFile.read(readme)) else {
                console.printError("\(readme): error: no \(HelpText.beginMarker) ... \(HelpText.endMarker) block")
                return .failure
            }
            try AtomicFile.write(text, to: readme)
            return .success
        } catch {
            Shell(console: console).report(error, location: nil)
            return .failure
        }
    }
}
