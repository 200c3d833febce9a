/// The squared Euclidean norm ‖x‖₂² = Σᵢ xᵢ², ∇ = 2x.
public struct SquaredNorm: VectorReduction {
    /// Creates the squared norm.
    public init() {}
    /// Σ x².
    public func value<T: NeuralScalar>(_ x: [T]) -> T { x.reduce(T(0)) { $0 + $1 * $1 } }
    /// 2x.
    public func gradient<T: NeuralScalar>(_ x: [T]) -> [T] { x.map { 2 * $0 } }
}
