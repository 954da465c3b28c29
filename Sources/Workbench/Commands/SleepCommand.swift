import Foundation

/// `sleep TIME`: waits, showing progress; Ctrl-C stops it.
struct SleepCommand: Command {
    static let spec = CommandSpec(
        name: "sleep", group: .session, summary: "Wait for a while, showing progress (Ctrl-C stops it)",
        arguments: [.positional("time", .duration, "how long, with a unit: 500ms, 2s")], examples: ["sleep 2s"],
        records: false)

    static func run(_ call: Invocation, in shell: Shell) throws {
        let total = call.number("time")
        guard total.isFinite, (0...86_400).contains(total) else {
            throw call.error("sleep takes 0 s to 1 day, got \(Value.format(total)) s", at: "time")
        }
        let steps = max(1, Int((total / 0.05).rounded(.up)))
        let progress = shell.progress("sleep")
        for step in 1...steps {
            try shell.cancellation.check()
            usleep(useconds_t(total / Double(steps) * 1e6))
            progress.report(step, of: steps)
        }
    }
}
