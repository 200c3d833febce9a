// MARK: - Looking losses up by the names lessons use

extension Loss {
    /// The loss a lesson names, case-, space- and punctuation-insensitively: `MSE`/`mean squared error`,
    /// `SSE`/`sum squared error`, `BCE`/`binary cross entropy`, `BCE with logits`, `cross entropy`/
    /// `categorical cross entropy`, `softmax cross entropy`, `MAE`/`mean absolute error`/`L1 loss`,
    /// `Huber` (δ = `huberDelta`), `hinge`, `multiclass hinge`/`SVM loss` (Δ = 1), `KL divergence`,
    /// `NLL`/`negative log likelihood`. Nil for anything else: an unknown name is never guessed.
    public init?(named name: String, huberDelta: Double = 1) {
        switch name.lowercased().filter({ $0.isLetter || $0.isNumber }) {
        case "mse", "meansquarederror": self = .meanSquaredError
        case "sse", "sumsquarederror", "sumofsquarederrors": self = .sumSquaredError
        case "bce", "binarycrossentropy": self = .binaryCrossEntropy
        case "bcewithlogits", "binarycrossentropywithlogits": self = .binaryCrossEntropyWithLogits
        case "crossentropy", "categoricalcrossentropy", "cce": self = .crossEntropy
        case "softmaxcrossentropy", "softmaxcrossentropywithlogits": self = .softmaxCrossEntropy
        case "mae", "meanabsoluteerror", "l1loss": self = .meanAbsoluteError
        case "huber", "huberloss": self = .huber(delta: huberDelta)
        case "hinge", "hingeloss": self = .hinge
        case "multiclasshinge", "multiclasshingeloss", "svmloss", "multiclasssvmloss":
            self = .multiclassHinge(margin: 1)
        case "kldivergence", "kl", "kullbackleiblerdivergence", "relativeentropy": self = .klDivergence
        case "nll", "negativeloglikelihood", "nllloss": self = .negativeLogLikelihood
        default: return nil
        }
    }

    /// The conventional name, as lessons write it; `Loss(named: loss.name)` gives the loss back
    /// (with its default parameter).
    public var name: String {
        switch self {
        case .sumSquaredError: "sum squared error"
        case .meanSquaredError: "mean squared error"
        case .binaryCrossEntropy: "binary cross-entropy"
        case .binaryCrossEntropyWithLogits: "binary cross-entropy with logits"
        case .crossEntropy: "cross-entropy"
        case .softmaxCrossEntropy: "softmax cross-entropy"
        case .meanAbsoluteError: "mean absolute error"
        case .huber: "Huber"
        case .hinge: "hinge"
        case .multiclassHinge: "multiclass hinge"
        case .klDivergence: "KL divergence"
        case .negativeLogLikelihood: "negative log-likelihood"
        }
    }

    /// The parameter of a parametric loss, by the name lessons give it (δ or Δ), or nil.
    public var parameter: (name: String, value: Double)? {
        switch self {
        case .huber(let delta): ("δ", delta)
        case .multiclassHinge(let margin): ("Δ", margin)
        default: nil
        }
    }

    /// What the prediction must be for the loss to be defined (probabilities under a logarithm, …).
    public var predictionDomain: LossDomain {
        switch self {
        case .binaryCrossEntropy: .probability
        case .crossEntropy, .klDivergence: .distribution
        case .negativeLogLikelihood: .logProbabilities
        default: .real
        }
    }

    /// What the target is expected to be.
    public var targetDomain: LossDomain {
        switch self {
        case .sumSquaredError, .meanSquaredError, .meanAbsoluteError, .huber: .real
        case .binaryCrossEntropy, .binaryCrossEntropyWithLogits: .binary
        case .hinge: .sign
        case .klDivergence: .distribution
        case .crossEntropy, .softmaxCrossEntropy, .multiclassHinge, .negativeLogLikelihood: .oneHot
        }
    }
}
