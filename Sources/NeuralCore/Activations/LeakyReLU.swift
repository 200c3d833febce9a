/// Leaky ReLU: f(x) = x if x ≥ 0 else αx; f′(x) = 1 if x ≥ 0 else α (Maas et al., 2013).
public struct LeakyReLU: ScalarActivation {
    /// The slope α for negative inputs (0.01 by default).
    public var alpha: Double

    /// Creates a leaky ReLU with slope `alpha` for negative inputs.
    public init(alpha: Double = 0.01) { self.alpha = alpha }

    /// x if x ≥ 0, else αx.
    @inlinable public func value<T: NeuralScalar>(_ x: T) -> T { x >= 0 ? x : T(alpha) * x }
    /// 1 if x ≥ 0, else α (1 at the kink, matching the lessons' "x ≥ 0" case split).
    @inlinable public func derivative<T: NeuralScalar>(_ x: T) -> T { x >= 0 ? 1 : T(alpha) }
}
