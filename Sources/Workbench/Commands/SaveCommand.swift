import Tensor

/// `save PATH [RANGE]`: writes the recorded commands as a script that replays to the same state.
struct SaveCommand: Command {
    static let spec = CommandSpec(
        name: "save", group: .session, summary: "Write the session's recorded commands as a replayable script",
        arguments: [
            .positional("path", .path, "the script file to write"),
            .positional("range", .text, .optional, "history numbers N, N-M or N- (default: all)"),
        ],
        examples: ["save session.tandem", "save part.tandem 3-"], records: false,
        details:
            "Commands are written with canonical names and every default and seed spelled out; replay with `tandem FILE` or `run FILE`."
    )

    static func run(_ call: Invocation, in shell: Shell) throws {
        let session = shell.session
        var range: ClosedRange<Int>?
        if let text = call.text("range") {
            guard let parsed = HistoryRange.parse(text, count: session.history.count) else {
                throw call.error("expected N, N-M or N- for range, got '\(text)'", at: "range")
            }
            range = parsed
        }
        let lines = session.recordedLines(in: range)
        let header = "# tandem \(Tandem.version) session; replay with `tandem FILE` or `run FILE`"
        let path = call.text("path") ?? ""
        do {
            try AtomicFile.write(([header] + lines).joined(separator: "\n") + "\n", to: session.resolvePath(path))
        } catch {
            throw call.error(error.description, at: "path")
        }
        shell.console.print("saved \(lines.count) command\(lines.count == 1 ? "" : "s") to \(path)")
    }
}
