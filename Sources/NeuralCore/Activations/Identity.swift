/// The identity f(x) = x, f′(x) = 1 (linear output layers, logits).
public struct Identity: ScalarActivation {
    /// Creates the identity activation.
    public init() {}
    /// f(x) = x.
    @inlinable public func value<T: NeuralScalar>(_ x: T) -> T { x }
    /// f′(x) = 1.
    @inlinable public func derivative<T: NeuralScalar>(_ x: T) -> T { 1 }
}
