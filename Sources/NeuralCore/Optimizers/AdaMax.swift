/// AdaMax, Adam with the infinity norm (Kingma & Ba, 2015, "Adam", Algorithm 2), m₀ = u₀ = 0,
/// t = 1, 2, …:
///
///     m ← β₁m + (1 − β₁)g,   u ← max(β₂u, |g| + ε),   θ ← θ − (η/(1 − β₁ᵗ))·m/u
///
/// ε inside the maximum is PyTorch's guard against u = 0 (ε = 0 gives the paper's rule exactly).
/// η = 0.002, β₁ = 0.9, β₂ = 0.999 are the paper's defaults.
public struct AdaMax: Optimizer {
    /// The learning rate η (0.002 by default).
    public var learningRate: Double
    /// Decay of the first moment β₁.
    public var beta1: Double
    /// Decay of the infinity norm β₂.
    public var beta2: Double
    /// ε added to |g| inside the maximum.
    public var epsilon: Double

    /// AdaMax with the paper's defaults unless given.
    public init(learningRate: Double = 0.002, beta1: Double = 0.9, beta2: Double = 0.999, epsilon: Double = 1e-8) {
        self.learningRate = learningRate
        self.beta1 = beta1
        self.beta2 = beta2
        self.epsilon = epsilon
    }

    /// `state.first` is m, `state.second` is u.
    public var stateNames: [String] { ["m", "u"] }

    /// The AdaMax update at step t (1-based).
    @specialized(where T == Float)
    @specialized(where T == Double)
    public func update<T: NeuralScalar>(
        _ parameters: UnsafeMutableBufferPointer<T>, gradients: UnsafeBufferPointer<T>,
        state: OptimizerState<T>, step: Int
    ) {
        let b1 = T(beta1), b2 = T(beta2), eps = T(epsilon)
        let stepSize = T(learningRate / (1 - Elementary.power(beta1, step)))
        let w = parameters.baseAddress!, g = gradients.baseAddress!, m = state.first, u = state.second
        for i in 0..<parameters.count {
            m[i] = b1 * m[i] + (1 - b1) * g[i]
            u[i] = Swift.max(b2 * u[i], g[i].magnitude + eps)
            w[i] -= stepSize * m[i] / u[i]
        }
    }
}
