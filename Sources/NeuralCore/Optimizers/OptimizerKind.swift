/// The optimizers by name, for the formula checker: each with its update rule as lessons write it,
/// its hyper-parameters (argument name, symbol, default) and a constructor from named values.
public enum OptimizerKind: String, Sendable, Equatable, Hashable, CaseIterable {
    /// `SGD`: θ ← θ − η(∇L + λθ).
    case sgd
    /// `Momentum`, classical: v ← μv − η∇L, θ ← θ + v.
    case momentum
    /// `Momentum`, accumulated (PyTorch): v ← μv + ∇L, θ ← θ − ηv.
    case accumulatedMomentum
    /// `Momentum`, exponential average: v ← βv + (1 − β)∇L, θ ← θ − ηv.
    case averagedMomentum
    /// `Nesterov`.
    case nesterov
    /// `AdaGrad`.
    case adagrad
    /// `RMSProp`.
    case rmsprop
    /// `Adadelta`.
    case adadelta
    /// `Adam`.
    case adam
    /// `AdamW`.
    case adamW
    /// `AdaMax`.
    case adamax

    /// The conventional name (`SGD`, `momentum`, `Adam`, …); `OptimizerKind(named:)` reads it back.
    public var name: String {
        switch self {
        case .sgd: "SGD"
        case .momentum: "momentum"
        case .accumulatedMomentum: "accumulated momentum"
        case .averagedMomentum: "averaged momentum"
        case .nesterov: "Nesterov"
        case .adagrad: "AdaGrad"
        case .rmsprop: "RMSProp"
        case .adadelta: "Adadelta"
        case .adam: "Adam"
        case .adamW: "AdamW"
        case .adamax: "AdaMax"
        }
    }

    /// The update rule, as a lesson writes it (g = ∇L(θ), t = 1, 2, …, state starting at 0).
    public var updateRule: String {
        switch self {
        case .sgd: "θ ← θ − η(g + λθ)"
        case .momentum: "v ← μv − η(g + λθ); θ ← θ + v"
        case .accumulatedMomentum: "v ← μv + (g + λθ); θ ← θ − ηv"
        case .averagedMomentum: "v ← βv + (1 − β)(g + λθ); θ ← θ − ηv"
        case .nesterov: "v ← μv − η∇L(θ + μv); θ ← θ + v"
        case .adagrad: "G ← G + g²; θ ← θ − ηg/(√G + ε)"
        case .rmsprop: "E ← ρE + (1 − ρ)g²; θ ← θ − ηg/(√E + ε)"
        case .adadelta:
            "E[g²] ← ρE[g²] + (1 − ρ)g²; Δθ = −√(E[Δθ²] + ε)/√(E[g²] + ε)·g; E[Δθ²] ← ρE[Δθ²] + (1 − ρ)Δθ²; θ ← θ + ηΔθ"
        case .adam:
            "m ← β₁m + (1 − β₁)g; v ← β₂v + (1 − β₂)g²; m̂ = m/(1 − β₁ᵗ); v̂ = v/(1 − β₂ᵗ); θ ← θ − ηm̂/(√v̂ + ε)"
        case .adamW:
            "m ← β₁m + (1 − β₁)g; v ← β₂v + (1 − β₂)g²; m̂ = m/(1 − β₁ᵗ); v̂ = v/(1 − β₂ᵗ); θ ← θ − η(m̂/(√v̂ + ε) + λθ)"
        case .adamax: "m ← β₁m + (1 − β₁)g; u ← max(β₂u, |g| + ε); θ ← θ − (η/(1 − β₁ᵗ))m/u"
        }
    }

    /// The hyper-parameters `make(_:)` takes, with their symbols and defaults.
    public var hyperparameters: [Hyperparameter] {
        let eta = { (value: Double) in Hyperparameter("learningRate", symbol: "η", defaultValue: value) }
        let decay = { (value: Double) in Hyperparameter("weightDecay", symbol: "λ", defaultValue: value) }
        let mu = Hyperparameter("momentum", symbol: "μ", defaultValue: 0.9)
        let beta1 = Hyperparameter("beta1", symbol: "β₁", defaultValue: 0.9)
        let beta2 = Hyperparameter("beta2", symbol: "β₂", defaultValue: 0.999)
        let epsilon = { (value: Double) in Hyperparameter("epsilon", symbol: "ε", defaultValue: value) }
        let rho = { (value: Double) in Hyperparameter("rho", symbol: "ρ", defaultValue: value) }
        switch self {
        case .sgd: return [eta(0.01), decay(0)]
        case .momentum, .accumulatedMomentum, .nesterov: return [eta(0.01), mu, decay(0)]
        case .averagedMomentum:
            return [eta(0.01), Hyperparameter("momentum", symbol: "β", defaultValue: 0.9), decay(0)]
        case .adagrad: return [eta(0.01), epsilon(1e-10)]
        case .rmsprop: return [eta(0.001), rho(0.9), epsilon(1e-8)]
        case .adadelta: return [eta(1), rho(0.95), epsilon(1e-6)]
        case .adam: return [eta(0.001), beta1, beta2, epsilon(1e-8)]
        case .adamW: return [eta(0.001), beta1, beta2, epsilon(1e-8), decay(0.01)]
        case .adamax: return [eta(0.002), beta1, beta2, epsilon(1e-8)]
        }
    }

    /// The optimizer with the named hyper-parameters (`["learningRate": 0.1, "beta1": 0.8]`), defaults
    /// for the others. A name the kind does not take is a programmer error.
    public func make(_ values: [String: Double] = [:]) -> any Optimizer {
        let known = Set(hyperparameters.map(\.name))
        let unknown = values.keys.filter { !known.contains($0) }.sorted()
        precondition(unknown.isEmpty, "\(name) takes \(known.sorted()), not \(unknown)")
        func value(_ name: String) -> Double {
            values[name] ?? hyperparameters.first { $0.name == name }!.defaultValue
        }
        let eta = value("learningRate")
        switch self {
        case .sgd: return SGD(learningRate: eta, weightDecay: value("weightDecay"))
        case .momentum, .accumulatedMomentum, .averagedMomentum:
            let convention: MomentumConvention =
                self == .momentum ? .classical : self == .accumulatedMomentum ? .accumulated : .exponentialAverage
            return Momentum(
                learningRate: eta, momentum: value("momentum"), convention: convention,
                weightDecay: value("weightDecay"))
        case .nesterov:
            return Nesterov(learningRate: eta, momentum: value("momentum"), weightDecay: value("weightDecay"))
        case .adagrad: return AdaGrad(learningRate: eta, epsilon: value("epsilon"))
        case .rmsprop: return RMSProp(learningRate: eta, rho: value("rho"), epsilon: value("epsilon"))
        case .adadelta: return Adadelta(learningRate: eta, rho: value("rho"), epsilon: value("epsilon"))
        case .adam:
            return Adam(learningRate: eta, beta1: value("beta1"), beta2: value("beta2"), epsilon: value("epsilon"))
        case .adamW:
            return AdamW(
                learningRate: eta, beta1: value("beta1"), beta2: value("beta2"), epsilon: value("epsilon"),
                weightDecay: value("weightDecay"))
        case .adamax:
            return AdaMax(learningRate: eta, beta1: value("beta1"), beta2: value("beta2"), epsilon: value("epsilon"))
        }
    }

    /// The optimizer kind a lesson names, case-, space- and punctuation-insensitively: `SGD`/`gradient
    /// descent`, `momentum`/`SGD with momentum`/`heavy ball`, `Nesterov`/`NAG`, `AdaGrad`, `RMSProp`,
    /// `Adadelta`, `Adam`, `AdamW`, `AdaMax`, and the names above. Nil for anything else.
    public init?(named name: String) {
        switch name.lowercased().filter({ $0.isLetter || $0.isNumber }) {
        case "sgd", "gradientdescent", "stochasticgradientdescent": self = .sgd
        case "momentum", "sgdwithmomentum", "heavyball", "classicalmomentum": self = .momentum
        case "accumulatedmomentum": self = .accumulatedMomentum
        case "averagedmomentum": self = .averagedMomentum
        case "nesterov", "nag", "nesterovmomentum", "nesterovacceleratedgradient": self = .nesterov
        case "adagrad": self = .adagrad
        case "rmsprop": self = .rmsprop
        case "adadelta": self = .adadelta
        case "adam": self = .adam
        case "adamw": self = .adamW
        case "adamax": self = .adamax
        default: return nil
        }
    }
}
