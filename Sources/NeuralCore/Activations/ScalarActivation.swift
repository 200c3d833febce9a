/// An activation applied element by element, with its derivative beside it.
///
/// `value(x)` is f(x) and `derivative(x)` is f′(x), both taking the pre-activation `x` (the
/// lessons' z). Every conforming type keeps the two formulas next to each other so a reader can
/// check one against the other; the test suite checks both against finite differences and the tape.
public protocol ScalarActivation: Sendable {
    /// f(x).
    func value<T: NeuralScalar>(_ x: T) -> T
    /// f′(x), the derivative with respect to the pre-activation.
    func derivative<T: NeuralScalar>(_ x: T) -> T
}
