/// Swish f(x) = x·σ(βx); f′(x) = σ(βx) + βx·σ(βx)(1 − σ(βx)) (Ramachandran et al., 2017,
/// "Searching for activation functions"). With β = 1 it is the SiLU x·σ(x) (Elfwing et al., 2018);
/// with β = 1.702 it is GELU's sigmoid approximation (Hendrycks & Gimpel, 2016, §2).
public struct Swish: ScalarActivation {
    /// The slope β inside the sigmoid (1 for SiLU).
    public var beta: Double

    /// Creates swish with parameter `beta` (1 by default, the SiLU).
    public init(beta: Double = 1) { self.beta = beta }

    /// x·σ(βx).
    @inlinable public func value<T: NeuralScalar>(_ x: T) -> T { x * Sigmoid().value(T(beta) * x) }

    /// σ(βx) + βx·σ(βx)(1 − σ(βx)).
    @inlinable public func derivative<T: NeuralScalar>(_ x: T) -> T {
        let s = Sigmoid().value(T(beta) * x)
        return s + T(beta) * x * s * (1 - s)
    }
}
