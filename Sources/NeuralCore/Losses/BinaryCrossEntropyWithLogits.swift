/// Binary cross-entropy on logits z (p = σ(z)), fused and stable:
/// L = Σᵢ [max(zᵢ, 0) − zᵢyᵢ + log(1 + e^{−|zᵢ|})], ∂L/∂zᵢ = σ(zᵢ) − yᵢ.
///
/// Equal to `BinaryCrossEntropy` of σ(z) but never takes log(0): finite for logits of ±1000.
public struct BinaryCrossEntropyWithLogits: LossFunction {
    /// Creates binary cross-entropy on logits.
    public init() {}
    /// Σ [max(z, 0) − zy + log1p(e^{−|z|})].
    public func value<T: NeuralScalar>(prediction: [T], target: [T]) -> T {
        checkShapes(prediction, target, "binaryCrossEntropyWithLogits")
        return zip(prediction, target).reduce(0) { total, pair in
            let z = pair.0, y = pair.1
            return total + Swift.max(z, 0) - z * y + T.log1p(T.exp(-z.magnitude))
        }
    }
    /// σ(z) − y.
    public func gradient<T: NeuralScalar>(prediction: [T], target: [T]) -> [T] {
        checkShapes(prediction, target, "binaryCrossEntropyWithLogits")
        return zip(prediction, target).map { Sigmoid().value($0) - $1 }
    }
}
