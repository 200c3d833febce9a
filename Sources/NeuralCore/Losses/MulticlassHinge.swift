/// Multiclass hinge (SVM) loss on class scores s with a one-hot target y and margin Δ, in the
/// Weston–Watkins form (Weston & Watkins, 1999, "Support vector machines for multi-class pattern
/// recognition"; cs231n's "SVM loss"):
/// L = Σ_{j ≠ c} max(0, sⱼ − s_c + Δ) where c is the true class.
///
/// Written for any target as L = Σⱼ (1 − yⱼ)·max(0, mⱼ) with mⱼ = sⱼ − ⟨y, s⟩ + Δ, whose gradient is
/// ∂L/∂s_k = (1 − y_k)·[m_k > 0] − y_k·Σⱼ (1 − yⱼ)[mⱼ > 0]: each violating class pushes its own score
/// down by 1 and the true class's up by 1 (0 at the kinks mⱼ = 0).
public struct MulticlassHinge: LossFunction {
    /// The margin Δ (1 by default).
    public var margin: Double

    /// Creates the multiclass hinge loss with margin `margin`.
    public init(margin: Double = 1) { self.margin = margin }

    /// The margins mⱼ = sⱼ − ⟨y, s⟩ + Δ.
    func margins<T: NeuralScalar>(_ s: [T], _ y: [T]) -> [T] {
        let correct = zip(s, y).reduce(T(0)) { $0 + $1.0 * $1.1 }
        return s.map { $0 - correct + T(margin) }
    }

    /// Σ_{j ≠ c} max(0, sⱼ − s_c + Δ).
    public func value<T: NeuralScalar>(prediction s: [T], target y: [T]) -> T {
        checkShapes(s, y, "multiclassHinge")
        return zip(margins(s, y), y).reduce(T(0)) { $0 + (1 - $1.1) * Swift.max(0, $1.0) }
    }

    /// (1 − y_k)[m_k > 0] − y_k·(number of violating classes).
    public func gradient<T: NeuralScalar>(prediction s: [T], target y: [T]) -> [T] {
        checkShapes(s, y, "multiclassHinge")
        let active = zip(margins(s, y), y).map { m, t in m > 0 ? 1 - t : 0 }
        let violations = active.reduce(T(0), +)
        return zip(active, y).map { $0 - $1 * violations }
    }
}
