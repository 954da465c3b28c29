import Foundation
import Tensor

extension ShapeClass {
    /// The patches of one random instance of the class (proportions drawn from `generator`), in canonical
    /// pose: axis of symmetry along z, centred near the origin, size about 1.
    func patches(generator: inout SeededGenerator) -> [SurfacePatch] {
        func uniform(_ low: Float, _ high: Float) -> Float { low + (high - low) * generator.nextUniform() }
        switch self {
        case .sphere: return [Self.ellipsoid(1, 1, 1)]
        case .ellipsoid: return [Self.ellipsoid(1, uniform(0.6, 0.9), uniform(0.6, 0.9))]
        case .cube: return Self.box(1, uniform(0.85, 1.15), uniform(0.85, 1.15))
        case .cylinder:
            let half = uniform(1.4, 2.6) / 2
            return [
                Self.tube(radius: 1, from: -half, to: half), Self.disc(radius: 1, z: -half),
                Self.disc(radius: 1, z: half),
            ]
        case .capsule:
            let half = uniform(1.0, 2.0) / 2
            return [
                Self.tube(radius: 1, from: -half, to: half), Self.cap(radius: 1, z: half, upward: true),
                Self.cap(radius: 1, z: -half, upward: false),
            ]
        case .cone:
            let height = uniform(1.2, 2.2)
            let base = -height / 3
            let cone = SurfacePatch { u, v in
                let angle = 2 * Float.pi * u
                let radius = 1 - v
                return SIMD3(radius * cos(angle), radius * sin(angle), base + v * height)
            }
            return [cone, Self.disc(radius: 1, z: base)]
        case .pyramid:
            let height = uniform(1.2, 2.2)
            let base = -height / 3
            let apex = SIMD3<Float>(0, 0, base + height)
            let corners: [SIMD3<Float>] = [(1, 1), (-1, 1), (-1, -1), (1, -1)].map { SIMD3($0.0, $0.1, base) }
            var faces = (0..<4).map { Self.triangle(apex, corners[$0], corners[($0 + 1) % 4]) }
            faces.append(Self.quad(corners[0], corners[1], corners[3]))
            return faces
        case .torus: return [Self.torus(major: 1, minor: uniform(0.28, 0.5))]
        case .thinTorus: return [Self.torus(major: 1, minor: uniform(0.12, 0.32))]
        case .bowl:
            let rim = Float.pi * uniform(0.45, 0.6)
            return [
                SurfacePatch { u, v in
                    let angle = 2 * Float.pi * u
                    let polar = Float.pi - rim * v
                    return SIMD3(sin(polar) * cos(angle), sin(polar) * sin(angle), cos(polar) + 0.5)
                }
            ]
        case .spring:
            let turns = uniform(2.5, 4)
            let height = uniform(1.5, 3)
            let tube = uniform(0.12, 0.2)
            return [Self.helixTube(turns: turns, height: height, tube: tube)]
        case .saddle:
            let k = uniform(0.4, 0.8)
            return [
                SurfacePatch { u, v in
                    let x = 2 * u - 1
                    let y = 2 * v - 1
                    return SIMD3(x, y, k * (x * x - y * y))
                }
            ]
        case .mobius:
            let width = uniform(0.3, 0.5)
            return [
                SurfacePatch { u, v in
                    let angle = 2 * Float.pi * u
                    let offset = width * (2 * v - 1)
                    let radius = 1 + offset * cos(angle / 2)
                    return SIMD3(radius * cos(angle), radius * sin(angle), offset * sin(angle / 2))
                }
            ]
        }
    }

    private static func ellipsoid(_ a: Float, _ b: Float, _ c: Float) -> SurfacePatch {
        SurfacePatch { u, v in
            let angle = 2 * Float.pi * u
            let polar = Float.pi * v
            return SIMD3(a * sin(polar) * cos(angle), b * sin(polar) * sin(angle), c * cos(polar))
        }
    }

    private static func box(_ x: Float, _ y: Float, _ z: Float) -> [SurfacePatch] {
        let half = SIMD3(x, y, z) / 2
        var faces: [SurfacePatch] = []
        for axis in 0..<3 {
            for sign: Float in [-1, 1] {
                faces.append(
                    SurfacePatch { u, v in
                        var point = SIMD3<Float>(repeating: 0)
                        point[axis] = sign * half[axis]
                        point[(axis + 1) % 3] = (2 * u - 1) * half[(axis + 1) % 3]
                        point[(axis + 2) % 3] = (2 * v - 1) * half[(axis + 2) % 3]
                        return point
                    })
            }
        }
        return faces
    }

    private static func tube(radius: Float, from bottom: Float, to top: Float) -> SurfacePatch {
        SurfacePatch { u, v in
            let angle = 2 * Float.pi * u
            return SIMD3(radius * cos(angle), radius * sin(angle), bottom + (top - bottom) * v)
        }
    }

    private static func disc(radius: Float, z: Float) -> SurfacePatch {
        SurfacePatch { u, v in
            let angle = 2 * Float.pi * u
            return SIMD3(radius * v * cos(angle), radius * v * sin(angle), z)
        }
    }

    private static func cap(radius: Float, z: Float, upward: Bool) -> SurfacePatch {
        SurfacePatch { u, v in
            let angle = 2 * Float.pi * u
            let polar = Float.pi / 2 * v
            let height = radius * cos(polar)
            return SIMD3(
                radius * sin(polar) * cos(angle), radius * sin(polar) * sin(angle), upward ? z + height : z - height)
        }
    }

    private static func triangle(_ a: SIMD3<Float>, _ b: SIMD3<Float>, _ c: SIMD3<Float>) -> SurfacePatch {
        SurfacePatch { u, v in a + u * (b - a + v * (c - b)) }
    }

    private static func quad(_ corner: SIMD3<Float>, _ alongU: SIMD3<Float>, _ alongV: SIMD3<Float>) -> SurfacePatch {
        SurfacePatch { u, v in corner + u * (alongU - corner) + v * (alongV - corner) }
    }

    private static func torus(major: Float, minor: Float) -> SurfacePatch {
        SurfacePatch { u, v in
            let angle = 2 * Float.pi * u
            let tubeAngle = 2 * Float.pi * v
            let radius = major + minor * cos(tubeAngle)
            return SIMD3(radius * cos(angle), radius * sin(angle), minor * sin(tubeAngle))
        }
    }

    private static func helixTube(turns: Float, height: Float, tube: Float) -> SurfacePatch {
        SurfacePatch { u, v in
            let angle = 2 * Float.pi * turns * u
            let centre = SIMD3(cos(angle), sin(angle), height * (u - 0.5))
            let tangent = SIMD3(-2 * Float.pi * turns * sin(angle), 2 * Float.pi * turns * cos(angle), height)
            let normal = SIMD3(-cos(angle), -sin(angle), 0)
            var binormal = SIMD3(
                tangent.y * normal.z - tangent.z * normal.y, tangent.z * normal.x - tangent.x * normal.z,
                tangent.x * normal.y - tangent.y * normal.x)
            binormal /= (binormal * binormal).sum().squareRoot()
            let tubeAngle = 2 * Float.pi * v
            return centre + tube * (cos(tubeAngle) * normal + sin(tubeAngle) * binormal)
        }
    }
}
