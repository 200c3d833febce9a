/// Softmax followed by cross-entropy, fused, on logits z:
/// L = −Σᵢ yᵢ log softmax(z)ᵢ = Σᵢ yᵢ (logΣⱼe^{zⱼ} − zᵢ),
/// ∂L/∂zᵢ = softmax(z)ᵢ·Σⱼyⱼ − yᵢ (= sᵢ − yᵢ for one-hot y).
///
/// Stable: log Σ e^{z} is computed as m + log Σ e^{z − m} with m = max z, so ±1000 logits are fine.
public struct SoftmaxCrossEntropy: LossFunction {
    /// Creates fused softmax + cross-entropy on logits.
    public init() {}
    /// Σ y (logsumexp(z) − z).
    public func value<T: NeuralScalar>(prediction z: [T], target y: [T]) -> T {
        checkShapes(z, y, "softmaxCrossEntropy")
        let lse = LogSumExp().value(z)
        return zip(z, y).reduce(0) { $0 + $1.1 * (lse - $1.0) }
    }
    /// softmax(z)·Σy − y.
    public func gradient<T: NeuralScalar>(prediction z: [T], target y: [T]) -> [T] {
        checkShapes(z, y, "softmaxCrossEntropy")
        let s = Softmax().value(z)
        let mass = y.reduce(0, +)
        return zip(s, y).map { $0 * mass - $1 }
    }

    /// log Σⱼ e^{zⱼ}, computed as m + log Σⱼ e^{zⱼ − m} with m = max z (see `LogSumExp`).
    public static func logSumExp<T: NeuralScalar>(_ z: [T]) -> T { LogSumExp().value(z) }
}
