import Tensor

extension Shell {
    /// Hands the session's `threads` setting to Tensor's kernels and OpenBLAS (`Parallelism.threads`); every
    /// command that computes calls it first, so the setting of the session running it is the one in force.
    func applyThreads() {
        let wanted = max(1, session.integerSetting("threads"))
        if Parallelism.threads != wanted { Parallelism.threads = wanted }
    }
}
