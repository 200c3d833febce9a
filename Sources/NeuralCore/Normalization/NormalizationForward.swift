/// What a normalisation's forward pass computed, kept for its backward pass: the output y, the
/// normalised x̂ and the statistics it used.
///
/// For batch normalisation the statistics are per feature (one per column); for layer normalisation
/// they are per sample (one per row).
public struct NormalizationForward<T: NeuralScalar>: Sendable, Equatable {
    /// y = γ ⊙ x̂ + β: (batch, features).
    public var output: Matrix<T>
    /// x̂ = (x − μ)/√(σ² + ε): (batch, features).
    public var normalized: Matrix<T>
    /// The means μ used.
    public var mean: [T]
    /// The variances σ² used (biased: divided by the number of values averaged).
    public var variance: [T]
    /// 1/√(σ² + ε), one per statistic.
    public var inverseStandardDeviation: [T]
}
