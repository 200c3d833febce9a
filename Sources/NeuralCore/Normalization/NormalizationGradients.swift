/// The gradients of a normalisation's backward pass: ∂L/∂x, ∂L/∂γ and ∂L/∂β.
public struct NormalizationGradients<T: NeuralScalar>: Sendable, Equatable {
    /// ∂L/∂x: (batch, features).
    public var input: Matrix<T>
    /// ∂L/∂γ, one per feature.
    public var gamma: [T]
    /// ∂L/∂β, one per feature.
    public var beta: [T]
}
