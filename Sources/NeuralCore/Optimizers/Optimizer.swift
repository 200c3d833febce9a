/// A rule that updates parameters from their gradients, one parameter tensor at a time.
///
/// The optimizer value holds hyper-parameters only; its per-parameter state (velocity, moments)
/// lives in `OptimizerState` buffers owned by the training loop, so optimizers stay `Sendable` values.
public protocol Optimizer: Sendable {
    /// Updates `parameters` in place from `gradients` at step `step` (1-based), using `state`.
    func update<T: NeuralScalar>(
        _ parameters: UnsafeMutableBufferPointer<T>, gradients: UnsafeBufferPointer<T>,
        state: OptimizerState<T>, step: Int)

    /// η when the update is exactly w ← w − η·g (plain SGD), so a training step may fold it into the
    /// BLAS call that computes g (α = −η, β = 1) instead of writing g out; nil for any other rule.
    var plainGradientStep: Double? { get }
}

extension Optimizer {
    /// Nil: the update is not plain w ← w − η·g.
    public var plainGradientStep: Double? { nil }
}

/// Two state buffers (first and second moment, or velocity) per parameter tensor, zero at the start.
public struct OptimizerState<T: NeuralScalar> {
    /// First state buffer (velocity for momentum, m for Adam), as many entries as the parameter.
    public let first: UnsafeMutablePointer<T>
    /// Second state buffer (v for Adam).
    public let second: UnsafeMutablePointer<T>

    /// State over two caller-owned buffers, each as long as the parameter tensor and zero at the start.
    public init(first: UnsafeMutablePointer<T>, second: UnsafeMutablePointer<T>) {
        self.first = first
        self.second = second
    }
}
