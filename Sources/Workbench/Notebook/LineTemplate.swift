import Foundation

/// One expected line of a notebook output block, as `notebook check` reads it (every line but a ` (re)` one).
///
/// - Text must be equal.
/// - A number (a run of digits with an optional fraction and exponent, not glued to a letter, digit, `_` or `.`
///   before it) matches any number within its tolerance: an integer must be equal; a decimal within one unit
///   of its last written digit plus `defaultRelative` of its size (`0.696` accepts 0.695…0.697).
/// - A line ending in ` (~R%)` widens every number on it by R % of the expected value; ` (~±A)` by A.
/// - `{time}` matches any duration (`0.52s`, `12 ms`, `3m05s`), `{rate}` any rate (`2.0/s`, `9.1 clouds/s`),
///   `{num}` any number, `{*}` any text.
struct LineTemplate: Sendable {
    /// How far a number may move on a line, beyond its written precision.
    enum Tolerance: Sendable, Equatable {
        /// The default: `defaultRelative`.
        case standard
        /// A fraction of the expected value (0.05 for ` (~5%)`).
        case relative(Double)
        /// An absolute amount (` (~±0.5)`).
        case absolute(Double)
    }

    /// The relative tolerance every decimal number gets (0.1 %).
    static let defaultRelative = 1e-3

    /// The placeholders and the regular expressions they stand for.
    static let placeholders: [(name: String, pattern: String)] = [
        ("{time}", durationPattern), ("{rate}", ratePattern), ("{num}", numberPattern), ("{*}", ".*?"),
    ]
    /// A number as the template reads it.
    static let numberPattern = #"(?<![\w.])-?\d+(?:\.\d+)?(?:[eE][-+]?\d+)?"#
    /// A duration: `0.52s`, `12 ms`, `3m05s`, `1h02m`.
    static let durationPattern =
        #"(?<![\w.])(?:\d+h\d{2}m|\d+m\d{2}s|\d+(?:\.\d+)?\s?(?:ns|us|µs|ms|s|min|h))(?![\w])"#
    /// A rate: a number followed by an optional word and `/s`.
    static let ratePattern = #"(?<![\w.])\d+(?:\.\d+)?\s?[A-Za-z]*/s(?![\w])"#

    /// The tolerance of the line.
    let tolerance: Tolerance
    /// The marker as written (` (~5%)`), empty when none.
    let marker: String
    /// The line without its marker.
    let body: String
    /// The expected numbers, in order.
    private let numbers: [Double]
    /// One unit of the last written digit of each expected number (0 for integers).
    private let units: [Double]
    /// The whole-line expression: text escaped, numbers and placeholders as groups.
    private let regex: NSRegularExpression?

    /// Reads an expected line.
    init(_ line: String) {
        (body, marker, tolerance) = Self.splitMarker(line)
        var pattern = "^"
        var numbers: [Double] = []
        var units: [Double] = []
        for piece in Self.pieces(of: body) {
            switch piece {
            case .text(let text): pattern += NSRegularExpression.escapedPattern(for: text)
            case .placeholder(let name):
                pattern += "(?:" + (Self.placeholders.first { $0.name == name }?.pattern ?? ".*?") + ")"
            case .number(let text):
                pattern += "(" + Self.numberPattern + ")"
                numbers.append(Double(text) ?? 0)
                units.append(Self.unit(of: text))
            }
        }
        self.numbers = numbers
        self.units = units
        regex = try? NSRegularExpression(pattern: pattern + "$")
    }

    /// Whether `actual` matches this line.
    func matches(_ actual: String) -> Bool {
        guard let regex,
            let match = regex.firstMatch(in: actual, range: NSRange(actual.startIndex..., in: actual))
        else { return false }
        for index in numbers.indices {
            guard let range = Range(match.range(at: index + 1), in: actual), let value = Double(actual[range])
            else { return false }
            if abs(value - numbers[index]) > allowance(index) { return false }
        }
        return true
    }

    /// How far number `index` may be from the expected value.
    private func allowance(_ index: Int) -> Double {
        let expected = abs(numbers[index])
        let slack = units[index] == 0 ? 0 : units[index] + Self.defaultRelative * expected
        switch tolerance {
        case .standard: return slack * (1 + 1e-9)
        case .relative(let fraction): return (slack + fraction * expected) * (1 + 1e-9)
        case .absolute(let amount): return (slack + amount) * (1 + 1e-9)
        }
    }

    /// `actual` with its durations and rates replaced by `{time}` and `{rate}`: the form `notebook run` writes.
    static func masked(_ actual: String) -> String {
        var line = actual
        for (name, pattern) in [("{time}", durationPattern), ("{rate}", ratePattern)] {
            guard let regex = try? NSRegularExpression(pattern: pattern) else { continue }
            line = regex.stringByReplacingMatches(
                in: line, range: NSRange(line.startIndex..., in: line), withTemplate: name)
        }
        return line
    }

    /// A piece of an expected line.
    private enum Piece {
        case text(String)
        case number(String)
        case placeholder(String)
    }

    /// Cuts a line into text, numbers and placeholders.
    private static func pieces(of line: String) -> [Piece] {
        var pieces: [Piece] = []
        var text = ""
        var rest = Substring(line)
        let number = try? NSRegularExpression(pattern: "^" + numberPattern)
        var previous: Character?
        while let first = rest.first {
            if first == "{", let placeholder = placeholders.first(where: { rest.hasPrefix($0.name) }) {
                if !text.isEmpty { pieces.append(.text(text)) }
                text = ""
                pieces.append(.placeholder(placeholder.name))
                rest = rest.dropFirst(placeholder.name.count)
                previous = "}"
                continue
            }
            let glued = previous.map { $0.isLetter || $0.isNumber || $0 == "_" || $0 == "." } ?? false
            if !glued, first == "-" || first.isASCII && first.isNumber, let number {
                let candidate = String(rest)
                if let match = number.firstMatch(in: candidate, range: NSRange(candidate.startIndex..., in: candidate)),
                    let range = Range(match.range, in: candidate)
                {
                    if !text.isEmpty { pieces.append(.text(text)) }
                    text = ""
                    let digits = String(candidate[range])
                    pieces.append(.number(digits))
                    rest = rest.dropFirst(digits.count)
                    previous = digits.last
                    continue
                }
            }
            text.append(first)
            previous = first
            rest = rest.dropFirst()
        }
        if !text.isEmpty { pieces.append(.text(text)) }
        return pieces
    }

    /// One unit of the last written digit of a decimal number (`0.001` for `0.696`, `1e4` for `1.24e+06`), 0 for
    /// an integer.
    private static func unit(of text: String) -> Double {
        let lower = text.lowercased()
        let mantissa = lower.split(separator: "e", maxSplits: 1).first.map(String.init) ?? lower
        let exponent = lower.contains("e") ? Int(lower.split(separator: "e")[1]) ?? 0 : 0
        guard let dot = mantissa.firstIndex(of: ".") else { return exponent == 0 ? 0 : pow(10, Double(exponent)) }
        let decimals = mantissa.distance(from: dot, to: mantissa.endIndex) - 1
        return pow(10, Double(exponent - decimals))
    }

    /// Splits a trailing ` (~R%)` or ` (~±A)` marker off a line.
    private static func splitMarker(_ line: String) -> (String, String, Tolerance) {
        guard line.hasSuffix(")"), let open = line.range(of: " (~", options: .backwards) else {
            return (line, "", .standard)
        }
        let spec = line[open.upperBound..<line.index(before: line.endIndex)]
        let body = String(line[..<open.lowerBound])
        let marker = String(line[open.lowerBound...])
        if spec.hasSuffix("%"), let percent = Double(spec.dropLast()), percent >= 0 {
            return (body, marker, .relative(percent / 100))
        }
        if spec.hasPrefix("±"), let amount = Double(spec.dropFirst()), amount >= 0 {
            return (body, marker, .absolute(amount))
        }
        return (line, "", .standard)
    }
}
