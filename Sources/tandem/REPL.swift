import Foundation
import Workbench

/// The interactive loop: a prompt showing the session, line editing and history, tab completion, Ctrl-C
/// cancelling the running command, Ctrl-D (or `quit`) leaving.
struct REPL {
    /// Where text goes.
    let console: Console
    /// Whether commands are echoed before running.
    let echo: Bool

    /// Runs until Ctrl-D or `quit`; returns the exit status.
    func run() -> ExitStatus {
        let shell = Shell(console: console, cancellation: Interrupts.cancellation, isInteractive: true)
        shell.echoes = echo
        let home = ProcessInfo.processInfo.environment["HOME"] ?? NSHomeDirectory()
        let editor = LineEditor(historyPath: (home as NSString).appendingPathComponent(".tandem_history"))
        TabCompletion.install(for: shell)
        console.print("tandem \(Tandem.version): `help` lists the commands, Tab completes, Ctrl-D quits")
        while !shell.quitRequested {
            switch editor.read(prompt: shell.prompt) {
            case .end:
                console.print("")
                return .success
            case .interrupted:
                console.print("")
            case .line(let line):
                editor.remember(line)
                shell.execute(line)
            }
        }
        return .success
    }
}
