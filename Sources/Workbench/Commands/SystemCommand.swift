import Systems

/// `system PRESET [bandwidth=RATE] [delay=TIME] [factor=X] ... as NAME`: an emulated device–edge system.
struct SystemCommand: Command {
    static let spec = CommandSpec(
        name: "system", group: .deploy, summary: "Define an emulated device–edge system from a preset",
        arguments: [
            .positional("preset", .choice(System.presetNames), .value("pi-i7"), "the starting preset"),
            .key("bandwidth", .bitrate, .optional, "link bandwidth, both ways (e.g. 40mbit)"),
            .key("delay", .duration, .optional, "one-way link delay (e.g. 5ms)"),
            .key("factor", .number, .optional, "device slowdown vs this host (≥ 1)"),
            .key("threads", .integer, .optional, "threads of the device"),
            .key("active", .number, .optional, "device power while computing (W)"),
            .key("idle", .number, .optional, "device power while waiting (W)"),
            .key("send", .number, .optional, "device radio power while sending (W)"),
            .key("receive", .number, .optional, "device radio power while receiving (W)"),
            .key("edgefactor", .number, .optional, "edge slowdown vs this host (≥ 1)"),
            .key("edgethreads", .integer, .optional, "threads of the edge"),
            .key(
                "schedule", .text, .optional, "bandwidth changes over a run, TIME:RATE,... (e.g. 10s:10mbit,20s:40mbit)"
            ),
            .resultName(.value("system"), "session name of the system"),
        ],
        examples: [
            "system pi-i7 as s", "system pi-i7 bandwidth=10mbit delay=20ms as slow", "system tx2-i7 factor=3 as t",
        ],
        records: true,
        details: """
            Presets: pi-i7 (Raspberry-Pi-4-class device, 10× slower than this host) and tx2-i7 (Jetson-TX2-class,
            4×), both with this host as the edge and a 40 Mbit/s link with 5 ms one way. Where each number comes
            from is in Sources/Systems/README.md. `show NAME` prints every field with its unit. A schedule
            changes the bandwidth at given times after the start of a run (both clocks shape with it).
            """)

    static func run(_ call: Invocation, in shell: Shell) throws {
        let presetName = call.text("preset") ?? "pi-i7"
        guard var system = System.preset(presetName) else {
            throw call.error("unknown preset '\(presetName)'", at: "preset")
        }
        if let rate = call["bandwidth"]?.doubleValue {
            guard rate > 0 else { throw call.error("bandwidth must be above 0", at: "bandwidth") }
            system.link.megabitsPerSecond = rate / 1e6
        }
        if let delay = call["delay"]?.doubleValue {
            guard delay >= 0 else { throw call.error("delay cannot be negative", at: "delay") }
            system.link.delay = delay
        }
        for (key, path) in [("factor", \System.device.factor), ("edgefactor", \System.edge.factor)] {
            guard let x = call[key]?.doubleValue else { continue }
            guard x >= 1 else { throw call.error("\(key) must be at least 1 (this host is 1)", at: key) }
            system[keyPath: path] = x
        }
        for (key, path) in [("threads", \System.device.threads), ("edgethreads", \System.edge.threads)] {
            guard let n = call[key]?.integerValue else { continue }
            guard n >= 1 else { throw call.error("\(key) must be at least 1", at: key) }
            system[keyPath: path] = n
        }
        let powers: [(String, WritableKeyPath<System, Double>)] = [
            ("active", \.device.power.active), ("idle", \.device.power.idle), ("send", \.device.power.send),
            ("receive", \.device.power.receive),
        ]
        for (key, path) in powers {
            guard let watts = call[key]?.doubleValue else { continue }
            guard watts >= 0 else { throw call.error("\(key) power cannot be negative", at: key) }
            system[keyPath: path] = watts
        }
        if let text = call.text("schedule") { system.link.schedule = try schedule(text, call: call) }
        let name = call.text("as") ?? "system"
        shell.session.define(name, system)
        shell.console.print("\(name): system \(system.summary)")
    }

    /// `10s:10mbit,20s:40mbit` as link changes (times from the start of a run).
    static func schedule(_ text: String, call: Invocation) throws -> [LinkProfile.Change] {
        try text.split(separator: ",").map { entry in
            let parts = entry.split(separator: ":")
            guard parts.count == 2, let time = Units.parse(String(parts[0]), units: Units.durations),
                let rate = Units.parse(String(parts[1]), units: Units.bitrates), time >= 0, rate > 0
            else {
                throw call.error("'\(entry)' is not TIME:RATE (e.g. 10s:10mbit)", at: "schedule")
            }
            return LinkProfile.Change(time: time, megabitsPerSecond: rate / 1e6)
        }
    }
}
