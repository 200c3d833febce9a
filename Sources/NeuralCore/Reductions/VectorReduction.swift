/// A scalar function of one vector, with its gradient beside it: log-sum-exp, entropy, norms, the L2
/// penalty. The test suite checks each gradient against finite differences and the tape.
public protocol VectorReduction: Sendable {
    /// f(x): n → scalar.
    func value<T: NeuralScalar>(_ x: [T]) -> T
    /// ∇f(x): n → n.
    func gradient<T: NeuralScalar>(_ x: [T]) -> [T]
}
