// MARK: - tanh x

extension Elementary {
    /// The hyperbolic tangent, within one ulp, the same bits on every CPU.
    ///
    /// tanh is odd; for a = |x| and t = e²ᵃ − 1 = T + τ (`expm1Parts`, accurate near 0),
    /// tanh a = (e²ᵃ − 1)/(e²ᵃ + 1) = t/(t + 2) for a < 1 and 1 − 2/(t + 2) for a ≥ 1 (where
    /// 2/(t + 2) ≤ 0.24). Each quotient is one `Double` division refined by one step of long
    /// division with the exact remainder (Dekker's product), so the result rounds about once.
    /// tanh x = x below 2⁻²⁸ (the next term x³/3 is below half an ulp), ±1 above 20
    /// (1 − tanh 20 < 2⁻⁵⁶).
    package static func tanh(_ x: Double) -> Double {
        if x.isNaN { return x }
        let a = x.magnitude
        if a < 0x1p-28 { return x }
        let y: Double
        if a > 20 {
            y = 1
        } else {
            let t = expm1Parts(2 * a)
            // t + 2 = D + Dₗ exactly enough.
            let d = DoubleDouble.sum(2, t.hi)
            let dLow = d.lo + t.lo
            if a < 1 {
                let q = quotient(t.hi, t.lo, d.hi, dLow)
                y = q.hi + q.lo
            } else {
                let q = quotient(2, 0, d.hi, dLow)
                let s = DoubleDouble.sum(1, -q.hi)
                y = s.hi + (s.lo - q.lo)
            }
        }
        return x < 0 ? -y : y
    }

    /// (n + nₗ)/(d + dₗ) = hi + lo: q = n/d rounded, then lo = ρ/d with the remainder
    /// ρ = (n − q·d) + nₗ − q·dₗ, where q·d is exact (Dekker) and n − q·d cancels exactly.
    @inline(__always) private static func quotient(_ n: Double, _ nLow: Double, _ d: Double, _ dLow: Double)
        -> DoubleDouble
    {
        let q = n / d
        let qd = DoubleDouble.product(q, d)
        let remainder = ((n - qd.hi) - qd.lo) + (nLow - q * dLow)
        return DoubleDouble(hi: q, lo: remainder / d)
    }
}
