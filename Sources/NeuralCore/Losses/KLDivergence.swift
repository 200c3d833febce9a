/// Kullback–Leibler divergence of the prediction p from the target distribution y, summed over the
/// entries of a sample: L = KL(y ‖ p) = Σᵢ yᵢ log(yᵢ/pᵢ), with 0·log 0 = 0; ∂L/∂pᵢ = −yᵢ/pᵢ
/// (Kullback & Leibler, 1951; Cover & Thomas, *Elements of Information Theory*, 2006, §2.3).
///
/// Equal to cross-entropy minus the target's entropy: KL(y ‖ p) = H(y, p) − H(y), so it is 0 when
/// p = y and has the cross-entropy's gradient. The prediction is a probability vector (not the
/// log-probabilities PyTorch's `KLDivLoss` takes); p is clamped below as `CrossEntropy` does. The
/// engine's batch mean then matches PyTorch's reduction `batchmean`.
public struct KLDivergence: LossFunction {
    /// Creates the KL divergence KL(target ‖ prediction).
    public init() {}

    /// Σ y log(y/p), p clamped, terms with y = 0 dropped.
    public func value<T: NeuralScalar>(prediction: [T], target: [T]) -> T {
        checkShapes(prediction, target, "klDivergence")
        let eps = probabilityFloor(T.self)
        return zip(prediction, target).reduce(T(0)) { total, pair in
            let (p, y) = pair
            return y > 0 ? total + y * (T.log(y) - T.log(Swift.max(p, eps))) : total
        }
    }

    /// −y/p, p clamped.
    public func gradient<T: NeuralScalar>(prediction: [T], target: [T]) -> [T] {
        checkShapes(prediction, target, "klDivergence")
        let eps = probabilityFloor(T.self)
        return zip(prediction, target).map { -$1 / Swift.max($0, eps) }
    }
}
