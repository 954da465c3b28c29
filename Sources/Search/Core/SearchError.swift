/// Everything that can go wrong in a search or with a zoo; each message says what and how to fix it.
public enum SearchError: Error, Sendable, Equatable, CustomStringConvertible {
    /// An option or target that cannot be searched (`detail` names it and the accepted values).
    case invalidOption(detail: String)
    /// A checkpoint or zoo file that cannot be read or does not match the search (`path`, what is wrong).
    case file(path: String, detail: String)
    /// The cost or accuracy evaluator failed on an architecture (its text, the cause).
    case evaluation(architecture: String, detail: String)

    /// The message shown to the user.
    public var description: String {
        switch self {
        case .invalidOption(let detail): return "search: \(detail)"
        case .file(let path, let detail): return "\(path): \(detail)"
        case .evaluation(let architecture, let detail): return "evaluating \(architecture): \(detail)"
        }
    }
}
