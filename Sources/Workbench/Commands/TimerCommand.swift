/// `timer on|off`: prints wall and cpu time after each command.
struct TimerCommand: Command {
    static let spec = CommandSpec(
        name: "timer", group: .session, summary: "Print wall and cpu time after each command",
        arguments: [.positional("state", .flag, "on prints the times after every command, off stops")],
        examples: ["timer on"], records: false)

    static func run(_ call: Invocation, in shell: Shell) throws {
        shell.timerIsOn = call.flag("state")
    }
}
