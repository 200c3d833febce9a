/// The logistic sigmoid σ(x) = 1 / (1 + e⁻ˣ), σ′(x) = σ(x)(1 − σ(x)).
public struct Sigmoid: ScalarActivation {
    /// Creates the sigmoid activation.
    public init() {}

    /// σ(x) = 1 / (1 + e⁻ˣ), evaluated as eˣ / (1 + eˣ) for x < 0 so e⁻ˣ never overflows.
    @inlinable public func value<T: NeuralScalar>(_ x: T) -> T {
        if x >= 0 {
            return 1 / (1 + T.exp(-x))
        }
        let e = T.exp(x)
        return e / (1 + e)
    }

    /// σ′(x) = σ(x)(1 − σ(x)).
    @inlinable public func derivative<T: NeuralScalar>(_ x: T) -> T {
        let s = value(x)
        return s * (1 - s)
    }
}
