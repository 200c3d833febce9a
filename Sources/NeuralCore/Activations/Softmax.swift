/// Softmax sᵢ = e^{xᵢ} / Σⱼ e^{xⱼ}, a vector function, with its Jacobian ∂sᵢ/∂xⱼ = sᵢ(δᵢⱼ − sⱼ).
///
/// Stable: the maximum is subtracted before exponentiating (softmax(x) = softmax(x − max x)), so
/// logits of ±1000 give exact 0s and 1s, never NaN or inf.
public struct Softmax: Sendable {
    /// Creates the softmax function.
    public init() {}

    /// s = softmax(x): n → n.
    public func value<T: NeuralScalar>(_ x: [T]) -> [T] {
        precondition(!x.isEmpty, "softmax of an empty vector")
        var result = x
        result.withUnsafeMutableBufferPointer { Softmax.apply(in: $0) }
        return result
    }

    /// The Jacobian J with Jᵢⱼ = ∂sᵢ/∂xⱼ = sᵢ(δᵢⱼ − sⱼ): n → (n, n).
    public func jacobian<T: NeuralScalar>(_ x: [T]) -> Matrix<T> {
        let s = value(x)
        return Matrix(rows: s.count, columns: s.count) { i, j in s[i] * ((i == j ? 1 : 0) - s[j]) }
    }

    /// The vector–Jacobian product gᵀJ = s ⊙ (g − ⟨g, s⟩) for upstream gradient g = ∂L/∂s: (n, n) → n.
    public func vectorJacobianProduct<T: NeuralScalar>(_ x: [T], upstream g: [T]) -> [T] {
        precondition(x.count == g.count, "softmax VJP: input has \(x.count) entries, upstream \(g.count)")
        let s = value(x)
        let dot = zip(g, s).reduce(0) { $0 + $1.0 * $1.1 }
        return zip(g, s).map { $1 * ($0 - dot) }
    }

    /// In place stable softmax of one row.
    @inline(__always)
    static func apply<T: NeuralScalar>(in row: UnsafeMutableBufferPointer<T>) {
        var largest = row[0]
        for v in row where v > largest { largest = v }
        var total: T = 0
        for j in row.indices {
            let e = T.exp(row[j] - largest)
            row[j] = e
            total += e
        }
        let scale = 1 / total
        for j in row.indices { row[j] *= scale }
    }
}
