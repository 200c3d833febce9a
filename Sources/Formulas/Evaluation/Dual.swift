import Foundation

/// A dual number a + bε (ε² = 0): forward-mode automatic differentiation in `Double`.
///
/// f(a + bε) = f(a) + f′(a)·b ε, so evaluating an expression with one input seeded with b = 1
/// gives its value and its exact derivative with respect to that input (Griewank & Walther,
/// *Evaluating Derivatives*, ch. 3).
public struct Dual: Hashable, Sendable {
    /// The value a.
    public var value: Double
    /// The tangent b: the derivative with respect to the seeded input.
    public var tangent: Double

    /// Creates a + bε.
    public init(_ value: Double, _ tangent: Double = 0) {
        self.value = value
        self.tangent = tangent
    }

    public static func + (a: Dual, b: Dual) -> Dual { Dual(a.value + b.value, a.tangent + b.tangent) }
    public static func - (a: Dual, b: Dual) -> Dual { Dual(a.value - b.value, a.tangent - b.tangent) }
    public static prefix func - (a: Dual) -> Dual { Dual(-a.value, -a.tangent) }
    /// (a + a′ε)(b + b′ε) = ab + (a′b + ab′)ε.
    public static func * (a: Dual, b: Dual) -> Dual {
        Dual(a.value * b.value, a.tangent * b.value + a.value * b.tangent)
    }
    /// (a/b)′ = (a′b − ab′)/b².
    public static func / (a: Dual, b: Dual) -> Dual {
        Dual(a.value / b.value, (a.tangent * b.value - a.value * b.tangent) / (b.value * b.value))
    }

    /// f applied through its derivative: f(a) + f′(a)·a′ ε.
    public func applying(_ value: Double, derivative: Double) -> Dual {
        Dual(value, derivative * tangent)
    }

    /// aᵇ: b·aᵇ⁻¹·a′ for a constant exponent, eᵇˡⁿᵃ otherwise.
    public func power(_ exponent: Dual) -> Dual {
        if exponent.tangent == 0 {
            let p = Foundation.pow(value, exponent.value)
            let slope = exponent.value == 0 ? 0 : exponent.value * Foundation.pow(value, exponent.value - 1)
            return Dual(p, slope * tangent)
        }
        let p = Foundation.pow(value, exponent.value)
        return Dual(p, p * (exponent.tangent * Foundation.log(value) + exponent.value * tangent / value))
    }
}
