/// The scalar functions of one vector a lesson may name, for the formula checker: log-sum-exp,
/// entropy, the norms and the L2 penalty, each with its gradient.
public enum Reduction: Sendable, Equatable, Hashable {
    /// log Σ e^{xⱼ}; gradient softmax(x).
    case logSumExp
    /// −Σ pᵢ log pᵢ on a probability vector; gradient −(log p + 1).
    case entropy
    /// Σ xᵢ²; gradient 2x.
    case squaredNorm
    /// √(Σ xᵢ²); gradient x/‖x‖.
    case norm
    /// Σ |xᵢ|; gradient sign(x).
    case l1Norm
    /// (λ/2)‖w‖²; gradient λw.
    case l2Penalty(lambda: Double)

    /// Every reduction, with λ = 1 for the penalty.
    public static let all: [Reduction] = [.logSumExp, .entropy, .squaredNorm, .norm, .l1Norm, .l2Penalty(lambda: 1)]

    /// The function itself.
    public var function: any VectorReduction {
        switch self {
        case .logSumExp: LogSumExp()
        case .entropy: Entropy()
        case .squaredNorm: SquaredNorm()
        case .norm: EuclideanNorm()
        case .l1Norm: L1Norm()
        case .l2Penalty(let lambda): L2Penalty(lambda: lambda)
        }
    }

    /// f(x).
    public func value<T: NeuralScalar>(_ x: [T]) -> T { function.value(x) }

    /// ∇f(x).
    public func gradient<T: NeuralScalar>(_ x: [T]) -> [T] { function.gradient(x) }

    /// Where the argument must lie: a probability vector for the entropy, anything otherwise.
    public var domain: LossDomain { self == .entropy ? .distribution : .real }

    /// The conventional name; `Reduction(named: r.name)` gives `r` back (λ = 1 for the penalty).
    public var name: String {
        switch self {
        case .logSumExp: "log-sum-exp"
        case .entropy: "entropy"
        case .squaredNorm: "squared norm"
        case .norm: "norm"
        case .l1Norm: "L1 norm"
        case .l2Penalty: "L2 penalty"
        }
    }

    /// The reduction a lesson names, case-, space- and punctuation-insensitively: `logsumexp`/`LSE`,
    /// `entropy`, `squared norm`, `norm`/`L2 norm`/`Euclidean norm`, `L1 norm`, `L2 penalty`/`weight decay`
    /// (λ = `lambda`). Nil for anything else.
    public init?(named name: String, lambda: Double = 1) {
        switch name.lowercased().filter({ $0.isLetter || $0.isNumber }) {
        case "logsumexp", "lse": self = .logSumExp
        case "entropy", "shannonentropy": self = .entropy
        case "squarednorm", "squaredl2norm": self = .squaredNorm
        case "norm", "l2norm", "euclideannorm": self = .norm
        case "l1norm": self = .l1Norm
        case "l2penalty", "l2regularization", "l2regularisation", "weightdecay": self = .l2Penalty(lambda: lambda)
        default: return nil
        }
    }
}
