/// Negative log-likelihood on log-probabilities ℓ (for example a log-softmax output) with a one-hot
/// (or weighting) target y: L = −Σᵢ yᵢℓᵢ = −ℓ_c for the true class c; ∂L/∂ℓᵢ = −yᵢ
/// (PyTorch's `NLLLoss`; Bishop, *Pattern Recognition and Machine Learning*, 2006, §4.3.4).
///
/// With ℓ = log softmax(z) it is `SoftmaxCrossEntropy` of z; on probabilities use `CrossEntropy`.
public struct NegativeLogLikelihood: LossFunction {
    /// Creates the negative log-likelihood on log-probabilities.
    public init() {}

    /// −Σ yℓ.
    public func value<T: NeuralScalar>(prediction: [T], target: [T]) -> T {
        checkShapes(prediction, target, "negativeLogLikelihood")
        return zip(prediction, target).reduce(T(0)) { $0 - $1.1 * $1.0 }
    }

    /// −y.
    public func gradient<T: NeuralScalar>(prediction: [T], target: [T]) -> [T] {
        checkShapes(prediction, target, "negativeLogLikelihood")
        return target.map { -$0 }
    }
}
