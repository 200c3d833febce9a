/// An optimizer's per-parameter state as values, for the pure, inspectable form of a step
/// (`Optimizer.step(_:gradients:state:at:)`): what `OptimizerState`'s two buffers hold, copied out.
///
/// `first` and `second` are named by the optimizer's `stateNames` (v for momentum, m and v for Adam,
/// …); both start at zero, as every rule here assumes (v₀ = 0, m₀ = 0).
public struct OptimizerMoments<T: NeuralScalar>: Sendable, Equatable {
    /// The first state buffer (velocity, accumulated squares, or the first moment m).
    public var first: [T]
    /// The second state buffer (the second moment v, Adadelta's E[Δθ²], AdaMax's u).
    public var second: [T]

    /// Zero state for `count` parameters.
    public init(count: Int) {
        first = Array(repeating: 0, count: count)
        second = Array(repeating: 0, count: count)
    }

    /// State with the given buffers, each as long as the parameters.
    public init(first: [T], second: [T]) {
        precondition(first.count == second.count, "OptimizerMoments: \(first.count) and \(second.count) entries")
        self.first = first
        self.second = second
    }
}
