import Design
import GNN

/// A supernet as the session holds it, with the class names of the data it trains on.
public struct SupernetValue: Sendable {
    /// The supernet (weights, optimiser state, random stream, history, score cache).
    public var supernet: Supernet
    /// Class names of the training data (empty until trained or when unknown).
    public var classNames: [String]

    /// Wraps a supernet.
    public init(_ supernet: Supernet, classNames: [String] = []) {
        self.supernet = supernet
        self.classNames = classNames
    }
}
