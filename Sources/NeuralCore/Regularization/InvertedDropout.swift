/// Inverted dropout with drop probability p (Srivastava et al., 2014, "Dropout", §10; the "inverted"
/// scaling of cs231n and every framework): at training, each entry is kept with probability 1 − p and
/// scaled by 1/(1 − p), so E[dropout(x)] = x and inference uses x unchanged.
///
///     mᵢ = 1/(1 − p) if uᵢ ≥ p else 0,   yᵢ = mᵢxᵢ,   ∂L/∂xᵢ = mᵢ·∂L/∂yᵢ
///
/// with uᵢ the i-th uniform draw in [0, 1) of a `SeededGenerator`: the mask is a deterministic
/// function of the seed, the same on every machine.
public struct InvertedDropout: Sendable, Equatable, Hashable {
    /// The probability p ∈ [0, 1) that an entry is dropped.
    public var rate: Double

    /// Dropout that drops each entry with probability `rate`.
    public init(rate: Double) {
        precondition(rate >= 0 && rate < 1, "InvertedDropout: the drop probability must lie in [0, 1), got \(rate)")
        self.rate = rate
    }

    /// The scale 1/(1 − p) given to the entries kept.
    public var scale: Double { 1 / (1 - rate) }

    /// `count` mask entries, each 0 (dropped) or 1/(1 − p) (kept), drawn from `rng` in order.
    public func mask<T: NeuralScalar>(count: Int, rng: inout SeededGenerator, as: T.Type = T.self) -> [T] {
        let kept = T(scale)
        return (0..<count).map { _ in rng.nextUniform() >= rate ? kept : 0 }
    }

    /// The mask drawn from a generator seeded with `seed`.
    public func mask<T: NeuralScalar>(count: Int, seed: UInt64, as: T.Type = T.self) -> [T] {
        var rng = SeededGenerator(seed: seed)
        return mask(count: count, rng: &rng)
    }

    /// Training-mode forward: y = m ⊙ x with the mask of `seed`; returns both.
    public func forward<T: NeuralScalar>(_ x: [T], seed: UInt64) -> (output: [T], mask: [T]) {
        let m: [T] = mask(count: x.count, seed: seed)
        return (zip(x, m).map { $0 * $1 }, m)
    }

    /// Training-mode forward over a batch, the mask drawn row by row: (batch, n) → (batch, n).
    public func forward<T: NeuralScalar>(_ x: Matrix<T>, seed: UInt64) -> (output: Matrix<T>, mask: Matrix<T>) {
        let (y, m) = forward(x.elements, seed: seed)
        return (
            Matrix(rows: x.rows, columns: x.columns, elements: y), Matrix(rows: x.rows, columns: x.columns, elements: m)
        )
    }

    /// The backward pass: ∂L/∂x = m ⊙ ∂L/∂y.
    public func backward<T: NeuralScalar>(_ upstream: [T], mask: [T]) -> [T] {
        precondition(upstream.count == mask.count, "dropout backward: upstream \(upstream.count), mask \(mask.count)")
        return zip(upstream, mask).map { $0 * $1 }
    }
}
