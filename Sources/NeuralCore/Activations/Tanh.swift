/// The hyperbolic tangent tanh(x) = (eˣ − e⁻ˣ) / (eˣ + e⁻ˣ), tanh′(x) = 1 − tanh²(x).
public struct Tanh: ScalarActivation {
    /// Creates the tanh activation.
    public init() {}
    /// tanh(x).
    @inlinable public func value<T: NeuralScalar>(_ x: T) -> T { T.tanh(x) }
    /// tanh′(x) = 1 − tanh²(x).
    @inlinable public func derivative<T: NeuralScalar>(_ x: T) -> T {
        let t = T.tanh(x)
        return 1 - t * t
    }
}
