/// The losses a network trains with, by name. Over a batch the loss is the mean of the
/// per-sample losses, so its gradient is the per-sample gradient divided by the batch size.
///
/// Within a sample, each case's documentation says whether it sums or averages over the outputs:
/// the "sum" convention (`sumSquaredError`, the cross-entropies, `hinge`, `klDivergence`) and the
/// "mean" convention (`meanSquaredError`, `meanAbsoluteError`, `huber`) agree for one output.
public enum Loss: Sendable, Equatable, Hashable, CaseIterable {
    /// L = Σᵢ (ŷᵢ − yᵢ)² per sample ("sum" convention).
    case sumSquaredError
    /// L = (1/n) Σᵢ (ŷᵢ − yᵢ)² per sample ("mean" convention).
    case meanSquaredError
    /// −Σ [y log p + (1 − y) log(1 − p)] on probabilities.
    case binaryCrossEntropy
    /// Binary cross-entropy on logits (stable, fused with the sigmoid).
    case binaryCrossEntropyWithLogits
    /// −Σ y log p on probabilities.
    case crossEntropy
    /// Cross-entropy of softmax(z) on logits z (stable, fused with the softmax).
    case softmaxCrossEntropy
    /// L = (1/n) Σᵢ |ŷᵢ − yᵢ| per sample ("mean" convention).
    case meanAbsoluteError
    /// L = (1/n) Σᵢ h_δ(ŷᵢ − yᵢ), h_δ(a) = ½a² if |a| ≤ δ else δ(|a| − ½δ) ("mean" convention).
    case huber(delta: Double)
    /// L = Σᵢ max(0, 1 − yᵢŷᵢ) on scores, labels ±1 ("sum" convention).
    case hinge
    /// L = Σ_{j ≠ c} max(0, sⱼ − s_c + Δ) on class scores, one-hot target.
    case multiclassHinge(margin: Double)
    /// L = Σᵢ yᵢ log(yᵢ/pᵢ) = KL(y ‖ p) on probabilities.
    case klDivergence
    /// L = −Σᵢ yᵢℓᵢ on log-probabilities ℓ.
    case negativeLogLikelihood

    /// Every loss, with default parameters where they have one (δ = 1, Δ = 1).
    public static let allCases: [Loss] = [
        .sumSquaredError, .meanSquaredError, .binaryCrossEntropy, .binaryCrossEntropyWithLogits, .crossEntropy,
        .softmaxCrossEntropy, .meanAbsoluteError, .huber(delta: 1), .hinge, .multiclassHinge(margin: 1),
        .klDivergence, .negativeLogLikelihood,
    ]

    /// The per-sample loss function.
    public var function: any LossFunction {
        switch self {
        case .sumSquaredError: SumSquaredError()
        case .meanSquaredError: MeanSquaredError()
        case .binaryCrossEntropy: BinaryCrossEntropy()
        case .binaryCrossEntropyWithLogits: BinaryCrossEntropyWithLogits()
        case .crossEntropy: CrossEntropy()
        case .softmaxCrossEntropy: SoftmaxCrossEntropy()
        case .meanAbsoluteError: MeanAbsoluteError()
        case .huber(let delta): Huber(delta: delta)
        case .hinge: Hinge()
        case .multiclassHinge(let margin): MulticlassHinge(margin: margin)
        case .klDivergence: KLDivergence()
        case .negativeLogLikelihood: NegativeLogLikelihood()
        }
    }

    /// Whether the network's output is read as logits or scores (decision threshold 0 rather than ½).
    public var takesLogits: Bool {
        switch self {
        case .binaryCrossEntropyWithLogits, .softmaxCrossEntropy, .hinge, .multiclassHinge: true
        default: false
        }
    }

    /// L(ŷ, y) for one sample.
    public func value<T: NeuralScalar>(prediction: [T], target: [T]) -> T {
        function.value(prediction: prediction, target: target)
    }

    /// ∂L/∂ŷ for one sample.
    public func gradient<T: NeuralScalar>(prediction: [T], target: [T]) -> [T] {
        function.gradient(prediction: prediction, target: target)
    }

    /// Mean loss over a batch of rows: (b, n), (b, n) → scalar.
    public func value<T: NeuralScalar>(predictions: Matrix<T>, targets: Matrix<T>) -> T {
        precondition(
            predictions.shape == targets.shape,
            "\(self): predictions \(predictions.shapeText), targets \(targets.shapeText)")
        guard predictions.rows > 0 else { return 0 }
        let total = (0..<predictions.rows).reduce(T(0)) {
            $0 + value(prediction: predictions.row($1), target: targets.row($1))
        }
        return total / T(predictions.rows)
    }

    /// ∂(mean batch loss)/∂ŷ: (b, n), (b, n) → (b, n).
    public func gradient<T: NeuralScalar>(predictions: Matrix<T>, targets: Matrix<T>) -> Matrix<T> {
        precondition(
            predictions.shape == targets.shape,
            "\(self): predictions \(predictions.shapeText), targets \(targets.shapeText)")
        let scale = 1 / T(Swift.max(predictions.rows, 1))
        var elements: [T] = []
        for i in 0..<predictions.rows {
            elements += gradient(prediction: predictions.row(i), target: targets.row(i)).map { $0 * scale }
        }
        return Matrix(rows: predictions.rows, columns: predictions.columns, elements: elements)
    }
}
