/// The Euclidean norm ‖x‖₂ = √(Σᵢ xᵢ²), ∇ = x/‖x‖₂ (not differentiable at x = 0, where the gradient
/// returned is 0, a subgradient).
public struct EuclideanNorm: VectorReduction {
    /// Creates the Euclidean norm.
    public init() {}
    /// √(Σ x²).
    public func value<T: NeuralScalar>(_ x: [T]) -> T { SquaredNorm().value(x).squareRoot() }
    /// x/‖x‖, or 0 at the origin.
    public func gradient<T: NeuralScalar>(_ x: [T]) -> [T] {
        let norm = value(x)
        return norm > 0 ? x.map { $0 / norm } : x.map { _ in 0 }
    }
}
