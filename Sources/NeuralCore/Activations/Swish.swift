/// Swish (SiLU) f(x) = x·σ(x); f′(x) = σ(x) + x·σ(x)(1 − σ(x)) (Ramachandran et al., 2017).
public struct Swish: ScalarActivation {
    /// Creates the swish activation (β = 1, also called SiLU).
    public init() {}
    /// x·σ(x).
    @inlinable public func value<T: NeuralScalar>(_ x: T) -> T { x * Sigmoid().value(x) }
    /// σ(x) + x·σ(x)(1 − σ(x)).
    @inlinable public func derivative<T: NeuralScalar>(_ x: T) -> T {
        let s = Sigmoid().value(x)
        return s + x * s * (1 - s)
    }
}
