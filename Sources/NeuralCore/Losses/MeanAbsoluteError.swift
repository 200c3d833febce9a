/// Mean absolute error (L1 loss), mean over the n outputs of a sample:
/// L = (1/n) Σᵢ |ŷᵢ − yᵢ|, ∂L/∂ŷᵢ = (1/n)·sign(ŷᵢ − yᵢ), with the subgradient 0 where ŷᵢ = yᵢ
/// (as PyTorch's `L1Loss` with reduction `mean`).
public struct MeanAbsoluteError: LossFunction {
    /// Creates the mean absolute error.
    public init() {}

    /// (1/n) Σ |ŷ − y|.
    public func value<T: NeuralScalar>(prediction: [T], target: [T]) -> T {
        checkShapes(prediction, target, "meanAbsoluteError")
        return zip(prediction, target).reduce(T(0)) { $0 + ($1.0 - $1.1).magnitude } / T(prediction.count)
    }

    /// (1/n) sign(ŷ − y), 0 at a tie.
    public func gradient<T: NeuralScalar>(prediction: [T], target: [T]) -> [T] {
        checkShapes(prediction, target, "meanAbsoluteError")
        let n = T(prediction.count)
        return zip(prediction, target).map { p, y in p > y ? 1 / n : p < y ? -1 / n : 0 }
    }
}
