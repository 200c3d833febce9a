/// Softplus f(x) = log(1 + eˣ), a smooth ReLU; f′(x) = σ(x).
public struct Softplus: ScalarActivation {
    /// Creates the softplus activation.
    public init() {}
    /// log(1 + eˣ), evaluated as max(x, 0) + log1p(e^{−|x|}) so it never overflows.
    @inlinable public func value<T: NeuralScalar>(_ x: T) -> T {
        Swift.max(x, 0) + T.log1p(T.exp(-x.magnitude))
    }
    /// f′(x) = σ(x) = 1 / (1 + e⁻ˣ).
    @inlinable public func derivative<T: NeuralScalar>(_ x: T) -> T { Sigmoid().value(x) }
}
