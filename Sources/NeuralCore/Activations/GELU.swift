/// Gaussian error linear unit, exact form: f(x) = x·Φ(x) with Φ(x) = ½(1 + erf(x/√2));
/// f′(x) = Φ(x) + x·φ(x) with φ(x) = e^{−x²/2}/√(2π) (Hendrycks & Gimpel, 2016).
///
/// `GELUTanh` is the tanh approximation the same paper gives.
public struct GELU: ScalarActivation {
    /// Creates the (exact, erf-based) GELU activation.
    public init() {}

    /// x·Φ(x).
    @inlinable public func value<T: NeuralScalar>(_ x: T) -> T {
        x * StandardNormal.cdf(x)
    }

    /// Φ(x) + x·φ(x).
    @inlinable public func derivative<T: NeuralScalar>(_ x: T) -> T {
        StandardNormal.cdf(x) + x * StandardNormal.density(x)
    }
}
