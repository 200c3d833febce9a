/// AdaGrad (Duchi, Hazan & Singer, 2011, "Adaptive subgradient methods"), G₀ = 0:
///
///     G ← G + g²,   θ ← θ − η·g/(√G + ε)
///
/// elementwise, with g = ∇L(θ). ε sits outside the root, as in PyTorch (ε = 10⁻¹⁰ by default).
public struct AdaGrad: Optimizer {
    /// The learning rate η (0.01 by default).
    public var learningRate: Double
    /// ε added to √G.
    public var epsilon: Double

    /// AdaGrad with learning rate η and ε.
    public init(learningRate: Double = 0.01, epsilon: Double = 1e-10) {
        self.learningRate = learningRate
        self.epsilon = epsilon
    }

    /// `state.first` is G, the running sum of squared gradients.
    public var stateNames: [String] { ["G"] }

    /// G ← G + g², θ ← θ − ηg/(√G + ε).
    @specialized(where T == Float)
    @specialized(where T == Double)
    public func update<T: NeuralScalar>(
        _ parameters: UnsafeMutableBufferPointer<T>, gradients: UnsafeBufferPointer<T>,
        state: OptimizerState<T>, step: Int
    ) {
        let eta = T(learningRate), eps = T(epsilon)
        let w = parameters.baseAddress!, g = gradients.baseAddress!, sum = state.first
        for i in 0..<parameters.count {
            sum[i] += g[i] * g[i]
            w[i] -= eta * g[i] / (sum[i].squareRoot() + eps)
        }
    }
}
