/// The presets (figures and their sources are in Sources/Systems/README.md).
extension System {
    /// The edge: this host, undilated, one thread (the other core belongs to the emulated device).
    /// Its power figures are not used (the paper counts device energy only) and are zero.
    public static let host = ProcessorProfile(
        name: "host", factor: 1, threads: 1, power: PowerProfile(active: 0, idle: 0, send: 0, receive: 0))

    /// A Raspberry-Pi-4-class device: 10× slower than this host; 6.4 W busy, 2.7 W idle (pidramble figures),
    /// radio 3.6 W sending / 3.2 W receiving (Tandem decides: idle + measured Wi-Fi increments, see README).
    public static let pi4 = ProcessorProfile(
        name: "pi4", factor: 10, threads: 1, power: PowerProfile(active: 6.4, idle: 2.7, send: 3.6, receive: 3.2))

    /// A Jetson-TX2-class device: 4× slower than this host; 7.5 W busy (Max-Q mode), 1.9 W idle, radio
    /// 2.8 W / 2.5 W (see README for which figures are published and which Tandem decides).
    public static let tx2 = ProcessorProfile(
        name: "tx2", factor: 4, threads: 1, power: PowerProfile(active: 7.5, idle: 1.9, send: 2.8, receive: 2.5))

    /// The default link of the presets: 40 Mbit/s, 5 ms one way (Tandem decides: a good Wi-Fi link).
    public static let defaultLink = LinkProfile(megabitsPerSecond: 40, delay: 0.005)

    /// The preset names, in the order `help` lists them.
    public static let presetNames = ["pi-i7", "tx2-i7"]

    /// The preset called `name` (`pi-i7` or `tx2-i7`), or nil.
    public static func preset(_ name: String) -> System? {
        switch name {
        case "pi-i7": return System(name: name, device: pi4, edge: host, link: defaultLink)
        case "tx2-i7": return System(name: name, device: tx2, edge: host, link: defaultLink)
        default: return nil
        }
    }
}
