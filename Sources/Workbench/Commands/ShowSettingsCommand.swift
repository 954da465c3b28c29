/// `show settings`: every setting with its value.
struct ShowSettingsCommand: Command {
    static let spec = CommandSpec(
        name: "show settings", group: .session, summary: "Show the session's settings", examples: ["show settings"],
        records: false)

    static func run(_ call: Invocation, in shell: Shell) throws {
        let rows = Setting.all.map { setting in
            [setting.name, shell.session.settings[setting.name]?.description ?? "", setting.help]
        }
        shell.console.print(Table(header: ["setting", "value", "meaning"], rows: rows).text)
    }
}
