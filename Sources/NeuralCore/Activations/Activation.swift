/// The activations a `Dense` layer can apply, by name, for layers and for the formula checker.
///
/// Scalar activations evaluate with `value(_:)` and `derivative(_:)` (`Activation.sigmoid.value(0.5)`);
/// `.softmax` is a vector function: use `vectorValue(_:)`, `Softmax().jacobian(_:)`.
public enum Activation: Sendable, Equatable, Hashable {
    /// f(x) = x.
    case identity
    /// σ(x) = 1 / (1 + e⁻ˣ).
    case sigmoid
    /// tanh(x).
    case tanh
    /// max(0, x).
    case relu
    /// x if x ≥ 0 else αx.
    case leakyReLU(alpha: Double)
    /// x if x > 0 else α(eˣ − 1).
    case elu(alpha: Double)
    /// log(1 + eˣ).
    case softplus
    /// x·Φ(x) (exact, erf-based).
    case gelu
    /// x·σ(x).
    case swish
    /// Row-wise softmax (a vector function; pair with `.crossEntropy`, or use `.identity` with
    /// `.softmaxCrossEntropy` for the fused, cheaper gradient).
    case softmax

    /// Every activation, with default parameters where they have one (for tables and checkers).
    public static let all: [Activation] = [
        .identity, .sigmoid, .tanh, .relu, .leakyReLU(alpha: 0.01), .elu(alpha: 1), .softplus, .gelu, .swish, .softmax,
    ]

    /// The conventional name, as lessons write it (`sigmoid`, `ReLU`, `leaky ReLU`, …).
    public var name: String {
        switch self {
        case .identity: "identity"
        case .sigmoid: "sigmoid"
        case .tanh: "tanh"
        case .relu: "ReLU"
        case .leakyReLU: "leaky ReLU"
        case .elu: "ELU"
        case .softplus: "softplus"
        case .gelu: "GELU"
        case .swish: "swish"
        case .softmax: "softmax"
        }
    }

    /// The element-by-element function, or nil for softmax (which couples a row's entries).
    public var scalarFunction: (any ScalarActivation)? {
        switch self {
        case .identity: Identity()
        case .sigmoid: Sigmoid()
        case .tanh: Tanh()
        case .relu: ReLU()
        case .leakyReLU(let alpha): LeakyReLU(alpha: alpha)
        case .elu(let alpha): ELU(alpha: alpha)
        case .softplus: Softplus()
        case .gelu: GELU()
        case .swish: Swish()
        case .softmax: nil
        }
    }

    /// f(x) for a scalar activation. Softmax is a vector function: calling this on it is a programmer error.
    public func value<T: NeuralScalar>(_ x: T) -> T {
        guard let f = scalarFunction else { preconditionFailure("softmax is a vector function: use vectorValue(_:)") }
        return f.value(x)
    }

    /// f′(x) for a scalar activation. Softmax has a Jacobian instead: see `Softmax().jacobian(_:)`.
    public func derivative<T: NeuralScalar>(_ x: T) -> T {
        guard let f = scalarFunction else { preconditionFailure("softmax has a Jacobian: use Softmax().jacobian(_:)") }
        return f.derivative(x)
    }

    /// f applied to a vector: elementwise, or softmax over the whole vector.
    public func vectorValue<T: NeuralScalar>(_ x: [T]) -> [T] {
        if self == .softmax { return Softmax().value(x) }
        return x.map { value($0) }
    }

    /// The vector–Jacobian product gᵀ·∂f/∂x: g ⊙ f′(x) elementwise, s ⊙ (g − ⟨g, s⟩) for softmax.
    public func vectorJacobianProduct<T: NeuralScalar>(_ x: [T], upstream g: [T]) -> [T] {
        precondition(x.count == g.count, "\(name) VJP: input has \(x.count) entries, upstream \(g.count)")
        if self == .softmax { return Softmax().vectorJacobianProduct(x, upstream: g) }
        return zip(x, g).map { derivative($0) * $1 }
    }

    /// f(x) as a `(Double) -> Double` closure, for the formula checker.
    public var function: @Sendable (Double) -> Double {
        let copy = self
        return { copy.value($0) }
    }

    /// f′(x) as a `(Double) -> Double` closure, for the formula checker.
    public var derivativeFunction: @Sendable (Double) -> Double {
        let copy = self
        return { copy.derivative($0) }
    }
}
