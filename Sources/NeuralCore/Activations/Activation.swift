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
    /// ½x(1 + tanh(√(2/π)(x + 0.044715x³))), GELU's tanh approximation.
    case geluTanh
    /// x·σ(βx); `.swish` is β = 1 (the SiLU).
    case swish(beta: Double)
    /// log σ(x) = −log(1 + e⁻ˣ).
    case logSigmoid
    /// λx if x > 0 else λα(eˣ − 1), with SELU's fixed λ and α.
    case selu
    /// max(0, x) + min(0, α(e^{x/α} − 1)).
    case celu(alpha: Double)
    /// x / (1 + |x|).
    case softsign
    /// clip(s·x + ½, 0, 1).
    case hardSigmoid(slope: Double)
    /// clip(x, −1, 1).
    case hardTanh
    /// min(max(0, x), 6).
    case relu6
    /// Row-wise softmax (a vector function; pair with `.crossEntropy`, or use `.identity` with
    /// `.softmaxCrossEntropy` for the fused, cheaper gradient).
    case softmax

    /// Swish with β = 1, the SiLU x·σ(x).
    public static var swish: Activation { .swish(beta: 1) }

    /// Every activation, with default parameters where they have one (for tables and checkers).
    public static let all: [Activation] = [
        .identity, .sigmoid, .tanh, .relu, .leakyReLU(alpha: 0.01), .elu(alpha: 1), .softplus, .gelu, .geluTanh,
        .swish(beta: 1), .logSigmoid, .selu, .celu(alpha: 1), .softsign, .hardSigmoid(slope: 1.0 / 6), .hardTanh,
        .relu6, .softmax,
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
        case .geluTanh: "GELU (tanh approximation)"
        case .swish: "swish"
        case .logSigmoid: "log-sigmoid"
        case .selu: "SELU"
        case .celu: "CELU"
        case .softsign: "softsign"
        case .hardSigmoid: "hard sigmoid"
        case .hardTanh: "hard tanh"
        case .relu6: "ReLU6"
        case .softmax: "softmax"
        }
    }

    /// The parameter of a parametric activation, by the name lessons give it (α, β or the slope s), or nil.
    public var parameter: (name: String, value: Double)? {
        switch self {
        case .leakyReLU(let alpha), .elu(let alpha), .celu(let alpha): ("α", alpha)
        case .swish(let beta): ("β", beta)
        case .hardSigmoid(let slope): ("s", slope)
        default: nil
        }
    }

    /// The points where f is not differentiable (empty for smooth activations): the places a
    /// finite-difference or formula check must stay away from.
    public var kinks: [Double] {
        switch self {
        case .relu, .leakyReLU: [0]
        case .relu6: [0, 6]
        case .elu(let alpha): alpha == 1 ? [] : [0]
        case .hardSigmoid(let slope): HardSigmoid(slope: slope).kinks
        case .hardTanh: [-1, 1]
        default: []
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
        case .geluTanh: GELUTanh()
        case .swish(let beta): Swish(beta: beta)
        case .logSigmoid: LogSigmoid()
        case .selu: SELU()
        case .celu(let alpha): CELU(alpha: alpha)
        case .softsign: Softsign()
        case .hardSigmoid(let slope): HardSigmoid(slope: slope)
        case .hardTanh: HardTanh()
        case .relu6: ReLU6()
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
