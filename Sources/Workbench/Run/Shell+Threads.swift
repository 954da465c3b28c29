import Tensor

extension Shell {
    /// The session's `threads` setting as the thread budget that commands pass down to the kernels they call
    /// (a value per call, never a process-wide setting: two shells in one process do not affect each other).
    var threads: ThreadBudget { ThreadBudget(threads: session.integerSetting("threads")) }
}
