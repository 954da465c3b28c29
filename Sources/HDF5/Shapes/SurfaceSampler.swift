import Tensor

/// A parametric patch: maps (u, v) in [0, 1]² to a point on a surface.
struct SurfacePatch {
    /// The parametrisation.
    let point: (Float, Float) -> SIMD3<Float>

    /// The area element |∂p/∂u × ∂p/∂v| at (u, v), by central differences.
    func areaElement(_ u: Float, _ v: Float) -> Float {
        let h: Float = 1e-3
        let u0 = max(u - h, 0), u1 = min(u + h, 1)
        let v0 = max(v - h, 0), v1 = min(v + h, 1)
        let du = (point(u1, v) - point(u0, v)) / (u1 - u0)
        let dv = (point(u, v1) - point(u, v0)) / (v1 - v0)
        let cross = SIMD3(du.y * dv.z - du.z * dv.y, du.z * dv.x - du.x * dv.z, du.x * dv.y - du.y * dv.x)
        return (cross * cross).sum().squareRoot()
    }
}

/// Samples points approximately uniformly by area from a union of patches: a patch is chosen with probability
/// proportional to its (numerically estimated) area, then (u, v) by rejection against the area element.
enum SurfaceSampler {
    /// The grid used to estimate each patch's area and largest area element.
    static let grid = 16

    /// `count` points from `patches`, appended to `output` as x, y, z.
    static func sample(
        _ patches: [SurfacePatch], count: Int, generator: inout SeededGenerator, into output: inout [SIMD3<Float>]
    ) {
        var areas: [Float] = []
        var ceilings: [Float] = []
        for patch in patches {
            var area: Float = 0
            var largest: Float = 0
            for i in 0..<grid {
                for j in 0..<grid {
                    let element = patch.areaElement((Float(i) + 0.5) / Float(grid), (Float(j) + 0.5) / Float(grid))
                    area += element
                    largest = max(largest, element)
                }
            }
            areas.append(area / Float(grid * grid))
            ceilings.append(largest * 1.25)
        }
        let total = areas.reduce(0, +)
        for _ in 0..<count {
            var pick = generator.nextUniform() * total
            var index = 0
            while index < patches.count - 1 && pick >= areas[index] {
                pick -= areas[index]
                index += 1
            }
            let patch = patches[index]
            var u = generator.nextUniform()
            var v = generator.nextUniform()
            var tries = 1
            while tries < 64 && generator.nextUniform() * ceilings[index] > patch.areaElement(u, v) {
                u = generator.nextUniform()
                v = generator.nextUniform()
                tries += 1
            }
            output.append(patch.point(u, v))
        }
    }
}
