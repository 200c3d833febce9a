/// Binary cross-entropy on probabilities p ∈ (0, 1): L = −Σᵢ [yᵢ log pᵢ + (1 − yᵢ) log(1 − pᵢ)],
/// ∂L/∂pᵢ = −yᵢ/pᵢ + (1 − yᵢ)/(1 − pᵢ). Summed over outputs (independent binary labels).
///
/// p is clamped to [ε, 1 − ε] (`ε = max(ulp(1), 1e-12)`) so saturated sigmoids give large but finite
/// values; prefer `BinaryCrossEntropyWithLogits`, which needs no clamp.
public struct BinaryCrossEntropy: LossFunction {
    /// Creates binary cross-entropy on probabilities.
    public init() {}
    /// −Σ [y log p + (1 − y) log(1 − p)], p clamped.
    public func value<T: NeuralScalar>(prediction: [T], target: [T]) -> T {
        checkShapes(prediction, target, "binaryCrossEntropy")
        let eps = probabilityFloor(T.self)
        return zip(prediction, target).reduce(0) { total, pair in
            let p = Swift.min(Swift.max(pair.0, eps), 1 - eps), y = pair.1
            return total - (y * T.log(p) + (1 - y) * T.log(1 - p))
        }
    }
    /// −y/p + (1 − y)/(1 − p), p clamped.
    public func gradient<T: NeuralScalar>(prediction: [T], target: [T]) -> [T] {
        checkShapes(prediction, target, "binaryCrossEntropy")
        let eps = probabilityFloor(T.self)
        return zip(prediction, target).map { p, y in
            let p = Swift.min(Swift.max(p, eps), 1 - eps)
            return -y / p + (1 - y) / (1 - p)
        }
    }
}
