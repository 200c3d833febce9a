/// Continuously differentiable ELU: f(x) = max(0, x) + min(0, α(e^{x/α} − 1));
/// f′(x) = 1 if x > 0 else e^{x/α} (Barron, 2017, "Continuously differentiable exponential linear units").
///
/// Unlike ELU, its derivative is 1 on both sides of 0 for every α > 0.
public struct CELU: ScalarActivation {
    /// The scale α > 0 (1 by default, where CELU equals ELU).
    public var alpha: Double

    /// Creates a CELU with parameter `alpha`.
    public init(alpha: Double = 1) { self.alpha = alpha }

    /// x if x > 0, else α(e^{x/α} − 1).
    @inlinable public func value<T: NeuralScalar>(_ x: T) -> T {
        x > 0 ? x : T(alpha) * (T.exp(x / T(alpha)) - 1)
    }

    /// 1 if x > 0, else e^{x/α}.
    @inlinable public func derivative<T: NeuralScalar>(_ x: T) -> T { x > 0 ? 1 : T.exp(x / T(alpha)) }
}
