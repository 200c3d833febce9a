/// The L2 (weight-decay) penalty R(w) = (λ/2)‖w‖₂² = (λ/2)Σᵢ wᵢ², ∇R = λw (Krogh & Hertz, 1992, "A simple
/// weight decay can improve generalization"; Goodfellow et al., *Deep Learning*, 2016, §7.1.1).
///
/// Adding it to a loss adds λw to the gradient, which is what `SGD`'s and `Adam`'s coupled
/// `weightDecay: λ` do. Lessons that write the penalty as λ‖w‖² (gradient 2λw) mean `L2Penalty(lambda: 2λ)`.
public struct L2Penalty: VectorReduction {
    /// The coefficient λ ≥ 0.
    public var lambda: Double

    /// Creates the penalty (λ/2)‖w‖².
    public init(lambda: Double) { self.lambda = lambda }

    /// (λ/2) Σ w².
    public func value<T: NeuralScalar>(_ w: [T]) -> T { T(lambda) * SquaredNorm().value(w) / 2 }

    /// λw.
    public func gradient<T: NeuralScalar>(_ w: [T]) -> [T] { w.map { T(lambda) * $0 } }
}
