/// The elementwise maximum over `k` rows of `c` floats starting at `first` (row stride `c`), with the first
/// slot reaching it (the lowest among equal values); eight columns at a time in SIMD registers (selects, no
/// branches), the rest one by one. Needs `k ≥ 1`.
@inline(__always)
func maxOverSlots(
    _ first: UnsafePointer<Float>, k: Int, c: Int, into dst: UnsafeMutablePointer<Float>,
    argmax arg: UnsafeMutablePointer<Int32>
) {
    var j = 0
    while j + 8 <= c {
        var best = UnsafeRawPointer(first + j).loadUnaligned(as: SIMD8<Float>.self)
        var slotOfBest = SIMD8<Int32>(repeating: 0)
        for slot in 1..<Swift.max(k, 1) {
            let v = UnsafeRawPointer(first + slot * c + j).loadUnaligned(as: SIMD8<Float>.self)
            let better = v .> best
            best.replace(with: v, where: better)
            slotOfBest.replace(with: SIMD8<Int32>(repeating: Int32(slot)), where: better)
        }
        UnsafeMutableRawPointer(dst + j).storeBytes(of: best, as: SIMD8<Float>.self)
        UnsafeMutableRawPointer(arg + j).storeBytes(of: slotOfBest, as: SIMD8<Int32>.self)
        j += 8
    }
    while j < c {
        var best = first[j]
        var slotOfBest: Int32 = 0
        for slot in 1..<Swift.max(k, 1) where first[slot * c + j] > best {
            best = first[slot * c + j]
            slotOfBest = Int32(slot)
        }
        dst[j] = best
        arg[j] = slotOfBest
        j += 1
    }
}

/// `dst = max(dst, src)` elementwise over `c` floats, setting `arg` to `slot` where `src` is strictly larger.
@inline(__always)
func maxUpdate(
    _ src: UnsafePointer<Float>, slot: Int32, c: Int, into dst: UnsafeMutablePointer<Float>,
    argmax arg: UnsafeMutablePointer<Int32>
) {
    var j = 0
    let s = SIMD8<Int32>(repeating: slot)
    while j + 8 <= c {
        let v = UnsafeRawPointer(src + j).loadUnaligned(as: SIMD8<Float>.self)
        var best = UnsafeRawPointer(dst + j).loadUnaligned(as: SIMD8<Float>.self)
        var slotOfBest = UnsafeRawPointer(arg + j).loadUnaligned(as: SIMD8<Int32>.self)
        let better = v .> best
        best.replace(with: v, where: better)
        slotOfBest.replace(with: s, where: better)
        UnsafeMutableRawPointer(dst + j).storeBytes(of: best, as: SIMD8<Float>.self)
        UnsafeMutableRawPointer(arg + j).storeBytes(of: slotOfBest, as: SIMD8<Int32>.self)
        j += 8
    }
    while j < c {
        if src[j] > dst[j] {
            dst[j] = src[j]
            arg[j] = slot
        }
        j += 1
    }
}
