/// The three ways lessons and libraries write SGD with momentum. With a constant learning rate the
/// first two give the same iterates (v_classical = −η·v_accumulated); they differ once η changes
/// between steps. The third damps the gradient by (1 − β), so it moves (1 − β) times as far.
public enum MomentumConvention: Sendable, Equatable, Hashable, CaseIterable {
    /// v ← μv − η∇L, θ ← θ + v (Polyak, 1964; Sutskever et al., 2013; Keras).
    case classical
    /// v ← μv + ∇L, θ ← θ − ηv (PyTorch's `SGD(momentum:)`).
    case accumulated
    /// v ← βv + (1 − β)∇L, θ ← θ − ηv: an exponential moving average of the gradients (as taught in
    /// Andrew Ng's courses).
    case exponentialAverage
}
