/// Huber loss with threshold δ, mean over the n outputs of a sample (the "mean" convention, as
/// `MeanSquaredError`; PyTorch's `HuberLoss` with reduction `mean`):
/// L = (1/n) Σᵢ h_δ(aᵢ) with aᵢ = ŷᵢ − yᵢ and h_δ(a) = ½a² if |a| ≤ δ, else δ(|a| − ½δ);
/// ∂L/∂ŷᵢ = (1/n)·aᵢ if |aᵢ| ≤ δ, else (1/n)·δ·sign(aᵢ) (Huber, 1964, "Robust estimation of a
/// location parameter").
///
/// Quadratic near the target, linear far from it, continuously differentiable at |a| = δ. PyTorch's
/// `SmoothL1Loss` with parameter β is h_β/β.
public struct Huber: LossFunction {
    /// The threshold δ > 0 where the loss turns from quadratic to linear (1 by default).
    public var delta: Double

    /// Creates a Huber loss with threshold `delta`.
    public init(delta: Double = 1) {
        precondition(delta > 0, "Huber: δ must be positive, got \(delta)")
        self.delta = delta
    }

    /// h_δ(a) = ½a² if |a| ≤ δ, else δ(|a| − ½δ), for one residual a.
    @inlinable public func residualValue<T: NeuralScalar>(_ a: T) -> T {
        let d = T(delta)
        return a.magnitude <= d ? a * a / 2 : d * (a.magnitude - d / 2)
    }

    /// h_δ′(a) = a if |a| ≤ δ, else δ·sign(a).
    @inlinable public func residualDerivative<T: NeuralScalar>(_ a: T) -> T {
        let d = T(delta)
        return a.magnitude <= d ? a : (a > 0 ? d : -d)
    }

    /// (1/n) Σ h_δ(ŷ − y).
    public func value<T: NeuralScalar>(prediction: [T], target: [T]) -> T {
        checkShapes(prediction, target, "huber")
        let total = zip(prediction, target).reduce(T(0)) { $0 + residualValue($1.0 - $1.1) }
        return total / T(prediction.count)
    }

    /// (1/n) h_δ′(ŷ − y).
    public func gradient<T: NeuralScalar>(prediction: [T], target: [T]) -> [T] {
        checkShapes(prediction, target, "huber")
        let n = T(prediction.count)
        return zip(prediction, target).map { residualDerivative($0 - $1) / n }
    }
}
