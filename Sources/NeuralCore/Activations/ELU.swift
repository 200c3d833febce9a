/// Exponential linear unit: f(x) = x if x > 0 else α(eˣ − 1); f′(x) = 1 if x > 0 else αeˣ
/// (Clevert et al., 2015).
public struct ELU: ScalarActivation {
    /// The saturation value −α for large negative inputs (1 by default).
    public var alpha: Double

    /// Creates an ELU with parameter `alpha`.
    public init(alpha: Double = 1) { self.alpha = alpha }

    /// x if x > 0, else α(eˣ − 1).
    @inlinable public func value<T: NeuralScalar>(_ x: T) -> T { x > 0 ? x : T(alpha) * (T.exp(x) - 1) }
    /// 1 if x > 0, else αeˣ.
    @inlinable public func derivative<T: NeuralScalar>(_ x: T) -> T { x > 0 ? 1 : T(alpha) * T.exp(x) }
}
