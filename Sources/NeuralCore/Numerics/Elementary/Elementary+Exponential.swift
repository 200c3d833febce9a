// MARK: - eˣ and eˣ − 1

extension Elementary {
    /// eˣ, within one ulp (0.6 ulp above the subnormal range), the same bits on every CPU.
    ///
    /// Reduction (Cody & Waite): k = round(x/ln 2), r = x − k·ln 2 to about twice working
    /// precision, |r| ≤ ½ ln 2, so eˣ = 2ᵏ·eʳ. `exponentialParts` gives eʳ − 1 = hi + lo from the
    /// Taylor series; 1 + hi is formed with its rounding error kept (Fast2Sum), and 2ᵏ is applied
    /// last, in one rounding even when the result is subnormal. eˣ overflows above
    /// ln((2 − 2⁻⁵³)·2¹⁰²³) and rounds to 0 below ln 2⁻¹⁰⁷⁵.
    package static func exp(_ x: Double) -> Double {
        if x.isNaN { return x }
        if x > 0x1.62e42fefa39efp+9 { return .infinity }
        if x < -0x1.74910d52d3052p+9 { return 0 }
        let (k, hi, lo) = exponentialParts(x)
        let s = 1 + hi
        return scale(s + (((1 - s) + hi) + lo), by: k)
    }

    /// eˣ − 1, accurate near 0 where `exp(x) − 1` cancels; within one ulp.
    package static func expm1(_ x: Double) -> Double {
        if x.isNaN { return x }
        if x > 0x1.62e42fefa39efp+9 { return .infinity }
        // e⁻⁴⁰ < 2⁻⁵⁷: −1 + eˣ rounds to −1.
        if x < -40 { return -1 }
        // x + x²/2 rounds to x; also keeps −0 and the subnormals exact.
        if x.magnitude < 0x1p-54 { return x }
        let parts = expm1Parts(x)
        return parts.hi + parts.lo
    }

    /// eˣ − 1 = hi + lo to well beyond `Double` precision (|lo| about an ulp of hi at most), for
    /// 2⁻⁵⁴ ≤ |x| and −40 ≤ x ≤ 709.78; `tanh` divides with both parts.
    ///
    /// With the reduction of `exp`, eˣ − 1 = 2ᵏ(1 + P) − 1 = (2ᵏ − 1) + 2ᵏP, P = eʳ − 1. For
    /// |k| ≤ 53 both terms are exact and their sum is formed exactly (TwoSum), so the one
    /// cancelling subtraction loses nothing; for k = 0 it is P itself. Further out, the 1 or the
    /// 2ᵏ(1 + P) is below the other's last bit and a single rounding of the pair suffices.
    static func expm1Parts(_ x: Double) -> DoubleDouble {
        let (k, hi, lo) = exponentialParts(x)
        if k == 0 { return DoubleDouble(hi: hi, lo: lo) }
        if k > 53 {
            // 1 + P = w + wₗ exactly enough (two Fast2Sums), then 2ᵏ(w + wₗ) − 1 with both parts scaled.
            let s = 1 + hi
            let e = ((1 - s) + hi) + lo
            let w = s + e
            return DoubleDouble(hi: scale(w, by: k), lo: scale(e - (w - s), by: k) - 1)
        }
        let twoToK = powerOfTwo(k)
        if k < -53 { return DoubleDouble(hi: -1, lo: twoToK * (1 + (hi + lo))) }
        let sum = DoubleDouble.sum(twoToK - 1, twoToK * hi)
        return DoubleDouble(hi: sum.hi, lo: sum.lo + twoToK * lo)
    }

    /// k and eʳ − 1 = hi + lo for x = k·ln 2 + r, |r| ≤ ½ ln 2 (|x| below 2⁵⁰·ln 2; callers pass
    /// |x| < 750).
    ///
    /// k = round(x/ln 2); x − k·ln2Hi is exact and r = (x − k·ln2Hi) − k·ln2Lo keeps its rounding
    /// error rₗ (Dekker's Fast2Sum: exact when |r| dominates, negligible otherwise). Then
    /// eʳ − 1 = r + r²·E(r) from the Taylor series (`exponentialTail`), the sum r + r²E split into
    /// its rounded value and error (Fast2Sum, |r| ≥ r²E), and e^{r + rₗ} − 1 ≈ p + rₗ(1 + p).
    @inline(__always) static func exponentialParts(_ x: Double) -> (k: Int, hi: Double, lo: Double) {
        let kf = (x * 0x1.71547652b82fep+0 + roundingShifter) - roundingShifter  // round(x/ln 2)
        let reducedHi = x - kf * ln2Hi
        let reducedLo = kf * ln2Lo
        let r = reducedHi - reducedLo
        let rLow = (reducedHi - r) - reducedLo
        let t = (r * r) * exponentialTail(r)
        let p = r + t
        return (Int(kf), p, ((r - p) + t) + rLow * (1 + p))
    }

    /// E(r) = Σ_{n≥2} rⁿ⁻²/n! = (eʳ − 1 − r)/r², the Taylor series to degree 13 in eʳ, in Horner
    /// form. For |r| ≤ ½ ln 2 the first omitted term r¹⁴/14! is below 2⁻⁶¹.
    @inline(__always) static func exponentialTail(_ r: Double) -> Double {
        var e = 0x1.6124613a86d09p-33  // 1/13!
        e = 0x1.1eed8eff8d898p-29 + r * e  // 1/12!
        e = 0x1.ae64567f544e4p-26 + r * e  // 1/11!
        e = 0x1.27e4fb7789f5cp-22 + r * e  // 1/10!
        e = 0x1.71de3a556c734p-19 + r * e  // 1/9!
        e = 0x1.a01a01a01a01ap-16 + r * e  // 1/8!
        e = 0x1.a01a01a01a01ap-13 + r * e  // 1/7!
        e = 0x1.6c16c16c16c17p-10 + r * e  // 1/6!
        e = 0x1.1111111111111p-7 + r * e  // 1/5!
        e = 0x1.5555555555555p-5 + r * e  // 1/4!
        e = 0x1.5555555555555p-3 + r * e  // 1/3!
        return 0.5 + r * e  // 1/2!
    }
}
