/// Softsign f(x) = x / (1 + |x|); f′(x) = 1 / (1 + |x|)² (Glorot & Bengio, 2010, "Understanding the
/// difficulty of training deep feedforward neural networks", §2.3).
public struct Softsign: ScalarActivation {
    /// Creates the softsign activation.
    public init() {}

    /// x / (1 + |x|).
    @inlinable public func value<T: NeuralScalar>(_ x: T) -> T { x / (1 + x.magnitude) }

    /// 1 / (1 + |x|)².
    @inlinable public func derivative<T: NeuralScalar>(_ x: T) -> T {
        let d = 1 + x.magnitude
        return 1 / (d * d)
    }
}
