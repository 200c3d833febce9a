/// Hard tanh, a piecewise-linear tanh: f(x) = clip(x, −1, 1); f′(x) = 1 for |x| < 1, else 0
/// (0 at the kinks ±1; Collobert, 2004, PhD thesis, and PyTorch's `Hardtanh`).
public struct HardTanh: ScalarActivation {
    /// Creates the hard tanh activation.
    public init() {}

    /// clip(x, −1, 1).
    @inlinable public func value<T: NeuralScalar>(_ x: T) -> T { Swift.min(Swift.max(x, -1), 1) }

    /// 1 on (−1, 1), else 0.
    @inlinable public func derivative<T: NeuralScalar>(_ x: T) -> T { x > -1 && x < 1 ? 1 : 0 }
}
