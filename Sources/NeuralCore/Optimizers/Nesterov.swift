/// Nesterov's accelerated gradient (Nesterov, 1983; in the momentum form of Sutskever et al., 2013):
///
///     v ← μv − η∇L(θ + μv),   θ ← θ + v
///
/// The gradient is taken at the look-ahead point θ + μv. The in-place `update` receives the gradient
/// at the parameters it holds, so it runs the equivalent form in the look-ahead variable
/// Θ = θ + μv (Bengio et al., 2013, "Advances in optimizing recurrent networks", eq. 7), written as
/// PyTorch's `SGD(nesterov: true)` writes it, with u = −v/η:
///
///     u ← μu + ∇L(Θ),   Θ ← Θ − η(∇L(Θ) + μu)
///
/// `lookaheadStep(_:velocity:gradient:)` runs the first form with a gradient function. A coupled
/// weight decay λ replaces ∇L by ∇L + λΘ.
public struct Nesterov: Optimizer {
    /// The learning rate η.
    public var learningRate: Double
    /// The momentum coefficient μ (0.9 by default).
    public var momentum: Double
    /// The L2 weight decay λ added to the gradient (0 by default).
    public var weightDecay: Double

    /// Nesterov momentum with learning rate η, coefficient μ and weight decay λ.
    public init(learningRate: Double, momentum: Double = 0.9, weightDecay: Double = 0) {
        self.learningRate = learningRate
        self.momentum = momentum
        self.weightDecay = weightDecay
    }

    /// `state.first` is u, the accumulated gradient.
    public var stateNames: [String] { ["u"] }

    /// u ← μu + g, Θ ← Θ − η(g + μu), elementwise; `state.first` is u.
    @specialized(where T == Float)
    @specialized(where T == Double)
    public func update<T: NeuralScalar>(
        _ parameters: UnsafeMutableBufferPointer<T>, gradients: UnsafeBufferPointer<T>,
        state: OptimizerState<T>, step: Int
    ) {
        let eta = T(learningRate), mu = T(momentum), lambda = T(weightDecay)
        let w = parameters.baseAddress!, g = gradients.baseAddress!, u = state.first
        for i in 0..<parameters.count {
            let gradient = weightDecay == 0 ? g[i] : g[i] + lambda * w[i]
            u[i] = mu * u[i] + gradient
            w[i] -= eta * (gradient + mu * u[i])
        }
    }

    /// One step of the look-ahead form: v′ = μv − η∇L(θ + μv), θ′ = θ + v′ (the weight decay, if any,
    /// taken at the look-ahead point). Returns (θ′, v′).
    public func lookaheadStep(
        _ theta: [Double], velocity v: [Double], gradient: ([Double]) -> [Double]
    ) -> (parameters: [Double], velocity: [Double]) {
        precondition(theta.count == v.count, "lookaheadStep: \(theta.count) parameters, \(v.count) velocities")
        let ahead = zip(theta, v).map { $0 + momentum * $1 }
        let g = gradient(ahead)
        precondition(g.count == theta.count, "lookaheadStep: gradient of \(g.count) entries for \(theta.count)")
        var velocity = v, parameters = theta
        for i in theta.indices {
            velocity[i] = momentum * v[i] - learningRate * (g[i] + weightDecay * ahead[i])
            parameters[i] = theta[i] + velocity[i]
        }
        return (parameters, velocity)
    }
}
