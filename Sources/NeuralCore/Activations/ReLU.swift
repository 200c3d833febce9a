/// The rectified linear unit ReLU(x) = max(0, x), ReLU′(x) = 1 if x > 0 else 0.
///
/// ReLU is not differentiable at 0; like PyTorch and TensorFlow this engine uses the subgradient 0 there.
public struct ReLU: ScalarActivation {
    /// Creates the ReLU activation.
    public init() {}
    /// max(0, x).
    @inlinable public func value<T: NeuralScalar>(_ x: T) -> T { x > 0 ? x : 0 }
    /// 1 if x > 0, else 0 (0 at the kink).
    @inlinable public func derivative<T: NeuralScalar>(_ x: T) -> T { x > 0 ? 1 : 0 }
}
