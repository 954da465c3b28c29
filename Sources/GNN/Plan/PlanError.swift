/// A plan could not run: a value is missing or has the wrong kind or shape, or a model's tensor is missing
/// when compiling. The text names the plan, the step and the value.
public struct PlanError: Error, CustomStringConvertible, Equatable, Sendable {
    /// The plan (or model) concerned.
    public let plan: String
    /// The step concerned (its description), or nil.
    public let step: String?
    /// The value or tensor concerned, or nil.
    public let value: String?
    /// What is wrong and how to fix it.
    public let message: String

    /// An error about `plan`, optionally at `step` and about `value`.
    public init(plan: String, step: String? = nil, value: String? = nil, message: String) {
        self.plan = plan
        self.step = step
        self.value = value
        self.message = message
    }

    /// `plan 'dgcnn split 3', step 'edgeconv2 …': value 'edge1' is missing from the state (…)`.
    public var description: String {
        var text = "plan '\(plan)'"
        if let step { text += ", step '\(step)'" }
        return text + ": " + message
    }
}
