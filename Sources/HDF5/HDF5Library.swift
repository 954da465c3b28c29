import CHDF5

/// Process-wide set-up of the HDF5 C library.
enum HDF5Library {
    /// Opens the library once and turns off its automatic error printing; safe to call from any thread.
    static let ready: Bool = {
        H5open()
        tandem_H5_silence_errors()
        return true
    }()
}
