/// The standard normal distribution N(0, 1) and the error function it is built on, for GELU and the
/// formula checker's `\Phi`, `\phi` and `\operatorname{erf}`.
///
/// Φ(x) = ½(1 + erf(x/√2)), φ(x) = Φ′(x) = e^{−x²/2}/√(2π), erf′(x) = (2/√π)·e^{−x²}
/// (Abramowitz & Stegun, *Handbook of Mathematical Functions*, 26.2.2, 26.2.29 and 7.1.1).
/// Every function goes through `NeuralScalar`'s `exp` and `erf`, so `Double` results are as
/// reproducible as those two.
public enum StandardNormal {
    /// The distribution function Φ(x) = P(Z ≤ x) = ½(1 + erf(x/√2)).
    @inlinable public static func cdf<T: NeuralScalar>(_ x: T) -> T {
        (1 + T.erf(x / T(2).squareRoot())) / 2
    }

    /// The density φ(x) = e^{−x²/2}/√(2π), the derivative of Φ.
    @inlinable public static func density<T: NeuralScalar>(_ x: T) -> T {
        T.exp(-x * x / 2) / (2 * T.pi).squareRoot()
    }

    /// φ′(x) = −x·φ(x), the derivative of the density.
    @inlinable public static func densityDerivative<T: NeuralScalar>(_ x: T) -> T {
        -x * density(x)
    }

    /// The error function erf(x) = (2/√π)∫₀ˣ e^{−t²} dt (the scalar type's own `erf`).
    @inlinable public static func erf<T: NeuralScalar>(_ x: T) -> T { T.erf(x) }

    /// erf′(x) = (2/√π)·e^{−x²}.
    @inlinable public static func erfDerivative<T: NeuralScalar>(_ x: T) -> T {
        2 / T.pi.squareRoot() * T.exp(-x * x)
    }

    /// The complementary error function erfc(x) = 1 − erf(x), as the difference (no extra accuracy in
    /// the far tail, where it underflows relative to 1).
    @inlinable public static func erfc<T: NeuralScalar>(_ x: T) -> T { 1 - T.erf(x) }
}
