import CEditLine
import Foundation
import Tensor
import Workbench

TerminalLocale.install()
AllocatorPolicy.keepFreedMemory()

let arguments = Array(CommandLine.arguments.dropFirst())
if arguments.first == "edge" { exit(CoInferenceMain.edge(Array(arguments.dropFirst()))) }
if arguments.first == "device" { exit(CoInferenceMain.device(Array(arguments.dropFirst()))) }
let options: LaunchOptions
do {
    options = try LaunchOptions.parse(arguments)
} catch {
    FileHandle.standardError.write(Data((error.description + "\n").utf8))
    exit(ExitStatus.usage.rawValue)
}
let console = Console.standard(isTerminal: tandem_stdout_isatty() != 0)
Interrupts.install()
if options.mode == .interactive, tandem_stdin_isatty() != 0 {
    exit(REPL(console: console, echo: options.echo).run().rawValue)
}
exit(Launcher(console: console).run(options, cancellation: Interrupts.cancellation).rawValue)
