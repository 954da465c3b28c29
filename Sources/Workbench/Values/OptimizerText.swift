import GNN

/// How commands and `show` write an optimiser choice.
enum OptimizerText {
    /// `adam 0.001` or `sgd 0.1 momentum 0.9`.
    static func describe(_ choice: OptimizerChoice) -> String {
        switch choice {
        case .adam(let rate, _): return "adam \(rate)"
        case .sgd(let rate, let momentum, _): return "sgd \(rate) momentum \(momentum)"
        }
    }

    /// The choice a command's `optimizer=` and `lr=` name, with the recipes' momentum and weight decay.
    static func choice(_ name: String, learningRate: Double) -> OptimizerChoice {
        name == "sgd"
            ? .sgd(learningRate: Float(learningRate), momentum: 0.9, weightDecay: 1e-4)
            : .adam(learningRate: Float(learningRate), weightDecay: 1e-4)
    }
}
