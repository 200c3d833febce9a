/// Log-sum-exp LSE(x) = log Σⱼ e^{xⱼ}, a smooth maximum (max x ≤ LSE(x) ≤ max x + log n), whose
/// gradient is the softmax: ∂LSE/∂xᵢ = e^{xᵢ}/Σⱼ e^{xⱼ} (Boyd & Vandenberghe, *Convex Optimization*,
/// 2004, §3.1.5).
///
/// Stable: computed as m + log Σⱼ e^{xⱼ − m} with m = max x, so entries of ±1000 are fine.
public struct LogSumExp: VectorReduction {
    /// Creates the log-sum-exp function.
    public init() {}

    /// m + log Σ e^{x − m}, m = max x.
    public func value<T: NeuralScalar>(_ x: [T]) -> T {
        precondition(!x.isEmpty, "logSumExp of an empty vector")
        var m = x[0]
        for v in x where v > m { m = v }
        var total: T = 0
        for v in x { total += T.exp(v - m) }
        return m + T.log(total)
    }

    /// softmax(x).
    public func gradient<T: NeuralScalar>(_ x: [T]) -> [T] { Softmax().value(x) }
}
