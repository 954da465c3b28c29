/// `history [RANGE]`: the numbered commands of this session.
struct HistoryCommand: Command {
    static let spec = CommandSpec(
        name: "history", group: .session, summary: "List the commands run so far, numbered",
        arguments: [.positional("range", .text, .optional, "N, N-M or N- (from N on)")],
        examples: ["history", "history 2-5"], records: false,
        details: "Lines marked * are recorded: `save` writes their canonical form.")

    static func run(_ call: Invocation, in shell: Shell) throws {
        let history = shell.session.history
        var range: ClosedRange<Int>?
        if let text = call.text("range") {
            guard let parsed = HistoryRange.parse(text, count: history.count) else {
                throw call.error("expected N, N-M or N- for range, got '\(text)'", at: "range")
            }
            range = parsed
        }
        for entry in history where range?.contains(entry.number) ?? true {
            let mark = entry.recorded == nil ? " " : "*"
            shell.console.print(
                String(repeating: " ", count: max(0, 4 - String(entry.number).count))
                    + "\(entry.number)\(mark) \(entry.typed)")
        }
    }
}
