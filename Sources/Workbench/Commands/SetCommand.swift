/// `set KEY=VALUE ...`: changes session settings.
struct SetCommand: Command {
    static let spec = CommandSpec(
        name: "set", group: .session, summary: "Change session settings such as the seed",
        arguments: Setting.all.map { .key($0.name, $0.type, .optional, $0.help) },
        examples: ["set seed=7", "set threads=2 seed=1"], records: true,
        details: "`show settings` lists the settings and their values.")

    static func run(_ call: Invocation, in shell: Shell) throws {
        guard !call.given.isEmpty else {
            throw call.error("set needs KEY=VALUE (keys: \(Setting.all.map(\.name).joined(separator: ", ")))")
        }
        if let threads = call["threads"]?.integerValue, threads < 1 {
            throw call.error("threads=\(threads): at least 1", at: "threads")
        }
        for (key, value) in call.arguments { shell.session.settings[key] = value }
    }
}
