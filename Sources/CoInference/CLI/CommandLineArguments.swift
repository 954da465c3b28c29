/// `--name value` / `--flag` arguments of `tandem edge` and `tandem device`, parsed without a framework.
struct CommandLineArguments {
    private(set) var values: [String: [String]] = [:]
    private(set) var flags: Set<String> = []

    /// Parses `arguments`: names in `valued` take the following words up to the next `--` word (several for
    /// `--models`), names in `switches` take none; anything else is an error naming it.
    init(_ arguments: [String], valued: Set<String>, switches: Set<String>, command: String) throws(CoInferenceError) {
        var index = 0
        while index < arguments.count {
            let word = arguments[index]
            index += 1
            if switches.contains(word) {
                flags.insert(word)
            } else if valued.contains(word) {
                var taken: [String] = []
                while index < arguments.count, !arguments[index].hasPrefix("--") {
                    taken.append(arguments[index])
                    index += 1
                }
                guard !taken.isEmpty else { throw CoInferenceError(origin: command, message: "\(word) needs a value") }
                values[word, default: []] += taken
            } else {
                let known = (valued.union(switches)).sorted().joined(separator: ", ")
                throw CoInferenceError(origin: command, message: "unknown argument '\(word)' (known: \(known))")
            }
        }
    }

    func value(_ name: String) -> String? { values[name]?.last }

    func number(_ name: String, command: String) throws(CoInferenceError) -> Double? {
        guard let text = value(name) else { return nil }
        guard let x = Double(text), x.isFinite else {
            throw CoInferenceError(origin: command, message: "\(name) '\(text)' is not a number")
        }
        return x
    }
}
