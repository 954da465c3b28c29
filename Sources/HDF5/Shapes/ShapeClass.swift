/// The classes of the procedural "shapes" data set: parametric surfaces, each with randomised proportions.
///
/// Pairs are chosen to be confusable: sphere/ellipsoid (their axis ratios overlap once the random
/// anisotropic scale is applied, so no classifier can be perfect), cylinder/capsule, cone/pyramid,
/// torus/thinTorus (tube radii overlap in 0.28–0.32), bowl/saddle (open curved sheets).
public enum ShapeClass: String, CaseIterable, Sendable, Equatable {
    /// Unit sphere.
    case sphere
    /// Ellipsoid with semi-axes 1, b, c; b, c uniform in 0.6–0.9.
    case ellipsoid
    /// Box with sides 1 × (0.85–1.15) × (0.85–1.15), all six faces.
    case cube
    /// Closed cylinder, radius 1, height 1.4–2.6, with both end discs.
    case cylinder
    /// Cylinder of radius 1 and length 1.0–2.0 closed by two hemispheres.
    case capsule
    /// Cone with base radius 1 and height 1.2–2.2, base disc included.
    case cone
    /// Square pyramid with base side 2 and height 1.2–2.2, base included.
    case pyramid
    /// Torus with centre radius 1 and tube radius 0.28–0.5.
    case torus
    /// Torus with centre radius 1 and tube radius 0.12–0.32.
    case thinTorus = "thin_torus"
    /// Open spherical bowl: a sphere cut 0.45–0.6 of the way from the pole (a hemisphere and a bit).
    case bowl
    /// Helical spring: 2.5–4 turns, radius 1, height 1.5–3, tube radius 0.12–0.2.
    case spring
    /// Hyperbolic paraboloid z = k (x² − y²) over [−1, 1]², k in 0.4–0.8.
    case saddle
    /// Möbius strip of half-width 0.3–0.5 around a unit circle.
    case mobius

    /// The class name stored in files (`thin_torus`, `sphere`, ...).
    public var name: String { rawValue }

    /// The class with this stored name, or nil.
    public init?(name: String) { self.init(rawValue: name) }
}
