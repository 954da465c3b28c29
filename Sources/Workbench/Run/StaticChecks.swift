import Foundation
import HDF5

/// What `tandem check` verifies of a resolved command beyond names, without running anything slow:
/// values the commands would refuse (`epochs=-2`, `lr=0`), files a command reads that neither exist nor are
/// written earlier in the script, and, by really running the quick pure commands (`space`, `arch parse`,
/// `set`) in a scratch session, bad space settings and architecture text.
struct StaticChecks {
    /// Commands cheap and free of side effects, run in the scratch session while checking.
    static let pureCommands: Set<String> = ["space", "arch parse", "set"]
    /// The smallest value of integer keys (as the commands themselves require).
    static let minimums = ["epochs": 1, "batch": 2, "n": 1, "calibration": 1]

    /// Where pure commands run (output discarded).
    let scratch: Shell
    /// Files written by earlier lines of the script (resolved paths).
    var written: Set<String> = []

    /// Checks over a scratch session resolving paths against `directory`.
    init(registry: CommandRegistry, directory: String, settings: [String: Value]) {
        let session = Session(directory: directory)
        session.settings = settings
        scratch = Shell(session: session, registry: registry, console: .capturing(into: TextBuffer()))
    }

    /// Throws the first problem of `call` (see the type).
    mutating func validate(_ call: Invocation) throws {
        for (key, minimum) in Self.minimums where call.given.contains(key) {
            if let value = call[key]?.integerValue, value < minimum {
                throw call.error("\(key)=\(value): at least \(minimum)", at: key)
            }
        }
        if call.given.contains("lr"), let rate = call["lr"]?.doubleValue, rate <= 0 {
            throw call.error("lr=\(Value.format(rate)): the learning rate must be above 0", at: "lr")
        }
        for argument in call.spec.arguments where argument.type == .path {
            guard let text = call.text(argument.name) else { continue }
            let path = scratch.session.resolvePath(text)
            let reads =
                argument.name == "resume"
                || (argument.form == .positional && argument.name == "path"
                    && ["load", "run"].contains(call.spec.name))
            guard reads else {
                written.insert(path)
                continue
            }
            if written.contains(path) || written.contains(where: { path.hasPrefix($0 + "/") }) { continue }
            if FileManager.default.fileExists(atPath: path) { continue }
            if call.spec.name == "load", (try? HDF5Source.resolve(path)) != nil { continue }
            throw call.error("no such file '\(text)' (and no earlier line writes it)", at: argument.name)
        }
        try runIfPure(call)
    }

    /// Runs `call` in the scratch session when it is pure and every name it reads holds a value there.
    func runIfPure(_ call: Invocation) throws {
        guard Self.pureCommands.contains(call.spec.name) else { return }
        for argument in call.spec.arguments where argument.type == .name && argument.form != .marked("as") {
            if let name = call.text(argument.name), scratch.session.value(named: name) == nil { return }
        }
        try scratch.run(call)
    }
}
