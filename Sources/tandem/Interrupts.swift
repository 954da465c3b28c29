import CEditLine
import Tensor

/// Ctrl-C: a SIGINT handler that sets the cancellation flag instead of killing the process.
enum Interrupts {
    /// The flag every shell in this process checks.
    static let cancellation = Cancellation()

    /// Installs the handler (without SA_RESTART, so that a blocked read in the line editor returns).
    static func install() {
        _ = cancellation.isCancelled
        tandem_install_sigint { _ in Interrupts.cancellation.cancel() }
    }
}
