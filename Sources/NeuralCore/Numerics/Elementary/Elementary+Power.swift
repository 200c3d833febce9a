// MARK: - xⁿ for a whole exponent

extension Elementary {
    /// xⁿ for n ≥ 0, within half an ulp, the same bits on every CPU: the bias corrections 1 − βᵗ of
    /// Adam, AdamW and AdaMax, and the decaying learning-rate schedules' γᵏ.
    ///
    /// Binary powering (square-and-multiply over the bits of n, Knuth, TAOCP vol. 2, §4.6.3) in
    /// double-double arithmetic (`DoubleDouble`), so the ≈ 2·log₂ n roundings happen at 2⁻¹⁰⁶ and
    /// only the final conversion to `Double` rounds at 2⁻⁵³. Exact for x⁰ = 1; results beyond the
    /// `Double` range become ±∞ or 0 as the plain product would.
    package static func power(_ x: Double, _ n: Int) -> Double {
        precondition(n >= 0, "power(\(x), \(n)): the exponent must not be negative")
        var result = DoubleDouble(hi: 1, lo: 0)
        var base = DoubleDouble(hi: x, lo: 0)
        var rest = n
        while rest > 0 {
            if rest & 1 == 1 { result = result * base }
            rest >>= 1
            if rest > 0 { base = base * base }
        }
        return result.hi
    }
}
