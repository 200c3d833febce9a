/// SGD with (heavy-ball) momentum μ in one of three conventions (`MomentumConvention`), v₀ = 0:
///
///     classical:           v ← μv − η∇L,         θ ← θ + v
///     accumulated:         v ← μv + ∇L,          θ ← θ − ηv
///     exponential average: v ← μv + (1 − μ)∇L,   θ ← θ − ηv
///
/// (Polyak, 1964, "Some methods of speeding up the convergence of iteration methods"; Sutskever et al.,
/// 2013). A coupled weight decay λ replaces ∇L by ∇L + λθ, as PyTorch's `SGD(weight_decay:)` does.
public struct Momentum: Optimizer {
    /// The learning rate η.
    public var learningRate: Double
    /// The momentum coefficient μ (β in the exponential-average convention; 0.9 by default).
    public var momentum: Double
    /// Which of the three rules (classical by default).
    public var convention: MomentumConvention
    /// The L2 weight decay λ added to the gradient as λθ (0 by default).
    public var weightDecay: Double

    /// Momentum SGD with learning rate η, coefficient μ, convention and weight decay λ.
    public init(
        learningRate: Double, momentum: Double = 0.9, convention: MomentumConvention = .classical,
        weightDecay: Double = 0
    ) {
        self.learningRate = learningRate
        self.momentum = momentum
        self.convention = convention
        self.weightDecay = weightDecay
    }

    /// `state.first` is the velocity v.
    public var stateNames: [String] { ["v"] }

    /// One scalar step: returns (θ′, v′) after one update from θ = `w` and v = `velocity`, for the formula checker.
    public func updated(_ w: Double, velocity v: Double, gradient g: Double) -> (weight: Double, velocity: Double) {
        let next = step(w, gradient: g, state: OptimizerMoments(first: [v], second: [0]), at: 1)
        return (next.weight, next.state.first[0])
    }

    /// The rule of `convention`, elementwise; `state.first` is v.
    @specialized(where T == Float)
    @specialized(where T == Double)
    public func update<T: NeuralScalar>(
        _ parameters: UnsafeMutableBufferPointer<T>, gradients: UnsafeBufferPointer<T>,
        state: OptimizerState<T>, step: Int
    ) {
        let eta = T(learningRate), mu = T(momentum), lambda = T(weightDecay)
        let w = parameters.baseAddress!, g = gradients.baseAddress!, v = state.first
        for i in 0..<parameters.count {
            let gradient = weightDecay == 0 ? g[i] : g[i] + lambda * w[i]
            switch convention {
            case .classical:
                v[i] = mu * v[i] - eta * gradient
                w[i] += v[i]
            case .accumulated:
                v[i] = mu * v[i] + gradient
                w[i] -= eta * v[i]
            case .exponentialAverage:
                v[i] = mu * v[i] + (1 - mu) * gradient
                w[i] -= eta * v[i]
            }
        }
    }
}
