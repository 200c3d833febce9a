/// GELU, tanh approximation: f(x) = ½x(1 + tanh(u)) with u = √(2/π)(x + 0.044715x³);
/// f′(x) = ½(1 + tanh u) + ½x(1 − tanh²u)·√(2/π)(1 + 3·0.044715x²)
/// (Hendrycks & Gimpel, 2016, §2; the form GPT-2 and BERT use).
///
/// Within about 5·10⁻⁴ of the exact `GELU` everywhere.
public struct GELUTanh: ScalarActivation {
    /// The cubic coefficient 0.044715 of the paper.
    public static let cubic = 0.044715

    /// Creates the tanh-approximated GELU.
    public init() {}

    /// ½x(1 + tanh(√(2/π)(x + 0.044715x³))).
    @inlinable public func value<T: NeuralScalar>(_ x: T) -> T {
        x * (1 + T.tanh(GELUTanh.inner(x))) / 2
    }

    /// ½(1 + tanh u) + ½x(1 − tanh²u)·√(2/π)(1 + 0.134145x²).
    @inlinable public func derivative<T: NeuralScalar>(_ x: T) -> T {
        let t = T.tanh(GELUTanh.inner(x))
        let innerDerivative = (2 / T.pi).squareRoot() * (1 + 3 * T(GELUTanh.cubic) * x * x)
        return (1 + t) / 2 + x * (1 - t * t) * innerDerivative / 2
    }

    /// u = √(2/π)(x + 0.044715x³).
    @inlinable static func inner<T: NeuralScalar>(_ x: T) -> T {
        (2 / T.pi).squareRoot() * (x + T(cubic) * x * x * x)
    }
}
