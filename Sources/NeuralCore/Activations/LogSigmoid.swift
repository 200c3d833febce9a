/// Log-sigmoid f(x) = log σ(x) = −log(1 + e⁻ˣ) = −softplus(−x); f′(x) = 1 − σ(x) = σ(−x).
///
/// The log-likelihood of a positive label under a logistic model (Bishop, *Pattern Recognition and
/// Machine Learning*, 2006, §4.3.2).
public struct LogSigmoid: ScalarActivation {
    /// Creates the log-sigmoid activation.
    public init() {}

    /// log σ(x), evaluated as min(x, 0) − log1p(e^{−|x|}) so it never overflows or takes log(0).
    @inlinable public func value<T: NeuralScalar>(_ x: T) -> T {
        Swift.min(x, 0) - T.log1p(T.exp(-x.magnitude))
    }

    /// σ(−x) = 1 − σ(x).
    @inlinable public func derivative<T: NeuralScalar>(_ x: T) -> T { Sigmoid().value(-x) }
}
