/// Mean squared error L = (1/n) Σᵢ (ŷᵢ − yᵢ)², ∂L/∂ŷᵢ = (2/n)(ŷᵢ − yᵢ), n = outputs per sample.
public struct MeanSquaredError: LossFunction {
    /// Creates the mean-convention squared error.
    public init() {}
    /// (1/n) Σᵢ (ŷᵢ − yᵢ)².
    public func value<T: NeuralScalar>(prediction: [T], target: [T]) -> T {
        SumSquaredError().value(prediction: prediction, target: target) / T(prediction.count)
    }
    /// (2/n)(ŷ − y).
    public func gradient<T: NeuralScalar>(prediction: [T], target: [T]) -> [T] {
        let n = T(prediction.count)
        return SumSquaredError().gradient(prediction: prediction, target: target).map { $0 / n }
    }
}
