import Foundation
import Synchronization
import Tensor

/// Turns `Progress` reports into a bar with rate and ETA on a terminal, or into a plain line every few
/// seconds otherwise. Nothing is shown for work that ends within `delay` seconds.
public final class ProgressRenderer: Sendable {
    private struct State {
        var start: Double
        var lastDraw = -Double.infinity
        var shown = false
        var lineOpen = false
    }

    private let label: String
    private let isTerminal: Bool
    private let delay: Double
    private let interval: Double
    private let write: @Sendable (String) -> Void
    private let clock: @Sendable () -> Double
    private let state: Mutex<State>

    /// A renderer for work called `label`; `write` receives finished text (with `\r` on terminals).
    public init(
        label: String, isTerminal: Bool, delay: Double = 1, interval: Double? = nil,
        clock: @escaping @Sendable () -> Double = ProgressRenderer.now, write: @escaping @Sendable (String) -> Void
    ) {
        self.label = label
        self.isTerminal = isTerminal
        self.delay = delay
        self.interval = interval ?? (isTerminal ? 0.1 : 5)
        self.clock = clock
        self.write = write
        self.state = Mutex(State(start: clock()))
    }

    /// Monotonic seconds.
    public static let now: @Sendable () -> Double = {
        var t = timespec()
        clock_gettime(CLOCK_MONOTONIC, &t)
        return Double(t.tv_sec) + Double(t.tv_nsec) * 1e-9
    }

    /// A `Progress` that feeds this renderer.
    public var progress: TensorProgress {
        TensorProgress { [self] done, total, note in self.report(done, total, note) }
    }

    /// Handles one report.
    public func report(_ done: Int, _ total: Int, _ note: String) {
        let now = clock()
        let text: String? = state.withLock { state in
            let elapsed = now - state.start
            let finished = total > 0 && done >= total
            if finished {
                guard state.shown else { return nil }
                state.lineOpen = false
                return (isTerminal ? "\r\u{1B}[K" : "") + line(done, total, note, elapsed) + "\n"
            }
            guard elapsed >= delay, now - state.lastDraw >= interval else { return nil }
            state.shown = true
            state.lineOpen = isTerminal
            state.lastDraw = now
            return isTerminal
                ? "\r\u{1B}[K" + line(done, total, note, elapsed) : line(done, total, note, elapsed) + "\n"
        }
        if let text { write(text) }
    }

    /// Ends a bar left open on a terminal (the work stopped early), so that the next text starts a new line.
    public func finish() {
        let open = state.withLock { state in
            defer { state.lineOpen = false }
            return state.lineOpen
        }
        if open { write("\n") }
    }

    /// `label [#####-----] 50% 5/10 2.0/s ETA 3s note`; without a bar when the total is unknown.
    func line(_ done: Int, _ total: Int, _ note: String, _ elapsed: Double) -> String {
        let rate = elapsed > 0 ? Double(done) / elapsed : 0
        var parts = [label]
        if total > 0 {
            let fraction = min(1, Double(done) / Double(total))
            if isTerminal {
                let filled = Int((fraction * 20).rounded(.down))
                parts.append(
                    "[" + String(repeating: "#", count: filled) + String(repeating: "-", count: 20 - filled) + "]")
            }
            parts.append("\(Int((fraction * 100).rounded(.down)))%")
            parts.append("\(done)/\(total)")
        } else {
            parts.append("\(done)")
        }
        parts.append(String(format: "%.1f/s", rate))
        if total > 0, rate > 0, done < total {
            parts.append("ETA " + Self.duration(Double(total - done) / rate))
        }
        if !note.isEmpty { parts.append(note) }
        return parts.joined(separator: " ")
    }

    /// `42s`, `3m05s` or `1h02m`.
    static func duration(_ seconds: Double) -> String {
        let s = Int(seconds.rounded(.up))
        if s < 60 { return "\(s)s" }
        if s < 3600 { return String(format: "%dm%02ds", s / 60, s % 60) }
        return String(format: "%dh%02dm", s / 3600, (s % 3600) / 60)
    }
}
