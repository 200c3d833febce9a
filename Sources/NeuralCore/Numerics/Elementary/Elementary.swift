/// The elementary functions of the engine's `Double` path, written in Swift with one fixed order
/// of operations, so that they return the same bits on every CPU.
///
/// The C library cannot promise that: glibc picks FMA or AVX2 variants of `exp`, `log`, `tanh`,
/// `erf`, … by CPU at load time, and those round differently in the last bit for a few inputs in
/// a million — enough for a diverging training run to end somewhere else. These functions use
/// only `+ − × ÷`, comparisons and bit manipulation of IEEE 754 doubles in round-to-nearest, which
/// every x86-64 and ARM64 CPU computes identically, and Swift never fuses or reorders them.
///
/// Each function follows the classical recipe (Cody & Waite, *Software Manual for the Elementary
/// Functions*, 1980; Muller, *Elementary Functions: Algorithms and Implementation*, 3rd ed. 2016):
/// an exact reduction of the argument to a small interval, a polynomial from the function's
/// series there, and an exact reconstruction. The constants are mathematical quantities rounded
/// once to `Double` by `scripts/elementary-coefficients.py`. The tests hold every function within
/// one ulp of a `Float80` reference and of glibc (two for `tanh`, where glibc itself errs by two);
/// the largest errors `litmus-bench numerics` found on 2·10⁶ seeded inputs each, in ulps: exp 0.74
/// (subnormal results), expm1 0.87, log 0.87, log1p 0.92, tanh 0.76, erf 0.81, cos 0.74.
package enum Elementary {
    // MARK: - Shared pieces of the reductions

    /// The high part of ln 2 = ln2Hi + ln2Lo: 42 significant bits, so k·ln2Hi is exact for |k| < 2¹¹
    /// and x − k·ln2Hi is exact near k·ln 2 (Cody & Waite's two-constant reduction).
    @inline(__always) static var ln2Hi: Double { 0x1.62e42fefa3800p-1 }

    /// The low part, ln 2 − ln2Hi rounded to `Double`.
    @inline(__always) static var ln2Lo: Double { 0x1.ef35793c76730p-45 }

    /// 1.5·2⁵²: for |v| < 2⁵¹, `(v + shifter) − shifter` is v rounded to the nearest integer (ties to
    /// even), computed exactly — the reductions' k = round(x/ln 2) without a conversion call.
    @inline(__always) static var roundingShifter: Double { 0x1.8p52 }

    /// 2ᵏ for k in −1022…1023, built from its bit pattern.
    @inline(__always) static func powerOfTwo(_ k: Int) -> Double {
        Double(bitPattern: UInt64(k + 1023) << 52)
    }

    /// y·2ᵏ rounded once, for y in [½, 2] and k in −1100…1100: past either end of the exponent range
    /// the first factor is exact and the second rounds, so overflow gives ±∞ and gradual underflow
    /// gives the correctly rounded subnormal of the exact y·2ᵏ.
    @inline(__always) static func scale(_ y: Double, by k: Int) -> Double {
        if k > 1023 { return y * powerOfTwo(k - 600) * 0x1p600 }
        if k < -1022 { return y * powerOfTwo(k + 600) * 0x1p-600 }
        return y * powerOfTwo(k)
    }
}
