/// Binary hinge loss on scores ŷ with labels y ∈ {−1, +1}, summed over outputs (independent binary
/// labels, as `BinaryCrossEntropy`): L = Σᵢ max(0, 1 − yᵢŷᵢ);
/// ∂L/∂ŷᵢ = −yᵢ if yᵢŷᵢ < 1, else 0 (0 at the kink yŷ = 1) (Cortes & Vapnik, 1995, "Support-vector
/// networks"; the soft-margin SVM's loss).
public struct Hinge: LossFunction {
    /// Creates the binary hinge loss.
    public init() {}

    /// Σ max(0, 1 − yŷ).
    public func value<T: NeuralScalar>(prediction: [T], target: [T]) -> T {
        checkShapes(prediction, target, "hinge")
        return zip(prediction, target).reduce(T(0)) { $0 + Swift.max(0, 1 - $1.1 * $1.0) }
    }

    /// −y where yŷ < 1, else 0.
    public func gradient<T: NeuralScalar>(prediction: [T], target: [T]) -> [T] {
        checkShapes(prediction, target, "hinge")
        return zip(prediction, target).map { p, y in y * p < 1 ? -y : 0 }
    }
}
