import GNN

/// The device/edge mapping pattern of an architecture, named by the sides in execution order.
///
/// Derived from the communicates: none → D; one at position 0 (the raw input is sent) → E; one elsewhere →
/// DE; two with the first at position 0 → ED; two with the first elsewhere → DED. At most two communicates
/// exist, so these five are all the patterns.
public enum Mode: String, Sendable, CaseIterable, Hashable, CustomStringConvertible {
    /// Device only.
    case d = "D"
    /// Everything on the edge (the first op is a communicate).
    case e = "E"
    /// Device, then edge.
    case de = "DE"
    /// Edge (the first op is a communicate), then back to the device.
    case ed = "ED"
    /// Device, edge, device.
    case ded = "DED"

    /// The mode for `communicates` communicates (0–2), the first of them at position 0 or not.
    public init?(communicates: Int, firstAtStart: Bool) {
        switch (communicates, firstAtStart) {
        case (0, _): self = .d
        case (1, true): self = .e
        case (1, false): self = .de
        case (2, true): self = .ed
        case (2, false): self = .ded
        default: return nil
        }
    }

    /// The mode named `text` (case-insensitive `D`, `E`, `DE`, `ED`, `DED`), or nil.
    public init?(name text: String) { self.init(rawValue: text.uppercased()) }

    /// The side the head runs on (where execution ends).
    public var headSide: Side { self == .e || self == .de ? .edge : .device }

    /// `D`, `E`, `DE`, `ED` or `DED`.
    public var description: String { rawValue }
}
