/// RMSProp (Hinton, Srivastava & Swersky, 2012, *Neural Networks for Machine Learning*, lecture 6e),
/// E₀ = 0:
///
///     E[g²] ← ρE[g²] + (1 − ρ)g²,   θ ← θ − η·g/(√E[g²] + ε)
///
/// elementwise. ρ = 0.9 as in the lecture and Keras (PyTorch's `alpha` defaults to 0.99); ε = 10⁻⁸
/// outside the root, as in PyTorch.
public struct RMSProp: Optimizer {
    /// The learning rate η (0.001 by default).
    public var learningRate: Double
    /// The decay ρ of the average of squared gradients.
    public var rho: Double
    /// ε added to the root.
    public var epsilon: Double

    /// RMSProp with learning rate η, decay ρ and ε.
    public init(learningRate: Double = 0.001, rho: Double = 0.9, epsilon: Double = 1e-8) {
        self.learningRate = learningRate
        self.rho = rho
        self.epsilon = epsilon
    }

    /// `state.first` is E[g²].
    public var stateNames: [String] { ["E[g²]"] }

    /// E ← ρE + (1 − ρ)g², θ ← θ − ηg/(√E + ε).
    @specialized(where T == Float)
    @specialized(where T == Double)
    public func update<T: NeuralScalar>(
        _ parameters: UnsafeMutableBufferPointer<T>, gradients: UnsafeBufferPointer<T>,
        state: OptimizerState<T>, step: Int
    ) {
        let eta = T(learningRate), r = T(rho), eps = T(epsilon)
        let w = parameters.baseAddress!, g = gradients.baseAddress!, average = state.first
        for i in 0..<parameters.count {
            average[i] = r * average[i] + (1 - r) * g[i] * g[i]
            w[i] -= eta * g[i] / (average[i].squareRoot() + eps)
        }
    }
}
