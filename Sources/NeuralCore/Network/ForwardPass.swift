/// Every z⁽ˡ⁾ and a⁽ˡ⁾ of a forward pass on a batch of rows, indexed as in the lessons (l = 1…L, a⁽⁰⁾ = x).
///
/// Row i of `z(l)` is sample i's z⁽ˡ⁾ (a column in the lessons, stored as a row here).
public struct ForwardPass<Scalar: NeuralScalar>: Sendable, Equatable {
    /// a⁽⁰⁾…a⁽ᴸ⁾, each (batch, n_l).
    public let activations: [Matrix<Scalar>]
    /// z⁽¹⁾…z⁽ᴸ⁾ at indices 0…L−1, each (batch, n_l).
    public let preactivations: [Matrix<Scalar>]

    init(workspace: Workspace<Scalar>) {
        let rows = workspace.rows
        activations = zip(workspace.activations, workspace.widths).map { $0.matrix(rows: rows, columns: $1) }
        preactivations = zip(workspace.preactivations, workspace.widths.dropFirst()).map {
            $0.matrix(rows: rows, columns: $1)
        }
    }

    /// z⁽ˡ⁾ for l in 1…L: (batch, n_l).
    public func z(_ l: Int) -> Matrix<Scalar> {
        precondition(l >= 1 && l <= preactivations.count, "z(\(l)) of layers 1…\(preactivations.count)")
        return preactivations[l - 1]
    }

    /// a⁽ˡ⁾ for l in 0…L (a⁽⁰⁾ is the input): (batch, n_l).
    public func a(_ l: Int) -> Matrix<Scalar> {
        precondition(l >= 0 && l < activations.count, "a(\(l)) of layers 0…\(activations.count - 1)")
        return activations[l]
    }

    /// The network output a⁽ᴸ⁾.
    public var output: Matrix<Scalar> { activations[activations.count - 1] }
}
