/// Stochastic gradient descent, with optional L2 weight decay λ coupled to the gradient:
///
///     θ ← θ − η(∇L(θ) + λθ)
///
/// (Robbins & Monro, 1951; the decay is the gradient of the penalty (λ/2)‖θ‖², `L2Penalty`). For plain
/// SGD, coupled and decoupled decay (AdamW's) are the same rule; they differ once the gradient is
/// rescaled or accumulated (`Momentum`, `AdamW`).
public struct SGD: Optimizer {
    /// The learning rate η.
    public var learningRate: Double
    /// The L2 weight decay λ added to the gradient as λθ (0 by default).
    public var weightDecay: Double

    /// SGD with learning rate η and weight decay λ.
    public init(learningRate: Double, weightDecay: Double = 0) {
        self.learningRate = learningRate
        self.weightDecay = weightDecay
    }

    /// η when there is no weight decay: plain SGD may be folded into the gradient's gemm.
    public var plainGradientStep: Double? { weightDecay == 0 ? learningRate : nil }

    /// One scalar step θ − η(g + λθ), for the formula checker.
    public func updated(_ w: Double, gradient g: Double) -> Double {
        weightDecay == 0 ? w - learningRate * g : w - learningRate * (g + weightDecay * w)
    }

    /// θ ← θ − η(g + λθ) for every element.
    @specialized(where T == Float)
    @specialized(where T == Double)
    public func update<T: NeuralScalar>(
        _ parameters: UnsafeMutableBufferPointer<T>, gradients: UnsafeBufferPointer<T>,
        state: OptimizerState<T>, step: Int
    ) {
        let eta = T(learningRate), lambda = T(weightDecay)
        let w = parameters.baseAddress!, g = gradients.baseAddress!
        if weightDecay == 0 {
            for i in 0..<parameters.count { w[i] -= eta * g[i] }
        } else {
            for i in 0..<parameters.count { w[i] -= eta * (g[i] + lambda * w[i]) }
        }
    }
}
