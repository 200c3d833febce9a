/// The L1 norm ‖x‖₁ = Σᵢ |xᵢ|, ∇ = sign(x) with the subgradient 0 at xᵢ = 0 (the lasso penalty's
/// derivative; Tibshirani, 1996).
public struct L1Norm: VectorReduction {
    /// Creates the L1 norm.
    public init() {}
    /// Σ |x|.
    public func value<T: NeuralScalar>(_ x: [T]) -> T { x.reduce(T(0)) { $0 + $1.magnitude } }
    /// sign(x), 0 at 0.
    public func gradient<T: NeuralScalar>(_ x: [T]) -> [T] { x.map { $0 > 0 ? 1 : $0 < 0 ? -1 : 0 } }
}
