/// SGD with (heavy-ball) momentum: v ← μv − η·∂L/∂w, w ← w + v (Polyak, 1964; Sutskever et al., 2013).
public struct Momentum: Optimizer {
    /// The learning rate η.
    public var learningRate: Double
    /// The momentum coefficient μ (0.9 by default).
    public var momentum: Double

    /// Momentum SGD with learning rate η and coefficient μ.
    public init(learningRate: Double, momentum: Double = 0.9) {
        self.learningRate = learningRate
        self.momentum = momentum
    }

    /// One scalar step: returns (w + v′, v′) with v′ = μv − ηg, for the formula checker.
    public func updated(_ w: Double, velocity v: Double, gradient g: Double) -> (weight: Double, velocity: Double) {
        let next = momentum * v - learningRate * g
        return (w + next, next)
    }

    /// v ← μv − ηg, w ← w + v, elementwise; `state.first` is v.
    @specialized(where T == Float)
    @specialized(where T == Double)
    public func update<T: NeuralScalar>(
        _ parameters: UnsafeMutableBufferPointer<T>, gradients: UnsafeBufferPointer<T>,
        state: OptimizerState<T>, step: Int
    ) {
        let eta = T(learningRate), mu = T(momentum)
        let w = parameters.baseAddress!, g = gradients.baseAddress!, v = state.first
        for i in 0..<parameters.count {
            v[i] = mu * v[i] - eta * g[i]
            w[i] += v[i]
        }
    }
}
