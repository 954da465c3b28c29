import Foundation
import Synchronization
import Tensor
import Testing

@testable import Workbench

/// Random and mutated command lines: every verb of the registry with random keys, values, quotes, unicode,
/// CR and huge numbers. Sizes that would start long work (clouds, epochs, points) are capped in the
/// generator, and a watchdog cancels any command running longer than a moment, so the whole run stays
/// within a few seconds of a debug build.
struct CommandFuzzer {
    /// The random stream (fixed seed: a failure replays).
    var generator: SeededGenerator
    /// The registry whose verbs and keys are used.
    let registry: CommandRegistry
    /// Names defined in the session before fuzzing, plus some that are not.
    let names = ["d", "s", "sn", "c", "m", "x", "données", "数据", "_", "a-b", "1bad", ""]

    /// Keys whose values size work (kept small).
    static let sizeKeys: Set<String> = [
        "epochs", "train", "test", "points", "n", "classes", "batch", "calibration", "positions", "k",
        "maxwidth", "index", "widths", "head", "count",
    ]
    /// Values for size keys.
    static let sizeValues = ["0", "1", "2", "3", "-1", "-2", "2.5", "x", "", "1e3", "٣", "08", "+2"]
    /// Any other value: huge, odd, quoted, unicode.
    static let wildValues = [
        "0", "1", "-1", "9223372036854775807", "-9223372036854775808", "99999999999999999999999", "1e308",
        "1e309", "-1e309", "nan", "inf", "-inf", "0.000000000000000000001", "1e-320", "3", "0.5", "-0.0", "on",
        "off", "yes", "sgd", "adam", "max", "D", "DE", "DED", "full", "rel", "5ms", "1e300h", "1e-300s", "40mbit",
        "1e400gbit", "-3s", "ünï", "数据", "é́́", "😀", "\u{200B}", "a,b", ",,", "8,16", "8,,16", "knn", "sphere,cube",
        "id|knn", "knn | agg(rel,max) | combine(8) | pool(max)", "1 5 3 2", "z", "full", "*.h5", "out/x.h5",
        "x.h5/train", "nowhere.h5", ".", "d", "sn",
    ]
    /// Stray tokens.
    static let strayTokens = [
        "as", "on", "in", "to", "=", "==", "a=b=c", "\"", "'", "\"unterminated", "'x y'", "\"a\\\"b\"", ";", ";;",
        "#", "# comment", "\r", "\t", "-h", "--help", "\u{0}", "\u{7F}", "\u{1B}[A", "…", "\\", "=x", "key=", "'='",
    ]

    /// A random element of `items`.
    mutating func pick<T>(_ items: [T]) -> T { items[Int.random(in: 0..<items.count, using: &generator)] }

    /// Whether a coin with probability `p` comes up.
    mutating func chance(_ p: Double) -> Bool { Double.random(in: 0..<1, using: &generator) < p }

    /// A value for an argument named `name` of type `type`: mostly plausible, sometimes wild.
    mutating func value(for name: String, type: ValueType) -> String {
        if chance(0.75) { return plausibleValue(for: name, type: type) }
        if Self.sizeKeys.contains(name) { return quoteMaybe(pick(Self.sizeValues)) }
        switch type {
        case .name: return chance(0.8) ? pick(names) : pick(Self.wildValues)
        case .choice(let words) where chance(0.6): return pick(words)
        case .duration where chance(0.7): return pick(["1ms", "0s", "-1s", "1e300h", "nan", "2ms", "1e-9ns"])
        default: return quoteMaybe(pick(Self.wildValues + names))
        }
    }

    /// A value of the right type, as a user would write it (huge seeds and learning rates included).
    mutating func plausibleValue(for name: String, type: ValueType) -> String {
        if Self.sizeKeys.contains(name) { return pick(["1", "2", "3"]) }
        switch type {
        case .integer: return pick(["0", "1", "42", "9223372036854775807", "-9223372036854775808"])
        case .number: return pick(["0.001", "0.01", "0.5", "1e9", "1e-30", "1e30", "0", "-1"])
        case .name: return pick(Array(names.prefix(7)))
        case .path:
            return pick(["x.h5", "out/x.h5", "x.tandem", "données.h5", "\"dir with space/ü.h5\"", "x.h5/train"])
        case .flag: return pick(["on", "off"])
        case .choice(let words): return pick(words)
        case .duration: return pick(["1ms", "2ms"])
        case .bitrate: return pick(["40mbit", "1gbit"])
        case .text:
            return pick([
                "dgcnn", "pointnet", "m", "c", "8", "8,16", "D,DE", "knn,agg,combine,pool",
                "\"knn | agg(rel,max) | combine(8) | pool(max)\"", "d", "s", "seed",
            ])
        }
    }

    /// `text`, sometimes quoted.
    mutating func quoteMaybe(_ text: String) -> String {
        if text.isEmpty || chance(0.15) { return "\"" + text + "\"" }
        if chance(0.05) { return "'" + text + "'" }
        return text
    }

    /// Verbs whose defaults start long work that does not stop when cancelled (the paper space, the full
    /// shapes set), and the arguments always given to them.
    static let heavyVerbs: [String: Set<String>] = [
        "make shapes": ["classes", "train", "test", "points"], "supernet new": ["in"], "arch sample": ["in"],
        "space": ["preset"],
    ]

    /// A command line built from a random verb and random arguments; `heavy` tells whether its verb is one of
    /// `heavyVerbs`.
    mutating func builtLine() -> (line: String, heavy: Bool) {
        let command = pick(registry.commands)
        let spec = command.spec
        let forced = Self.heavyVerbs[spec.name]
        var words = [pick([spec.name] + spec.aliases)]
        for argument in spec.arguments where forced?.contains(argument.name) ?? false || chance(0.7) {
            // Never change the process-wide thread count from a test.
            if argument.name == "threads" { continue }
            var value = value(for: argument.name, type: argument.type)
            if forced?.contains(argument.name) ?? false {
                value = argument.name == "preset" ? "small" : argument.name == "in" ? "s" : pick(["1", "2"])
            }
            switch argument.form {
            case .positional: words.append(value)
            case .key: words.append(argument.name + "=" + value)
            case .marked(let marker): words += [marker, value]
            }
        }
        if spec.name == "set" { words.append(pick(["seed=", "seed=-1", "bogus=1", "seed=99999999999999999999"])) }
        for _ in 0..<(chance(0.7) ? 0 : Int.random(in: 1...2, using: &generator)) {
            words.append(
                chance(0.5)
                    ? pick(Self.strayTokens)
                    : pick(["epochs", "seed", "lr", "points", "bogus", "é"]) + "=" + pick(Self.sizeValues))
        }
        if chance(0.3) { words.dropFirst().shuffled(using: &generator).enumerated().forEach { words[$0 + 1] = $1 } }
        return (words.joined(separator: pick([" ", " ", " ", "  ", "\t"])), forced != nil)
    }

    /// `line` with a few characters inserted, deleted or replaced.
    mutating func mutated(_ line: String) -> String {
        var chars = Array(line)
        for _ in 0..<Int.random(in: 1...4, using: &generator) {
            let position = Int.random(in: 0...chars.count, using: &generator)
            let inserted: [Character] = Array(
                pick(["\"", "'", "\r", "\r\n", ";", "=", " ", "9999999999999999999", "é", "数", "😀", "\\", "#", "-"]))
            switch Int.random(in: 0..<3, using: &generator) {
            case 0: chars.insert(contentsOf: inserted, at: position)
            case 1 where position < chars.count: chars.remove(at: position)
            default:
                if position < chars.count { chars[position] = inserted.first ?? " " }
            }
        }
        return String(chars)
    }

    /// The next line: built, an example of the registry mutated, or a built line mutated.
    mutating func next() -> String {
        switch Int.random(in: 0..<4, using: &generator) {
        case 0:
            let examples = registry.commands.filter { Self.heavyVerbs[$0.spec.name] == nil }.flatMap {
                $0.spec.examples
            }
            return mutated(pick(examples))
        case 1:
            let built = builtLine()
            return built.heavy ? built.line : mutated(built.line)
        default: return builtLine().line
        }
    }
}

/// Cancels the shell's running command once it has run longer than `limit` seconds.
final class Watchdog: Sendable {
    private let started = Mutex<Double?>(nil)
    private let stopped = Atomic<Bool>(false)

    /// Starts watching `cancellation`.
    init(cancellation: Cancellation, limit: Double) {
        let thread = Thread { [self] in
            while !stopped.load(ordering: .relaxed) {
                usleep(10_000)
                let begin = started.withLock { $0 }
                if let begin, Date().timeIntervalSince1970 - begin > limit { cancellation.cancel() }
            }
        }
        thread.start()
    }

    /// Marks the start (or, with nil, the end) of a command.
    func mark(_ time: Double?) { started.withLock { $0 = time } }

    /// Ends the watching thread.
    func stop() { stopped.store(true, ordering: .relaxed) }
}

@Suite struct FuzzTests {
    @Test func thousandsOfRandomAndMutatedCommandLinesEndInAResultOrAnErrorNeverATrap() throws {
        let directory = temporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let buffer = TextBuffer()
        let shell = Shell(session: Session(directory: directory), console: .capturing(into: buffer))
        let setup = [
            "make shapes classes=2 train=2 test=1 points=8 seed=1 as d",
            "space small points=8 k=2 positions=4 widths=8 head=8 maxwidth=32 classes=2 as s",
            "supernet new in s epochs=1 batch=2 as sn", "arch sample n=2 in s as c",
            "train pointnet on d epochs=1 batch=2 as m",
        ]
        for line in setup { #expect(shell.execute(line) == 0, "\(line): \(buffer.text)") }
        let watchdog = Watchdog(cancellation: shell.cancellation, limit: 0.25)
        defer { watchdog.stop() }
        var fuzzer = CommandFuzzer(generator: SeededGenerator(seed: 20_261_129), registry: .standard)
        let log = directory + "/fuzz.log"
        FileManager.default.createFile(atPath: log, contents: nil)
        let handle = try FileHandle(forWritingTo: URL(fileURLWithPath: log))
        defer { try? handle.close() }
        let start = Date()
        var ran = 0
        var succeeded = 0
        while ran < 2000 && Date().timeIntervalSince(start) < 10 {
            let line = fuzzer.next()
            // The line goes to a log first: if it traps, the log's last line is the culprit.
            handle.write(Data((line.debugDescription + "\n").utf8))
            buffer.text = ""
            let lineStart = Date()
            watchdog.mark(Date().timeIntervalSince1970)
            let failures = shell.execute(line, keepGoing: true)
            watchdog.mark(nil)
            handle.write(Data("# \(failures) \(Date().timeIntervalSince(lineStart))\n".utf8))
            if failures == 0 { succeeded += 1 }
            // A failure explains itself: never a silent one.
            if failures > 0 && !buffer.text.contains("error") {
                Issue.record("\(line.debugDescription) failed without an error message: \(buffer.text)")
            }
            shell.quitRequested = false
            try? shell.console.redirect(to: nil)
            ran += 1
        }
        #expect(ran >= 500, "only \(ran) lines in 10 s")
        // Enough lines get past the parser to exercise the commands themselves.
        #expect(succeeded >= 100, "only \(succeeded) of \(ran) lines succeeded")
        #expect(shell.execute("list") == 0)
    }
}
