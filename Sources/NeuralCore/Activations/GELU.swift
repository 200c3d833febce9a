/// Gaussian error linear unit, exact form: f(x) = x·Φ(x) with Φ(x) = ½(1 + erf(x/√2));
/// f′(x) = Φ(x) + x·φ(x) with φ(x) = e^{−x²/2}/√(2π) (Hendrycks & Gimpel, 2016).
public struct GELU: ScalarActivation {
    /// Creates the (exact, erf-based) GELU activation.
    public init() {}

    /// x·Φ(x).
    @inlinable public func value<T: NeuralScalar>(_ x: T) -> T {
        x * GELU.normalCDF(x)
    }

    /// Φ(x) + x·φ(x).
    @inlinable public func derivative<T: NeuralScalar>(_ x: T) -> T {
        let density = T.exp(-x * x / 2) / (2 * T.pi).squareRoot()
        return GELU.normalCDF(x) + x * density
    }

    /// Φ(x) = ½(1 + erf(x/√2)), the standard normal distribution function.
    @inlinable static func normalCDF<T: NeuralScalar>(_ x: T) -> T {
        (1 + T.erf(x / T(2).squareRoot())) / 2
    }
}
