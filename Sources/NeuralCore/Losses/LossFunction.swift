/// A loss on one sample's prediction vector, with its gradient with respect to the prediction.
///
/// `value(prediction:target:)` is L(ŷ, y) and `gradient(prediction:target:)` is ∂L/∂ŷ, side by
/// side. Over a batch, the engine averages the per-sample losses (and so their gradients).
public protocol LossFunction: Sendable {
    /// L(ŷ, y) for one sample: n, n → scalar.
    func value<T: NeuralScalar>(prediction: [T], target: [T]) -> T
    /// ∂L/∂ŷ for one sample: n, n → n.
    func gradient<T: NeuralScalar>(prediction: [T], target: [T]) -> [T]
}

extension LossFunction {
    /// Checks that prediction and target have the same length.
    func checkShapes<T>(_ prediction: [T], _ target: [T], _ name: String) {
        precondition(
            prediction.count == target.count,
            "\(name): prediction has \(prediction.count) entries, target \(target.count)")
    }
}

/// The smallest probability the probability-based cross-entropies take a logarithm of:
/// max(ε_machine, 1e-12), so log(0) never happens (−log ε ≈ 16 in `Float`, ≈ 28 in `Double`).
@inlinable func probabilityFloor<T: NeuralScalar>(_: T.Type) -> T { Swift.max(T.ulpOfOne, T(1e-12)) }
