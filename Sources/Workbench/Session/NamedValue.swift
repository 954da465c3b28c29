/// A value the session can hold under a name (`load ... as shapes`): a data set, a model, a space, a zoo...
///
/// A new kind conforms in one file under `Sources/Workbench/Values/` (`extension Model: NamedValue`);
/// `list`, `show`, name completion and replay checks then work for it with no other change.
public protocol NamedValue: Sendable {
    /// The kind's name as `list` shows it, such as "point clouds" (the same for every value of a type).
    static var kindName: String { get }
    /// One line for `list`, such as "40 clouds × 256 points, 4 classes".
    var summary: String { get }
    /// Several lines for `show NAME`.
    var details: String { get }
    /// Whether `other` is the same kind and equal (used to check that replay reaches the same state).
    func isSame(as other: any NamedValue) -> Bool
}

extension NamedValue {
    /// The kind's name of this value's type.
    public var kindName: String { Self.kindName }
}

extension NamedValue where Self: Equatable {
    /// Equal when `other` has the same type and compares equal.
    public func isSame(as other: any NamedValue) -> Bool {
        guard let other = other as? Self else { return false }
        return self == other
    }
}
