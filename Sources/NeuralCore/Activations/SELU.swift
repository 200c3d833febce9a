/// Scaled exponential linear unit: f(x) = λx if x > 0 else λα(eˣ − 1); f′(x) = λ if x > 0 else λαeˣ,
/// with the constants that make activations self-normalising (Klambauer et al., 2017,
/// "Self-normalizing neural networks", eq. 14):
/// λ ≈ 1.0507009873554804934193349852946, α ≈ 1.6732632423543772848170429916717.
public struct SELU: ScalarActivation {
    /// λ = 1.0507009873554804934193349852946 (rounded to the nearest `Double`).
    public static let lambda = 1.0507009873554804934193349852946
    /// α = 1.6732632423543772848170429916717 (rounded to the nearest `Double`).
    public static let alpha = 1.6732632423543772848170429916717

    /// Creates the SELU activation.
    public init() {}

    /// λx if x > 0, else λα(eˣ − 1).
    @inlinable public func value<T: NeuralScalar>(_ x: T) -> T {
        x > 0 ? T(SELU.lambda) * x : T(SELU.lambda) * T(SELU.alpha) * (T.exp(x) - 1)
    }

    /// λ if x > 0, else λαeˣ.
    @inlinable public func derivative<T: NeuralScalar>(_ x: T) -> T {
        x > 0 ? T(SELU.lambda) : T(SELU.lambda) * T(SELU.alpha) * T.exp(x)
    }
}
