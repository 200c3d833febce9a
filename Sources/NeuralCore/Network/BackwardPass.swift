/// A forward and backward pass on a batch: every δ⁽ˡ⁾ = ∂L/∂z⁽ˡ⁾ and parameter gradient, with
/// L the batch-mean loss. Lesson indices: l = 1…L.
///
/// δ⁽ᴸ⁾ = ∇_a L ⊙ f′(z⁽ᴸ⁾); δ⁽ˡ⁾ = (W⁽ˡ⁺¹⁾ᵀδ⁽ˡ⁺¹⁾) ⊙ f′(z⁽ˡ⁾);
/// ∂L/∂W⁽ˡ⁾ = Σ_samples δ⁽ˡ⁾a⁽ˡ⁻¹⁾ᵀ; ∂L/∂b⁽ˡ⁾ = Σ_samples δ⁽ˡ⁾.
public struct BackwardPass<Scalar: NeuralScalar>: Sendable, Equatable {
    /// The forward pass the gradients were taken at.
    public let forward: ForwardPass<Scalar>
    /// The batch-mean loss L.
    public let loss: Double
    /// δ⁽¹⁾…δ⁽ᴸ⁾ at indices 0…L−1, each (batch, n_l); row i is sample i's δ, already divided by the batch size.
    public let deltas: [Matrix<Scalar>]
    /// ∂L/∂W⁽¹⁾…∂L/∂W⁽ᴸ⁾ at indices 0…L−1, each (n_l, n_{l−1}) like W⁽ˡ⁾.
    public let weightGradients: [Matrix<Scalar>]
    /// ∂L/∂b⁽¹⁾…∂L/∂b⁽ᴸ⁾ at indices 0…L−1, each n_l entries.
    public let biasGradients: [[Scalar]]

    init(workspace: Workspace<Scalar>, loss: Double) {
        forward = ForwardPass(workspace: workspace)
        self.loss = loss
        let rows = workspace.rows, widths = workspace.widths
        deltas = workspace.deltas.indices.map { workspace.deltas[$0].matrix(rows: rows, columns: widths[$0 + 1]) }
        weightGradients = workspace.weightGradients.indices.map {
            workspace.weightGradients[$0].matrix(rows: widths[$0 + 1], columns: widths[$0])
        }
        biasGradients = workspace.biasGradients.indices.map {
            workspace.biasGradients[$0].matrix(rows: 1, columns: widths[$0 + 1]).elements
        }
    }

    /// δ⁽ˡ⁾ = ∂L/∂z⁽ˡ⁾ for l in 1…L: (batch, n_l).
    public func delta(_ l: Int) -> Matrix<Scalar> { deltas[index(l)] }
    /// ∂L/∂W⁽ˡ⁾ for l in 1…L: (n_l, n_{l−1}).
    public func weightGradient(_ l: Int) -> Matrix<Scalar> { weightGradients[index(l)] }
    /// ∂L/∂b⁽ˡ⁾ for l in 1…L: n_l entries.
    public func biasGradient(_ l: Int) -> [Scalar] { biasGradients[index(l)] }

    private func index(_ l: Int) -> Int {
        precondition(l >= 1 && l <= deltas.count, "layer \(l) of layers 1…\(deltas.count)")
        return l - 1
    }
}
