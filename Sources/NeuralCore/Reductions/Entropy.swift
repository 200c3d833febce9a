/// Shannon entropy of a probability vector in nats: H(p) = −Σᵢ pᵢ log pᵢ with 0·log 0 = 0;
/// ∂H/∂pᵢ = −(log pᵢ + 1) (Shannon, 1948; Cover & Thomas, *Elements of Information Theory*, 2006, §2.1).
///
/// The gradient treats the entries as free (it is not projected onto the simplex) and clamps p below
/// at the probability floor of the cross-entropies, so it stays finite at pᵢ = 0.
public struct Entropy: VectorReduction {
    /// Creates the entropy function.
    public init() {}

    /// −Σ p log p, terms with p = 0 dropped.
    public func value<T: NeuralScalar>(_ p: [T]) -> T {
        p.reduce(T(0)) { $1 > 0 ? $0 - $1 * T.log($1) : $0 }
    }

    /// −(log p + 1), p clamped.
    public func gradient<T: NeuralScalar>(_ p: [T]) -> [T] {
        let eps = probabilityFloor(T.self)
        return p.map { -(T.log(Swift.max($0, eps)) + 1) }
    }
}
