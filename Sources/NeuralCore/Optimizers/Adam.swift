/// Adam (Kingma & Ba, 2015, "Adam: a method for stochastic optimization", Algorithm 1), m₀ = v₀ = 0,
/// t = 1, 2, …:
///
///     m ← β₁m + (1 − β₁)g,   v ← β₂v + (1 − β₂)g²,   m̂ = m/(1 − β₁ᵗ),   v̂ = v/(1 − β₂ᵗ)
///     w ← w − η·m̂/(√v̂ + ε)
///
/// For decoupled weight decay see `AdamW`.
public struct Adam: Optimizer {
    /// The learning rate η (0.001 by default).
    public var learningRate: Double
    /// Decay of the first moment β₁ (0.9).
    public var beta1: Double
    /// Decay of the second moment β₂ (0.999).
    public var beta2: Double
    /// ε added to √v̂ (1e-8).
    public var epsilon: Double

    /// Adam with the paper's defaults unless given.
    public init(learningRate: Double = 0.001, beta1: Double = 0.9, beta2: Double = 0.999, epsilon: Double = 1e-8) {
        self.learningRate = learningRate
        self.beta1 = beta1
        self.beta2 = beta2
        self.epsilon = epsilon
    }

    /// `state.first` is m, `state.second` is v.
    public var stateNames: [String] { ["m", "v"] }

    /// The Adam update at step t (1-based); `state.first` is m, `state.second` is v.
    @specialized(where T == Float)
    @specialized(where T == Double)
    public func update<T: NeuralScalar>(
        _ parameters: UnsafeMutableBufferPointer<T>, gradients: UnsafeBufferPointer<T>,
        state: OptimizerState<T>, step: Int
    ) {
        Self.update(
            parameters, gradients: gradients, state: state, step: step, learningRate: learningRate, beta1: beta1,
            beta2: beta2, epsilon: epsilon, weightDecay: nil)
    }

    /// Adam's step, with AdamW's decoupled weight decay λ where one is given.
    @inline(__always)
    static func update<T: NeuralScalar>(
        _ parameters: UnsafeMutableBufferPointer<T>, gradients: UnsafeBufferPointer<T>,
        state: OptimizerState<T>, step: Int, learningRate: Double, beta1: Double, beta2: Double, epsilon: Double,
        weightDecay: Double?
    ) {
        let b1 = T(beta1), b2 = T(beta2), eps = T(epsilon), eta = T(learningRate)
        let lambda = weightDecay.map { T($0) }
        // Bias corrections folded into the step size: η·√(1 − β₂ᵗ)/(1 − β₁ᵗ) is not used, so that
        // the update matches the paper's formula with ε added to √v̂ exactly.
        let c1 = T(1 - Elementary.power(beta1, step)), c2 = T(1 - Elementary.power(beta2, step))
        let w = parameters.baseAddress!, g = gradients.baseAddress!, m = state.first, v = state.second
        for i in 0..<parameters.count {
            m[i] = b1 * m[i] + (1 - b1) * g[i]
            v[i] = b2 * v[i] + (1 - b2) * g[i] * g[i]
            let mHat = m[i] / c1, vHat = v[i] / c2
            if let lambda {
                w[i] -= eta * (mHat / (vHat.squareRoot() + eps) + lambda * w[i])
            } else {
                w[i] -= eta * mHat / (vHat.squareRoot() + eps)
            }
        }
    }
}
