/// ReLU6 f(x) = min(max(0, x), 6); f′(x) = 1 on (0, 6), else 0 (0 at the kinks 0 and 6)
/// (Krizhevsky, 2010, "Convolutional deep belief networks on CIFAR-10"; used by MobileNet).
public struct ReLU6: ScalarActivation {
    /// Creates the ReLU6 activation.
    public init() {}

    /// min(max(0, x), 6).
    @inlinable public func value<T: NeuralScalar>(_ x: T) -> T { Swift.min(Swift.max(x, 0), 6) }

    /// 1 on (0, 6), else 0.
    @inlinable public func derivative<T: NeuralScalar>(_ x: T) -> T { x > 0 && x < 6 ? 1 : 0 }
}
