/// Hard sigmoid, a piecewise-linear σ: f(x) = clip(s·x + ½, 0, 1); f′(x) = s inside the ramp
/// |x| < 1/(2s), 0 outside (0 at the two kinks).
///
/// The slope s differs between libraries: 1/6 in PyTorch's `Hardsigmoid` and Keras 3 (Howard et al.,
/// 2019, "Searching for MobileNetV3", as ReLU6(x + 3)/6), 0.2 in older Keras and Theano.
public struct HardSigmoid: ScalarActivation {
    /// The slope s of the ramp (1/6 by default).
    public var slope: Double

    /// Creates a hard sigmoid with ramp slope `slope`.
    public init(slope: Double = 1.0 / 6) { self.slope = slope }

    /// The kinks ±1/(2s), where the ramp meets 0 and 1.
    public var kinks: [Double] { [-1 / (2 * slope), 1 / (2 * slope)] }

    /// clip(s·x + ½, 0, 1).
    @inlinable public func value<T: NeuralScalar>(_ x: T) -> T {
        Swift.min(Swift.max(T(slope) * x + T(0.5), 0), 1)
    }

    /// s on the open ramp, else 0.
    @inlinable public func derivative<T: NeuralScalar>(_ x: T) -> T {
        let y = T(slope) * x + T(0.5)
        return y > 0 && y < 1 ? T(slope) : 0
    }
}
