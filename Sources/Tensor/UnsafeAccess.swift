/// Internal pointer helpers: the buffers of empty arrays may have no base address, and kernels want a plain
/// pointer they can capture in `@Sendable` closures.
extension Array where Element: BitwiseCopyable {
    /// Calls `body` with the base address of the elements (a valid dummy address when empty).
    @inlinable
    func withBase<R>(_ body: (UnsafePointer<Element>) throws -> R) rethrows -> R {
        try withUnsafeBufferPointer { buffer in
            if let base = buffer.baseAddress { return try body(base) }
            let dummy = UnsafeMutablePointer<Element>.allocate(capacity: 1)
            defer { dummy.deallocate() }
            return try body(UnsafePointer(dummy))
        }
    }

    /// Calls `body` with the mutable base address of the elements (a valid dummy address when empty).
    @inlinable
    mutating func withMutableBase<R>(_ body: (UnsafeMutablePointer<Element>) throws -> R) rethrows -> R {
        try withUnsafeMutableBufferPointer { buffer in
            if let base = buffer.baseAddress { return try body(base) }
            let dummy = UnsafeMutablePointer<Element>.allocate(capacity: 1)
            defer { dummy.deallocate() }
            return try body(dummy)
        }
    }
}

extension Array where Element == Float {
    /// An array of `count` floats whose every element is written by `body` (which receives the base address).
    @inlinable
    static func filled(count: Int, _ body: (UnsafeMutablePointer<Float>) throws -> Void) rethrows -> [Float] {
        try [Float](unsafeUninitializedCapacity: count) { buffer, initialized in
            if let base = buffer.baseAddress {
                try body(base)
            }
            initialized = count
        }
    }
}
