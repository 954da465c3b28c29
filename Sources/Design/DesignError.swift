import GNN

/// Everything that can go wrong in the Design module; each message says where and what so a user can act.
public enum DesignError: Error, Sendable, Equatable, CustomStringConvertible {
    /// A design space whose fields contradict each other (`space` names it, `detail` says what is wrong).
    case invalidSpace(space: String, detail: String)
    /// Text that is not an architecture in either form; `column` is 1-based in `input`.
    case syntax(input: String, column: Int, detail: String)
    /// An architecture breaking `rule`, first at `position` (0-based, as in `pos3/...`; nil for the whole).
    case invalidArchitecture(rule: ValidityRule, position: Int?, detail: String)
    /// A request that has no answer in this space (sampling, mutation or crossover found no valid result).
    case noValidArchitecture(detail: String)
    /// A data set that does not fit the space (points per cloud, classes, too few clouds).
    case dataMismatch(detail: String)
    /// A supernet or model file that cannot be written or read (`path`, and what is wrong).
    case file(path: String, detail: String)
    /// A model whose execution plan cannot be compiled or run (the plan error names the tensor or value).
    case plan(PlanError)

    /// The message shown to the user.
    public var description: String {
        switch self {
        case .invalidSpace(let space, let detail):
            return "design space '\(space)': \(detail)"
        case .syntax(let input, let column, let detail):
            return "architecture text, column \(column): \(detail)\n  \(input)\n  "
                + String(repeating: " ", count: max(column - 1, 0)) + "^"
        case .invalidArchitecture(let rule, let position, let detail):
            let place = position.map { "position \($0)" } ?? "architecture"
            return "\(place): \(detail) (rule \(rule.rawValue): \(rule))"
        case .noValidArchitecture(let detail):
            return detail
        case .dataMismatch(let detail):
            return "data: \(detail)"
        case .file(let path, let detail):
            return "\(path): \(detail)"
        case .plan(let error):
            return error.description
        }
    }
}
