/// A rule that updates parameters from their gradients, one parameter tensor at a time.
///
/// The optimizer value holds hyper-parameters only; its per-parameter state (velocity, moments)
/// lives in `OptimizerState` buffers owned by the training loop, so optimizers stay `Sendable` values.
public protocol Optimizer: Sendable {
    /// The learning rate η (a schedule may change it from step to step: see `ScheduledOptimizer`).
    var learningRate: Double { get set }

    /// What `OptimizerState.first` and `.second` hold, as lessons name them (`["m", "v"]` for Adam);
    /// as many names as buffers the rule uses.
    var stateNames: [String] { get }

    /// Updates `parameters` in place from `gradients` at step `step` (1-based), using `state`.
    func update<T: NeuralScalar>(
        _ parameters: UnsafeMutableBufferPointer<T>, gradients: UnsafeBufferPointer<T>,
        state: OptimizerState<T>, step: Int)

    /// η when the update is exactly w ← w − η·g (plain SGD), so a training step may fold it into the
    /// `gemm` that computes g (α = −η, β = 1) instead of writing g out; nil for any other rule.
    var plainGradientStep: Double? { get }
}

extension Optimizer {
    /// No state (plain SGD).
    public var stateNames: [String] { [] }

    /// Nil: the update is not plain w ← w − η·g.
    public var plainGradientStep: Double? { nil }
}
