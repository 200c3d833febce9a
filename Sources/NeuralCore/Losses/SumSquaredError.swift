/// Sum of squared errors L = Σᵢ (ŷᵢ − yᵢ)², ∂L/∂ŷᵢ = 2(ŷᵢ − yᵢ):
/// the lessons' "L = (y − ŷ)²" for one output.
public struct SumSquaredError: LossFunction {
    /// Creates the sum-convention squared error.
    public init() {}
    /// Σᵢ (ŷᵢ − yᵢ)².
    public func value<T: NeuralScalar>(prediction: [T], target: [T]) -> T {
        checkShapes(prediction, target, "sumSquaredError")
        return zip(prediction, target).reduce(0) { $0 + ($1.0 - $1.1) * ($1.0 - $1.1) }
    }
    /// 2(ŷ − y).
    public func gradient<T: NeuralScalar>(prediction: [T], target: [T]) -> [T] {
        checkShapes(prediction, target, "sumSquaredError")
        return zip(prediction, target).map { 2 * ($0 - $1) }
    }
}
