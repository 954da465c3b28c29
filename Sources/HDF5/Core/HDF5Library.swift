import CHDF5
import Foundation

/// Process-wide set-up of the HDF5 C library and the lock that serialises every call into it.
///
/// Debian's libhdf5 is the serial build, which is not thread-safe: every public entry point of this module
/// runs its C calls inside `HDF5Library.locked`.
enum HDF5Library {
    /// Opens the library once and turns off its automatic error printing; safe to call from any thread.
    static let ready: Bool = {
        H5open()
        tandem_H5_silence_errors()
        return true
    }()

    /// The lock around all HDF5 C calls (recursive: public methods call each other).
    private static let lock = NSRecursiveLock()

    /// Runs `body` with the library initialised and the global HDF5 lock held.
    static func locked<R>(_ body: () throws -> R) rethrows -> R {
        _ = ready
        lock.lock()
        defer { lock.unlock() }
        // Debian's build keeps error-printing settings per thread: silence the calling thread each time.
        tandem_H5_silence_errors()
        return try body()
    }

    /// The most specific message on HDF5's error stack for the current thread, or nil when there is none.
    static func lastErrorMessage() -> String? {
        var buffer = [CChar](repeating: 0, count: 512)
        buffer.withUnsafeMutableBufferPointer { tandem_H5_last_error($0.baseAddress) }
        let text = String(decoding: buffer.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
        return text.isEmpty ? nil : text
    }
}
