/// AdamW, Adam with decoupled weight decay (Loshchilov & Hutter, 2019, "Decoupled weight decay
/// regularization", Algorithm 2), m₀ = v₀ = 0, t = 1, 2, …:
///
///     m ← β₁m + (1 − β₁)g,   v ← β₂v + (1 − β₂)g²,   m̂ = m/(1 − β₁ᵗ),   v̂ = v/(1 − β₂ᵗ)
///     θ ← θ − η(m̂/(√v̂ + ε) + λθ)
///
/// The decay λθ bypasses the moments, unlike an L2 penalty added to g. As in PyTorch the decay is
/// scaled by the learning rate η (the paper scales it by the schedule multiplier only); λ = 0.01 by default.
public struct AdamW: Optimizer {
    /// The learning rate η (0.001 by default).
    public var learningRate: Double
    /// Decay of the first moment β₁ (0.9).
    public var beta1: Double
    /// Decay of the second moment β₂ (0.999).
    public var beta2: Double
    /// ε added to √v̂ (1e-8).
    public var epsilon: Double
    /// The decoupled weight decay λ.
    public var weightDecay: Double

    /// AdamW with PyTorch's defaults unless given.
    public init(
        learningRate: Double = 0.001, beta1: Double = 0.9, beta2: Double = 0.999, epsilon: Double = 1e-8,
        weightDecay: Double = 0.01
    ) {
        self.learningRate = learningRate
        self.beta1 = beta1
        self.beta2 = beta2
        self.epsilon = epsilon
        self.weightDecay = weightDecay
    }

    /// `state.first` is m, `state.second` is v.
    public var stateNames: [String] { ["m", "v"] }

    /// The AdamW update at step t (1-based).
    @specialized(where T == Float)
    @specialized(where T == Double)
    public func update<T: NeuralScalar>(
        _ parameters: UnsafeMutableBufferPointer<T>, gradients: UnsafeBufferPointer<T>,
        state: OptimizerState<T>, step: Int
    ) {
        Adam.update(
            parameters, gradients: gradients, state: state, step: step, learningRate: learningRate, beta1: beta1,
            beta2: beta2, epsilon: epsilon, weightDecay: weightDecay)
    }
}
