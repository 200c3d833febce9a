/// Categorical cross-entropy on probabilities: L = −Σᵢ yᵢ log pᵢ, ∂L/∂pᵢ = −yᵢ/pᵢ.
///
/// p is clamped below at ε = max(ulp(1), 1e-12); prefer `SoftmaxCrossEntropy` on logits.
public struct CrossEntropy: LossFunction {
    /// Creates categorical cross-entropy on probabilities.
    public init() {}
    /// −Σ y log p, p clamped.
    public func value<T: NeuralScalar>(prediction: [T], target: [T]) -> T {
        checkShapes(prediction, target, "crossEntropy")
        let eps = probabilityFloor(T.self)
        return zip(prediction, target).reduce(0) { $0 - $1.1 * T.log(Swift.max($1.0, eps)) }
    }
    /// −y/p, p clamped.
    public func gradient<T: NeuralScalar>(prediction: [T], target: [T]) -> [T] {
        checkShapes(prediction, target, "crossEntropy")
        let eps = probabilityFloor(T.self)
        return zip(prediction, target).map { -$1 / Swift.max($0, eps) }
    }
}
