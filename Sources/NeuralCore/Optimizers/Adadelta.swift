/// Adadelta (Zeiler, 2012, "ADADELTA: an adaptive learning rate method", Algorithm 1), both averages
/// starting at 0:
///
///     E[g²] ← ρE[g²] + (1 − ρ)g²
///     Δθ = −(√(E[Δθ²] + ε) / √(E[g²] + ε))·g
///     E[Δθ²] ← ρE[Δθ²] + (1 − ρ)Δθ²
///     θ ← θ + ηΔθ
///
/// The paper has no η (η = 1, the default, as in PyTorch); ρ = 0.95 and ε = 10⁻⁶ are the paper's.
public struct Adadelta: Optimizer {
    /// A factor η on the step (1 by default: the paper's rule).
    public var learningRate: Double
    /// The decay ρ of both averages.
    public var rho: Double
    /// ε inside both roots.
    public var epsilon: Double

    /// Adadelta with decay ρ, ε and step factor η.
    public init(learningRate: Double = 1, rho: Double = 0.95, epsilon: Double = 1e-6) {
        self.learningRate = learningRate
        self.rho = rho
        self.epsilon = epsilon
    }

    /// `state.first` is E[g²], `state.second` E[Δθ²].
    public var stateNames: [String] { ["E[g²]", "E[Δθ²]"] }

    /// The four lines of the rule, elementwise.
    @specialized(where T == Float)
    @specialized(where T == Double)
    public func update<T: NeuralScalar>(
        _ parameters: UnsafeMutableBufferPointer<T>, gradients: UnsafeBufferPointer<T>,
        state: OptimizerState<T>, step: Int
    ) {
        let eta = T(learningRate), r = T(rho), eps = T(epsilon)
        let w = parameters.baseAddress!, g = gradients.baseAddress!
        let squares = state.first, updates = state.second
        for i in 0..<parameters.count {
            squares[i] = r * squares[i] + (1 - r) * g[i] * g[i]
            let delta = -((updates[i] + eps).squareRoot() / (squares[i] + eps).squareRoot()) * g[i]
            updates[i] = r * updates[i] + (1 - r) * delta * delta
            w[i] += eta * delta
        }
    }
}
